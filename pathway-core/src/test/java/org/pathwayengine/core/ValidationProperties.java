package org.pathwayengine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.jgrapht.Graph;
import org.jgrapht.alg.connectivity.KosarajuStrongConnectivityInspector;
import org.jgrapht.alg.cycle.CycleDetector;

/** Laws of {@link PathwayValidator}, checked against JGraphT and a brute-force reference. */
class ValidationProperties {

  @Provide
  Arbitrary<Pathway> pathways() {
    return ValidationPathways.pathways();
  }

  @Property(tries = 200)
  void reportedCyclesAreRealAndAcyclicPathwaysReportNone(@ForAll("pathways") Pathway p) {
    Graph<String, Dependency> g = p.dependencyGraph();
    boolean cyclic = new CycleDetector<>(g).detectCycles();
    Statistics.label("graph").collect(cyclic ? "cyclic" : "acyclic");

    List<Problem> cycles = p.badges().isEmpty() ? List.of()
        : PathwayValidator.validate(p).stream().filter(x -> x.code() == ProblemCode.CYCLE)
            .toList();
    assertEquals(cyclic, !cycles.isEmpty(), cycles::toString);
    for (Problem c : cycles) {
      List<String> cycle = c.cycle();
      assertFalse(cycle.isEmpty());
      assertEquals(cycle.size(), new HashSet<>(cycle).size(), "a simple cycle: " + cycle);
      assertEquals(c.badge().orElseThrow(), cycle.get(0));
      for (int i = 0; i < cycle.size(); i++) {
        String from = cycle.get(i);
        String to = cycle.get((i + 1) % cycle.size());
        assertTrue(g.containsEdge(from, to), () -> "no edge " + from + " -> " + to + " in " + g);
      }
    }
    // one per cyclic strongly connected component
    long components = new KosarajuStrongConnectivityInspector<>(g).stronglyConnectedSets().stream()
        .filter(s -> s.size() > 1 || g.containsEdge(s.iterator().next(), s.iterator().next()))
        .count();
    assertEquals(components, cycles.size());

    Statistics.label("graph").coverage(cov -> {
      cov.check("cyclic").percentage(pct -> pct > 10);
      cov.check("acyclic").percentage(pct -> pct > 10);
    });
  }

  @Property(tries = 200)
  void unsatisfiableExactlyWhenNoLearnerCouldEverHoldTheBadge(@ForAll("pathways") Pathway p) {
    Set<String> attainable = ValidationPathways.attainableByBruteForce(p);
    Set<String> expected = p.badges().stream().map(Badge::id)
        .filter(id -> !attainable.contains(id)).collect(Collectors.toSet());
    Statistics.label("attainability").collect(expected.isEmpty() ? "all attainable"
        : "some unattainable");

    List<Problem> unattainable = PathwayValidator.validate(p).stream()
        .filter(x -> x.code() == ProblemCode.UNSATISFIABLE)
        .filter(x -> x.pointer().orElseThrow().path().isEmpty())
        .filter(x -> List.of("requires", "stack").contains(x.pointer().orElseThrow().field()))
        .toList();
    Set<String> reported = unattainable.stream().map(x -> x.badge().orElseThrow())
        .collect(Collectors.toSet());
    assertEquals(unattainable.size(), reported.size(), "once per badge: " + unattainable);
    assertEquals(expected, reported, unattainable::toString);
    for (Problem x : unattainable) {
      int index = x.pointer().orElseThrow().badgeIndex();
      assertEquals(x.badge().orElseThrow(), p.badges().get(index).id());
    }

    Statistics.label("distinct rule").collect(p.badges().stream().anyMatch(b ->
        b.requires().or(b::stack).map(Requirement::usesDistinct).orElse(false)));
    Statistics.label("equivalence").collect(!p.equivalences().isEmpty());
    Statistics.label("distinct rule").coverage(cov -> cov.check(true).percentage(pct -> pct > 5));
    Statistics.label("equivalence").coverage(cov -> cov.check(true).percentage(pct -> pct > 5));
    Statistics.label("attainability").coverage(cov -> {
      cov.check("all attainable").percentage(pct -> pct > 10);
      cov.check("some unattainable").percentage(pct -> pct > 10);
    });
  }

  @Provide
  Arbitrary<Pathway> pathwaysAndLists() {
    return Arbitraries.frequencyOf(Tuple.of(1, ValidationPathways.pathways()),
        Tuple.of(2, ValidationPathways.prerequisiteLists()));
  }

  @Property(tries = 200)
  void redundantPrerequisitesAreExactlyThoseImpliedByAnotherMandatoryOne(
      @ForAll("pathwaysAndLists") Pathway p) {
    if (new CycleDetector<>(p.dependencyGraph()).detectCycles()) {
      return; // on cycles prerequisites may imply each other; the cycle is reported instead
    }
    Set<List<String>> expected = new HashSet<>();
    for (Badge b : p.badges()) {
      Set<String> mandatory = mandatory(p, b.id());
      for (String q : mandatory) {
        Set<String> implied = new HashSet<>();
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>(mandatory(p, q));
        while (!todo.isEmpty()) {
          String x = todo.pop();
          if (implied.add(x)) {
            todo.addAll(mandatory(p, x));
          }
        }
        for (String x : mandatory) {
          if (!x.equals(q) && implied.contains(x)) {
            expected.add(List.of(b.id(), x));
          }
        }
      }
    }
    Set<List<String>> reported = new HashSet<>();
    for (Problem x : PathwayValidator.validate(p)) {
      if (x.code() == ProblemCode.REDUNDANT_PREREQUISITE) {
        ModelPointer at = x.pointer().orElseThrow();
        assertEquals("requires", at.field());
        Requirement node = p.badges().get(at.badgeIndex()).requires().orElseThrow();
        for (int i : at.path()) {
          node = node.children().get(i);
        }
        assertTrue(reported.add(List.of(x.badge().orElseThrow(),
            ((Requirement.BadgeRef) node).id())), "reported once: " + x);
      }
    }
    Statistics.label("redundant").collect(!expected.isEmpty());
    assertEquals(expected, reported);
    Statistics.label("redundant").coverage(cov -> cov.check(true).percentage(pct -> pct > 10));
  }

  /** Badges named in the requires of {@code id} directly or under allOf groups only. */
  private static Set<String> mandatory(Pathway p, String id) {
    Set<String> out = new java.util.LinkedHashSet<>();
    p.badge(id).flatMap(Badge::requires).ifPresent(r -> collect(p, r, out));
    return out;
  }

  private static void collect(Pathway p, Requirement r, Set<String> out) {
    if (r instanceof Requirement.BadgeRef ref && p.hasBadge(ref.id())) {
      out.add(ref.id());
    } else if (r instanceof Requirement.AllOf) {
      r.children().forEach(c -> collect(p, c, out));
    }
  }

  @Property(tries = 100)
  void reportIsDeterministicErrorsFirstEveryProblemPointsAtABadgeItNames(
      @ForAll("pathways") Pathway p) {
    List<Problem> problems = PathwayValidator.validate(p);
    assertEquals(problems, PathwayValidator.validate(p));
    boolean seenWarning = false;
    for (Problem x : problems) {
      if (x.isError()) {
        assertFalse(seenWarning, "errors before warnings: " + problems);
      } else {
        seenWarning = true;
      }
      ModelPointer at = x.pointer().orElseThrow();
      if (at.badgeIndex() >= 0) {
        assertEquals(p.badges().get(at.badgeIndex()).id(), x.badge().orElseThrow(), x::toString);
      }
    }
  }

  @Property(tries = 200)
  void errorsAreExactlyTheErrorsOfTheFullValidation(@ForAll("pathways") Pathway p) {
    List<Problem> all = PathwayValidator.validate(p);
    Statistics.label("problems").collect(all.stream().anyMatch(x -> !x.isError()) ? "warnings"
        : all.isEmpty() ? "none" : "errors only");
    assertEquals(all.stream().filter(Problem::isError).toList(), PathwayValidator.errors(p));
    Statistics.label("problems").coverage(cov -> cov.check("warnings").percentage(pct -> pct > 5));
  }
}
