package org.pathwayengine.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.CostMeasure;
import org.pathwayengine.core.EvaluationOptions;
import org.pathwayengine.core.Pathway;

/** Laws of goal plans, checked against a brute-force reference on small random pathways. */
class GoalPlannerProperties {

  private static EvaluationOptions options(CostMeasure m) {
    return new EvaluationOptions(m, 200_000); // generous: these properties demand proven optima
  }

  @Property(tries = 300)
  void planIsValidAndOptimal(@ForAll long seed, @ForAll @IntRange(min = 3, max = 14) int n,
      @ForAll CostMeasure measure) {
    Pathway p = PlanReference.randomPathway(seed, n);
    Set<String> held = PlanReference.randomHeld(seed, p);
    Goal goal = PlanReference.randomGoal(seed, p);
    PlanReference ref = new PlanReference(p);

    GoalPlan plan = GoalPlanner.of(p).plan(held, goal, options(measure));
    double[] best = ref.bruteForce(held, goal, measure);
    String kind = best == null ? "unreachable" : best[1] == 0 ? "already held" : "needs badges";
    Statistics.label("outcome").collect(kind);
    Statistics.label("goal").collect(goal instanceof Goal.OfSkills ? "skills" : "badge");
    Statistics.label("stacked goal").collect(goal instanceof Goal.OfBadge g
        && p.badge(g.badge()).orElseThrow().isStacked());
    Statistics.label("plan size").collect(best == null ? -1 : (int) Math.min(best[1], 4));
    Statistics.label("outcome").coverage(c -> {
      c.check("unreachable").percentage(x -> x >= 3);
      c.check("already held").percentage(x -> x >= 3);
      c.check("needs badges").percentage(x -> x >= 40);
    });
    Statistics.label("plan size").coverage(c -> c.check(4).percentage(x -> x >= 3));
    Statistics.label("stacked goal").coverage(c -> c.check(true).percentage(x -> x >= 5));

    if (best == null) {
      assertFalse(plan.reachable(), () -> "brute force finds no plan, planner says " + plan);
      assertTrue(plan.reason().isPresent());
      return;
    }
    assertTrue(plan.reachable(), () -> "brute force finds " + best[0] + ", planner says " + plan);
    assertTrue(plan.optimal());
    Optional<String> wrong = ref.checkOrder(held, goal, plan.badges());
    assertTrue(wrong.isEmpty(), () -> wrong.orElse("") + " in " + plan);
    assertEquals(best[0], ref.cost(plan.badges(), measure), 1e-9, () -> "cost of " + plan);
    assertEquals(best[0], plan.cost(), 1e-9);
    assertEquals((int) best[1], plan.badges().size(), () -> "count tie-break of " + plan);
    assertEquals(plan.cost(), plan.lowerBound(), 1e-9);
    assertEquals(plan.badges().size(), new HashSet<>(plan.badges()).size(), "no badge twice");
  }

  @Property(tries = 200)
  void holdingOneMoreBadgeNeverCostsMore(@ForAll long seed,
      @ForAll @IntRange(min = 3, max = 12) int n, @ForAll CostMeasure measure) {
    Pathway p = PlanReference.randomPathway(seed, n);
    Set<String> held = PlanReference.randomHeld(seed, p);
    Goal goal = PlanReference.randomGoal(seed, p);
    GoalPlanner planner = GoalPlanner.of(p);
    GoalPlan before = planner.plan(held, goal, options(measure));
    for (Badge b : p.badges()) {
      if (b.isStacked() || held.contains(b.id())) {
        continue;
      }
      Set<String> more = new HashSet<>(held);
      more.add(b.id());
      GoalPlan after = planner.plan(more, goal, options(measure));
      if (before.reachable()) {
        assertTrue(after.reachable(), () -> "holding " + b.id() + " made " + goal + " unreachable");
        assertTrue(after.cost() <= before.cost() + 1e-9,
            () -> "holding " + b.id() + ": " + after + " costs more than " + before);
      }
    }
  }

  @Property(tries = 100)
  void aTinyBudgetStillGivesAValidPlanAndABound(@ForAll long seed,
      @ForAll @IntRange(min = 3, max = 12) int n) {
    Pathway p = PlanReference.randomPathway(seed, n);
    Set<String> held = PlanReference.randomHeld(seed, p);
    Goal goal = PlanReference.randomGoal(seed, p);
    PlanReference ref = new PlanReference(p);
    GoalPlan plan = GoalPlanner.of(p).plan(held, goal, new EvaluationOptions(CostMeasure.COUNT, 1));
    double[] best = ref.bruteForce(held, goal, CostMeasure.COUNT);
    if (best == null) {
      assertFalse(plan.reachable());
      return;
    }
    if (plan.reachable()) {
      Optional<String> wrong = ref.checkOrder(held, goal, plan.badges());
      assertTrue(wrong.isEmpty(), () -> wrong.orElse("") + " in " + plan);
      assertTrue(plan.cost() >= best[0] - 1e-9);
    }
    assertTrue(plan.lowerBound() <= best[0] + 1e-9, () -> "bound above the optimum: " + plan);
  }

}
