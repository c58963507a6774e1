package org.pathwayengine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pathwayengine.core.EvaluationFixtures.AS_OF;
import static org.pathwayengine.core.EvaluationFixtures.holding;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.Scenario.Expectation;

/** {@link ScenarioRunner}: held, eligible and notEligible expectations (SPEC section 6). */
class ScenarioRunnerTest {
  private final Pathway si = EvaluationFixtures.socialInnovation();

  private static Scenario scenario(String name, LearnerRecord learner, List<String> held,
      List<String> eligible, List<String> notEligible) {
    return new Scenario(name, AS_OF, learner, new Expectation(held, eligible, notEligible, Map.of()));
  }

  @Test
  void theSpecExamplePasses() {
    Scenario s = scenario("two electives and the foundation complete the nanodegree",
        holding("si-101", "leadership", "storytelling"),
        List.of("si-nanodegree"), List.of("theory-of-change"), List.of("social-finance"));
    ScenarioResult r = ScenarioRunner.run(si, s);
    assertEquals("two electives and the foundation complete the nanodegree", r.scenario());
    assertEquals(List.of(), r.failures());
    assertTrue(r.passed());
  }

  @Test
  void everyUnmetExpectationIsReportedWithWhatWasFound() {
    Scenario s = scenario("one elective is not enough", holding("si-101", "leadership"),
        List.of("si-nanodegree", "si-101"), List.of("social-finance", "theory-of-change"),
        List.of("crowdfunding"));
    ScenarioResult r = ScenarioRunner.run(si, s);
    assertEquals(List.of(
        "expected si-nanodegree to be held, but it is not; held: [leadership, si-101]",
        "expected social-finance to be eligible, but it is not; eligible: [crowdfunding, "
            + "dt:narrative-design, social-finance-lab, storytelling, theory-of-change]",
        "expected crowdfunding not to be eligible, but it is; eligible: [crowdfunding, "
            + "dt:narrative-design, social-finance-lab, storytelling, theory-of-change]"),
        r.failures());
  }

  @Test
  void unknownBadgesInExpectationsFailWithTheName() {
    ScenarioResult r = ScenarioRunner.run(si, scenario("typo", holding(), List.of("si-10l"),
        List.of(), List.of()));
    assertEquals(List.of("expected si-10l to be held, but the pathway has no badge 'si-10l'"),
        r.failures());
  }

  @Test
  void expectationsMayNameABadgeByAlias() {
    ScenarioResult r = ScenarioRunner.run(si, scenario("alias", holding("si-101"),
        List.of(EvaluationFixtures.SI101_ALIAS), List.of(), List.of()));
    assertTrue(r.passed(), r.failures().toString());
  }

  @Test
  void theScenarioIsEvaluatedAtItsOwnDate() {
    LearnerRecord old = LearnerRecord.builder("a")
        .earned("si-101", AS_OF.minusYears(3)).build();
    ScenarioResult r = ScenarioRunner.run(si, scenario("expired", old, List.of("si-101"),
        List.of(), List.of()));
    assertEquals(List.of("expected si-101 to be held, but it is not; held: []"), r.failures());
  }

  @Test
  void runningAPathwayRunsItsScenariosInOrder() {
    Pathway withScenarios = si.toBuilder()
        .scenario(scenario("first passes", holding("si-101"), List.of("si-101"), List.of(),
            List.of()))
        .scenario(scenario("second fails", holding(), List.of("si-101"), List.of(), List.of()))
        .build();
    List<ScenarioResult> results = ScenarioRunner.run(withScenarios);
    assertEquals(List.of("first passes", "second fails"),
        results.stream().map(ScenarioResult::scenario).toList());
    assertEquals(List.of(true, false), results.stream().map(ScenarioResult::passed).toList());
  }

  @Test
  void remainingForABadgeThatIsNotAStackedCredentialFails() {
    Scenario s = new Scenario("not a credential", AS_OF, holding(), new Expectation(List.of(),
        List.of(), List.of(), Map.of("leadership", Scenario.ExpectedRemaining.count(0))));
    assertEquals(List.of("expected remaining badges for leadership, but the pathway has no "
        + "stacked credential 'leadership'"), ScenarioRunner.run(si, s).failures());
  }

  @Test
  void remainingOfACompleteCredentialIsEmpty() {
    // Complete credentials need no planning: their remaining set is empty.
    Scenario s = new Scenario("complete", AS_OF, holding("si-101", "leadership", "crowdfunding"),
        new Expectation(List.of(), List.of(), List.of(), Map.of(
            "si-nanodegree", Scenario.ExpectedRemaining.badges(List.of()))));
    assertEquals(List.of(), ScenarioRunner.run(si, s).failures());
    Scenario wrong = new Scenario("complete, expected one more", AS_OF,
        holding("si-101", "leadership", "crowdfunding"),
        new Expectation(List.of(), List.of(), List.of(), Map.of(
            "si-nanodegree", Scenario.ExpectedRemaining.count(1))));
    assertEquals(List.of("expected 1 remaining badge(s) for si-nanodegree, but found 0: []"),
        ScenarioRunner.run(si, wrong).failures());
  }

  private static Scenario remaining(LearnerRecord learner, String credential,
      Scenario.ExpectedRemaining expected) {
    return new Scenario("remaining", AS_OF, learner, new Expectation(List.of(), List.of(),
        List.of(), Map.of(credential, expected)));
  }

  @Test
  void remainingAsACountIsTheExactMinimum() {
    LearnerRecord r = holding("si-101", "leadership");
    assertTrue(ScenarioRunner.run(si, remaining(r, "si-nanodegree",
        Scenario.ExpectedRemaining.count(1))).passed());
    ScenarioResult wrong = ScenarioRunner.run(si, remaining(holding(), "si-nanodegree",
        Scenario.ExpectedRemaining.count(2)));
    assertEquals(1, wrong.failures().size());
    assertTrue(wrong.failures().get(0).startsWith(
        "expected 2 remaining badge(s) for si-nanodegree, but found 3: ["), wrong.failures().get(0));
  }

  @Test
  void remainingAsAListIsThatExactSet() {
    LearnerRecord r = holding("si-101", "leadership", "crowdfunding");
    assertEquals(List.of(), ScenarioRunner.run(si, remaining(r, "si-master",
        Scenario.ExpectedRemaining.badges(List.of("social-finance-lab", "social-finance"))))
        .failures());
    assertEquals(List.of("expected remaining [social-finance] for si-master, but found 2: "
        + "[social-finance, social-finance-lab]"),
        ScenarioRunner.run(si, remaining(r, "si-master",
            Scenario.ExpectedRemaining.badges(List.of("social-finance")))).failures());
  }

  @Test
  void remainingOfAnUnreachableCredentialFails() {
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("a", "A").credits(1).build())
        .badge(Badge.builder("c", "C").stack(Requirement.credits(5, List.of("a"))).build())
        .build();
    assertEquals(List.of("expected 0 remaining badge(s) for c, but it can no longer be completed"),
        ScenarioRunner.run(p, remaining(holding(), "c", Scenario.ExpectedRemaining.count(0)))
            .failures());
  }
}
