package org.pathwayengine.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.EvaluationOptions;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Requirement;

class TermPlannerTest {
  private static Badge b(String id, String... requires) {
    Badge.Builder x = Badge.builder(id, id).credits(3);
    if (requires.length > 0) {
      x.requires(requires);
    }
    return x.build();
  }

  @Test
  void credentialsEarnedOnTheWayCountThroughTagsAndEquivalents() {
    // x needs c1 (any badge tagged "lo": t) and c3, which needs c2 (e1, for which e2 stands in).
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("t", "t").tags("lo").build())
        .badge(b("e1")).badge(b("e2"))
        .badge(Badge.builder("c1", "c1").stack(Requirement.atLeastTagged(1, "lo")).build())
        .badge(Badge.builder("c2", "c2").stack(Requirement.badge("e1")).build())
        .badge(Badge.builder("c3", "c3").stack(Requirement.badge("c2")).build())
        .badge(Badge.builder("x", "x")
            .requires(Requirement.allOf(Requirement.badge("c1"), Requirement.badge("c3"))).build())
        .equivalence(List.of("e1", "e2"))
        .build();
    TermPlan plan = TermPlanner.of(p).schedule(Set.of(), Set.of(), List.of("t", "e2", "x"),
        TermPlanner.Capacity.badges(3));
    assertEquals(List.of(List.of("e2", "t"), List.of("x")), plan.terms());
  }

  @Test
  void chainNeedsOneTermPerLink() {
    Pathway p = Pathway.builder("p", "1").badge(b("a")).badge(b("b", "a")).badge(b("c", "b"))
        .badge(b("d")).build();
    TermPlan plan = TermPlanner.of(p).schedule(Set.of(), Set.of(), List.of("a", "d", "b", "c"),
        TermPlanner.Capacity.badges(2));
    assertEquals(List.of(List.of("a", "d"), List.of("b"), List.of("c")), plan.terms());
    assertEquals(3, plan.lowerBound());
    assertTrue(plan.optimal());
  }

  @Test
  void longestChainGoesFirst() {
    // x1 -> x2 -> x3 is the critical path; the three loose badges fill in around it.
    Pathway p = Pathway.builder("p", "1").badge(b("x1")).badge(b("x2", "x1")).badge(b("x3", "x2"))
        .badge(b("a")).badge(b("b")).badge(b("c")).build();
    TermPlan plan = TermPlanner.of(p).schedule(Set.of(), Set.of(),
        List.of("a", "b", "c", "x1", "x2", "x3"), TermPlanner.Capacity.badges(2));
    assertEquals(3, plan.termCount());
    assertEquals(List.of("a", "x1"), plan.terms().get(0));
  }

  @Test
  void creditsPerTermLimitTheTerm() {
    Pathway p = Pathway.builder("p", "1").badge(b("a")).badge(b("b")).badge(b("c")).build();
    TermPlan plan = TermPlanner.of(p).schedule(Set.of(), Set.of(), List.of("a", "b", "c"),
        TermPlanner.Capacity.of(3, 6));
    assertEquals(List.of(List.of("a", "b"), List.of("c")), plan.terms());
    assertEquals(2, plan.lowerBound());
  }

  @Test
  void coRequisitesShareATermAndInProgressGoesFirst() {
    Pathway p = Pathway.builder("p", "1")
        .badge(b("lecture"))
        .badge(Badge.builder("lab", "lab").coRequires(Requirement.badge("lecture")).build())
        .badge(b("z"))
        .build();
    TermPlan plan = TermPlanner.of(p).schedule(Set.of(), Set.of("z"),
        List.of("lecture", "lab", "z"), TermPlanner.Capacity.badges(2));
    assertEquals(List.of(List.of("lecture", "z"), List.of("lab")), plan.terms());
    TermPlan wide = TermPlanner.of(p).schedule(Set.of(), Set.of("z"),
        List.of("lecture", "lab", "z"), TermPlanner.Capacity.badges(3));
    assertEquals(List.of(List.of("lab", "lecture", "z")), wide.terms());
  }

  @Test
  void mutualCoRequisitesThatDoNotFitAreRefused() {
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("x", "x").coRequires(Requirement.badge("y")).build())
        .badge(Badge.builder("y", "y").coRequires(Requirement.badge("x")).build())
        .build();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> TermPlanner.of(p).schedule(Set.of(), Set.of(), List.of("x", "y"),
            TermPlanner.Capacity.badges(1)));
    assertTrue(e.getMessage().contains("[x, y]"), e.getMessage());
  }

  @Test
  void invalidOrderIsRefused() {
    Pathway p = Pathway.builder("p", "1").badge(b("a")).badge(b("b", "a")).build();
    assertThrows(IllegalArgumentException.class, () -> TermPlanner.of(p)
        .schedule(Set.of(), Set.of(), List.of("b", "a"), TermPlanner.Capacity.badges(2)));
  }

  @Test
  void planFromAGoal() {
    Pathway p = Pathway.builder("p", "1").badge(b("a")).badge(b("b", "a")).badge(b("c", "a"))
        .badge(Badge.builder("cert", "cert").stack(Requirement.allOf(Requirement.badges("b", "c")))
            .build())
        .badge(b("never", "ghost"))
        .build();
    TermPlanner planner = TermPlanner.of(p);
    TermPlan plan = planner.plan(Set.of(), Set.of(), Goal.badge("cert"),
        TermPlanner.Capacity.badges(2), EvaluationOptions.defaults());
    assertEquals(List.of(List.of("a"), List.of("b", "c")), plan.terms());
    TermPlan none = planner.plan(Set.of(), Set.of(), Goal.badge("never"),
        TermPlanner.Capacity.badges(2), EvaluationOptions.defaults());
    assertFalse(none.reachable());
    assertTrue(none.terms().isEmpty());
  }
}
