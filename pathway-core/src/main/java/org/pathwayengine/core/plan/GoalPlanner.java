package org.pathwayengine.core.plan;

import java.util.Set;
import org.pathwayengine.core.EvaluationOptions;
import org.pathwayengine.core.Pathway;

/**
 * Finds the cheapest set of badges whose earning makes a goal hold, every chosen badge's prerequisites
 * and co-requisites included, and orders it so that each badge can be taken when its turn comes.
 * Stacked credentials are awarded, never taken: they never appear in a plan.
 */
public final class GoalPlanner {
  private final Pathway pathway;

  private GoalPlanner(Pathway pathway) {
    this.pathway = pathway;
  }

  /** A planner for {@code pathway}, which should validate without errors. */
  public static GoalPlanner of(Pathway pathway) {
    return new GoalPlanner(java.util.Objects.requireNonNull(pathway, "pathway"));
  }

  /**
   * The cheapest plan to {@code goal} for a learner who holds exactly {@code held} (ids after
   * expiry, trust, waivers and substitutions are applied; stacked credentials included).
   */
  public GoalPlan plan(Set<String> held, Goal goal, EvaluationOptions options) {
    throw new UnsupportedOperationException("planning lands with the recommendations issue");
  }
}
