package org.pathwayengine.core.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.EvaluationOptions;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Requirement;

/** Laws of term plans. */
class TermPlannerProperties {

  @Property(tries = 200)
  void termPlanRespectsCapacityAndPrecedence(@ForAll long seed,
      @ForAll @IntRange(min = 3, max = 14) int n, @ForAll @IntRange(min = 1, max = 3) int perTerm,
      @ForAll @IntRange(min = 0, max = 6) int creditCap) {
    Pathway p = PlanReference.randomPathway(seed, n);
    Set<String> held = PlanReference.randomHeld(seed, p);
    Goal goal = PlanReference.randomGoal(seed, p);
    PlanReference ref = new PlanReference(p);
    GoalPlan plan = GoalPlanner.of(p).plan(held, goal, EvaluationOptions.defaults());
    Set<String> inProgress = new HashSet<>();
    Random rnd = new Random(seed);
    for (String b : plan.badges()) {
      if (rnd.nextInt(4) == 0) {
        inProgress.add(b);
      }
    }
    // Credits are at most 3 per badge in the generator; caps below 3 mean no credit limit.
    TermPlanner.Capacity cap = creditCap >= 3 ? TermPlanner.Capacity.of(perTerm, creditCap)
        : TermPlanner.Capacity.badges(perTerm);
    TermPlan terms;
    try {
      terms = TermPlanner.of(p).plan(held, inProgress, goal, cap, EvaluationOptions.defaults());
    } catch (IllegalArgumentException e) {
      // Only a group of co-requisites larger than a term may be refused.
      assertTrue(e.getMessage().contains("must share a term"), e.getMessage());
      Statistics.label("outcome").collect("refused");
      return;
    }
    Statistics.label("outcome").collect(!terms.reachable() ? "unreachable"
        : terms.termCount() > 2 ? "3+ terms" : "1-2 terms");
    Statistics.label("outcome").coverage(c -> c.check("3+ terms").percentage(x -> x >= 10));
    assertEquals(plan.reachable(), terms.reachable());
    List<String> all = new ArrayList<>();
    Set<String> before = new HashSet<>(held);
    for (List<String> term : terms.terms()) {
      assertFalse(term.isEmpty(), "no empty term");
      assertTrue(term.size() <= perTerm, () -> "over capacity: " + terms);
      double credits = term.stream()
          .mapToDouble(id -> p.badge(id).orElseThrow().credits().orElse(0)).sum();
      if (creditCap >= 3) {
        assertTrue(credits <= creditCap + 1e-9, () -> "over the credit cap: " + terms);
      }
      Set<String> closedBefore = ref.closure(before);
      Set<String> upTo = new HashSet<>(before);
      upTo.addAll(term);
      Set<String> closedUpTo = ref.closure(upTo);
      for (String id : term) {
        Badge b = p.badge(id).orElseThrow();
        assertTrue(ref.holds(b.requires(), closedBefore), () -> id + " before its prereqs " + terms);
        assertTrue(ref.holds(b.coRequires(), closedUpTo), () -> id + " before its coreqs " + terms);
      }
      before.addAll(term);
      all.addAll(term);
    }
    assertEquals(new HashSet<>(plan.badges()), new HashSet<>(all));
    assertEquals(plan.badges().size(), all.size());
    assertTrue(terms.termCount() >= terms.lowerBound(), () -> "below its lower bound: " + terms);
    if (!inProgress.isEmpty() && !terms.terms().isEmpty()) {
      // An in-progress badge whose rules allow it goes in the first term when it fits.
      for (String id : inProgress) {
        Badge b = p.badge(id).orElseThrow();
        boolean startable = ref.holds(b.requires(), ref.closure(held))
            && b.coRequires().isEmpty();
        if (startable && perTerm >= inProgress.size() && creditCap < 3) {
          assertTrue(terms.terms().get(0).contains(id), () -> id + " not first: " + terms);
        }
      }
    }
  }

  @Property(tries = 150)
  void coffmanGrahamIsOptimalForTwoPerTerm(@ForAll long seed,
      @ForAll @IntRange(min = 1, max = 10) int n) {
    Random rnd = new Random(seed);
    Pathway.Builder pb = Pathway.builder("dag", "1");
    List<String> ids = new ArrayList<>();
    Map<String, List<String>> preds = new HashMap<>();
    for (int i = 0; i < n; i++) {
      String id = String.format("t%02d", i);
      List<String> ps = new ArrayList<>();
      for (String e : ids) {
        if (rnd.nextInt(4) == 0) {
          ps.add(e);
        }
      }
      Badge.Builder b = Badge.builder(id, id);
      if (!ps.isEmpty()) {
        b.requires(Requirement.allOf(ps.stream().<Requirement>map(Requirement::badge).toList()));
      }
      pb.badge(b.build());
      preds.put(id, ps);
      ids.add(id);
    }
    TermPlan plan = TermPlanner.of(pb.build())
        .schedule(Set.of(), Set.of(), ids, TermPlanner.Capacity.badges(2));
    assertTrue(plan.optimal());
    assertEquals(bruteForceTerms(ids, preds), plan.termCount(), () -> "not optimal: " + plan);
  }

  /** The fewest terms of at most two badges each, by breadth-first search over finished sets. */
  private static int bruteForceTerms(List<String> ids, Map<String, List<String>> preds) {
    int n = ids.size();
    int full = (1 << n) - 1;
    int[] dist = new int[1 << n];
    java.util.Arrays.fill(dist, -1);
    dist[0] = 0;
    java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
    queue.add(0);
    while (!queue.isEmpty()) {
      int done = queue.poll();
      if (done == full) {
        return dist[done];
      }
      List<Integer> ready = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if ((done & (1 << i)) == 0) {
          boolean ok = true;
          for (String p : preds.get(ids.get(i))) {
            ok &= (done & (1 << ids.indexOf(p))) != 0;
          }
          if (ok) {
            ready.add(i);
          }
        }
      }
      for (int a = 0; a < ready.size(); a++) {
        for (int b = a; b < ready.size(); b++) {
          int next = done | (1 << ready.get(a)) | (1 << ready.get(b));
          if (dist[next] < 0) {
            dist[next] = dist[done] + 1;
            queue.add(next);
          }
        }
      }
    }
    throw new AssertionError("unreachable");
  }
}
