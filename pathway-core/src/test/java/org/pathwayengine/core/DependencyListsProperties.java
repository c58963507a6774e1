package org.pathwayengine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jgrapht.Graph;
import org.pathwayengine.core.internal.DependencyLists;

/**
 * {@link DependencyLists} holds exactly the edges of {@link Pathway#dependencyGraph()}, in the
 * graph's order, so that cycles and evaluation order read from it are the ones the graph gives.
 */
class DependencyListsProperties {

  @Provide
  Arbitrary<Pathway> pathways() {
    // sometimes a second badge with the id of the first, carrying other tags
    return ValidationPathways.pathways().flatMap(p -> Arbitraries.of(true, false).map(dup -> {
      if (!dup) {
        return p;
      }
      List<Badge> badges = new ArrayList<>(p.badges());
      badges.add(Badge.builder(badges.get(0).id(), "Again").tags("t1", "t2").build());
      return p.toBuilder().badges(badges).build();
    }));
  }

  @Property(tries = 300)
  void holdsTheGraphsEdgesInTheGraphsOrder(@ForAll("pathways") Pathway p) {
    Graph<String, Dependency> g = p.dependencyGraph();
    DependencyLists lists = DependencyLists.of(p);
    assertEquals(List.copyOf(g.vertexSet()), ids(lists));
    for (int v = 0; v < lists.size(); v++) {
      List<Dependency> fromLists = new ArrayList<>();
      for (int s = lists.begin(v); s < lists.end(v); s++) {
        fromLists.add(new Dependency(lists.id(v), lists.id(lists.target(s)), lists.kind(s)));
      }
      assertEquals(List.copyOf(g.outgoingEdgesOf(lists.id(v))), fromLists, lists.id(v));
      for (DependencyKind k : DependencyKind.values()) {
        for (int w = 0; w < lists.size(); w++) {
          assertEquals(g.containsEdge(new Dependency(lists.id(v), lists.id(w), k)),
              lists.hasEdge(v, w, k));
        }
      }
    }
    assertEquals(g.edgeSet().size(), lists.edgeCount());
    assertEquals(kahn(g), lists.topologicalOrder());
  }

  @Example
  void aTagRuleDrawsAnEdgeFromEveryCarrierAndAnUnknownReferenceNone() {
    Pathway p = Pathway.builder("p", "1").badges(List.of(
        Badge.builder("a", "A").tags("t").build(),
        Badge.builder("b", "B").tags("t").build(),
        Badge.builder("c", "C").stack(Requirement.allOf(Requirement.atLeastTagged(1, "t"),
            Requirement.badge("a"), Requirement.badge("ghost"))).build())).build();
    DependencyLists lists = DependencyLists.of(p);
    assertEquals(2, lists.edgeCount());
    assertEquals(List.of("a", "b", "c"), lists.topologicalOrder());
    assertEquals(-1, lists.vertex("ghost"));
  }

  private static List<String> ids(DependencyLists lists) {
    List<String> ids = new ArrayList<>();
    for (int v = 0; v < lists.size(); v++) {
      ids.add(lists.id(v));
    }
    return ids;
  }

  /** Kahn's algorithm over the graph, as evaluation ordered credentials before. */
  private static List<String> kahn(Graph<String, Dependency> g) {
    Map<String, Integer> indegree = new HashMap<>();
    ArrayDeque<String> ready = new ArrayDeque<>();
    for (String v : g.vertexSet()) {
      indegree.put(v, g.inDegreeOf(v));
      if (g.inDegreeOf(v) == 0) {
        ready.add(v);
      }
    }
    List<String> order = new ArrayList<>();
    while (!ready.isEmpty()) {
      String v = ready.poll();
      order.add(v);
      for (Dependency e : g.outgoingEdgesOf(v)) {
        if (indegree.merge(e.to(), -1, Integer::sum) == 0) {
          ready.add(e.to());
        }
      }
    }
    return order;
  }
}
