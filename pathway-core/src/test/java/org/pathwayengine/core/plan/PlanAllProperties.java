package org.pathwayengine.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.pathwayengine.core.CostMeasure;
import org.pathwayengine.core.EvaluationOptions;
import org.pathwayengine.core.Pathway;

/**
 * {@link GoalPlanner#planAll} gives each goal, in the order asked, the plan that {@link
 * GoalPlanner#plan} gives it alone, on one core or (from eight goals) on all of them.
 */
class PlanAllProperties {

  @Property(tries = 100)
  void planAllIsOnePlanPerGoal(@ForAll long seed, @ForAll @IntRange(min = 3, max = 14) int size,
      @ForAll CostMeasure measure, @ForAll @IntRange(min = 1, max = 300) int budget) {
    Random rnd = new Random(seed);
    Pathway p = PlanReference.randomPathway(seed, size);
    Set<String> held = PlanReference.randomHeld(seed, p);
    List<Goal> goals = new ArrayList<>();
    int count = 1 + rnd.nextInt(20);
    for (int k = 0; k < count; k++) {
      goals.add(PlanReference.randomGoal(seed + rnd.nextInt(1 + 2 * k), p));
    }
    EvaluationOptions options = new EvaluationOptions(measure, budget);

    List<GoalPlan> together = GoalPlanner.of(p).planAll(held, goals, options);

    assertEquals(goals.size(), together.size());
    for (int k = 0; k < goals.size(); k++) {
      assertEquals(GoalPlanner.of(p).plan(held, goals.get(k), options), together.get(k),
          "goal " + k + " of " + goals);
    }
  }
}
