package org.pathwayengine.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/** jqwik generators of small requirement expressions and pathways, through the public builders. */
final class RandomRequirements {
  private RandomRequirements() {}

  /**
   * Expressions over {@code ids} and {@code tags}, at most {@code depth} groups deep, with at most 3
   * children per group; {@code distinct} is set at random only when {@code withDistinct}.
   */
  static Arbitrary<Requirement> expressions(List<String> ids, List<String> tags, int depth,
      boolean withDistinct) {
    List<Arbitrary<Requirement>> leaves = new ArrayList<>();
    leaves.add(Arbitraries.of(ids).map(Requirement::badge));
    leaves.add(Arbitraries.of(ids).list().uniqueElements().ofMinSize(1).ofMaxSize(3)
        .flatMap(from -> Arbitraries.integers().between(0, 5)
            .map(c -> Requirement.credits(c, from))));
    if (!tags.isEmpty()) {
      leaves.add(Combinators.combine(Arbitraries.integers().between(1, 2), Arbitraries.of(tags))
          .as(Requirement::atLeastTagged));
      leaves.add(Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.of(tags))
          .as((c, t) -> Requirement.creditsTagged(c, t)));
    }
    Arbitrary<Requirement> leaf = Arbitraries.frequencyOf(
        Tuple.of(6, leaves.get(0)),
        Tuple.of(2, Arbitraries.oneOf(leaves)));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<List<Requirement>> kids = Arbitraries.lazy(
        () -> expressions(ids, tags, depth - 1, withDistinct)).list().ofMinSize(1).ofMaxSize(3);
    Arbitrary<Boolean> distinct = withDistinct ? Arbitraries.of(true, false) : Arbitraries.just(false);
    Arbitrary<Requirement> allOf = Combinators.combine(kids, distinct)
        .as((k, d) -> new Requirement.AllOf(k, d));
    Arbitrary<Requirement> anyOf = kids.map(Requirement::anyOf);
    Arbitrary<Requirement> atLeast = Combinators.combine(kids, Arbitraries.integers().between(1, 3),
        distinct).as((k, n, d) -> new Requirement.AtLeast(Math.min(n, k.size()), k, d));
    return Arbitraries.frequencyOf(
        Tuple.of(3, leaf), Tuple.of(2, allOf), Tuple.of(1, anyOf), Tuple.of(2, atLeast));
  }

  /**
   * Acyclic pathways of 2 to {@code maxBadges} badges {@code b0, b1, ...}: each may require, and a
   * stacked one stack, an expression over earlier badges (a badge that is not stacked may also
   * co-require one); tags {@code t0, t1}, credits 0 to 3 and hours 0 to 4 at random.
   */
  static Arbitrary<Pathway> pathways(int maxBadges, boolean withDistinct) {
    return Arbitraries.integers().between(2, maxBadges).flatMap(n -> {
      List<Arbitrary<Badge>> badges = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        badges.add(badge(i, withDistinct));
      }
      return Combinators.combine(badges).as(list -> {
        Pathway.Builder b = Pathway.builder("random", "1");
        list.forEach(b::badge);
        return b.build();
      });
    });
  }

  /**
   * {@link #pathways} without {@code distinct}, each with a set of its badge ids for a learner to hold:
   * at most one in {@code heldShare} of them, so that most credentials still need some.
   */
  static Arbitrary<Tuple.Tuple2<Pathway, Set<String>>> pathwaysWithHeld(int maxBadges,
      int heldShare) {
    return pathways(maxBadges, false).flatMap(p -> {
      List<String> ids = p.badges().stream().map(Badge::id).toList();
      return Arbitraries.of(ids).set().ofMaxSize(ids.size() / heldShare)
          .map(held -> Tuple.of(p, held));
    });
  }

  private static Arbitrary<Badge> badge(int i, boolean withDistinct) {
    List<String> earlier = new ArrayList<>();
    for (int j = 0; j < i; j++) {
      earlier.add("b" + j);
    }
    Arbitrary<List<String>> tags = Arbitraries.of("t0", "t1").list().uniqueElements().ofMaxSize(2);
    Arbitrary<int[]> amounts = Combinators.combine(Arbitraries.integers().between(0, 3),
        Arbitraries.integers().between(0, 4)).as((c, h) -> new int[] {c, h});
    if (earlier.isEmpty()) {
      return Combinators.combine(tags, amounts).as((t, a) -> Badge.builder("b" + i, "B" + i)
          .tags(t.toArray(String[]::new)).credits(a[0]).hours(a[1]).build());
    }
    // Tag rules could name later badges and make a cycle: keep them out of generated rules.
    Arbitrary<Requirement> expr = expressions(earlier, List.of(), 1, withDistinct);
    Arbitrary<Optional<Requirement>> requires = expr.optional(0.5);
    Arbitrary<Optional<Requirement>> coRequires = expr.optional(0.15);
    Arbitrary<Optional<Requirement>> stack = expr.optional(0.35);
    return Combinators.combine(tags, amounts, requires, coRequires, stack)
        .as((t, a, r, co, s) -> {
          Badge.Builder b = Badge.builder("b" + i, "B" + i).tags(t.toArray(String[]::new))
              .credits(a[0]).hours(a[1]);
          r.ifPresent(b::requires);
          s.ifPresent(b::stack);
          if (s.isEmpty()) {
            co.ifPresent(b::coRequires);
          }
          return b.build();
        });
  }
}
