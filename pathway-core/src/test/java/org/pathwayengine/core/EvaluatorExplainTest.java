package org.pathwayengine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pathwayengine.core.EvaluationFixtures.AS_OF;
import static org.pathwayengine.core.EvaluationFixtures.holding;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link PathwayEvaluator#explain}: requirement trees marked for people. */
class EvaluatorExplainTest {
  private final PathwayEvaluator evaluator =
      PathwayEvaluator.of(EvaluationFixtures.socialInnovation());

  @Test
  void anIncompleteCredentialShowsWhichNodesHoldAndWhatSatisfiedThem() {
    Explanation x = evaluator.explain(holding("si-101", "dt:narrative-design"), AS_OF,
        "si-nanodegree");
    assertEquals("si-nanodegree", x.badge());
    assertFalse(x.held());
    assertFalse(x.eligible(), "credentials are awarded, never started");
    assertEquals(Optional.empty(), x.requires());
    ExplanationNode stack = x.stack().orElseThrow();
    ExplanationNode expected = new ExplanationNode("allOf", "all of 2", false,
        List.of("dt:narrative-design", "si-101"), List.of(
            new ExplanationNode("badge", "si-101", true, List.of("si-101"), List.of()),
            new ExplanationNode("atLeast", "2 of 4", false, List.of("dt:narrative-design"),
                List.of(
                    node("leadership", false),
                    node("crowdfunding", false),
                    new ExplanationNode("badge", "storytelling", true,
                        List.of("dt:narrative-design"), List.of()),
                    node("theory-of-change", false)))));
    assertEquals(expected, stack);
  }

  private static ExplanationNode node(String id, boolean holds) {
    return new ExplanationNode("badge", id, holds, holds ? List.of(id) : List.of(), List.of());
  }

  @Test
  void aBadgeExplainsItsRequiresAndCoRequires() {
    Explanation x = evaluator.explain(holding("crowdfunding"), AS_OF, "social-finance");
    assertTrue(x.eligible());
    assertFalse(x.held());
    assertEquals(node("crowdfunding", true), x.requires().orElseThrow());
    assertEquals(node("social-finance-lab", false), x.coRequires().orElseThrow());
    assertEquals(Optional.empty(), x.stack());
  }

  @Test
  void aBadgeNamedByAliasInTheRecordIsExplainedAsHeld() {
    Explanation x = evaluator.explain(holding(EvaluationFixtures.SI101_ALIAS), AS_OF, "si-101");
    assertTrue(x.held());
    assertFalse(x.eligible());
  }

  @Test
  void labelsDescribeTagCreditAndDistinctRules() {
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("a", "A").credits(4).tags("core").build())
        .badge(Badge.builder("b", "B").credits(6).tags("core").build())
        .badge(Badge.builder("c", "C").stack(Requirement.allOfDistinct(List.of(
            Requirement.creditsTagged(10, "core"),
            Requirement.atLeastTagged(1, "core"),
            Requirement.credits(2.5, List.of("a", "b")),
            Requirement.anyOf(Requirement.badges("a", "b"))))).build())
        .build();
    ExplanationNode stack = PathwayEvaluator.of(p)
        .explain(holding("a", "b"), AS_OF, "c").stack().orElseThrow();
    assertEquals(List.of("10 credits from tag core", "1 badge with tag core",
        "2.5 credits from a, b", "any of 2"),
        stack.children().stream().map(ExplanationNode::label).toList());
    assertEquals("all of 4, distinct", stack.label());
    assertFalse(stack.holds(), "a and b both pay the 10 credits; nothing is left for the rest");
    assertTrue(stack.children().stream().allMatch(ExplanationNode::holds),
        "each child alone holds");
    assertEquals(List.of("a", "b"), stack.children().get(0).satisfiedBy());
    assertEquals(List.of("a", "b"), stack.satisfiedBy());
  }

  @Test
  void anUnknownBadgeIsACallersMistake() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> evaluator.explain(holding(), AS_OF, "no-such-badge"));
    assertTrue(e.getMessage().contains("no-such-badge"), e.getMessage());
  }
}
