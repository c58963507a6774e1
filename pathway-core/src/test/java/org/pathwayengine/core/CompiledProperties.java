package org.pathwayengine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.pathwayengine.core.internal.CompiledPathway;

/**
 * The compiled single pass agrees with the evaluation engine's reference path (sets of ids and
 * {@code RequirementEvaluator}) on random pathways and records.
 */
class CompiledProperties {

  @Property(tries = 300)
  @StatisticsReport(onFailureOnly = true)
  void compiledEqualsReference(@ForAll long seed, @ForAll @IntRange(min = 1, max = 14) int size,
      @ForAll long learnerSeed) {
    Pathway p = CompiledFixtures.randomPathway(seed, size);
    Set<String> base = CompiledFixtures.randomBase(p, learnerSeed);
    CompiledFixtures.Reference expected = CompiledFixtures.reference(p, base);

    CompiledPathway cp = CompiledPathway.compile(p);
    CompiledPathway.Result r = cp.evaluate(cp.bitsOf(base));
    assertEquals(expected.held(), cp.idsOf(r.held()));
    assertEquals(expected.eligible(), cp.idsOf(r.eligible()));
    // The push evaluation from the empty learner agrees with the pass over every cell, and a reused
    // scratch is restored between learners.
    CompiledPathway.Result pass = cp.evaluateByPass(cp.bitsOf(base));
    CompiledPathway.Scratch scratch = cp.newScratch();
    cp.evaluate(cp.bitsOf(CompiledFixtures.randomBase(p, learnerSeed + 1)), scratch);
    CompiledPathway.Result again = cp.evaluate(cp.bitsOf(base), scratch);
    for (CompiledPathway.Result x : java.util.List.of(pass, again)) {
      assertEquals(cp.idsOf(r.held()), cp.idsOf(x.held()));
      assertEquals(cp.idsOf(r.eligible()), cp.idsOf(x.eligible()));
      assertEquals(cp.idsOf(r.directBits()), cp.idsOf(x.directBits()));
    }

    boolean stackHeld = p.badges().stream().anyMatch(b -> b.isStacked()
        && expected.held().contains(b.id()) && !base.contains(b.id()));
    boolean distinct = p.badges().stream().anyMatch(b -> b.stack().or(b::requires)
        .map(Requirement::usesDistinct).orElse(false));
    Statistics.label("stack awarded by rule").collect(stackHeld);
    Statistics.label("distinct rule").collect(distinct);
    Statistics.label("equivalences").collect(!p.equivalences().isEmpty());
    Statistics.label("something eligible").collect(!expected.eligible().isEmpty());

    LearnerOutcome o = BatchEvaluator.of(p)
        .evaluate(CompiledFixtures.recordOf("l", base), CompiledFixtures.TODAY);
    assertEquals(expected.held(), o.held());
    assertEquals(expected.eligible(), o.eligible());

    // floors well below what the generator typically gives, so the checks guard coverage without flaking
    Statistics.label("stack awarded by rule").coverage(c -> c.check(true).percentage(pc -> pc > 4));
    Statistics.label("distinct rule").coverage(c -> c.check(true).percentage(pc -> pc > 5));
    Statistics.label("equivalences").coverage(c -> c.check(true).percentage(pc -> pc > 10));
    Statistics.label("something eligible").coverage(c -> c.check(true).percentage(pc -> pc > 50));
  }

  @Property(tries = 300)
  void recordsEvaluateAsTheEngineDoes(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 14) int size, @ForAll long learnerSeed) {
    Pathway p = CompiledFixtures.randomPathway(seed, size);
    LearnerRecord record = CompiledFixtures.randomRecord(p, learnerSeed);
    CompiledFixtures.Reference expected = CompiledFixtures.reference(p, record);
    LearnerOutcome o = BatchEvaluator.of(p).evaluate(record, CompiledFixtures.TODAY);
    assertEquals(expected.held(), o.held());
    assertEquals(expected.eligible(), o.eligible());
    Statistics.label("substitutions").collect(!record.substitutions().isEmpty());
    Statistics.label("substitutions").coverage(c -> c.check(true).percentage(pc -> pc > 20));
  }

  @Property(tries = 100)
  void pathwayEvaluatorOnTheCompiledFormEqualsTheReferencePath(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 10) int size, @ForAll long learnerSeed) {
    Pathway p = CompiledFixtures.randomPathway(seed, size);
    LearnerRecord record = CompiledFixtures.randomRecord(p, learnerSeed);
    LearnerStatus reference = new org.pathwayengine.core.internal.EvaluationEngine(p, false)
        .status(record, CompiledFixtures.TODAY, EvaluationOptions.defaults());
    PathwayEvaluator evaluator = PathwayEvaluator.of(p);
    // the first evaluation takes the reference path, the second the compiled form (if it compiles)
    assertEquals(reference, evaluator.evaluate(record, CompiledFixtures.TODAY));
    assertEquals(reference, evaluator.evaluate(record, CompiledFixtures.TODAY));
    LearnerStatus eager = new org.pathwayengine.core.internal.EvaluationEngine(p, true)
        .status(record, CompiledFixtures.TODAY, EvaluationOptions.defaults());
    assertEquals(reference, eager);
  }
}
