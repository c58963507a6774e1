package org.pathwayengine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pathwayengine.core.EvaluationFixtures.AS_OF;
import static org.pathwayengine.core.EvaluationFixtures.holding;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.plan.Goal;
import org.pathwayengine.core.plan.GoalPlan;
import org.pathwayengine.core.plan.GoalPlanner;

/**
 * {@link PathwayEvaluator#evaluate}: the whole status, progress toward stacked credentials included
 * (its remaining badges come from the goal planner).
 */
class EvaluatorProgressTest {
  private final PathwayEvaluator evaluator =
      PathwayEvaluator.of(EvaluationFixtures.socialInnovation());
  private static final EvaluationOptions HOURS =
      EvaluationOptions.defaults().withCost(CostMeasure.HOURS);

  private Progress progress(LearnerRecord r, String credential, EvaluationOptions options) {
    return evaluator.evaluate(r, AS_OF, options).progressOf(credential).orElseThrow();
  }

  @Test
  void theStatusListsEveryPartSorted() {
    LearnerRecord r = LearnerRecord.builder("alice")
        .earned("si-101", AS_OF.minusYears(4))
        .earned("leadership", AS_OF.minusDays(10))
        .earned("no-such-course", AS_OF.minusDays(10))
        .build();
    LearnerStatus s = evaluator.evaluate(r, AS_OF);
    assertEquals(AS_OF, s.asOf());
    assertEquals(List.of("leadership"), s.held());
    assertEquals(List.of("si-101"), s.expired());
    assertEquals(List.of(), s.untrusted());
    assertEquals(List.of("no-such-course"), s.unmatched());
    assertEquals(List.of("crowdfunding", "dt:narrative-design", "si-101", "social-finance-lab",
        "storytelling"), s.eligible().stream().map(Eligibility::badge).toList());
    assertEquals(List.of("si-master", "si-nanodegree"),
        s.progress().stream().map(Progress::credential).toList());
  }

  @Test
  void aCompleteCredentialHasNothingRemaining() {
    Progress p = progress(holding("si-101", "leadership", "crowdfunding"), "si-nanodegree",
        EvaluationOptions.defaults());
    assertEquals(new Progress("si-nanodegree", true, List.of(), true, 0, true), p);
  }

  @Test
  void remainingIsTheMinimumCountWithPrerequisitesIncluded() {
    Progress p = progress(holding(), "si-nanodegree", EvaluationOptions.defaults());
    assertFalse(p.complete());
    assertTrue(p.reachable());
    assertTrue(p.optimal());
    assertEquals(3, p.remaining().size(), p.toString());
    assertTrue(p.remaining().contains("si-101"), p.toString());
    assertEquals(3.0, p.cost());
  }

  @Test
  void remainingByHoursPicksTheCheapestBadges() {
    Progress p = progress(holding(), "si-nanodegree", HOURS);
    assertEquals(List.of("crowdfunding", "si-101", "storytelling"), p.remaining());
    assertEquals(19.0, p.cost());
    assertTrue(p.optimal());
  }

  @Test
  void aCredentialOfCredentialsCountsItsComponentsRemainingAndCoRequisites() {
    Progress p = progress(holding(), "si-master", HOURS);
    assertEquals(List.of("crowdfunding", "si-101", "social-finance", "social-finance-lab",
        "storytelling"), p.remaining());
    assertEquals(34.0, p.cost());
    Progress byCount = progress(holding(), "si-master", EvaluationOptions.defaults());
    assertEquals(5, byCount.remaining().size(), byCount.toString());
    assertFalse(byCount.remaining().contains("si-nanodegree"), "credentials are never taken");
  }

  @Test
  void remainingStartsFromWhatIsHeld() {
    Progress p = progress(holding("si-101", "leadership", "crowdfunding"), "si-master",
        EvaluationOptions.defaults());
    assertEquals(List.of("social-finance", "social-finance-lab"), p.remaining());
  }

  @Test
  void equivalentsAndSubstitutionsCountTowardProgress() {
    Progress viaEquivalent = progress(holding("si-101", "dt:narrative-design"), "si-nanodegree",
        EvaluationOptions.defaults());
    assertEquals(1, viaEquivalent.remaining().size(), viaEquivalent.toString());
    LearnerRecord substituted = holding("si-101", "social-finance-lab").toBuilder()
        .substitution("crowdfunding", "social-finance-lab").build();
    assertEquals(1, progress(substituted, "si-nanodegree", EvaluationOptions.defaults())
        .remaining().size());
  }

  @Test
  void aCredentialThatCanNoLongerBeCompletedIsUnreachable() {
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("a", "A").credits(1).build())
        .badge(Badge.builder("c", "C").stack(Requirement.credits(5, List.of("a"))).build())
        .build();
    Progress progress = PathwayEvaluator.of(p).evaluate(holding(), AS_OF).progressOf("c")
        .orElseThrow();
    assertFalse(progress.complete());
    assertFalse(progress.reachable());
    assertEquals(List.of(), progress.remaining());
  }

  @Test
  void whatIfAddsHypotheticalBadgesEarnedOnTheDate() {
    LearnerRecord r = holding("si-101");
    LearnerStatus whatIf = evaluator.evaluate(r.withEarned(List.of("leadership", "crowdfunding"),
        AS_OF), AS_OF);
    assertTrue(whatIf.isHeld("si-nanodegree"));
    assertTrue(whatIf.isEligible("social-finance"));
  }
  /**
   * Three credentials, each "2 of a, b, c, d", where a and b need a prerequisite each and c and d
   * share one: c, d and q (3 badges) beat a, b and their prerequisites (4), which a one-node search
   * takes first.
   */
  private static Pathway sharedPrerequisite() {
    Pathway.Builder b = Pathway.builder("shared", "1");
    for (String id : List.of("p1", "p2", "q")) {
      b.badge(Badge.builder(id, id).build());
    }
    b.badge(Badge.builder("a", "A").requires("p1").build());
    b.badge(Badge.builder("b", "B").requires("p2").build());
    b.badge(Badge.builder("c", "C").requires("q").build());
    b.badge(Badge.builder("d", "D").requires("q").build());
    for (int i = 0; i < 3; i++) {
      b.badge(Badge.builder("cred-" + i, "Credential " + i)
          .stack(Requirement.atLeast(2, Requirement.badges("a", "b", "c", "d"))).build());
    }
    return b.build();
  }

  @Test
  void theTotalBudgetIsSharedEquallyAmongTheCredentialsToPlan() {
    PathwayEvaluator e = PathwayEvaluator.of(sharedPrerequisite());
    LearnerRecord nobody = LearnerRecord.builder("nobody").build();
    for (Progress p : e.evaluate(nobody, AS_OF).progress()) {
      assertEquals(List.of("c", "d", "q"), p.remaining(), p.toString());
      assertTrue(p.optimal(), p.toString());
    }
    // 3 nodes in all for 3 credentials: one node each, the first plan found, not proven.
    EvaluationOptions three = EvaluationOptions.defaults().withTotalSearchBudget(3);
    for (Progress p : e.evaluate(nobody, AS_OF, three).progress()) {
      assertEquals(List.of("a", "b", "p1", "p2"), p.remaining(), p.toString());
      assertFalse(p.optimal(), p.toString());
    }
    assertEquals(e.evaluate(nobody, AS_OF, EvaluationOptions.defaults().withSearchBudget(1)
            .withTotalSearchBudget(Long.MAX_VALUE)),
        e.evaluate(nobody, AS_OF, three));
    // The share is of the credentials still to plan: with cred-0 waived, 24 nodes make 12 for each
    // of the other two, enough for the proof (8 each, a third of 24, is not).
    LearnerRecord waived = LearnerRecord.builder("waived").waived("cred-0").build();
    EvaluationOptions twentyFour = EvaluationOptions.defaults().withTotalSearchBudget(24);
    List<Progress> open = e.evaluate(waived, AS_OF, twentyFour).progress();
    assertTrue(open.get(0).complete());
    for (Progress p : open.subList(1, 3)) {
      assertEquals(List.of("c", "d", "q"), p.remaining(), p.toString());
      assertTrue(p.optimal(), p.toString());
    }
    assertFalse(e.evaluate(waived, AS_OF, EvaluationOptions.defaults().withSearchBudget(8))
        .progress().get(1).optimal());
  }

  @Test
  void eachSearchGetsAnEqualShareOfTheTotalWithinItsOwnBudget() {
    EvaluationOptions o = new EvaluationOptions(CostMeasure.COUNT, 10_000, 4_000_000);
    assertEquals(10_000, o.budgetPerSearch(1));
    assertEquals(10_000, o.budgetPerSearch(400));
    assertEquals(9_975, o.budgetPerSearch(401));
    assertEquals(878, o.budgetPerSearch(4_552));
    assertEquals(1, o.withTotalSearchBudget(3).budgetPerSearch(1_000_000));
    assertEquals(Long.MAX_VALUE, new EvaluationOptions(CostMeasure.COUNT, 7).totalSearchBudget());
    assertEquals(EvaluationOptions.DEFAULT_TOTAL_SEARCH_BUDGET,
        EvaluationOptions.defaults().withCost(CostMeasure.HOURS).withSearchBudget(5)
            .totalSearchBudget());
    assertThrows(IllegalArgumentException.class, () -> o.budgetPerSearch(0));
    assertThrows(IllegalArgumentException.class, () -> o.withTotalSearchBudget(0));
  }

  @Test
  void manyCredentialsAreSearchedInParallelAndReportedInIdOrderAsEachAlone() {
    // Enough credentials that the status computes their progress on all cores.
    Pathway.Builder b = Pathway.builder("many", "1");
    for (int i = 0; i < 20; i++) {
      Badge.Builder badge = Badge.builder("b" + (char) ('a' + i), "Badge " + i);
      if (i > 0) {
        badge.requires("b" + (char) ('a' + i - 1));
      }
      b.badge(badge.build());
    }
    List<String> credentials = new ArrayList<>();
    for (int c = 0; c < 16; c++) {
      String id = "cred-" + (char) ('p' - c);
      credentials.add(id);
      b.badge(Badge.builder(id, "Credential " + c)
          .stack(Requirement.allOf(Requirement.badges("b" + (char) ('a' + c),
              "b" + (char) ('a' + c + 4))))
          .build());
    }
    Pathway p = b.build();
    LearnerRecord r = LearnerRecord.builder("l")
        .earned("ba", AS_OF.minusDays(3)).earned("bb", AS_OF.minusDays(2))
        .earned("bc", AS_OF.minusDays(2)).earned("bd", AS_OF.minusDays(2))
        .earned("be", AS_OF.minusDays(1))
        .build();
    LearnerStatus s = PathwayEvaluator.of(p).evaluate(r, AS_OF);

    List<String> sorted = new ArrayList<>(credentials);
    sorted.sort(null);
    assertEquals(sorted, s.progress().stream().map(Progress::credential).toList());
    Set<String> held = new HashSet<>(s.held());
    GoalPlanner planner = GoalPlanner.of(p);
    for (Progress progress : s.progress()) {
      if (held.contains(progress.credential())) {
        assertTrue(progress.complete(), progress.toString());
        continue;
      }
      GoalPlan alone = planner.plan(held, Goal.badge(progress.credential()),
          EvaluationOptions.defaults());
      assertFalse(progress.complete(), progress.toString());
      assertEquals(alone.badges().stream().sorted().toList(), progress.remaining());
      assertEquals(alone.cost(), progress.cost(), 1e-9);
      assertEquals(alone.optimal(), progress.optimal());
    }
    assertTrue(s.progress().get(s.progress().size() - 1).complete(),
        "cred-p stacks ba and be, both held");
    assertEquals(List.of("bf", "bg", "bh", "bi", "bj", "bk", "bl", "bm", "bn", "bo", "bp", "bq",
        "br", "bs", "bt"), s.progress().get(0).remaining(), "cred-a stacks bp and bt");
  }
}
