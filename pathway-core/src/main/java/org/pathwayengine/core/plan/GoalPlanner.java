package org.pathwayengine.core.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import com.google.common.base.Supplier;
import com.google.common.base.Suppliers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;
import org.pathwayengine.core.EvaluationOptions;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.internal.RequirementEvaluator;
import org.pathwayengine.core.plan.internal.PlanIndex;
import org.pathwayengine.core.plan.internal.PlanSearch;

/**
 * Finds the cheapest set of badges whose earning makes a goal hold, every chosen badge's prerequisites
 * and co-requisites included, and orders it so that each badge can be taken when its turn comes.
 * Stacked credentials are awarded, never taken: they never appear in a plan.
 *
 * <pre>{@code
 * GoalPlanner planner = GoalPlanner.of(pathway);
 * GoalPlan plan = planner.plan(Set.of("si-101"), Goal.badge("si-nanodegree"),
 *     EvaluationOptions.defaults().withCost(CostMeasure.HOURS));
 * }</pre>
 *
 * <p><b>Semantics.</b> The learner holds {@code held}; stacked credentials are awarded whenever their
 * {@code requires} and {@code stack} hold over what is held and earned (credentials of credentials
 * included). A plan is valid when its badges can be taken one step at a time: a badge's {@code requires}
 * holds over what was held or taken before it (and the credentials that this awarded), its {@code
 * coRequires} over that plus the badges taken in the same step. The goal then holds: a badge goal when
 * the badge, or a badge equivalent to it, is held or earned (a stacked credential when it is awarded); a
 * skills goal when the held and earned badges (awarded credentials included) together carry every
 * skill. The plan minimises the total cost (count, hours or credits; a badge without hours or credits
 * costs 0), then the count. Ties between plans of equal cost are decided by the search order, which is
 * deterministic.
 *
 * <p><b>Algorithm.</b> Exact depth-first branch and bound: each node branches on the badges that could
 * satisfy one unmet rule (child i takes the i-th and forbids the earlier ones, so no set is visited
 * twice). Which tree value bounds what:
 *
 * <ul>
 *   <li>The <em>share-free tree value</em> (sum over {@code allOf}, min over {@code anyOf}, the n
 *       cheapest over {@code atLeast n}, a badge's cost plus that of its prerequisites) prices every
 *       subtree as if it shared no badge with its siblings. The union of those sub-plans is a valid plan
 *       and shared badges are paid once in it, so the tree value is an <b>upper bound</b> on the optimum,
 *       never a lower bound. It is used only to try the cheapest-looking branch first.
 *   <li>The <em>max relaxation</em> (max over {@code allOf}, the n-th cheapest over {@code atLeast n})
 *       is a <b>lower bound</b>: any plan satisfies each child, so it costs at least the dearest
 *       child's minimum, whatever is shared.
 *   <li>A <em>disjoint-witness sum</em> is also a <b>lower bound</b>: where the badges that could
 *       directly satisfy the children are pairwise disjoint sets, no badge serves two children, so
 *       their own costs add up (this is what proves that 5 of 20 electives cost at least 5).
 * </ul>
 *
 * <p>Nodes whose cost plus lower bound cannot beat the best plan found are pruned. Work per node is
 * linear in the part of the pathway the change touches; the number of nodes is bounded by {@link
 * EvaluationOptions#searchBudget()} (the problem contains set cover, so it is NP-hard in general). When
 * the budget runs out the best plan found is returned with {@code optimal == false} and the root's
 * lower bound.
 *
 * <p>Thread-safe and stateless per learner: nothing about a learner is cached, so "what if" questions
 * are asked by adding hypothetical badges to {@code held}.
 */
public final class GoalPlanner {
  private final Pathway pathway;
  /** The pathway numbered once for all the searches of this planner, on first use. */
  private final Supplier<PlanIndex> index;

  private GoalPlanner(Pathway pathway) {
    this.pathway = pathway;
    RequirementEvaluator evaluator = new RequirementEvaluator(pathway);
    this.index = Suppliers.memoize(() -> new PlanIndex(pathway, evaluator));
  }

  /** A planner for {@code pathway}, which should validate without errors. */
  public static GoalPlanner of(Pathway pathway) {
    return new GoalPlanner(requireNonNull(pathway, "pathway"));
  }

  /** The pathway this planner serves. */
  public Pathway pathway() {
    return pathway;
  }

  /** The pathway's ids numbered once, shared with the {@link Recommender} built on this planner. */
  PlanIndex index() {
    return index.get();
  }

  /**
   * The cheapest plan to {@code goal} for a learner who holds exactly {@code held} (ids after
   * expiry, trust, waivers and substitutions are applied; stacked credentials included). A goal that
   * already holds gives an empty, optimal plan of cost 0; an unreachable goal gives {@code reachable ==
   * false} with a reason.
   *
   * @throws IllegalArgumentException if a badge goal names a badge the pathway does not have
   */
  public GoalPlan plan(Set<String> held, Goal goal, EvaluationOptions options) {
    requireNonNull(held, "held");
    requireNonNull(goal, "goal");
    requireNonNull(options, "options");
    checkGoal(goal);
    return plan(new PlanSearch(index.get(), held, options), goal);
  }

  /**
   * The plans to each of {@code goals} for one learner: the same plans as {@link #plan} for each goal,
   * in the order of {@code goals}, computed on all cores. Faster than one call per goal: the searches
   * of one thread share what does not depend on the goal (the learner's closure, the rules compiled over
   * the whole pathway, witness sets, the arrays the search works in), which on a large pathway costs
   * more than a short search itself.
   *
   * @throws IllegalArgumentException if a badge goal names a badge the pathway does not have
   */
  public List<GoalPlan> planAll(Set<String> held, List<Goal> goals, EvaluationOptions options) {
    requireNonNull(held, "held");
    requireNonNull(options, "options");
    List<Goal> all = List.copyOf(goals);
    all.forEach(this::checkGoal);
    if (all.isEmpty()) {
      return List.of();
    }
    PlanIndex shared = index.get();
    Set<String> learner = Set.copyOf(held);
    GoalPlan[] out = new GoalPlan[all.size()];
    // Goals are handed out one at a time: a few searches that spend their whole budget take far
    // longer than the rest, and fixed shares of the list would leave a core idle at the end.
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      PlanSearch search = null;
      for (int k = next.getAndIncrement(); k < out.length; k = next.getAndIncrement()) {
        if (search == null) {
          search = new PlanSearch(shared, learner, options);
        }
        out[k] = plan(search, all.get(k));
      }
    };
    int helpers = all.size() >= PARALLEL_GOALS
        ? Math.min(Runtime.getRuntime().availableProcessors(), all.size()) - 1 : 0;
    List<ForkJoinTask<?>> started = new ArrayList<>();
    for (int h = 0; h < helpers; h++) {
      started.add(ForkJoinPool.commonPool().submit(worker));
    }
    // The calling thread works too, so the goals are all planned even if the pool is busy.
    worker.run();
    started.forEach(ForkJoinTask::join);
    return List.of(out);
  }

  /** From this many goals on, {@link #planAll} searches on all cores. */
  private static final int PARALLEL_GOALS = 8;

  private void checkGoal(Goal goal) {
    requireNonNull(goal, "goal");
    if (goal instanceof Goal.OfBadge g) {
      checkArgument(pathway.hasBadge(g.badge()),
          "goal '%s' is not a badge of pathway %s; use one of its badge ids", g.badge(), pathway.id());
    }
  }

  private static GoalPlan plan(PlanSearch search, Goal goal) {
    PlanSearch.Outcome o = search.run(goal);
    return new GoalPlan(goal, o.reachable(), o.badges(), o.cost(), o.optimal(), o.lowerBound(),
        o.reason());
  }
}
