package org.pathwayengine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple.Tuple2;
import net.jqwik.api.statistics.Statistics;
import org.pathwayengine.core.internal.EvaluationEngine;
import org.pathwayengine.core.internal.RequirementEvaluator;
import org.pathwayengine.core.plan.Goal;
import org.pathwayengine.core.plan.GoalPlan;
import org.pathwayengine.core.plan.GoalPlanner;

/**
 * {@link Progress#remaining()} is minimal, equal to a brute force over every subset of the badges
 * not yet held, and earning it in the planner's order completes the credential.
 */
class RemainingProperties {
  private static final LocalDate ON = LocalDate.of(2026, 1, 1);

  @Provide
  Arbitrary<Tuple2<Pathway, Set<String>>> cases() {
    return RandomRequirements.pathwaysWithHeld(12, 3);
  }

  @Property(tries = 100)
  void remainingIsMinimalAndCompletesTheCredential(
      @ForAll("cases") Tuple2<Pathway, Set<String>> c, @ForAll boolean byHours) {
    Pathway p = c.get1();
    EvaluationOptions options = byHours
        ? EvaluationOptions.defaults().withCost(CostMeasure.HOURS) : EvaluationOptions.defaults();
    LearnerRecord learner = record(c.get2());
    LearnerStatus status = PathwayEvaluator.of(p).evaluate(learner, ON, options);
    Set<String> start = new EvaluationEngine(p, true).state(learner, ON).direct();
    Reference ref = new Reference(p, byHours);
    for (Progress progress : status.progress()) {
      String credential = progress.credential();
      if (progress.complete()) {
        Statistics.label("outcome").collect("complete");
        assertEquals(List.of(), progress.remaining());
        continue;
      }
      double[] best = ref.best(start, status.held(), credential);
      Statistics.label("outcome").collect(best == null ? "unreachable" : "needs badges");
      if (best == null) {
        assertFalse(progress.reachable(), () -> credential + ": brute force finds no way, got "
            + progress);
        continue;
      }
      assertTrue(progress.reachable(), () -> credential + ": " + progress);
      assertTrue(progress.optimal(), () -> credential + ": " + progress);
      assertEquals(best[0], progress.cost(), 1e-9, () -> credential + ": " + progress);
      assertEquals(best[0], ref.cost(progress.remaining()), 1e-9);
      assertEquals((int) best[1], progress.remaining().size(), () -> credential + ": " + progress);
      assertTrue(progress.remaining().stream().noneMatch(id -> p.badge(id).orElseThrow().isStacked()));

      GoalPlan plan = GoalPlanner.of(p).plan(start, Goal.badge(credential), options);
      assertEquals(progress.remaining(), plan.badges().stream().sorted().toList(),
          "remaining is the planner's answer");
      assertTrue(ref.inOrderCompletes(start, plan.badges(), credential),
          () -> "earning " + plan.badges() + " in order does not complete " + credential);
      LearnerStatus after = PathwayEvaluator.of(p)
          .evaluate(learner.withEarned(plan.badges(), ON), ON, options);
      assertTrue(after.isHeld(credential), () -> credential + " after earning " + plan.badges());
    }
    Statistics.label("outcome").coverage(k -> {
      k.check("needs badges").percentage(x -> x >= 30);
      k.check("unreachable").percentage(x -> x > 0);
    });
  }

  private static LearnerRecord record(Set<String> held) {
    LearnerRecord.Builder b = LearnerRecord.builder("l");
    held.stream().sorted().forEach(id -> b.earned(id, ON.minusDays(1)));
    return b.build();
  }

  /** The brute-force reference: every subset of the badges not held, taken in greedy steps. */
  private static final class Reference {
    private final Pathway p;
    private final RequirementEvaluator ev;
    private final boolean byHours;

    Reference(Pathway p, boolean byHours) {
      this.p = p;
      this.ev = new RequirementEvaluator(p);
      this.byHours = byHours;
    }

    double cost(List<String> badges) {
      return badges.stream().mapToDouble(id -> byHours
          ? p.badge(id).orElseThrow().hours().orElse(0) : 1).sum();
    }

    /** The least (cost, count) of a subset whose earning completes {@code goal}; null if none. */
    double[] best(Set<String> start, List<String> held, String goal) {
      List<String> candidates = p.badges().stream()
          .filter(b -> !b.isStacked() && !held.contains(b.id())).map(Badge::id).toList();
      double[] best = null;
      for (int mask = 0; mask < 1 << candidates.size(); mask++) {
        List<String> s = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
          if ((mask & 1 << i) != 0) {
            s.add(candidates.get(i));
          }
        }
        double cost = cost(s);
        if (best != null && (cost > best[0] + 1e-9
            || (Math.abs(cost - best[0]) < 1e-9 && s.size() >= best[1]))) {
          continue;
        }
        if (completes(start, s, goal)) {
          best = new double[] {cost, s.size()};
        }
      }
      return best;
    }

    /** Credentials awarded until nothing changes, in pathway order (no dependency order needed). */
    private Set<String> award(Set<String> have) {
      Set<String> out = new HashSet<>(have);
      boolean changed = true;
      while (changed) {
        changed = false;
        for (Badge b : p.badges()) {
          if (b.isStacked() && !out.contains(b.id())
              && b.requires().map(r -> ev.holds(r, out)).orElse(true)
              && ev.holds(b.stack().orElseThrow(), out)) {
            out.add(b.id());
            changed = true;
          }
        }
      }
      return out;
    }

    /**
     * Takes, step by step, every badge of {@code s} whose requires holds over what came before and
     * whose coRequires holds over that and the same step; true if all are taken and goal is held.
     */
    private boolean completes(Set<String> start, List<String> s, String goal) {
      Set<String> cur = award(start);
      Set<String> left = new HashSet<>(s);
      while (!left.isEmpty()) {
        Set<String> current = cur;
        Set<String> step = new HashSet<>();
        for (String x : left) {
          if (p.badge(x).orElseThrow().requires().map(r -> ev.holds(r, current)).orElse(true)) {
            step.add(x);
          }
        }
        boolean shrunk = true;
        while (shrunk) {
          Set<String> with = new HashSet<>(cur);
          with.addAll(step);
          shrunk = step.removeIf(x -> !p.badge(x).orElseThrow().coRequires()
              .map(r -> ev.holds(r, with)).orElse(true));
        }
        if (step.isEmpty()) {
          return false;
        }
        Set<String> next = new HashSet<>(cur);
        next.addAll(step);
        cur = award(next);
        left.removeAll(step);
      }
      return cur.contains(goal);
    }

    /** Earning {@code plan} one badge at a time: each badge's requires holds when it is taken. */
    boolean inOrderCompletes(Set<String> start, List<String> plan, String goal) {
      Set<String> cur = award(start);
      Set<String> all = new HashSet<>(cur);
      all.addAll(plan);
      for (String x : plan) {
        Badge b = p.badge(x).orElseThrow();
        Set<String> before = cur;
        if (!b.requires().map(r -> ev.holds(r, before)).orElse(true)
            || !b.coRequires().map(r -> ev.holds(r, award(all))).orElse(true)) {
          return false;
        }
        Set<String> next = new HashSet<>(cur);
        next.add(x);
        cur = award(next);
      }
      return cur.contains(goal);
    }
  }
}
