package org.pathwayengine.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.CostMeasure;
import org.pathwayengine.core.EvaluationOptions;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Requirement;

class GoalPlannerTest {
  private static final EvaluationOptions COUNT = EvaluationOptions.defaults();
  private static final EvaluationOptions HOURS = COUNT.withCost(CostMeasure.HOURS);

  private static Badge badge(String id, double hours, String... skills) {
    return Badge.builder(id, id).hours(hours).skills(skills).build();
  }

  @Test
  void skillsGoalIsASetCoverAndHoursChangeTheCover() {
    Pathway p = Pathway.builder("p", "1")
        .badge(badge("x", 10, "s1", "s2"))
        .badge(badge("y", 10, "s3", "s4"))
        .badge(badge("v", 1, "s1"))
        .badge(Badge.builder("z", "z").hours(1).skills("s1", "s3").requires("v").build())
        .badge(badge("w", 1, "s2", "s4"))
        .build();
    GoalPlanner planner = GoalPlanner.of(p);
    Goal all = Goal.skills(Set.of("s1", "s2", "s3", "s4"));

    GoalPlan byCount = planner.plan(Set.of(), all, COUNT);
    assertEquals(List.of("x", "y"), byCount.badges());
    assertEquals(2, byCount.cost());
    assertTrue(byCount.optimal());

    GoalPlan byHours = planner.plan(Set.of(), all, HOURS);
    // v is z's prerequisite and covers nothing new, yet {v, w, z} (3 h) beats {x, y} (20 h).
    assertEquals(List.of("v", "w", "z"), byHours.badges());
    assertEquals(3, byHours.cost());
    assertTrue(byHours.optimal());
    assertEquals(3, byHours.lowerBound());
  }

  @Test
  void aCredentialEquivalentToABadgeOfItsOwnStackIsPlannedWithoutEndlessRecursion() {
    // c is awarded for a and x, and a counts as c: collecting what could satisfy "a" meets c, whose
    // stack names a again (this recursed until the stack overflowed).
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("a", "a").build())
        .badge(Badge.builder("x", "x").build())
        .badge(Badge.builder("c", "c").stack(Requirement.allOf(Requirement.badges("a", "x"))).build())
        .badge(Badge.builder("g", "g").requires("c").build())
        .equivalence(List.of("c", "a"))
        .build();
    GoalPlan plan = GoalPlanner.of(p).plan(Set.of(), Goal.badge("g"), COUNT);
    assertTrue(plan.reachable());
    assertTrue(plan.optimal());
    assertEquals(Set.of("a", "g"), Set.copyOf(plan.badges()));
  }

  @Test
  void hoursAndCountGiveDifferentPlansForABadgeGoal() {
    Pathway p = Pathway.builder("p", "1")
        .badge(badge("a", 40))
        .badge(badge("b", 5))
        .badge(badge("c", 5))
        .badge(Badge.builder("g", "g").hours(1)
            .requires(Requirement.anyOf(Requirement.badge("a"),
                Requirement.allOf(Requirement.badges("b", "c"))))
            .build())
        .build();
    GoalPlanner planner = GoalPlanner.of(p);
    assertEquals(List.of("a", "g"), planner.plan(Set.of(), Goal.badge("g"), COUNT).badges());
    GoalPlan hours = planner.plan(Set.of(), Goal.badge("g"), HOURS);
    assertEquals(List.of("b", "c", "g"), hours.badges());
    assertEquals(11, hours.cost());
  }

  @Test
  void countBreaksTiesInHours() {
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("a", "a").build())
        .badge(Badge.builder("b", "b").build())
        .badge(Badge.builder("c", "c").hours(0).build())
        .badge(Badge.builder("g", "g").requires(Requirement.anyOf(
            Requirement.allOf(Requirement.badges("a", "b")), Requirement.badge("c"))).build())
        .build();
    GoalPlan plan = GoalPlanner.of(p).plan(Set.of(), Goal.badge("g"), HOURS);
    assertEquals(List.of("c", "g"), plan.badges());
    assertEquals(0, plan.cost());
  }

  @Test
  void unreachableGoalsSayWhy() {
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("a", "a").build())
        .badge(Badge.builder("g", "g").requires("a", "ghost").build())
        .badge(Badge.builder("h", "h")
            .requires(Requirement.atLeast(3, Requirement.badges("a", "g"))).build())
        .build();
    GoalPlanner planner = GoalPlanner.of(p);
    GoalPlan g = planner.plan(Set.of(), Goal.badge("g"), COUNT);
    assertFalse(g.reachable());
    assertTrue(g.badges().isEmpty());
    assertTrue(g.reason().orElseThrow().contains("ghost"), g.reason().orElseThrow());

    GoalPlan h = planner.plan(Set.of("a"), Goal.badge("h"), COUNT);
    assertFalse(h.reachable());
    assertTrue(h.reason().orElseThrow().contains("[h]"), h.reason().orElseThrow());

    GoalPlan skills = planner.plan(Set.of(), Goal.skills(Set.of("juggling")), COUNT);
    assertFalse(skills.reachable());
    assertTrue(skills.reason().orElseThrow().contains("juggling"));
  }

  @Test
  void goalAlreadyHeldGivesAnEmptyOptimalPlan() {
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("a", "a").build())
        .badge(Badge.builder("b", "b").requires("a").build())
        .badge(Badge.builder("cert", "cert").stack(Requirement.allOf(Requirement.badges("a", "b")))
            .build())
        .build();
    GoalPlanner planner = GoalPlanner.of(p);
    for (String goal : List.of("b", "cert")) {
      GoalPlan plan = planner.plan(Set.of("a", "b"), Goal.badge(goal), COUNT);
      assertTrue(plan.reachable());
      assertEquals(List.of(), plan.badges());
      assertEquals(0, plan.cost());
      assertTrue(plan.optimal());
    }
  }

  @Test
  void stackedCredentialOfCredentialsNeverAppearsInThePlan() {
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("a", "a").build())
        .badge(Badge.builder("b", "b").build())
        .badge(Badge.builder("c", "c").build())
        .badge(Badge.builder("e", "e").build())
        .badge(Badge.builder("d", "d").requires("e").build())
        .badge(Badge.builder("cert1", "cert1").stack(Requirement.allOf(Requirement.badges("a", "b")))
            .build())
        .badge(Badge.builder("cert2", "cert2")
            .stack(Requirement.atLeast(1, Requirement.badges("c", "d"))).build())
        .badge(Badge.builder("master", "master")
            .stack(Requirement.allOf(Requirement.badges("cert1", "cert2"))).build())
        .build();
    GoalPlan plan = GoalPlanner.of(p).plan(Set.of("a"), Goal.badge("master"), COUNT);
    assertEquals(List.of("b", "c"), plan.badges());
    assertEquals(2, plan.cost());
    assertTrue(plan.optimal());

    // What if the learner also held d: cert2 is then awarded, only b is left.
    GoalPlan whatIf = GoalPlanner.of(p).plan(Set.of("a", "d"), Goal.badge("master"), COUNT);
    assertEquals(List.of("b"), whatIf.badges());
  }

  @Test
  void sharedPrerequisiteIsCountedOnce() {
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("f", "f").build())
        .badge(Badge.builder("g", "g").build())
        .badge(Badge.builder("e1", "e1").requires("f").build())
        .badge(Badge.builder("e2", "e2").requires("f").build())
        .badge(Badge.builder("e3", "e3").requires("f", "g").build())
        .badge(Badge.builder("cert", "cert")
            .stack(Requirement.atLeast(2, Requirement.badges("e1", "e2", "e3"))).build())
        .build();
    GoalPlan plan = GoalPlanner.of(p).plan(Set.of(), Goal.badge("cert"), COUNT);
    assertEquals(List.of("f", "e1", "e2"), plan.badges());
    assertEquals(3, plan.cost());
    assertEquals(3, plan.lowerBound());
    assertTrue(plan.optimal());
  }

  @Test
  void coRequisitesComeFirstOrTogether() {
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("lecture", "lecture").build())
        .badge(Badge.builder("lab", "lab").coRequires(Requirement.badge("lecture")).build())
        .badge(Badge.builder("x", "x").coRequires(Requirement.badge("y")).build())
        .badge(Badge.builder("y", "y").coRequires(Requirement.badge("x")).build())
        .build();
    GoalPlanner planner = GoalPlanner.of(p);
    assertEquals(List.of("lecture", "lab"), planner.plan(Set.of(), Goal.badge("lab"), COUNT).badges());
    assertEquals(List.of("x", "y"), planner.plan(Set.of(), Goal.badge("y"), COUNT).badges());
  }

  @Test
  void equivalentBadgesSatisfyRules() {
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("storytelling", "s").build())
        .badge(Badge.builder("narrative", "n").build())
        .badge(Badge.builder("g", "g").requires("storytelling").build())
        .equivalence(List.of("storytelling", "narrative"))
        .build();
    assertEquals(List.of("g"),
        GoalPlanner.of(p).plan(Set.of("narrative"), Goal.badge("g"), COUNT).badges());
  }

  @Test
  void distinctNeedsSeparateBadges() {
    Requirement either = Requirement.anyOf(Requirement.badges("a", "b"));
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("a", "a").build())
        .badge(Badge.builder("b", "b").build())
        .badge(Badge.builder("cert", "cert").stack(Requirement.allOfDistinct(List.of(either, either)))
            .build())
        .build();
    GoalPlan plan = GoalPlanner.of(p).plan(Set.of("a"), Goal.badge("cert"), COUNT);
    assertEquals(List.of("b"), plan.badges());
  }

  @Test
  void unknownGoalIsACallersMistake() {
    Pathway p = Pathway.builder("p", "1").badge(Badge.builder("a", "a").build()).build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GoalPlanner.of(p).plan(Set.of(), Goal.badge("nope"), COUNT));
    assertTrue(e.getMessage().contains("nope"));
  }

  @Test
  void longChainNeitherOverflowsNorCrawls() {
    int n = 20_000;
    Pathway.Builder b = Pathway.builder("chain", "1");
    for (int i = 0; i < n; i++) {
      Badge.Builder x = Badge.builder("c" + i, "c" + i);
      if (i > 0) {
        x.requires("c" + (i - 1));
      }
      b.badge(x.build());
    }
    Pathway p = b.build();
    // a forced chain visits one search node per badge: give the search room for all of them
    GoalPlan plan = GoalPlanner.of(p).plan(Set.of("c0"), Goal.badge("c" + (n - 1)),
        new EvaluationOptions(CostMeasure.COUNT, 1_000_000));
    assertEquals(n - 1, plan.badges().size());
    assertEquals("c1", plan.badges().get(0));
    assertEquals("c" + (n - 1), plan.badges().get(n - 2));
    assertTrue(plan.optimal());
    TermPlan terms = TermPlanner.of(p).schedule(Set.of("c0"), Set.of(), plan.badges().subList(0, 100),
        TermPlanner.Capacity.badges(3));
    assertEquals(100, terms.termCount());
    assertEquals(100, terms.lowerBound());
  }

  @Test
  void tagRuleCountsAnEquivalentOfATaggedBadge() {
    // Found by the brute-force property: the rule needs one badge tagged "lo"; b11, equivalent to the
    // tagged b00, counts for it and is cheaper.
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("b00", "b00").hours(3).tags("lo").build())
        .badge(Badge.builder("b06", "b06").hours(1).build())
        .badge(Badge.builder("b11", "b11").hours(2).build())
        .badge(Badge.builder("b10", "b10").stack(Requirement.allOf(Requirement.badge("b06"),
            Requirement.atLeastTagged(1, "lo"))).build())
        .equivalence(List.of("b00", "b11"))
        .build();
    GoalPlan plan = GoalPlanner.of(p).plan(Set.of(), Goal.badge("b10"), HOURS);
    assertEquals(List.of("b06", "b11"), plan.badges());
    assertEquals(3, plan.cost());
    assertEquals(new PlanReference(p).bruteForce(Set.of(), Goal.badge("b10"), CostMeasure.HOURS)[0],
        plan.cost());
  }
}
