package org.pathwayengine.core;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * How evaluations and plans search for the cheapest remaining badges.
 *
 * @param cost what is minimised
 * @param searchBudget how many search nodes one exact search may visit before it settles for the
 *     best answer found (then not marked optimal); at least 1
 * @param totalSearchBudget how many search nodes the searches of one evaluation may visit in all
 *     (one search per stacked credential not held): each gets an equal share of it, at most
 *     {@code searchBudget} and at least 1 (see {@link #budgetPerSearch}); at least 1,
 *     {@link Long#MAX_VALUE} for no limit beyond {@code searchBudget}
 */
public record EvaluationOptions(CostMeasure cost, long searchBudget, long totalSearchBudget) {
  /**
   * The default budget, per search (one per stacked credential in an evaluation): exact answers on
   * pathways whose rules leave a few thousand choices, and an answer within seconds on wide
   * {@code atLeast} rules (a real 103-badge Badgr pathway with "4 of 21" rules), where the best plan
   * found is returned unproven. Raise it where proofs matter more than time.
   */
  public static final long DEFAULT_SEARCH_BUDGET = 10_000;

  /**
   * The default budget of one evaluation's searches in all: every search keeps the default budget
   * up to 400 stacked credentials not held; beyond, the shares shrink, so that the time of an
   * evaluation stops growing with the credentials whose search would spend its whole budget. On a synthetic
   * 100 000-badge pathway with 4 552 credentials to plan (878 nodes each), a status takes 8.6-9.4 s
   * instead of 15.2 s; 1 049 plans are not proven minimal instead of 805, and 229 are longer, by
   * 2.5 badges on average (docs/PERFORMANCE.md). Raise it where proofs matter more than time.
   */
  public static final long DEFAULT_TOTAL_SEARCH_BUDGET = 4_000_000;

  /** Checks the arguments. */
  public EvaluationOptions {
    requireNonNull(cost, "cost");
    checkArgument(searchBudget >= 1, "searchBudget must be >= 1, was %s", searchBudget);
    checkArgument(totalSearchBudget >= 1, "totalSearchBudget must be >= 1, was %s",
        totalSearchBudget);
  }

  /**
   * Minimise {@code cost}, each search within {@code searchBudget} nodes, with no limit on the
   * searches of an evaluation in all.
   */
  public EvaluationOptions(CostMeasure cost, long searchBudget) {
    this(cost, searchBudget, Long.MAX_VALUE);
  }

  /** Minimise the count, with the default budgets (per search and in all). */
  public static EvaluationOptions defaults() {
    return new EvaluationOptions(CostMeasure.COUNT, DEFAULT_SEARCH_BUDGET,
        DEFAULT_TOTAL_SEARCH_BUDGET);
  }

  /** These options, minimising {@code measure}. */
  public EvaluationOptions withCost(CostMeasure measure) {
    return new EvaluationOptions(measure, searchBudget, totalSearchBudget);
  }

  /** These options, each search within {@code budget} nodes. */
  public EvaluationOptions withSearchBudget(long budget) {
    return new EvaluationOptions(cost, budget, totalSearchBudget);
  }

  /** These options, the searches of one evaluation within {@code budget} nodes in all. */
  public EvaluationOptions withTotalSearchBudget(long budget) {
    return new EvaluationOptions(cost, searchBudget, budget);
  }

  /**
   * The budget of each of {@code searches} searches run for one evaluation: an equal share of
   * {@link #totalSearchBudget}, at most {@link #searchBudget} and at least 1. It depends on the
   * number of searches alone, so an evaluation's answer does not depend on how its searches are
   * spread over threads.
   *
   * @throws IllegalArgumentException if {@code searches} is below 1
   */
  public long budgetPerSearch(int searches) {
    checkArgument(searches >= 1, "searches must be >= 1, was %s", searches);
    return Math.max(1, Math.min(searchBudget, totalSearchBudget / searches));
  }
}
