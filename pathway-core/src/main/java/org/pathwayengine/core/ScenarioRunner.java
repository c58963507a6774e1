package org.pathwayengine.core;

import java.util.List;

/** Runs the scenarios of a pathway (SPEC section 6) against its evaluator. */
public final class ScenarioRunner {
  private ScenarioRunner() {}

  /** Runs every scenario of {@code pathway}, in order. */
  public static List<ScenarioResult> run(Pathway pathway) {
    throw new UnsupportedOperationException("scenarios land with the core engine issue");
  }

  /** Runs one scenario against {@code pathway}. */
  public static ScenarioResult run(Pathway pathway, Scenario scenario) {
    throw new UnsupportedOperationException("scenarios land with the core engine issue");
  }
}
