package org.pathwayengine.core;

import java.time.LocalDate;

/**
 * Evaluates learners against one pathway (SPEC section 4): what they hold, what has expired, what
 * they can start, how far they are from each stacked credential, and why.
 *
 * <p>Prepared once per pathway and immutable afterwards: share one evaluator across threads.
 *
 * <pre>{@code
 * PathwayEvaluator evaluator = PathwayEvaluator.of(pathway);
 * LearnerStatus status = evaluator.evaluate(alice, LocalDate.of(2026, 1, 1));
 * }</pre>
 */
public final class PathwayEvaluator {
  private final Pathway pathway;

  private PathwayEvaluator(Pathway pathway) {
    this.pathway = pathway;
  }

  /** An evaluator for {@code pathway}, which should validate without errors. */
  public static PathwayEvaluator of(Pathway pathway) {
    return new PathwayEvaluator(java.util.Objects.requireNonNull(pathway, "pathway"));
  }

  /** The pathway this evaluator serves. */
  public Pathway pathway() {
    return pathway;
  }

  /** Where {@code learner} stands on {@code asOf}, minimising remaining badges by count. */
  public LearnerStatus evaluate(LearnerRecord learner, LocalDate asOf) {
    return evaluate(learner, asOf, EvaluationOptions.defaults());
  }

  /** Where {@code learner} stands on {@code asOf}. */
  public LearnerStatus evaluate(LearnerRecord learner, LocalDate asOf, EvaluationOptions options) {
    throw new UnsupportedOperationException("evaluation lands with the core engine issue");
  }

  /**
   * Why {@code badge} is or is not held and eligible for {@code learner} on {@code asOf}.
   *
   * @throws IllegalArgumentException if the pathway has no such badge
   */
  public Explanation explain(LearnerRecord learner, LocalDate asOf, String badge) {
    throw new UnsupportedOperationException("evaluation lands with the core engine issue");
  }
}
