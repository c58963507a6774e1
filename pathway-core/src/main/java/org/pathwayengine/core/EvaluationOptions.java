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
  /** The default budget: enough for exact answers on pathways of a few hundred candidate badges. */
  public static final long DEFAULT_SEARCH_BUDGET = 200_000;

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
