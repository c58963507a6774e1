package org.pathwayengine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pathwayengine.core.Requirement.allOf;
import static org.pathwayengine.core.Requirement.allOfDistinct;
import static org.pathwayengine.core.Requirement.anyOf;
import static org.pathwayengine.core.Requirement.atLeast;
import static org.pathwayengine.core.Requirement.atLeastDistinct;
import static org.pathwayengine.core.Requirement.atLeastTagged;
import static org.pathwayengine.core.Requirement.badge;
import static org.pathwayengine.core.Requirement.badges;
import static org.pathwayengine.core.Requirement.credits;
import static org.pathwayengine.core.Requirement.creditsTagged;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.internal.RequirementEvaluator;

/** One example per row of SPEC section 3, with and without {@code distinct} and equivalence. */
class RequirementEvaluatorTest {
  private final Pathway p = Pathway.builder("p", "1")
      .badge(Badge.builder("a", "A").credits(3).tags("core").build())
      .badge(Badge.builder("b", "B").credits(2).tags("core", "lab").build())
      .badge(Badge.builder("c", "C").credits(4).tags("lab").build())
      .badge(Badge.builder("d", "D").tags("core").build())
      .badge(Badge.builder("e", "E").credits(1).build())
      .badge(Badge.builder("e2", "E2").credits(5).build())
      .equivalence(List.of("e", "e2"))
      .build();
  private final RequirementEvaluator ev = new RequirementEvaluator(p);

  private boolean holds(Requirement r, String... held) {
    return ev.holds(r, Set.of(held));
  }

  @Test
  void aStringHoldsWhenTheBadgeOrAnEquivalentIsHeld() {
    assertTrue(holds(badge("a"), "a"));
    assertFalse(holds(badge("a"), "b"));
    assertTrue(holds(badge("e"), "e2"));
    assertTrue(holds(badge("e2"), "e"));
  }

  @Test
  void aListIsAllOf() {
    Requirement list = Badge.builder("x", "X").requires("a", "b").build().requires().orElseThrow();
    assertEquals(allOf(badges("a", "b")), list);
    assertTrue(holds(list, "a", "b", "c"));
    assertFalse(holds(list, "a", "c"));
  }

  @Test
  void allOfHoldsWhenEveryChildHolds() {
    assertTrue(holds(allOf(badge("a"), anyOf(badge("b"), badge("c"))), "a", "c"));
    assertFalse(holds(allOf(badge("a"), anyOf(badge("b"), badge("c"))), "b", "c"));
  }

  @Test
  void anyOfHoldsWhenOneChildHolds() {
    assertTrue(holds(anyOf(badge("a"), badge("b")), "b"));
    assertFalse(holds(anyOf(badge("a"), badge("b")), "c"));
  }

  @Test
  void atLeastCountsChildrenThatHold() {
    Requirement twoOf = atLeast(2, badges("a", "b", "c", "d"));
    assertTrue(holds(twoOf, "a", "d"));
    assertFalse(holds(twoOf, "a", "e"));
  }

  @Test
  void atLeastOfATagCountsHeldBadgesCarryingIt() {
    assertTrue(holds(atLeastTagged(2, "core"), "a", "d"));
    assertFalse(holds(atLeastTagged(2, "core"), "a", "c"));
    assertFalse(holds(atLeastTagged(1, "nobody-has-it"), "a", "b", "c", "d", "e"));
  }

  @Test
  void creditsFromIdsAddUpTheHeldMembersCredits() {
    Requirement five = credits(5, List.of("a", "b", "c"));
    assertTrue(holds(five, "a", "b"));
    assertFalse(holds(five, "a", "d"), "d is not a member");
    assertTrue(holds(credits(0, List.of("a")) /* nothing needed */));
    assertFalse(holds(credits(4, List.of("a", "d")), "a", "d"), "d has no credits");
  }

  @Test
  void creditsFromATagAddUpTheHeldTaggedBadgesCredits() {
    assertTrue(holds(creditsTagged(6, "lab"), "b", "c"));
    assertFalse(holds(creditsTagged(6, "lab"), "a", "c"));
  }

  @Test
  void aSetRuleCountsAMemberHeldThroughAnEquivalentButEachAwardOnlyOnce() {
    // e (1 credit) and e2 (5 credits) are equivalent: one award counts once, as the better member.
    assertTrue(holds(credits(5, List.of("e", "e2")), "e"));
    assertFalse(holds(credits(6, List.of("e", "e2")), "e"));
    assertTrue(holds(credits(6, List.of("e", "e2")), "e", "e2"));
    assertTrue(holds(credits(1, List.of("e")), "e2"));
  }

  @Test
  void distinctAllOfNeedsDisjointBadges() {
    Requirement plain = allOf(anyOf(badge("a"), badge("b")), anyOf(badge("a"), badge("c")));
    Requirement strict = allOfDistinct(plain.children());
    assertTrue(holds(plain, "a"));
    assertFalse(holds(strict, "a"));
    assertTrue(holds(strict, "a", "b"));
    assertTrue(holds(strict, "a", "c"));
    assertTrue(holds(strict, "b", "c"));
    assertFalse(holds(strict, "c", "d"), "c is not a choice of the first child");
  }

  @Test
  void distinctMatchingReassignsABadgeWhenAGreedyChoiceWouldFail() {
    // The first child may take a or b; the second only a. A greedy first choice of a fails.
    Requirement r = allOfDistinct(List.of(anyOf(badge("a"), badge("b")), badge("a")));
    assertTrue(holds(r, "a", "b"));
    assertFalse(holds(r, "a"));
  }

  @Test
  void distinctAtLeastCountsChildrenWithTheirOwnBadges() {
    Requirement r = atLeastDistinct(2, List.of(badge("e"), badge("e2"), badge("c")));
    assertFalse(holds(r, "e"), "one award of an equivalence class counts for one child");
    assertTrue(holds(r, "e", "e2"));
    assertTrue(holds(r, "e2", "c"));
    assertTrue(holds(atLeast(2, List.of(badge("e"), badge("e2"), badge("c"))), "e"),
        "without distinct the one award satisfies both references");
  }

  @Test
  void distinctOverSetRulesSplitsTheHeldBadges() {
    // 3 credits from core and 2 credits from lab: b (core, lab; 2) cannot serve both.
    Requirement r = allOfDistinct(List.of(creditsTagged(3, "core"), creditsTagged(2, "lab")));
    assertTrue(holds(r, "a", "b"), "a pays core, b pays lab");
    assertFalse(holds(r, "b", "d"), "b alone cannot pay both");
    assertTrue(holds(allOf(creditsTagged(2, "core"), creditsTagged(2, "lab")), "b"),
        "without distinct b pays both");
    assertFalse(holds(allOfDistinct(List.of(creditsTagged(2, "core"), creditsTagged(2, "lab"))),
        "b"));
  }

  @Test
  void distinctOnlyConstrainsItsOwnSubtree() {
    Requirement inner = allOfDistinct(List.of(badge("a"), anyOf(badge("a"), badge("b"))));
    Requirement r = allOf(inner, badge("a"));
    assertTrue(holds(r, "a", "b"), "a is used inside the distinct group and again outside it");
    Requirement nested = allOfDistinct(List.of(badge("a"),
        allOf(anyOf(badge("a"), badge("b")), anyOf(badge("a"), badge("c")))));
    assertFalse(holds(nested, "a", "b"), "the second child needs c or a, and a is taken");
    assertTrue(holds(nested, "a", "b", "c"));
  }

  @Test
  void deepExpressionsEvaluateWithoutRecursion() {
    Requirement r = badge("a");
    for (int i = 0; i < 20_000; i++) {
      r = i % 2 == 0 ? allOf(List.of(r)) : anyOf(List.of(r, badge("b")));
    }
    assertTrue(holds(r, "a"));
    assertFalse(holds(r, "c"));
  }

  @Test
  void wideFlatDistinctGroupsUseMatching() {
    List<Requirement> children = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    Pathway.Builder b = Pathway.builder("wide", "1");
    for (int i = 0; i < 2_000; i++) {
      b.badge(Badge.builder("w" + i, "W" + i).build());
      ids.add("w" + i);
      // child i may use w_i or w_(i+1): only the shifted assignment covers every child.
      children.add(anyOf(badge("w" + i), badge("w" + (i + 1) % 2_000)));
    }
    RequirementEvaluator wide = new RequirementEvaluator(b.build());
    assertTrue(wide.holds(allOfDistinct(children), Set.copyOf(ids)));
    assertFalse(wide.holds(allOfDistinct(children), Set.copyOf(ids.subList(1, ids.size()))));
  }
}
