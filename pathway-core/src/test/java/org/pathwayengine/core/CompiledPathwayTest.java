package org.pathwayengine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.LearnerRecord.Entry;
import org.pathwayengine.core.internal.CompiledPathway;

/** Hand-built pathways with exact expected results for the compiled evaluator. */
class CompiledPathwayTest {
  private static final LocalDate D = LocalDate.of(2026, 1, 1);

  private static Pathway socialInnovation() {
    return Pathway.builder("social-innovation", "1")
        .badge(Badge.builder("si-101", "SI 101").aliases("https://badges.example.org/si101").build())
        .badge(Badge.builder("leadership", "Leadership").build())
        .badge(Badge.builder("crowdfunding", "Crowdfunding").requires("si-101").build())
        .badge(Badge.builder("storytelling", "Storytelling").build())
        .badge(Badge.builder("dt-narrative", "Narrative design").build())
        .badge(Badge.builder("theory-of-change", "ToC").requires("si-101").build())
        .badge(Badge.builder("si-nanodegree", "Nanodegree")
            .stack(Requirement.allOf(Requirement.badge("si-101"), Requirement.atLeast(2,
                Requirement.badges("leadership", "crowdfunding", "storytelling", "theory-of-change"))))
            .build())
        .equivalence(List.of("storytelling", "dt-narrative"))
        .build();
  }

  private static LearnerOutcome eval(Pathway p, LearnerRecord r) {
    return BatchEvaluator.of(p).evaluate(r, D);
  }

  private static LearnerRecord earned(String... ids) {
    LearnerRecord.Builder b = LearnerRecord.builder("alice");
    for (String id : ids) {
      b.earned(id, D.minusMonths(6));
    }
    return b.build();
  }

  @Test
  void nanodegreeIsAwardedByItsStackRule() {
    LearnerOutcome o = eval(socialInnovation(), earned("si-101", "leadership", "storytelling"));
    assertEquals(List.of("dt-narrative", "leadership", "si-101", "si-nanodegree", "storytelling"),
        o.held());
    assertEquals(List.of("crowdfunding", "theory-of-change"), o.eligible());
    assertEquals(List.of("si-nanodegree"), o.complete());
    assertEquals(5, o.heldCount());
    assertEquals(2, o.eligibleCount());
  }

  @Test
  void withoutTheFoundationNothingDependentIsEligibleAndNoStackIsComplete() {
    LearnerOutcome o = eval(socialInnovation(), earned("leadership", "storytelling"));
    assertEquals(List.of(), o.complete());
    assertEquals(List.of("si-101"), o.eligible());
    assertFalse(o.isEligible("crowdfunding"));
  }

  @Test
  void anEquivalentAndAnAliasCount() {
    LearnerOutcome o = eval(socialInnovation(),
        earned("https://badges.example.org/si101", "leadership", "dt-narrative"));
    assertTrue(o.isHeld("storytelling"));
    assertTrue(o.isHeld("si-101"));
    assertTrue(o.isHeld("https://badges.example.org/si101"));
    assertEquals(List.of("si-nanodegree"), o.complete());
  }

  @Test
  void entriesCountFromEarnedUntilTheDayBeforeExpiry() {
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("a", "A").validFor(Period.ofYears(1)).build())
        .badge(Badge.builder("b", "B").build())
        .badge(Badge.builder("c", "C").build())
        .badge(Badge.builder("d", "D").validFor(Period.ofYears(1)).build())
        .build();
    LearnerRecord r = LearnerRecord.builder("l")
        .earned("a", D.minusYears(1)) // expires on D: no longer counts
        .entry(new Entry("b", D.minusDays(3), Optional.of(D), Optional.empty()))
        .earned("c", D.plusDays(1)) // not yet earned
        .entry(new Entry("d", D.minusYears(2), Optional.of(D.plusDays(1)), Optional.empty()))
        .build();
    assertEquals(List.of("d"), eval(p, r).held());
    LearnerRecord onTime = LearnerRecord.builder("l").earned("a", D.minusYears(1).plusDays(1))
        .earned("c", D).build();
    assertEquals(List.of("a", "c"), eval(p, onTime).held());
  }

  @Test
  void onlyTrustedIssuersCountAndABadgeListOverridesThePathways() {
    Pathway p = Pathway.builder("p", "1")
        .trustedIssuers("https://college.example/")
        .badge(Badge.builder("a", "A").build())
        .badge(Badge.builder("b", "B").trustedIssuers("https://partner.example/").build())
        .badge(Badge.builder("c", "C").build())
        .build();
    LearnerRecord r = LearnerRecord.builder("l")
        .entry(new Entry("a", D, Optional.empty(), Optional.of("https://college.example/")))
        .entry(new Entry("b", D, Optional.empty(), Optional.of("https://college.example/")))
        .entry(new Entry("c", D, Optional.empty(), Optional.empty()))
        .build();
    assertEquals(List.of("a"), eval(p, r).held());
    LearnerRecord partner = LearnerRecord.builder("l")
        .entry(new Entry("b", D, Optional.empty(), Optional.of("https://partner.example/"))).build();
    assertEquals(List.of("b"), eval(p, partner).held());
  }

  @Test
  void waiversAndSubstitutionsCount() {
    LearnerRecord r = LearnerRecord.builder("l")
        .waived("si-101")
        .earned("leadership", D.minusDays(1))
        .substitution("crowdfunding", "leadership")
        .build();
    LearnerOutcome o = eval(socialInnovation(), r);
    assertTrue(o.isHeld("si-101"));
    assertTrue(o.isHeld("crowdfunding"));
    assertEquals(List.of("si-nanodegree"), o.complete());
    // A substitute that is no badge of the pathway is unmatched: it substitutes nothing.
    LearnerRecord outside = LearnerRecord.builder("l").earned("si-101", D)
        .earned("social-finance-lab", D).substitution("crowdfunding", "social-finance-lab").build();
    assertFalse(eval(socialInnovation(), outside).isHeld("crowdfunding"));
  }

  @Test
  void aCredentialAsSubstituteIsLeftToTheReferenceEngine() {
    LearnerRecord r = earned("si-101", "leadership", "storytelling").toBuilder()
        .substitution("theory-of-change", "si-nanodegree").build();
    LearnerOutcome o = eval(socialInnovation(), r);
    assertTrue(o.isHeld("theory-of-change"));
    assertEquals(CompiledFixtures.reference(socialInnovation(), r).held(), o.held());
    assertEquals(List.of("crowdfunding"), o.eligible());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BatchEvaluator.of(socialInnovation()).state(r, D));
    assertTrue(e.getMessage().contains("alice"), e.getMessage());
  }

  @Test
  void creditsDecideAsTheReferenceDoesEvenWhereDecimalsRound() {
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("a", "A").credits(0.1).tags("t").build())
        .badge(Badge.builder("b", "B").credits(0.7).tags("t").build())
        .badge(Badge.builder("h", "H").credits(0.5).tags("u").build())
        .badge(Badge.builder("q", "Q").credits(0.25).tags("u").build())
        .badge(Badge.builder("c", "C").requires(Requirement.credits(0.8, List.of("a", "b"))).build())
        .badge(Badge.builder("d", "D").requires(Requirement.creditsTagged(0.75, "u")).build())
        .badge(Badge.builder("e", "E").requires(Requirement.credits(0.75, List.of("h", "h", "q")))
            .build())
        .badge(Badge.builder("f", "F").requires(Requirement.atLeastTagged(2, "t")).build())
        .build();
    // 0.1 + 0.7 < 0.8 in binary floating point: the reference says no, and so does the compiled
    // form (such credits fall back to the reference). Halves and quarters add up exactly.
    LearnerOutcome o = eval(p, earned("a", "b", "h", "q"));
    assertEquals(List.of("d", "e", "f"), o.eligible());
    assertEquals(CompiledFixtures.reference(p, earned("a", "b", "h", "q")).eligible(), o.eligible());
    // A member listed twice counts once.
    assertEquals(List.of("a", "b", "q"), eval(p, earned("h")).eligible());
  }

  @Test
  void distinctRulesAreExact() {
    Requirement twoOfAb = Requirement.allOfDistinct(List.of(
        Requirement.anyOf(Requirement.badges("a", "b")),
        Requirement.anyOf(Requirement.badges("a", "b"))));
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("a", "A").build())
        .badge(Badge.builder("b", "B").build())
        .badge(Badge.builder("s", "S").stack(twoOfAb).build())
        .badge(Badge.builder("t", "T").requires(Requirement.badge("s")).build())
        .build();
    assertEquals(List.of(), eval(p, earned("a")).complete());
    assertEquals(List.of("s"), eval(p, earned("a", "b")).complete());
    assertEquals(List.of("t"), eval(p, earned("a", "b")).eligible());
    LearnerState st = BatchEvaluator.of(p).state(earned("a"), D);
    assertFalse(st.isComplete("s"));
    st.earn("b");
    assertTrue(st.isComplete("s"));
    assertTrue(st.isEligible("t"));
    st.expire("a");
    assertFalse(st.isComplete("s"));
    assertFalse(st.isEligible("t"));
  }

  @Test
  void credentialsNestAndUnknownReferencesNeverHold() {
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("a", "A").build())
        .badge(Badge.builder("b", "B").build())
        .badge(Badge.builder("c", "C").build())
        .badge(Badge.builder("outer", "Outer").stack(Requirement.allOf(Requirement.badges("inner", "c")))
            .build())
        .badge(Badge.builder("inner", "Inner").stack(Requirement.allOf(Requirement.badges("a", "b")))
            .build())
        .badge(Badge.builder("never", "Never").stack(Requirement.anyOf(Requirement.badges("ghost")))
            .build())
        .badge(Badge.builder("blocked", "Blocked").requires("ghost").build())
        .build();
    LearnerOutcome o = eval(p, earned("a", "b", "c"));
    assertEquals(List.of("inner", "outer"), o.complete());
    assertEquals(List.of(), o.eligible());
    assertEquals(List.of("c"), eval(p, earned("a", "b", "outer")).eligible());
  }

  @Test
  void stackedCredentialsThatDependOnThemselvesAreRejected() {
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("x", "X").stack(Requirement.badge("y")).build())
        .badge(Badge.builder("y", "Y").stack(Requirement.badge("x")).build())
        .build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> BatchEvaluator.of(p));
    assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    // A prerequisite cycle among ordinary badges does not affect what is held: it compiles.
    Pathway q = Pathway.builder("q", "1")
        .badge(Badge.builder("x", "X").requires("y").build())
        .badge(Badge.builder("y", "Y").requires("x").build())
        .build();
    assertEquals(List.of("y"), eval(q, earned("x")).eligible());
  }

  @Test
  void aChainOfOneHundredThousandStackedCredentialsNeedsNoDeepStack() {
    int n = 100_000;
    List<Badge> badges = new ArrayList<>();
    badges.add(Badge.builder("c0", "C0").build());
    for (int i = 1; i < n; i++) {
      badges.add(Badge.builder("c" + i, "C" + i).stack(Requirement.badge("c" + (i - 1))).build());
    }
    Pathway p = Pathway.builder("chain", "1").badges(badges).build();
    BatchEvaluator batch = BatchEvaluator.of(p);
    assertEquals(n, batch.evaluate(earned("c0"), D).heldCount());
    LearnerState st = batch.state(earned(), D);
    assertFalse(st.isHeld("c99999"));
    st.earn("c0");
    assertTrue(st.isHeld("c99999"));
    st.expire("c0");
    assertFalse(st.isHeld("c1"));
    assertTrue(st.earn("c50000"));
    assertTrue(st.isHeld("c99999"));
    assertFalse(st.isHeld("c49999"));
  }

  @Test
  void aBadgeNamedByMoreRulesThanARoundCopiesAtOnceReachesThemAll() {
    // A round copies eight edges per cell whatever it has; "core" has fourteen parents.
    Pathway.Builder b = Pathway.builder("wide", "1").badge(Badge.builder("core", "Core").build());
    List<String> next = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      next.add("n" + (10 + i));
      b.badge(Badge.builder("n" + (10 + i), "N").requires("core").build());
    }
    b.badge(Badge.builder("any", "Any").requires(Requirement.anyOf(Requirement.badge("core"),
        Requirement.badge("n10"))).build());
    List<Requirement> parts = new ArrayList<>(Requirement.badges(next.toArray(String[]::new)));
    parts.add(Requirement.badge("core"));
    b.badge(Badge.builder("wide-credential", "Wide").stack(Requirement.allOf(parts)).build());
    Pathway p = b.build();
    assertTrue(CompiledPathway.compile(p).isNarrow());
    List<String> eligible = new ArrayList<>(next);
    eligible.add(0, "any");
    assertEquals(eligible, eval(p, earned("core")).eligible());
    List<String> all = new ArrayList<>(next);
    all.add("core");
    LearnerOutcome done = eval(p, earned(all.toArray(String[]::new)));
    assertTrue(done.held().contains("wide-credential"), done.held()::toString);
    assertEquals(List.of("any"), done.eligible());
  }

  @Test
  void oneScratchStaysExactOverManyEvaluations() {
    // Counters start from the empty learner's at every evaluation: learners that alternate on one
    // scratch must not see each other's counters.
    Pathway p = socialInnovation();
    CompiledPathway cp = CompiledPathway.compile(p);
    assertTrue(cp.isNarrow());
    long[] nanodegree = cp.bitsOf(List.of("si-101", "leadership", "storytelling"));
    long[] partial = cp.bitsOf(List.of("si-101", "leadership"));
    List<String> full = cp.idsOf(cp.evaluate(nanodegree).heldBits());
    List<String> some = cp.idsOf(cp.evaluate(partial).heldBits());
    assertTrue(full.contains("si-nanodegree"));
    assertFalse(some.contains("si-nanodegree"));
    CompiledPathway.Scratch s = cp.newScratch();
    for (int i = 0; i < 3_000; i++) {
      // Alternating learners leave counters half-way: a stale one would award the nanodegree.
      long[] base = i % 3 == 0 ? nanodegree : partial;
      CompiledPathway.Result r = cp.evaluate(base, s);
      assertEquals(base == nanodegree ? full : some, cp.idsOf(r.heldBits()), "evaluation " + i);
    }
  }

  @Test
  void creditsTooLargeForTheCompactPlanTakeTheGeneralPath() {
    // A billion credits next to one credit: after dividing by their gcd they still need 31 bits.
    Pathway p = Pathway.builder("big", "1")
        .badge(Badge.builder("huge", "Huge").credits(1_000_000_000).build())
        .badge(Badge.builder("huge2", "Huge 2").credits(1_000_000_000).build())
        .badge(Badge.builder("one", "One").credits(1).build())
        .badge(Badge.builder("goal", "Goal")
            .requires(Requirement.credits(1_000_000_001, List.of("huge", "huge2", "one"))).build())
        .badge(Badge.builder("halves", "Halves")
            .requires(Requirement.credits(1.5, List.of("one", "half"))).build())
        .badge(Badge.builder("half", "Half").credits(0.5).build())
        .build();
    assertFalse(CompiledPathway.compile(p).isNarrow());
    // 10^9 + 1 credits are reached exactly; 10^9 are not.
    assertEquals(List.of("goal", "half", "huge2"), eval(p, earned("huge", "one")).eligible());
    assertEquals(List.of("half", "huge", "one"), eval(p, earned("huge2")).eligible());
    assertEquals(List.of("halves", "huge", "huge2"), eval(p, earned("one", "half")).eligible());
    // Halves and whole credits fit once divided by their gcd (a half).
    Pathway small = Pathway.builder("small", "1")
        .badge(Badge.builder("one", "One").credits(1).build())
        .badge(Badge.builder("half", "Half").credits(0.5).build())
        .badge(Badge.builder("halves", "Halves")
            .requires(Requirement.credits(1.5, List.of("one", "half"))).build())
        .build();
    assertTrue(CompiledPathway.compile(small).isNarrow());
    assertEquals(List.of("halves"), eval(small, earned("one", "half")).eligible());
    assertEquals(List.of("half"), eval(small, earned("one")).eligible());
  }

  @Test
  void bitsetsRoundTripInSortedOrder() {
    CompiledPathway cp = CompiledPathway.compile(socialInnovation());
    long[] bits = cp.bitsOf(List.of("storytelling", "si-101", "unknown", "https://badges.example.org/si101"));
    assertEquals(List.of("si-101", "storytelling"), cp.idsOf(bits));
    assertEquals(7, cp.badgeCount());
    assertEquals(-1, cp.indexOf("unknown"));
  }
}
