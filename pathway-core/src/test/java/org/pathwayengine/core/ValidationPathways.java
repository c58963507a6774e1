package org.pathwayengine.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.pathwayengine.core.internal.RequirementEvaluator;

/**
 * Small random pathways for the validation properties, built through the public builders, and the
 * brute-force reference for which badges some learner could ever hold.
 */
final class ValidationPathways {
  private static final List<String> TAGS = List.of("t1", "t2");

  private ValidationPathways() {}

  /**
   * Pathways of 1 to 10 badges {@code b0, b1, ...}. Half are "forward" pathways, where a badge names
   * only earlier badges and no tag rule is used, so they are acyclic; the others name any badge, itself
   * included, and sometimes an unknown one.
   */
  static Arbitrary<Pathway> pathways() {
    return Combinators.combine(Arbitraries.integers().between(1, 10), Arbitraries.of(true, false))
        .flatAs((n, forward) -> {
          List<Arbitrary<Badge>> badges = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            badges.add(badge(i, forward ? i : n, !forward));
          }
          Arbitrary<Optional<List<String>>> equivalence = Combinators.combine(
                  Arbitraries.integers().between(0, n - 1), Arbitraries.integers().between(0, n - 1))
              .as((a, b) -> a.equals(b) ? Optional.<List<String>>empty()
                  : Optional.of(List.of("b" + a, "b" + b)))
              .injectNull(0.7)
              .map(o -> o == null ? Optional.<List<String>>empty() : o);
          return Combinators.combine(Combinators.combine(badges).as(l -> l), equivalence)
              .as((list, eq) -> {
                Pathway.Builder p = Pathway.builder("random", "1").badges(list);
                eq.ifPresent(p::equivalence);
                return p.build();
              });
        });
  }

  private static Arbitrary<Badge> badge(int i, int limit, boolean wild) {
    if (limit == 0) {
      return Arbitraries.integers().between(0, 4).injectNull(0.3)
          .map(cr -> {
            Badge.Builder b = Badge.builder("b" + i, "Badge " + i);
            if (cr != null) {
              b.credits(cr);
            }
            return b.build();
          });
    }
    Arbitrary<Optional<Requirement>> requires = optional(expression(limit, wild, 2), 0.35);
    Arbitrary<Optional<Requirement>> coRequires = optional(expression(limit, wild, 1), 0.85);
    Arbitrary<Optional<Requirement>> stack = optional(expression(limit, wild, 2), 0.7);
    Arbitrary<Integer> credits = Arbitraries.integers().between(0, 4).injectNull(0.3);
    Arbitrary<List<String>> tags = Arbitraries.of(TAGS).set().ofMaxSize(2).map(List::copyOf);
    return Combinators.combine(requires, coRequires, stack, credits, tags)
        .as((r, c, s, cr, t) -> {
          Badge.Builder b = Badge.builder("b" + i, "Badge " + i);
          r.ifPresent(b::requires);
          c.ifPresent(b::coRequires);
          s.ifPresent(b::stack);
          if (cr != null) {
            b.credits(cr);
          }
          b.tags(t.toArray(String[]::new));
          return b.build();
        });
  }

  private static Arbitrary<Optional<Requirement>> optional(Arbitrary<Requirement> a, double none) {
    return a.injectNull(none).map(Optional::ofNullable);
  }

  /** Expressions over badges {@code b0 .. b(limit-1)}; with {@code wild}, also tags and "ghost". */
  private static final Map<List<Object>, Arbitrary<Requirement>> EXPRESSIONS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** Expressions over badges {@code b0 .. b(limit-1)}; memoized, as building arbitraries costs. */
  private static Arbitrary<Requirement> expression(int limit, boolean wild, int depth) {
    List<Object> key = List.of(limit, wild, depth);
    Arbitrary<Requirement> a = EXPRESSIONS.get(key);
    if (a == null) {
      a = newExpression(limit, wild, depth);
      EXPRESSIONS.put(key, a);
    }
    return a;
  }

  private static Arbitrary<Requirement> newExpression(int limit, boolean wild, int depth) {
    Arbitrary<String> id = wild
        ? Arbitraries.frequencyOf(Tuple.of(15, Arbitraries.integers().between(0, limit - 1)
            .map(k -> "b" + k)), Tuple.of(1, Arbitraries.just("ghost")))
        : Arbitraries.integers().between(0, limit - 1).map(k -> "b" + k);
    Arbitrary<String> tag = Arbitraries.of(TAGS);
    List<Tuple.Tuple2<Integer, Arbitrary<Requirement>>> leaves = new ArrayList<>();
    leaves.add(Tuple.of(8, id.map(Requirement::badge)));
    leaves.add(Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, 8),
        id.list().ofMinSize(1).ofMaxSize(3)).as((c, from) -> Requirement.credits(c, from))));
    if (wild) {
      leaves.add(Tuple.of(1, Combinators.combine(Arbitraries.integers().between(1, 3), tag)
          .as(Requirement::atLeastTagged)));
      leaves.add(Tuple.of(1, Combinators.combine(Arbitraries.integers().between(0, 6), tag)
          .as((c, t) -> Requirement.creditsTagged(c, t))));
    }
    Arbitrary<Requirement> leaf = Arbitraries.frequencyOf(leaves);
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<List<Requirement>> kids =
        expression(limit, wild, depth - 1).list().ofMinSize(1).ofMaxSize(3);
    Arbitrary<Boolean> distinct = Arbitraries.frequency(Tuple.of(4, false), Tuple.of(1, true));
    return Arbitraries.frequencyOf(
        Tuple.of(4, leaf),
        Tuple.of(2, Combinators.combine(kids, distinct)
            .as((k, d) -> (Requirement) new Requirement.AllOf(k, d))),
        Tuple.of(2, kids.map(Requirement::anyOf)),
        Tuple.of(2, Combinators.combine(kids, Arbitraries.integers().between(1, 4), distinct)
            .as((k, m, d) -> (Requirement) new Requirement.AtLeast(Math.min(m, k.size() + 1), k,
                d))));
  }

  /**
   * The badges that some learner could hold, by brute force: every set of non-stacked badges that can
   * be earned one at a time, each when its requires holds over what is held then, with stacked
   * credentials awarded (closed with {@link RequirementEvaluator}) whenever their requires and stack
   * hold. O(2^m x m) evaluations for m non-stacked badges.
   */
  static Set<String> attainableByBruteForce(Pathway p) {
    RequirementEvaluator ev = new RequirementEvaluator(p);
    List<Badge> plain = p.badges().stream().filter(b -> !b.isStacked()).toList();
    List<Badge> stacked = p.badges().stream().filter(Badge::isStacked).toList();
    int m = plain.size();
    boolean[] reachable = new boolean[1 << m];
    Map<Integer, Set<String>> closure = new HashMap<>();
    Set<String> attainable = new HashSet<>();
    for (int mask = 0; mask < (1 << m); mask++) {
      boolean ok = mask == 0;
      for (int j = 0; j < m && !ok; j++) {
        int before = mask & ~(1 << j);
        if (before != mask && reachable[before]) {
          Set<String> held = closure.computeIfAbsent(before, x -> close(x, plain, stacked, ev));
          Optional<Requirement> req = plain.get(j).requires();
          ok = req.isEmpty() || ev.holds(req.get(), held);
        }
      }
      reachable[mask] = ok;
      if (ok) {
        attainable.addAll(closure.computeIfAbsent(mask, x -> close(x, plain, stacked, ev)));
      }
    }
    return attainable;
  }

  private static Set<String> close(int mask, List<Badge> plain, List<Badge> stacked,
      RequirementEvaluator ev) {
    Set<String> held = new HashSet<>();
    for (int j = 0; j < plain.size(); j++) {
      if ((mask & (1 << j)) != 0) {
        held.add(plain.get(j).id());
      }
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Badge s : stacked) {
        if (!held.contains(s.id())
            && s.requires().map(r -> ev.holds(r, held)).orElse(true)
            && ev.holds(s.stack().orElseThrow(), held)) {
          held.add(s.id());
          changed = true;
        }
      }
    }
    return held;
  }
}
