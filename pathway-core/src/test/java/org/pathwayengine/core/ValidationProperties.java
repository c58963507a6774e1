package org.pathwayengine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
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

    Statistics.label("attainability").coverage(cov -> {
      cov.check("all attainable").percentage(pct -> pct > 10);
      cov.check("some unattainable").percentage(pct -> pct > 10);
    });
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
}
