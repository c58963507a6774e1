package org.pathwayengine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;
import org.pathwayengine.core.internal.CompiledPathway;

/** Incremental updates always equal a full re-evaluation of the changed record. */
class IncrementalProperties {

  @Property(tries = 200)
  void incrementalEqualsFullReevaluation(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 14) int size, @ForAll long learnerSeed,
      @ForAll @IntRange(min = 1, max = 30) int steps) {
    Pathway p = CompiledFixtures.randomPathway(seed, size);
    Set<String> base = CompiledFixtures.randomBase(p, learnerSeed);
    BatchEvaluator batch = BatchEvaluator.of(p);
    CompiledPathway cp = CompiledPathway.compile(p);
    LearnerState state = batch.state(CompiledFixtures.recordOf("l", base), CompiledFixtures.TODAY);
    List<Badge> badges = p.badges();
    Random rnd = new Random(learnerSeed ^ seed);
    for (int i = 0; i < steps; i++) {
      String id = badges.get(rnd.nextInt(badges.size())).id();
      boolean earn = rnd.nextBoolean();
      boolean changed = earn ? state.earn(id) : state.expire(id);
      assertEquals(earn ? base.add(id) : base.remove(id), changed, "base changed on " + id);
      Statistics.collect(earn ? "earn" : "expire", changed);

      CompiledFixtures.Reference expected = CompiledFixtures.reference(p, base);
      LearnerOutcome now = state.outcome();
      assertEquals(expected.held(), now.held(), "held after step " + i);
      assertEquals(expected.eligible(), now.eligible(), "eligible after step " + i);
      CompiledPathway.Result full = cp.evaluate(cp.bitsOf(new HashSet<>(base)));
      assertEquals(cp.idsOf(full.held()), now.held());
      assertEquals(cp.idsOf(full.eligible()), now.eligible());
      for (String s : cp.idsOf(full.held())) {
        assertEquals(true, state.isHeld(s));
      }
    }
  }
}
