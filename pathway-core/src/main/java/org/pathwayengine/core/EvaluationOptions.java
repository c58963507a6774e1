package org.pathwayengine.core;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * How evaluations and plans search for the cheapest remaining badges.
 *
 * @param cost what is minimised
 * @param searchBudget how many search nodes an exact search may visit before it settles for the best
 *     answer found (then not marked optimal); at least 1
 */
public record EvaluationOptions(CostMeasure cost, long searchBudget) {
  /**
   * The default budget, per search (one per stacked credential in an evaluation): exact answers on
   * pathways whose rules leave a few thousand choices, and an answer within seconds on wide
   * {@code atLeast} rules (a real 103-badge Badgr pathway with "4 of 21" rules), where the best plan
   * found is returned unproven. Raise it where proofs matter more than time.
   */
  public static final long DEFAULT_SEARCH_BUDGET = 10_000;

  /** Checks the arguments. */
  public EvaluationOptions {
    requireNonNull(cost, "cost");
    checkArgument(searchBudget >= 1, "searchBudget must be >= 1, was %s", searchBudget);
  }

  /** Minimise the count, with the default budget. */
  public static EvaluationOptions defaults() {
    return new EvaluationOptions(CostMeasure.COUNT, DEFAULT_SEARCH_BUDGET);
  }

  /** These options, minimising {@code measure}. */
  public EvaluationOptions withCost(CostMeasure measure) {
    return new EvaluationOptions(measure, searchBudget);
  }
}
