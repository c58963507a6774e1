package org.pathwayengine.core;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import org.pathwayengine.core.internal.EvaluationEngine;

/**
 * Evaluates learners against one pathway (SPEC section 4): what they hold, what has expired, what
 * they can start, how far they are from each stacked credential, and why.
 *
 * <p>Prepared once per pathway and immutable afterwards: share one evaluator across threads.
 * Preparation is O(badges + dependency edges); an evaluation is O(record entries + size of all rules)
 * for rules without {@code distinct}, plus one goal-planner search per incomplete stacked credential
 * (the same solver as {@link org.pathwayengine.core.plan.GoalPlanner}, each bounded by
 * {@link EvaluationOptions#budgetPerSearch}). No recursion grows with the pathway: a chain of
 * 100 000 prerequisites or of credentials stacked on credentials evaluates.
 *
 * <pre>{@code
 * PathwayEvaluator evaluator = PathwayEvaluator.of(pathway);
 * LearnerStatus status = evaluator.evaluate(alice, LocalDate.of(2026, 1, 1));
 * }</pre>
 */
public final class PathwayEvaluator {
  private final Pathway pathway;
  private final EvaluationEngine engine;

  private PathwayEvaluator(Pathway pathway) {
    this.pathway = pathway;
    this.engine = new EvaluationEngine(pathway);
  }

  /** An evaluator for {@code pathway}, which should validate without errors. */
  public static PathwayEvaluator of(Pathway pathway) {
    return new PathwayEvaluator(requireNonNull(pathway, "pathway"));
  }

  /** The pathway this evaluator serves. */
  public Pathway pathway() {
    return pathway;
  }

  /** Where {@code learner} stands on {@code asOf}, minimising remaining badges by count. */
  public LearnerStatus evaluate(LearnerRecord learner, LocalDate asOf) {
    return evaluate(learner, asOf, EvaluationOptions.defaults());
  }

  /**
   * Where {@code learner} stands on {@code asOf}: held badges (entries that count at that date, by id,
   * prefixed id or alias, from trusted issuers; waivers; substitutions; equivalents; stacked
   * credentials whose rules hold), expired, untrusted and unmatched entries, eligible badges with their
   * missing co-requisites, and progress toward every stacked credential, its remaining badges minimal
   * by {@code options}' cost measure. Names in the waivers or substitutions that match no badge are
   * reported as unmatched too.
   *
   * <p>Progress takes one planner search per stacked credential not yet held, each within
   * {@code options}' search budget and an equal share of its total budget
   * ({@link EvaluationOptions#budgetPerSearch}); from 8 credentials on, the searches run on the
   * common fork-join pool (a parallel stream), and the result is the same as run one by one.
   */
  public LearnerStatus evaluate(LearnerRecord learner, LocalDate asOf, EvaluationOptions options) {
    return engine.status(requireNonNull(learner, "learner"), requireNonNull(asOf, "asOf"),
        requireNonNull(options, "options"));
  }

  /**
   * Why {@code badge} is or is not held and eligible for {@code learner} on {@code asOf}: its
   * {@code requires}, {@code coRequires} and {@code stack} trees with every node marked holds or not
   * and the held badges that count toward it. A node under a {@code distinct} group is marked as if
   * it stood alone; the group's own mark accounts for badges its siblings use.
   *
   * @throws IllegalArgumentException if the pathway has no such badge
   */
  public Explanation explain(LearnerRecord learner, LocalDate asOf, String badge) {
    return engine.explain(requireNonNull(learner, "learner"), requireNonNull(asOf, "asOf"),
        requireNonNull(badge, "badge"));
  }
}
