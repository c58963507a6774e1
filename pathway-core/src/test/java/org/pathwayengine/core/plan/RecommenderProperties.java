package org.pathwayengine.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Comparator;
import java.util.HashSet;
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

  @Property(tries = 150)
  void unlocksAndCredentialReasonsFollowTheirDefinitions(@ForAll long seed,
      @ForAll @IntRange(min = 3, max = 14) int n, @ForAll boolean smallTotal) {
    Pathway p = PlanReference.randomPathway(seed, n);
    Set<String> held = PlanReference.randomHeld(seed, p);
    PlanReference ref = new PlanReference(p);
    // A small total leaves each credential's plan a share of a few nodes.
    long total = smallTotal
        ? 1 + Math.floorMod(seed, 12) : EvaluationOptions.DEFAULT_TOTAL_SEARCH_BUDGET;
    Recommender.Recommendations r = Recommender.of(p).recommend(held, Optional.empty(),
        Recommender.Interests.none(), n, EvaluationOptions.defaults().withTotalSearchBudget(total));
    Set<String> have = ref.closure(held);
    GoalPlanner planner = GoalPlanner.of(p);
    long open = p.badges().stream()
        .filter(c -> c.isStacked() && !ref.evaluator.heldOrEquivalent(c.id(), have::contains))
        .map(Badge::id).distinct().count();
    EvaluationOptions credentialOptions = new EvaluationOptions(
        EvaluationOptions.defaults().cost(),
        Math.min(Recommender.CREDENTIAL_BUDGET, Math.max(1, total / Math.max(1, open))));
    for (Recommendation rec : r.next()) {
      // UNLOCKS, by its definition: every badge not startable now that is startable over the
      // closure of what is held and this badge.
      Set<String> with = new HashSet<>(have);
      with.add(rec.badge());
      Set<String> closed = ref.closure(with);
      List<String> unlocked = p.badges().stream()
          .filter(u -> !u.id().equals(rec.badge()) && !startable(ref, u, have)
              && startable(ref, u, closed))
          .map(Badge::id).distinct().sorted().toList();
      List<String> reported = rec.reasons().stream().filter(x -> x.kind() == ReasonKind.UNLOCKS)
          .flatMap(x -> x.subjects().stream()).toList();
      assertEquals(unlocked, reported, () -> "unlocks of " + rec.badge());
      // COMPLETES_CREDENTIAL: every credential not held whose own plan takes this badge, by id.
      List<String> credentials = p.badges().stream()
          .filter(c -> c.isStacked() && !ref.evaluator.heldOrEquivalent(c.id(), have::contains))
          .filter(c -> {
            GoalPlan plan = planner.plan(held, Goal.badge(c.id()), credentialOptions);
            return plan.reachable() && plan.badges().contains(rec.badge());
          })
          .map(Badge::id).distinct().sorted().toList();
      List<String> counted = rec.reasons().stream()
          .filter(x -> x.kind() == ReasonKind.COMPLETES_CREDENTIAL)
          .flatMap(x -> x.subjects().stream()).toList();
      assertEquals(credentials, counted, () -> "credentials of " + rec.badge());
    }
  }

  private static boolean startable(PlanReference ref, Badge b, Set<String> have) {
    return !b.isStacked() && !ref.evaluator.heldOrEquivalent(b.id(), have::contains)
        && ref.holds(b.requires(), have);
  }
}
