package org.pathwayengine.core.plan;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.CostMeasure;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.core.internal.RequirementEvaluator;

/**
 * A slow, obviously correct reference for plans: validity by simulation, the optimum by brute force over
 * every subset of the non-stacked badges, and a seeded generator of small acyclic pathways built
 * through the public builders.
 */
public final class PlanReference {
  final Pathway pathway;
  final RequirementEvaluator evaluator;

  PlanReference(Pathway pathway) {
    this.pathway = pathway;
    this.evaluator = new RequirementEvaluator(pathway);
  }

  /** The set closed under awarding stacked credentials whose rules hold. */
  Set<String> closure(Set<String> have) {
    Set<String> out = new HashSet<>(have);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Badge b : pathway.badges()) {
        if (b.isStacked() && !out.contains(b.id()) && holds(b.requires(), out)
            && holds(b.stack(), out)) {
          out.add(b.id());
          changed = true;
        }
      }
    }
    return out;
  }

  boolean holds(Optional<Requirement> r, Set<String> have) {
    return r.isEmpty() || evaluator.holds(r.get(), have);
  }

  boolean goalHolds(Goal goal, Set<String> closed) {
    if (goal instanceof Goal.OfBadge g) {
      return evaluator.heldOrEquivalent(g.badge(), closed::contains);
    }
    Set<String> covered = new HashSet<>();
    for (String id : closed) {
      pathway.badge(id).ifPresent(b -> covered.addAll(b.skills()));
    }
    return covered.containsAll(((Goal.OfSkills) goal).skills());
  }

  /** Whether the set can be taken in steps (largest feasible step each time). */
  boolean canTake(Set<String> held, Set<String> plan) {
    Set<String> have = closure(held);
    Set<String> left = new HashSet<>(plan);
    while (!left.isEmpty()) {
      Set<String> step = new HashSet<>();
      for (String id : left) {
        if (holds(pathway.badge(id).orElseThrow().requires(), have)) {
          step.add(id);
        }
      }
      boolean changed = true;
      while (changed) {
        Set<String> with = new HashSet<>(have);
        with.addAll(step);
        Set<String> closed = closure(with);
        changed = step.removeIf(id -> !holds(pathway.badge(id).orElseThrow().coRequires(), closed));
      }
      if (step.isEmpty()) {
        return false;
      }
      left.removeAll(step);
      have.addAll(step);
      have = closure(have);
    }
    return true;
  }

  /**
   * Why the ordered plan is not valid, or empty: every badge's requires must hold over what was held
   * or taken before it, its co-requisites once the badges that could share its step are added, and the
   * goal at the end. Stacked credentials and held badges must not be in it.
   */
  Optional<String> checkOrder(Set<String> held, Goal goal, List<String> order) {
    Set<String> before = new HashSet<>(held);
    for (int i = 0; i < order.size(); i++) {
      String id = order.get(i);
      Badge b = pathway.badge(id).orElseThrow();
      if (b.isStacked()) {
        return Optional.of("stacked credential " + id + " in the plan");
      }
      if (held.contains(id)) {
        return Optional.of("held badge " + id + " in the plan");
      }
      Set<String> closed = closure(before);
      if (!holds(b.requires(), closed)) {
        return Optional.of("requires of " + id + " does not hold at position " + i);
      }
      Set<String> step = new HashSet<>(before);
      step.add(id);
      for (int j = i + 1; j < order.size(); j++) {
        if (holds(pathway.badge(order.get(j)).orElseThrow().requires(), closed)) {
          step.add(order.get(j));
        }
      }
      if (!holds(b.coRequires(), closure(step))) {
        return Optional.of("coRequires of " + id + " does not hold at position " + i);
      }
      before.add(id);
    }
    if (!goalHolds(goal, closure(before))) {
      return Optional.of("goal does not hold at the end");
    }
    return Optional.empty();
  }

  double cost(List<String> plan, CostMeasure m) {
    double sum = 0;
    for (String id : plan) {
      Badge b = pathway.badge(id).orElseThrow();
      sum += m == CostMeasure.COUNT ? 1
          : m == CostMeasure.HOURS ? b.hours().orElse(0) : b.credits().orElse(0);
    }
    return sum;
  }

  /** {cost, count} of the cheapest valid plan, or null when the goal is unreachable. */
  double[] bruteForce(Set<String> held, Goal goal, CostMeasure m) {
    List<String> free = new ArrayList<>();
    for (Badge b : pathway.badges()) {
      if (!b.isStacked() && !held.contains(b.id())) {
        free.add(b.id());
      }
    }
    double[] best = null;
    for (int mask = 0; mask < (1 << free.size()); mask++) {
      List<String> s = new ArrayList<>();
      for (int i = 0; i < free.size(); i++) {
        if ((mask & (1 << i)) != 0) {
          s.add(free.get(i));
        }
      }
      double c = cost(s, m);
      if (best != null && (c > best[0] + 1e-9 || (c > best[0] - 1e-9 && s.size() >= best[1]))) {
        continue;
      }
      Set<String> all = new HashSet<>(held);
      all.addAll(s);
      if (goalHolds(goal, closure(all)) && canTake(held, new HashSet<>(s))) {
        best = new double[] {c, s.size()};
      }
    }
    return best;
  }

  // ------------------------------------------------------------------ generator

  static final String[] SKILLS = {"s1", "s2", "s3", "s4", "s5"};

  /** A random acyclic pathway of {@code n} badges: rules only name earlier badges. */
  public static Pathway randomPathway(long seed, int n) {
    Random rnd = new Random(seed);
    Pathway.Builder p = Pathway.builder("random", "1");
    List<Badge> made = new ArrayList<>();
    int half = n / 2;
    for (int i = 0; i < n; i++) {
      String id = String.format("b%02d", i);
      Badge.Builder b = Badge.builder(id, "Badge " + i);
      if (rnd.nextInt(4) > 0) {
        b.hours(rnd.nextInt(6));
      }
      if (rnd.nextInt(4) > 0) {
        b.credits(rnd.nextInt(4));
      }
      if (i < half && rnd.nextInt(3) == 0) {
        b.tags("lo");
      }
      for (String s : SKILLS) {
        if (rnd.nextInt(5) == 0) {
          b.skills(s);
        }
      }
      if (i >= 2 && rnd.nextInt(4) == 0) {
        b.stack(randomExpr(rnd, made, i >= half, 2));
        if (rnd.nextInt(4) == 0) {
          b.requires(randomExpr(rnd, made, false, 1));
        }
      } else {
        if (i >= 1 && rnd.nextInt(4) > 0) {
          b.requires(randomExpr(rnd, made, i >= half, 2));
        }
        if (i >= 1 && rnd.nextInt(8) == 0) {
          b.coRequires(randomExpr(rnd, made, false, 1));
        }
      }
      Badge built = b.build();
      made.add(built);
      p.badge(built);
    }
    if (n >= 4 && rnd.nextInt(5) == 0) {
      // Two badges without rules made interchangeable.
      List<String> plain = new ArrayList<>();
      for (Badge b : made) {
        if (b.requires().isEmpty() && b.coRequires().isEmpty() && !b.isStacked()) {
          plain.add(b.id());
        }
      }
      if (plain.size() >= 2) {
        p.equivalence(List.of(plain.get(0), plain.get(plain.size() - 1)));
      }
    }
    return p.build();
  }

  private static Requirement randomExpr(Random rnd, List<Badge> earlier, boolean tagsAllowed,
      int depth) {
    int kind = rnd.nextInt(10);
    if (depth == 0 || kind < 4) {
      return Requirement.badge(earlier.get(rnd.nextInt(earlier.size())).id());
    }
    if (tagsAllowed && kind == 9) {
      return rnd.nextBoolean()
          ? Requirement.atLeastTagged(1 + rnd.nextInt(2), "lo")
          : Requirement.creditsTagged(1 + rnd.nextInt(4), "lo");
    }
    if (kind == 8) {
      List<String> from = new ArrayList<>();
      for (Badge b : earlier) {
        if (rnd.nextBoolean()) {
          from.add(b.id());
        }
      }
      if (from.isEmpty()) {
        from.add(earlier.get(0).id());
      }
      return Requirement.credits(1 + rnd.nextInt(4), from);
    }
    int size = 2 + rnd.nextInt(2);
    List<Requirement> children = new ArrayList<>();
    for (int k = 0; k < size; k++) {
      children.add(randomExpr(rnd, earlier, tagsAllowed, depth - 1));
    }
    boolean distinct = rnd.nextInt(5) == 0;
    if (kind < 6) {
      return new Requirement.AllOf(children, distinct);
    } else if (kind == 6) {
      return Requirement.anyOf(children);
    }
    return new Requirement.AtLeast(1 + rnd.nextInt(size), children, distinct);
  }

  /** A random held set of non-stacked badges. */
  public static Set<String> randomHeld(long seed, Pathway p) {
    Random rnd = new Random(seed * 31 + 7);
    Set<String> held = new HashSet<>();
    for (Badge b : p.badges()) {
      if (!b.isStacked() && rnd.nextInt(8) == 0) {
        held.add(b.id());
      }
    }
    return held;
  }

  /** A random goal: mostly a badge, sometimes two or three skills. */
  public static Goal randomGoal(long seed, Pathway p) {
    Random rnd = new Random(seed * 17 + 3);
    if (rnd.nextInt(4) == 0) {
      Set<String> s = new HashSet<>();
      int k = 1 + rnd.nextInt(3);
      while (s.size() < k) {
        s.add(SKILLS[rnd.nextInt(SKILLS.length)]);
      }
      return Goal.skills(s);
    }
    // Prefer later badges: they have the most rules.
    int n = p.badges().size();
    return Goal.badge(p.badges().get(n - 1 - rnd.nextInt(Math.max(1, n / 3))).id());
  }
}
