package org.pathwayengine.cli.internal;

import org.pathwayengine.core.EvaluationOptions;
import picocli.CommandLine.Option;

/** The search budget of the commands that look for the cheapest badges. */
final class BudgetOption {
  @Option(names = "--budget", paramLabel = "N",
      description = "Search nodes an exact search may visit before it settles for the best found "
          + "(default " + EvaluationOptions.DEFAULT_SEARCH_BUDGET + "); lower it for faster, "
          + "possibly non-minimal answers.")
  long budget = EvaluationOptions.DEFAULT_SEARCH_BUDGET;
}
