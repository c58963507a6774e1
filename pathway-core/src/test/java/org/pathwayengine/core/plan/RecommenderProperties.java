package org.pathwayengine.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.EvaluationOptions;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.plan.Recommender.ReasonKind;
import org.pathwayengine.core.plan.Recommender.Recommendation;

/** Laws of recommendations. */
class RecommenderProperties {

  @Property(tries = 100)
  void recommendsStartableBadgesRankedWithPlanReasons(@ForAll long seed,
      @ForAll @IntRange(min = 3, max = 12) int n, @ForAll @IntRange(min = 1, max = 5) int limit) {
    Pathway p = PlanReference.randomPathway(seed, n);
    Set<String> held = PlanReference.randomHeld(seed, p);
    Goal goal = PlanReference.randomGoal(seed, p);
    PlanReference ref = new PlanReference(p);
    Recommender.Recommendations r = Recommender.of(p).recommend(held, Optional.of(goal),
        Recommender.Interests.of(Set.of("lo"), Set.of("s1")), limit, EvaluationOptions.defaults());
    Set<String> have = ref.closure(held);
    long startable = p.badges().stream().filter(b -> !b.isStacked()
        && !ref.evaluator.heldOrEquivalent(b.id(), have::contains)
        && ref.holds(b.requires(), have)).count();
    assertEquals(Math.min(limit, startable), r.next().size());
    for (Recommendation rec : r.next()) {
      Badge b = p.badge(rec.badge()).orElseThrow();
      assertFalse(b.isStacked());
      assertFalse(have.contains(b.id()));
      assertTrue(ref.holds(b.requires(), have), () -> rec.badge() + " cannot be started");
      boolean onPlan = rec.reasons().stream().anyMatch(x -> x.kind() == ReasonKind.ON_PLAN);
      assertEquals(r.plan().orElseThrow().badges().contains(b.id()), onPlan);
    }
    List<Recommendation> sorted = r.next().stream()
        .sorted(Comparator.comparingDouble((Recommendation x) -> -x.score())
            .thenComparing(Recommendation::badge))
        .toList();
    assertEquals(sorted, r.next());
  }
}
