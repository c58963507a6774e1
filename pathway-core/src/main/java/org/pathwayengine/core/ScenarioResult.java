package org.pathwayengine.core;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * The outcome of one {@link Scenario}.
 *
 * @param scenario the scenario's name
 * @param failures one message per unmet expectation, saying what was expected and what was found
 */
public record ScenarioResult(String scenario, List<String> failures) {
  /** Checks and copies the arguments. */
  public ScenarioResult {
    requireNonNull(scenario, "scenario");
    failures = List.copyOf(failures);
  }

  /** Whether every expectation was met. */
  public boolean passed() {
    return failures.isEmpty();
  }
}
