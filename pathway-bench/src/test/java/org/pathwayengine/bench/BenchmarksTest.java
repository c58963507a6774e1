package org.pathwayengine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.BatchEvaluator;
import org.pathwayengine.core.CostMeasure;
import org.pathwayengine.core.EvaluationOptions;
import org.pathwayengine.core.LearnerOutcome;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.plan.Goal;
import org.pathwayengine.core.plan.GoalPlan;
import org.pathwayengine.core.plan.GoalPlanner;
import org.pathwayengine.core.plan.internal.PlanSearch;

/** The benchmarks' code at tiny sizes, and the baseline checked against the compiled evaluator. */
class BenchmarksTest {

  @Test
  void naiveBaselineAgreesWithTheCompiledEvaluator() {
    Pathway p = SyntheticPathways.pathway(new SyntheticPathways.Shape(400, 8, 4, 0.4, 0.2, 0.1), 1);
    NaiveEvaluator naive = new NaiveEvaluator(p);
    BatchEvaluator batch = BatchEvaluator.of(p);
    int completions = 0;
    for (LearnerRecord r : SyntheticPathways.learners(p, 100, 100).toList()) {
      LearnerOutcome o = batch.evaluate(r, SyntheticPathways.AS_OF);
      assertEquals(NaiveEvaluator.sorted(naive.evaluate(r, SyntheticPathways.AS_OF)),
          List.of(o.held(), o.eligible()), r.learner());
      completions += o.complete().size();
    }
    assertTrue(completions > 0, "some learner completes a credential");
  }

  @Test
  void evaluationBenchmarkRunsOnceAtATinySize() {
    EvaluationBenchmark b = new EvaluationBenchmark();
    b.badges = 200;
    b.setUp();
    NaiveEvaluator.Result naive = b.naive();
    LearnerOutcome compiled = b.compiled();
    assertNotNull(naive);
    assertNotNull(compiled);
    assertNotNull(b.naiveCore());
    assertNotNull(b.compiledCore());
  }

  @Test
  void incrementalBenchmarkRunsOnceAtATinySize() {
    IncrementalBenchmark b = new IncrementalBenchmark();
    b.badges = 500;
    b.setUp();
    assertTrue(b.incremental(), "earned, then expired");
    assertNotNull(b.full());
  }

  @Test
  void batchBenchmarkRunsOnceAtATinySize() {
    BatchBenchmark.Figures f = BatchBenchmark.run(3000, 150, 2, 500);
    assertEquals(3000, f.learners());
    assertEquals(500, f.baselineLearners());
    Pathway p = SyntheticPathways.pathway(SyntheticPathways.Shape.of(150), 42);
    BatchEvaluator batch = BatchEvaluator.of(p);
    long expected = SyntheticPathways.learners(p, 1, 3000)
        .map(r -> batch.evaluate(r, SyntheticPathways.AS_OF))
        .mapToLong(o -> o.heldCount() + o.eligibleCount() + o.complete().size()).sum();
    assertEquals(expected, f.checksum());
    assertTrue(BatchBenchmark.describe(f).contains("3,000 learners"), BatchBenchmark.describe(f));
  }

  @Test
  void statusPlanProbeFindsTheSamePlansAsThePlanner() {
    Pathway p = SyntheticPathways.pathway(SyntheticPathways.Shape.of(3000), 42);
    LearnerRecord learner = SyntheticPathways.learner(p, 7);
    List<StatusPlanProbe.Round> rounds = StatusPlanProbe.run(p, learner, 300, 2);
    Set<String> held = new HashSet<>(
        BatchEvaluator.of(p).evaluate(learner, SyntheticPathways.AS_OF).held());
    List<Goal> goals = StatusPlanProbe.credentialGoals(p, held);
    List<GoalPlan> plans = GoalPlanner.of(p).planAll(held, goals,
        new EvaluationOptions(CostMeasure.COUNT, 300));
    assertTrue(goals.size() > 50, "the pathway has credentials to plan: " + goals.size());
    for (StatusPlanProbe.Round r : rounds) {
      assertEquals(goals.size(), r.goals());
      int proven = 0;
      for (int k = 0; k < goals.size(); k++) {
        PlanSearch.Outcome o = r.outcomes().get(k);
        GoalPlan plan = plans.get(k);
        assertEquals(plan.cost(), o.cost(), 1e-9, goals.get(k).toString());
        assertEquals(plan.optimal(), o.optimal(), goals.get(k).toString());
        assertEquals(new TreeSet<>(plan.badges()), new TreeSet<>(o.badges()));
        proven += o.optimal() ? 1 : 0;
      }
      assertEquals(proven, r.proven());
      assertTrue(r.exhaustedNodes() >= (long) 300 * (r.goals() - r.proven()),
          StatusPlanProbe.describe(r));
    }
  }

  @Test
  void aLargerBudgetNeverLengthensAPlanNorLosesAProof() {
    Pathway p = SyntheticPathways.pathway(SyntheticPathways.Shape.of(3000), 42);
    LearnerRecord learner = SyntheticPathways.learner(p, 7);
    long[] budgets = {1, 40, 300};
    List<List<PlanSearch.Outcome>> runs = new ArrayList<>();
    for (long b : budgets) {
      runs.add(StatusPlanProbe.run(p, learner, b, 1).get(0).outcomes());
    }
    for (int i = 1; i < budgets.length; i++) {
      for (int g = 0; g < runs.get(i).size(); g++) {
        PlanSearch.Outcome smaller = runs.get(i - 1).get(g);
        PlanSearch.Outcome larger = runs.get(i).get(g);
        assertTrue(larger.cost() <= smaller.cost() + 1e-9, "goal " + g + " at " + budgets[i]);
        if (smaller.optimal()) {
          assertTrue(larger.optimal(), "goal " + g + " at " + budgets[i]);
          assertEquals(smaller.cost(), larger.cost(), 1e-9);
        }
      }
    }
    List<BudgetQuality.Row> rows = BudgetQuality.compare(p, learner, new long[] {300, 1, 40});
    assertEquals(budgets.length, rows.size());
    List<PlanSearch.Outcome> largest = runs.get(budgets.length - 1);
    for (int i = 0; i < budgets.length; i++) {
      BudgetQuality.Row row = rows.get(i);
      assertEquals(budgets[i], row.budget(), "rows come in ascending budget");
      int unproven = 0;
      int longer = 0;
      for (int g = 0; g < largest.size(); g++) {
        unproven += runs.get(i).get(g).optimal() ? 0 : 1;
        longer += runs.get(i).get(g).cost() > largest.get(g).cost() ? 1 : 0;
      }
      assertEquals(unproven, row.unproven(), BudgetQuality.describe(row));
      assertEquals(longer, row.longer(), BudgetQuality.describe(row));
    }
    assertEquals(0, rows.get(2).longer());
    // Not vacuous: one node per goal leaves plans unproven and longer on this pathway.
    assertTrue(rows.get(0).unproven() > rows.get(2).unproven(), BudgetQuality.describe(rows.get(0)));
    assertTrue(rows.get(0).longer() > 0, BudgetQuality.describe(rows.get(0)));
  }
}
