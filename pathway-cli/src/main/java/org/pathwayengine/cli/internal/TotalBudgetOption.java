package org.pathwayengine.cli.internal;

import org.pathwayengine.core.EvaluationOptions;
import picocli.CommandLine.Option;

/** The search budget that the commands planning every credential share among them. */
final class TotalBudgetOption {
  @Option(names = "--total-budget", paramLabel = "N",
      description = "Search nodes for all the credentials together, shared equally, each within "
          + "--budget (default " + EvaluationOptions.DEFAULT_TOTAL_SEARCH_BUDGET + ").")
  long totalBudget = EvaluationOptions.DEFAULT_TOTAL_SEARCH_BUDGET;

  /** {@code options} with this total (exit 2 for a total below 1). */
  EvaluationOptions applyTo(EvaluationOptions options) {
    if (totalBudget < 1) {
      throw ExitException.usage("--total-budget must be at least 1, was " + totalBudget);
    }
    return options.withTotalSearchBudget(totalBudget);
  }
}
