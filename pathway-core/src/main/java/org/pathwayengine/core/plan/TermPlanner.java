package org.pathwayengine.core.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import org.pathwayengine.core.EvaluationOptions;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.internal.RequirementEvaluator;
import org.pathwayengine.core.plan.internal.TermScheduler;

/**
 * Spreads a goal plan over terms of limited capacity: every badge after its prerequisites' terms,
 * co-requisites in the same or an earlier term, in-progress badges first, in as few terms as it can.
 *
 * <pre>{@code
 * TermPlan terms = TermPlanner.of(pathway).plan(held, inProgress, Goal.badge("si-nanodegree"),
 *     TermPlanner.Capacity.of(2, 6), EvaluationOptions.defaults());
 * }</pre>
 *
 * <p>Precedence comes from the rules themselves: for each badge, a minimal set of earlier plan badges
 * whose holding makes its {@code requires} hold (those go in earlier terms), and a minimal set that
 * makes its {@code coRequires} hold (those go in the same or an earlier term; badges that require each
 * other as co-requisites share a term). With two badges per term, no credit limit, no co-requisites and
 * nothing in progress, the schedule is Coffman–Graham's (Coffman and Graham 1972), which is optimal for
 * two unit tasks per step; otherwise it is a critical-path list schedule (longest remaining chain first,
 * in-progress badges before all others, then by id), which is not always optimal but never has fewer
 * terms than {@link TermPlan#lowerBound()}. O(n^2) rule evaluations to find the precedence and O(n^2)
 * for the schedule, n the plan's size. Thread-safe; nothing about a learner is kept.
 */
public final class TermPlanner {
  private final Pathway pathway;
  private final GoalPlanner goals;
  private final RequirementEvaluator evaluator;

  private TermPlanner(Pathway pathway) {
    this.pathway = pathway;
    this.goals = GoalPlanner.of(pathway);
    this.evaluator = new RequirementEvaluator(pathway);
  }

  /** A term planner for {@code pathway}, which should validate without errors. */
  public static TermPlanner of(Pathway pathway) {
    return new TermPlanner(requireNonNull(pathway, "pathway"));
  }

  /**
   * What one term can hold.
   *
   * @param badgesPerTerm at most this many badges per term, at least 1 ({@link Integer#MAX_VALUE} for
   *     no limit)
   * @param creditsPerTerm at most this many credits per term (a badge without credits counts 0), if
   *     limited; positive
   */
  public record Capacity(int badgesPerTerm, OptionalDouble creditsPerTerm) {
    /** Checks the arguments. */
    public Capacity {
      checkArgument(badgesPerTerm >= 1, "badgesPerTerm must be >= 1, was %s", badgesPerTerm);
      requireNonNull(creditsPerTerm, "creditsPerTerm");
      creditsPerTerm.ifPresent(c -> checkArgument(Double.isFinite(c) && c > 0,
          "creditsPerTerm must be a positive number, was %s", c));
    }

    /** At most {@code n} badges per term. */
    public static Capacity badges(int n) {
      return new Capacity(n, OptionalDouble.empty());
    }

    /** At most {@code credits} credits per term, any number of badges. */
    public static Capacity credits(double credits) {
      return new Capacity(Integer.MAX_VALUE, OptionalDouble.of(credits));
    }

    /** At most {@code n} badges and {@code credits} credits per term. */
    public static Capacity of(int n, double credits) {
      return new Capacity(n, OptionalDouble.of(credits));
    }
  }

  /**
   * Plans the cheapest way to {@code goal} (see {@link GoalPlanner}) and spreads it over terms. An
   * unreachable goal gives no terms, {@code reachable == false} and the reason.
   *
   * @param held what the learner holds
   * @param inProgress badges the learner is taking now: scheduled first where the plan has them
   * @throws IllegalArgumentException if the goal names an unknown badge, or a badge (or a group of
   *     badges that must share a term) does not fit in one term
   */
  public TermPlan plan(Set<String> held, Set<String> inProgress, Goal goal, Capacity capacity,
      EvaluationOptions options) {
    GoalPlan plan = goals.plan(held, goal, options);
    if (!plan.reachable()) {
      return new TermPlan(List.of(), 0, true, false, plan.reason());
    }
    return schedule(held, inProgress, plan.badges(), capacity);
  }

  /**
   * Spreads {@code badges}, a valid order for a learner who holds {@code held} (as a {@link GoalPlan}
   * gives), over terms.
   *
   * @throws IllegalArgumentException if {@code badges} is not a valid order, names an unknown or
   *     stacked badge, or a badge (or a group that must share a term) does not fit in one term
   */
  public TermPlan schedule(Set<String> held, Set<String> inProgress, List<String> badges,
      Capacity capacity) {
    requireNonNull(held, "held");
    requireNonNull(inProgress, "inProgress");
    requireNonNull(badges, "badges");
    requireNonNull(capacity, "capacity");
    TermScheduler.Result r = new TermScheduler(pathway, evaluator, held, inProgress, badges,
        capacity.badgesPerTerm(), capacity.creditsPerTerm()).run();
    return new TermPlan(r.terms(), r.lowerBound(), r.optimal(), true, Optional.empty());
  }
}
