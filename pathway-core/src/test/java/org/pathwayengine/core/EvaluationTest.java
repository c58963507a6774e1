package org.pathwayengine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pathwayengine.core.EvaluationFixtures.AS_OF;
import static org.pathwayengine.core.EvaluationFixtures.holding;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.internal.EvaluationEngine;
import org.pathwayengine.core.internal.LearnerState;

/**
 * The rules of SPEC sections 4 and 7 on what a learner holds and can start. These check the state that
 * {@link PathwayEvaluator#evaluate} reports before progress is planned, through the engine behind it,
 * so that they do not depend on the goal planner.
 */
class EvaluationTest {
  private final Pathway si = EvaluationFixtures.socialInnovation();
  private final EvaluationEngine engine = new EvaluationEngine(si, true);

  private LearnerState state(LearnerRecord r) {
    return engine.state(r, AS_OF);
  }

  private static LearnerRecord.Entry entry(String badge, LocalDate earned, LocalDate expires,
      String issuer) {
    return new LearnerRecord.Entry(badge, earned, Optional.ofNullable(expires),
        Optional.ofNullable(issuer));
  }

  @Nested
  class Dates {
    private final LearnerRecord r = LearnerRecord.builder("a")
        .earned("si-101", LocalDate.of(2023, 1, 10)).build();

    @Test
    void anEntryCountsUpToTheDayBeforeItsValidForRunsOut() {
      LearnerState before = engine.state(r, LocalDate.of(2026, 1, 9));
      assertEquals(List.of("si-101"), before.held());
      assertEquals(List.of(), before.expired());
    }

    @Test
    void onTheExpiryDateAnEntryNoLongerCounts() {
      LearnerState on = engine.state(r, LocalDate.of(2026, 1, 10));
      assertEquals(List.of(), on.held());
      assertEquals(List.of("si-101"), on.expired());
      assertFalse(on.isEligible("theory-of-change"));
      assertTrue(on.isEligible("si-101"), "an expired badge can be taken again");
    }

    @Test
    void anEntrysOwnExpiresOverridesValidForBothWays() {
      LearnerRecord earlier = LearnerRecord.builder("a")
          .entry(entry("si-101", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 6, 1), null)).build();
      assertEquals(List.of("si-101"), engine.state(earlier, LocalDate.of(2025, 5, 31)).held());
      LearnerState onExpiry = engine.state(earlier, LocalDate.of(2025, 6, 1));
      assertEquals(List.of(), onExpiry.held());
      assertEquals(List.of("si-101"), onExpiry.expired());

      LearnerRecord later = LearnerRecord.builder("a")
          .entry(entry("si-101", LocalDate.of(2020, 1, 1), LocalDate.of(2030, 1, 1), null)).build();
      assertEquals(List.of("si-101"), engine.state(later, AS_OF).held(),
          "valid until 2030 although validFor P3Y would end it in 2023");
    }

    @Test
    void aBadgeWithoutValidForNeverExpires() {
      LearnerRecord old = LearnerRecord.builder("a").earned("leadership", LocalDate.of(1990, 1, 1))
          .build();
      assertEquals(List.of("leadership"), engine.state(old, LocalDate.of(2090, 1, 1)).held());
    }

    @Test
    void anEntryEarnedAfterTheDateDoesNotCountYetAndIsNotExpired() {
      LearnerRecord future = LearnerRecord.builder("a").earned("leadership", AS_OF.plusDays(1))
          .build();
      LearnerState s = state(future);
      assertEquals(List.of(), s.held());
      assertEquals(List.of(), s.expired());
      assertTrue(engine.state(future, AS_OF.plusDays(1)).isHeld("leadership"),
          "it counts from the day it was earned");
    }

    @Test
    void anExpiredEntryIsNotReportedWhenAnotherEntryStillCounts() {
      LearnerRecord both = LearnerRecord.builder("a")
          .earned("si-101", LocalDate.of(2020, 1, 1))
          .earned("si-101", LocalDate.of(2025, 1, 1)).build();
      LearnerState s = state(both);
      assertEquals(List.of("si-101"), s.held());
      assertEquals(List.of(), s.expired());
    }
  }

  @Nested
  class Names {
    @Test
    void anEntryMayNameItsBadgeByAlias() {
      LearnerState s = state(holding(EvaluationFixtures.SI101_ALIAS));
      assertEquals(List.of("si-101"), s.held());
      assertEquals(List.of(), s.unmatched());
      assertTrue(s.isEligible("theory-of-change"));
    }

    @Test
    void anEntryMayNameAnImportedBadgeByItsPrefixedId() {
      assertTrue(state(holding("dt:narrative-design")).isHeld("dt:narrative-design"));
    }

    @Test
    void entriesNamingNoBadgeAreReportedSortedAndNeverDropped() {
      LearnerState s = state(LearnerRecord.builder("a")
          .earned("zeta-course", AS_OF.minusDays(3))
          .earned("leadership", AS_OF.minusDays(3))
          .earned("alpha-course", AS_OF.minusDays(3))
          .earned("dt:unknown", AS_OF.minusDays(3))
          .waived("not-a-badge").build());
      assertEquals(List.of("alpha-course", "dt:unknown", "not-a-badge", "zeta-course"),
          s.unmatched());
      assertEquals(List.of("leadership"), s.held());
    }
  }

  @Nested
  class Equivalence {
    @Test
    void holdingAnEquivalentHoldsTheBadgeAndSatisfiesReferencesToIt() {
      LearnerState s = state(holding("si-101", "leadership", "dt:narrative-design"));
      assertTrue(s.isHeld("storytelling"), "storytelling is held through dt:narrative-design");
      assertFalse(s.isEligible("storytelling"), "a held badge is not eligible");
      assertTrue(s.isHeld("si-nanodegree"), "si-101, leadership and storytelling's equivalent");
    }

    @Test
    void tagAndCreditRulesCountOneAwardOnceThroughEquivalence() {
      Pathway p = Pathway.builder("p", "1")
          .badge(Badge.builder("b0", "B0").tags("core").credits(2).build())
          .badge(Badge.builder("b1", "B1").tags("core").credits(3).build())
          .badge(Badge.builder("two", "Two").stack(Requirement.atLeastTagged(2, "core")).build())
          .badge(Badge.builder("three", "Three").stack(Requirement.creditsTagged(3, "core")).build())
          .badge(Badge.builder("five", "Five").stack(Requirement.creditsTagged(5, "core")).build())
          .equivalence(List.of("b0", "b1"))
          .build();
      LearnerState one = new EvaluationEngine(p, false).state(holding("b0"), AS_OF);
      assertEquals(List.of("b0", "b1", "three"), one.held(),
          "one award counts once, as the member with the most credits");
      LearnerState both = new EvaluationEngine(p, false).state(holding("b0", "b1"), AS_OF);
      assertEquals(List.of("b0", "b1", "five", "three", "two"), both.held());
      assertEquals(BatchEvaluator.of(p).evaluate(holding("b0"), AS_OF).held(), one.held(),
          "the compiled evaluator agrees");
    }

    @Test
    void oneAwardDoesNotCountTwiceThroughEquivalence() {
      Pathway p = Pathway.builder("p", "1")
          .badge(Badge.builder("a", "A").build())
          .badge(Badge.builder("b", "B").build())
          .badge(Badge.builder("both", "Both")
              .stack(Requirement.allOfDistinct(Requirement.badges("a", "b"))).build())
          .badge(Badge.builder("either-twice", "Either twice")
              .stack(Requirement.allOf(Requirement.badges("a", "b"))).build())
          .equivalence(List.of("a", "b"))
          .build();
      LearnerState s = new EvaluationEngine(p, true).state(holding("a"), AS_OF);
      assertEquals(List.of("a", "b", "either-twice"), s.held());
      LearnerState two = new EvaluationEngine(p, true).state(holding("a", "b"), AS_OF);
      assertTrue(two.isHeld("both"));
    }
  }

  @Nested
  class Compilation {
    @Test
    void aDefaultEngineCompilesOnItsSecondStateAndAnswersTheSame() {
      EvaluationEngine lazy = new EvaluationEngine(si);
      assertFalse(lazy.usesCompiledForm());
      LearnerState first = lazy.state(alice(), AS_OF);
      assertFalse(lazy.usesCompiledForm());
      LearnerState second = lazy.state(alice(), AS_OF);
      assertTrue(lazy.usesCompiledForm());
      assertEquals(first, second);
      assertEquals(first, new EvaluationEngine(si, false).state(alice(), AS_OF));
    }

    @Test
    void eagerAndReferenceEnginesDoNotChangeWithUse() {
      EvaluationEngine eager = new EvaluationEngine(si, true);
      EvaluationEngine reference = new EvaluationEngine(si, false);
      assertTrue(eager.usesCompiledForm());
      reference.state(alice(), AS_OF);
      reference.state(alice(), AS_OF);
      assertFalse(reference.usesCompiledForm());
    }

    @Test
    void theSameRecordAndDateGetTheLastStateAgain() {
      EvaluationEngine e = new EvaluationEngine(si, true);
      LearnerRecord alice = alice();
      LearnerState first = e.state(alice, AS_OF);
      assertSame(first, e.state(alice, AS_OF));
      LearnerState later = e.state(alice, AS_OF.plusDays(1));
      assertNotSame(first, later);
      assertEquals(first.held(), later.held());
      LearnerState equalRecord = e.state(alice(), AS_OF.plusDays(1));
      assertNotSame(later, equalRecord, "a record is recognised by identity alone");
      assertEquals(later, equalRecord);
      LearnerRecord more = alice.withEarned(List.of("crowdfunding"), AS_OF);
      assertTrue(e.state(more, AS_OF).isHeld("crowdfunding"));
      assertFalse(e.state(alice, AS_OF).isHeld("crowdfunding"));
    }

    private LearnerRecord alice() {
      return holding("leadership", "storytelling", "si-101");
    }
  }

  @Nested
  class WaiversAndSubstitutions {
    @Test
    void aWaivedBadgeCountsAsHeldAndNeverExpires() {
      LearnerRecord r = LearnerRecord.builder("a").waived("si-101").build();
      LearnerState far = engine.state(r, LocalDate.of(2099, 1, 1));
      assertEquals(List.of("si-101"), far.held());
      assertTrue(far.isEligible("theory-of-change"));
    }

    @Test
    void aWaiverBeatsAnExpiredEntry() {
      LearnerRecord r = LearnerRecord.builder("a").earned("si-101", LocalDate.of(2010, 1, 1))
          .waived("si-101").build();
      LearnerState s = state(r);
      assertEquals(List.of("si-101"), s.held());
      assertEquals(List.of(), s.expired());
    }

    @Test
    void aSubstituteCountsAsTheBadgeItStandsFor() {
      LearnerRecord r = holding("si-101", "leadership", "social-finance-lab").toBuilder()
          .substitution("crowdfunding", "social-finance-lab").build();
      LearnerState s = state(r);
      assertEquals(List.of("crowdfunding", "leadership", "si-101", "si-nanodegree",
          "social-finance-lab"), s.held());
      assertTrue(s.isEligible("social-finance"), "crowdfunding is social-finance's prerequisite");
    }

    @Test
    void aSubstitutionWithoutItsSubstituteAwardsNothing() {
      LearnerRecord r = holding("si-101").toBuilder()
          .substitution("crowdfunding", "social-finance-lab").build();
      assertFalse(state(r).isHeld("crowdfunding"));
    }

    @Test
    void aSubstituteAwardedAsACredentialCountsAfterTheCredentialIsAwarded() {
      // The nanodegree stands in for social-finance: the substitution fires once its stack holds.
      LearnerRecord r = holding("si-101", "leadership", "storytelling", "crowdfunding").toBuilder()
          .substitution("social-finance", "si-nanodegree")
          .build();
      LearnerState s = state(r);
      assertTrue(s.isHeld("social-finance"));
      assertTrue(s.isHeld("si-master"), "si-nanodegree and (substituted) social-finance");
    }
  }

  @Nested
  class Trust {
    private final Pathway trusting = Pathway.builder("t", "1")
        .trustedIssuers("https://college.example/")
        .badge(Badge.builder("a", "A").build())
        .badge(Badge.builder("b", "B").trustedIssuers("https://partner.example/").build())
        .build();
    private final EvaluationEngine trustingEngine = new EvaluationEngine(trusting, true);

    @Test
    void anEntryFromAnIssuerThePathwayDoesNotTrustDoesNotCount() {
      LearnerState s = trustingEngine.state(LearnerRecord.builder("x")
          .entry(entry("a", AS_OF.minusDays(1), null, "https://diploma-mill.example/")).build(),
          AS_OF);
      assertEquals(List.of(), s.held());
      assertEquals(List.of("a"), s.untrusted());
    }

    @Test
    void anEntryWithoutIssuerDoesNotCountWhereIssuersAreListed() {
      LearnerState s = trustingEngine.state(holding("a"), AS_OF);
      assertEquals(List.of("a"), s.untrusted());
    }

    @Test
    void aTrustedEntryCountsAndHidesAnUntrustedOne() {
      LearnerState s = trustingEngine.state(LearnerRecord.builder("x")
          .entry(entry("a", AS_OF.minusDays(1), null, "https://diploma-mill.example/"))
          .entry(entry("a", AS_OF.minusDays(1), null, "https://college.example/")).build(), AS_OF);
      assertEquals(List.of("a"), s.held());
      assertEquals(List.of(), s.untrusted());
    }

    @Test
    void aBadgeWithATrustedButExpiredEntryIsReportedExpiredNotUntrusted() {
      Pathway expiring = trusting.toBuilder().badge(Badge.builder("c", "C")
          .validFor(Period.ofYears(1)).build()).build();
      LearnerState s = new EvaluationEngine(expiring, true).state(LearnerRecord.builder("x")
          .entry(entry("c", AS_OF.minusYears(2), null, "https://college.example/"))
          .entry(entry("c", AS_OF.minusDays(1), null, "https://diploma-mill.example/")).build(),
          AS_OF);
      assertEquals(List.of(), s.held());
      assertEquals(List.of("c"), s.expired());
      assertEquals(List.of(), s.untrusted());
    }

    @Test
    void aBadgesOwnListDecidesForThatBadge() {
      LearnerState s = trustingEngine.state(LearnerRecord.builder("x")
          .entry(entry("a", AS_OF.minusDays(1), null, "https://partner.example/"))
          .entry(entry("b", AS_OF.minusDays(1), null, "https://partner.example/"))
          .build(), AS_OF);
      assertEquals(List.of("b"), s.held());
      assertEquals(List.of("a"), s.untrusted());
      LearnerState college = trustingEngine.state(LearnerRecord.builder("x")
          .entry(entry("b", AS_OF.minusDays(1), null, "https://college.example/")).build(), AS_OF);
      assertEquals(List.of("b"), college.untrusted(), "b trusts only its partner");
    }

    @Test
    void withoutTrustedIssuersEveryIssuerCounts() {
      LearnerState s = state(LearnerRecord.builder("x")
          .entry(entry("leadership", AS_OF.minusDays(1), null, "https://anyone.example/"))
          .earned("crowdfunding", AS_OF.minusDays(1)).build());
      assertEquals(List.of("crowdfunding", "leadership"), s.held());
      assertEquals(List.of(), s.untrusted());
    }
  }

  @Nested
  class Credentials {
    @Test
    void aCredentialIsHeldWhenItsStackHolds() {
      LearnerState s = state(holding("si-101", "leadership", "storytelling"));
      assertEquals(List.of("dt:narrative-design", "leadership", "si-101", "si-nanodegree",
          "storytelling"), s.held());
    }

    @Test
    void aCredentialIsNotHeldWhenItsStackFallsShort() {
      LearnerState s = state(holding("si-101", "leadership"));
      assertFalse(s.isHeld("si-nanodegree"));
      assertFalse(state(holding("leadership", "storytelling", "crowdfunding"))
          .isHeld("si-nanodegree"), "si-101 is required");
    }

    @Test
    void aCredentialStackedFromCredentialsIsAwardedInDependencyOrder() {
      LearnerState s = state(holding("si-101", "leadership", "crowdfunding", "social-finance"));
      assertTrue(s.isHeld("si-nanodegree"));
      assertTrue(s.isHeld("si-master"));
      assertFalse(state(holding("si-101", "leadership", "social-finance")).isHeld("si-master"));
    }

    @Test
    void credentialsDeclaredBeforeTheirComponentsAreStillAwarded() {
      Pathway p = Pathway.builder("p", "1")
          .badge(Badge.builder("top", "Top").stack(Requirement.badge("mid")).build())
          .badge(Badge.builder("mid", "Mid").stack(Requirement.badge("base")).build())
          .badge(Badge.builder("base", "Base").build())
          .build();
      assertEquals(List.of("base", "mid", "top"),
          new EvaluationEngine(p, true).state(holding("base"), AS_OF).held());
    }

    @Test
    void aCredentialListedInTheRecordIsHeldWithoutItsStack() {
      LearnerState s = state(holding("si-nanodegree"));
      assertEquals(List.of("si-nanodegree"), s.held());
    }

    @Test
    void aCredentialNeedsItsRequiresAsWellAsItsStack() {
      Pathway p = Pathway.builder("p", "1")
          .badge(Badge.builder("gate", "Gate").build())
          .badge(Badge.builder("x", "X").build())
          .badge(Badge.builder("c", "C").requires("gate").stack(Requirement.badge("x")).build())
          .build();
      EvaluationEngine e = new EvaluationEngine(p, true);
      assertFalse(e.state(holding("x"), AS_OF).isHeld("c"));
      assertTrue(e.state(holding("x", "gate"), AS_OF).isHeld("c"));
    }

    @Test
    void aCredentialCountsForTagRulesOfOtherCredentials() {
      Pathway p = Pathway.builder("p", "1")
          .badge(Badge.builder("x", "X").build())
          .badge(Badge.builder("c", "C").tags("level-1").stack(Requirement.badge("x")).build())
          .badge(Badge.builder("d", "D").stack(Requirement.atLeastTagged(1, "level-1")).build())
          .build();
      assertEquals(List.of("c", "d", "x"),
          new EvaluationEngine(p, true).state(holding("x"), AS_OF).held());
    }
  }

  @Nested
  class Eligible {
    @Test
    void aBadgeWithoutRequiresIsEligibleFromTheStartAndCredentialsNever() {
      LearnerState s = state(LearnerRecord.builder("new").build());
      assertEquals(List.of("crowdfunding", "dt:narrative-design", "leadership", "si-101",
          "social-finance-lab", "storytelling"),
          s.eligible().stream().map(Eligibility::badge).toList());
    }

    @Test
    void aBadgeBecomesEligibleWhenItsRequiresHoldsAndStopsWhenHeld() {
      LearnerState s = state(holding("si-101"));
      assertTrue(s.isEligible("theory-of-change"));
      assertFalse(s.isEligible("si-101"));
      assertFalse(s.isEligible("social-finance"));
    }

    @Test
    void unmetCoRequisitesAreListedBesideTheBadgeNotBlockingIt() {
      LearnerState s = state(holding("crowdfunding"));
      assertEquals(List.of(new Eligibility("social-finance", List.of("social-finance-lab"))),
          s.eligible().stream().filter(e -> e.badge().equals("social-finance")).toList());
      LearnerState met = state(holding("crowdfunding", "social-finance-lab"));
      assertEquals(List.of(new Eligibility("social-finance", List.of())),
          met.eligible().stream().filter(e -> e.badge().equals("social-finance")).toList());
    }

    @Test
    void missingCoRequisitesAreSortedAndLeaveOutHeldOnes() {
      Pathway p = Pathway.builder("p", "1")
          .badge(Badge.builder("z", "Z").build())
          .badge(Badge.builder("m", "M").build())
          .badge(Badge.builder("a", "A").build())
          .badge(Badge.builder("x", "X").coRequires(Requirement.allOf(Requirement.badges("z", "m",
              "a"))).build())
          .build();
      LearnerState s = new EvaluationEngine(p, true).state(holding("m"), AS_OF);
      assertEquals(List.of("a", "z"), s.eligible().stream()
          .filter(e -> e.badge().equals("x")).findFirst().orElseThrow().coRequisitesMissing());
    }
  }

  @Nested
  class Distinct {
    private final Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("stats", "Statistics").tags("math", "science").build())
        .badge(Badge.builder("bio", "Biology").tags("science").build())
        .badge(Badge.builder("double-counted", "Math and science")
            .stack(Requirement.allOf(Requirement.atLeastTagged(1, "math"),
                Requirement.atLeastTagged(1, "science"))).build())
        .badge(Badge.builder("audited", "Math and science, distinct")
            .stack(Requirement.allOfDistinct(List.of(Requirement.atLeastTagged(1, "math"),
                Requirement.atLeastTagged(1, "science")))).build())
        .build();
    private final EvaluationEngine e = new EvaluationEngine(p, true);

    @Test
    void withoutDistinctOneBadgeCountsForTwoChildren() {
      LearnerState s = e.state(holding("stats"), AS_OF);
      assertTrue(s.isHeld("double-counted"));
      assertFalse(s.isHeld("audited"), "stats cannot count for math and for science");
    }

    @Test
    void withDistinctEachChildNeedsItsOwnBadge() {
      assertTrue(e.state(holding("stats", "bio"), AS_OF).isHeld("audited"));
    }
  }

  @Test
  void aValidForOnAnExpiredPrerequisiteBlocksWhatDependsOnIt() {
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("cpr", "CPR").validFor(Period.ofYears(2)).build())
        .badge(Badge.builder("lifeguard", "Lifeguard").requires("cpr").build())
        .build();
    EvaluationEngine e = new EvaluationEngine(p, true);
    LearnerRecord r = LearnerRecord.builder("a").earned("cpr", LocalDate.of(2024, 3, 1)).build();
    assertTrue(e.state(r, LocalDate.of(2026, 2, 28)).isEligible("lifeguard"));
    assertFalse(e.state(r, LocalDate.of(2026, 3, 1)).isEligible("lifeguard"));
  }
}
