package org.pathwayengine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.statistics.Statistics;

/**
 * An evaluation's total search budget ({@link EvaluationOptions#totalSearchBudget()}): what it gives
 * each credential depends on the credentials still to plan alone, and more of it never makes a
 * remaining plan costlier nor takes a proof away.
 */
class TotalBudgetProperties {
  private static final LocalDate ON = EvaluationFixtures.AS_OF;

  @Provide
  Arbitrary<Tuple2<Pathway, Set<String>>> cases() {
    return RandomRequirements.pathwaysWithHeld(16, 5);
  }

  /** The status of a learner holding {@code c}'s badges on {@code c}'s pathway. */
  private static LearnerStatus evaluate(Tuple2<Pathway, Set<String>> c, EvaluationOptions options) {
    return PathwayEvaluator.of(c.get1())
        .evaluate(EvaluationFixtures.holding(c.get2().toArray(String[]::new)), ON, options);
  }

  @Property(tries = 150)
  void aTotalIsAnEqualShareForEachCredentialStillToPlan(
      @ForAll("cases") Tuple2<Pathway, Set<String>> c,
      @ForAll @LongRange(min = 1, max = 80) long total,
      @ForAll @LongRange(min = 1, max = 40) long perSearch) {
    EvaluationOptions options = new EvaluationOptions(CostMeasure.COUNT, perSearch, total);
    LearnerStatus shared = evaluate(c, options);
    int open = (int) shared.progress().stream().filter(p -> !p.complete()).count();
    Statistics.label("credentials to plan").collect(Math.min(open, 3));
    Statistics.label("credentials to plan").coverage(k -> k.check(3).percentage(pc -> pc > 10));
    if (open == 0) {
      return;
    }
    long share = options.budgetPerSearch(open);
    assertTrue(share >= 1 && share <= perSearch && (share == 1 || share * open <= total));
    assertEquals(evaluate(c, new EvaluationOptions(CostMeasure.COUNT, share)), shared);
  }

  @Property(tries = 300)
  void moreOfTheTotalNeverCostsMoreNorLosesAProof(
      @ForAll("cases") Tuple2<Pathway, Set<String>> c,
      @ForAll @LongRange(min = 1, max = 6) long less,
      @ForAll @LongRange(min = 0, max = 400) long more) {
    List<Progress> small =
        evaluate(c, EvaluationOptions.defaults().withTotalSearchBudget(less)).progress();
    List<Progress> large =
        evaluate(c, EvaluationOptions.defaults().withTotalSearchBudget(less + more)).progress();
    for (int i = 0; i < small.size(); i++) {
      Progress s = small.get(i);
      Progress l = large.get(i);
      assertEquals(s.credential(), l.credential());
      assertEquals(s.reachable(), l.reachable(), s + " / " + l);
      assertTrue(l.cost() <= s.cost() + 1e-9, s + " / " + l);
      assertTrue(!s.optimal() || l.optimal(), s + " / " + l);
      Statistics.label("proof gained").collect(!s.optimal() && l.optimal());
      Statistics.label("cheaper").collect(l.cost() < s.cost() - 1e-9);
    }
    // On pathways this small the first plan found is nearly always cheapest: the budget buys proofs.
    Statistics.label("proof gained").coverage(k -> k.check(true).percentage(pc -> pc > 5));
  }
}
