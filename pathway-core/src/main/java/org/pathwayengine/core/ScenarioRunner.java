package org.pathwayengine.core;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.List;
import org.pathwayengine.core.internal.ScenarioCheck;

/**
 * Runs the scenarios of a pathway (SPEC section 6) against its evaluator: for each scenario, its
 * learner is evaluated at its {@code asOf} date and every expectation is checked; a failure message
 * says what was expected and what was found.
 *
 * <pre>{@code
 * for (ScenarioResult r : ScenarioRunner.run(pathway)) {
 *   r.failures().forEach(System.err::println);
 * }
 * }</pre>
 */
public final class ScenarioRunner {
  private ScenarioRunner() {}

  /** Runs every scenario of {@code pathway}, in order. */
  public static List<ScenarioResult> run(Pathway pathway) {
    ScenarioCheck check = new ScenarioCheck(requireNonNull(pathway, "pathway"));
    List<ScenarioResult> results = new ArrayList<>();
    for (Scenario s : pathway.scenarios()) {
      results.add(check.run(s));
    }
    return List.copyOf(results);
  }

  /** Runs one scenario against {@code pathway}. */
  public static ScenarioResult run(Pathway pathway, Scenario scenario) {
    return new ScenarioCheck(requireNonNull(pathway, "pathway"))
        .run(requireNonNull(scenario, "scenario"));
  }
}
