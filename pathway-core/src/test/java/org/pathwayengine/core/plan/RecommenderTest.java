package org.pathwayengine.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.EvaluationOptions;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.core.plan.Recommender.ReasonKind;
import org.pathwayengine.core.plan.Recommender.Recommendation;
import org.pathwayengine.core.plan.Recommender.Recommendations;

class RecommenderTest {
  private static final Pathway SI = Pathway.builder("si", "1")
      .badge(Badge.builder("si-101", "Social Innovation 101").tags("foundation").build())
      .badge(Badge.builder("leadership", "Leadership").requires("si-101").build())
      .badge(Badge.builder("crowdfunding", "Crowdfunding").requires("si-101").build())
      .badge(Badge.builder("storytelling", "Storytelling").tags("design").build())
      .badge(Badge.builder("theory-of-change", "Theory of Change").requires("si-101")
          .recommends("storytelling").build())
      .badge(Badge.builder("advanced-leadership", "Advanced Leadership").requires("leadership")
          .build())
      .badge(Badge.builder("si-nanodegree", "Nanodegree").stack(Requirement.allOf(
          Requirement.badge("si-101"),
          Requirement.atLeast(2, Requirement.badges("leadership", "crowdfunding", "storytelling",
              "theory-of-change"))))
          .build())
      .build();

  private static List<String> ids(Recommendations r) {
    return r.next().stream().map(Recommendation::badge).toList();
  }

  @Test
  void ranksByPlanCredentialInterestUnlocksAndOrder() {
    Recommendations r = Recommender.of(SI).recommend(Set.of("si-101"),
        Optional.of(Goal.badge("si-nanodegree")), Recommender.Interests.of(Set.of("design"), Set.of()),
        10, EvaluationOptions.defaults());
    assertEquals(List.of("crowdfunding", "leadership"), r.plan().orElseThrow().badges());
    assertEquals(List.of("leadership", "crowdfunding", "storytelling", "theory-of-change"), ids(r));
    Recommendation leadership = r.next().get(0);
    // 100 on the plan + 10 toward the nanodegree + 5 for unlocking advanced-leadership.
    assertEquals(115, leadership.score());
    assertEquals(List.of(ReasonKind.ON_PLAN, ReasonKind.COMPLETES_CREDENTIAL, ReasonKind.UNLOCKS),
        leadership.reasons().stream().map(Recommender.Reason::kind).toList());
    assertEquals(List.of("advanced-leadership"), leadership.reasons().get(2).subjects());
    assertEquals("on the cheapest plan to si-nanodegree (step 2 of 2)",
        leadership.reasons().get(0).text());
    Recommendation storytelling = r.next().get(2);
    // Not on the nanodegree's cheapest plan: 10 for the interest, 2 for the order.
    assertEquals(12, storytelling.score());
    assertEquals(-3, r.next().get(3).score());
    assertEquals("better after storytelling (recommended first, not yet held)",
        r.next().get(3).reasons().get(0).text());
  }

  @Test
  void whatIfAddsHypotheticalBadgesToHeld() {
    Recommender rec = Recommender.of(SI);
    Recommendations now = rec.recommend(Set.of("si-101", "crowdfunding"), Optional.empty(),
        Recommender.Interests.none(), 2, EvaluationOptions.defaults());
    assertTrue(now.plan().isEmpty());
    assertEquals(2, now.next().size());
    Recommendation top = now.next().get(0);
    assertEquals("leadership", top.badge());
    assertEquals("completes credential si-nanodegree", top.reasons().get(0).text());
    assertEquals(0, top.reasons().get(0).count());
    Recommendations after = rec.recommend(Set.of("si-101", "crowdfunding", "leadership"),
        Optional.empty(), Recommender.Interests.none(), 10, EvaluationOptions.defaults());
    // storytelling +2 (recommended before theory-of-change), which scores -3 until it is held.
    assertEquals(List.of("storytelling", "advanced-leadership", "theory-of-change"), ids(after));
    // The first answer is unchanged by the second: nothing about a learner is kept.
    assertEquals(now, rec.recommend(Set.of("si-101", "crowdfunding"), Optional.empty(),
        Recommender.Interests.none(), 2, EvaluationOptions.defaults()));
  }

  @Test
  void limitMustBePositive() {
    assertThrows(IllegalArgumentException.class, () -> Recommender.of(SI).recommend(Set.of(),
        Optional.empty(), Recommender.Interests.none(), 0, EvaluationOptions.defaults()));
  }
}
