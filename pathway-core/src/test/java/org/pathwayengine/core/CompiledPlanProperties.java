package org.pathwayengine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;
import org.pathwayengine.core.internal.CompiledPathway;

/**
 * The fast paths of the compiled evaluator against slower independent ones on random pathways: the
 * compact push plan against the general path with long counters, over one reused scratch; records
 * read through the name table and the plain-entry test against the evaluation engine's reference
 * path, with trusted issuers on the badges as well as on the pathway.
 */
class CompiledPlanProperties {

  @Property(tries = 250)
  @StatisticsReport(onFailureOnly = true)
  void compactPlanEqualsTheGeneralPath(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 16) int size, @ForAll long learnerSeed) {
    Pathway p = CompiledFixtures.randomPathway(seed, size);
    CompiledPathway compact = CompiledPathway.compile(p);
    CompiledPathway wide = CompiledPathway.compileWide(p);
    assertTrue(!wide.isNarrow());
    Statistics.label("compact plan").collect(compact.isNarrow());
    CompiledPathway.Scratch compactScratch = compact.newScratch();
    CompiledPathway.Scratch wideScratch = wide.newScratch();
    // Several learners through the same scratches: nothing of one learner may leak into the next.
    for (int i = 0; i < 4; i++) {
      Set<String> base = CompiledFixtures.randomBase(p, learnerSeed + i);
      CompiledPathway.Result a = compact.evaluate(compact.bitsOf(base), compactScratch);
      CompiledPathway.Result b = wide.evaluate(wide.bitsOf(base), wideScratch);
      CompiledPathway.Result pass = wide.evaluateByPass(wide.bitsOf(base));
      for (CompiledPathway.Result other : List.of(b, pass)) {
        assertEquals(wide.idsOf(other.heldBits()), compact.idsOf(a.heldBits()), "held of " + base);
        assertEquals(wide.idsOf(other.eligibleBits()), compact.idsOf(a.eligibleBits()),
            "eligible of " + base);
        assertEquals(wide.idsOf(other.directBits()), compact.idsOf(a.directBits()),
            "direct of " + base);
      }
    }
    Statistics.label("compact plan").coverage(c -> c.check(true).percentage(pc -> pc > 95));
  }

  @Property(tries = 250)
  @StatisticsReport(onFailureOnly = true)
  void recordsWithBadgeTrustEvaluateAsTheEngineDoes(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 14) int size, @ForAll long learnerSeed) {
    Pathway p = withBadgeTrust(CompiledFixtures.randomPathway(seed, size), seed);
    LearnerRecord record = CompiledFixtures.randomRecord(p, learnerSeed);
    CompiledFixtures.Reference expected = CompiledFixtures.reference(p, record);
    LearnerOutcome o = BatchEvaluator.of(p).evaluate(record, CompiledFixtures.TODAY);
    assertEquals(expected.held(), o.held());
    assertEquals(expected.eligible(), o.eligible());
    boolean badgeTrust = p.badges().stream().anyMatch(b -> !b.trustedIssuers().isEmpty());
    Statistics.label("badge-level trust").collect(badgeTrust);
    Statistics.label("badge-level trust").coverage(c -> c.check(true).percentage(pc -> pc > 50));
  }

  @Property(tries = 100)
  void everyIdAndAliasIsFoundByValueAndNothingElse(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 40) int size) {
    Pathway p = CompiledFixtures.randomPathway(seed, size);
    CompiledPathway cp = CompiledPathway.compile(p);
    for (Badge b : p.badges()) {
      List<String> names = new ArrayList<>(b.aliases());
      names.add(b.id());
      for (String name : names) {
        // An equal string that is not the same object must be found too.
        String copy = new String(name.toCharArray());
        for (String n : List.of(name, copy)) {
          String expected = p.resolve(n).orElseThrow();
          assertEquals(expected, cp.badgeId(cp.indexOf(n)), n);
        }
      }
    }
    assertEquals(-1, cp.indexOf("ghost"));
    assertEquals(-1, cp.indexOf(""));
    assertEquals(-1, cp.indexOf(null));
  }

  /** {@code p} with trusted issuers on about half of its badges. */
  private static Pathway withBadgeTrust(Pathway p, long seed) {
    Random rnd = new Random(seed);
    Pathway.Builder b = Pathway.builder(p.id(), p.version());
    if (!p.trustedIssuers().isEmpty()) {
      b.trustedIssuers(p.trustedIssuers().toArray(new String[0]));
    }
    for (Badge x : p.badges()) {
      Badge.Builder bb = x.toBuilder();
      int k = rnd.nextInt(4);
      if (k == 0) {
        bb.trustedIssuers("https://untrusted.example/");
      } else if (k == 1) {
        bb.trustedIssuers(CompiledFixtures.TRUSTED, "https://other.example/");
      }
      b.badge(bb.build());
    }
    p.equivalences().forEach(b::equivalence);
    return b.build();
  }
}
