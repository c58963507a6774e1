package org.pathwayengine.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedMultigraph;
import org.junit.jupiter.api.Test;

class RedundantRequisitesTest {

  /** An edge that knows whether it is a co-requisite. */
  static final class Req {
    final String from;
    final String to;
    final boolean co;

    Req(String from, String to, boolean co) {
      this.from = from;
      this.to = to;
      this.co = co;
    }

    @Override
    public String toString() {
      return from + (co ? "~>" : "->") + to;
    }
  }

  /** Edges written {@code a->b} (prerequisite) or {@code a~>b} (co-requisite). */
  static Graph<String, Req> graph(String... edges) {
    Graph<String, Req> g = new DirectedMultigraph<>(null, null, false);
    for (String e : edges) {
      boolean co = e.contains("~>");
      String[] st = e.split(co ? "~>" : "->");
      g.addVertex(st[0]);
      g.addVertex(st[1]);
      g.addEdge(st[0], st[1], new Req(st[0], st[1], co));
    }
    return g;
  }

  private static List<String> redundant(Graph<String, Req> g) {
    return RedundantRequisites.find(g, r -> r.co).stream().map(Req::toString).toList();
  }

  /** a->b->c with a->c: the path a-b-c already puts a before c, so a->c is redundant. */
  @Test
  void edgeImpliedByALongerPathIsRedundant() {
    assertEquals(List.of("a->c"), redundant(graph("a->b", "b->c", "a->c")));
  }

  /** a->b->c->d with a->d and b->d: both shortcuts are implied. */
  @Test
  void everyShortcutIsReported() {
    assertEquals(List.of("a->d", "b->d"), redundant(graph("a->b", "b->c", "c->d", "a->d", "b->d")));
  }

  /**
   * a~>b->c with a->c: a is only a co-requisite of b, so it may be taken in b's term; the path does
   * not make a->c superfluous (CurricularAnalytics keeps it too).
   */
  @Test
  void pathStartingWithACoRequisiteDoesNotMakeAnEdgeRedundant() {
    assertEquals(List.of(), redundant(graph("a~>b", "b->c", "a->c")));
  }

  /** A co-requisite edge is never redundant, even when a prerequisite path implies it. */
  @Test
  void coRequisiteEdgeIsNeverRedundant() {
    assertEquals(List.of(), redundant(graph("a->b", "b->c", "a~>c")));
  }

  /** Windows of 1 column (rounded to 64) over 130 vertices give the same answer as one window. */
  @Test
  void windowsDoNotChangeTheAnswer() {
    String[] edges = new String[130];
    for (int i = 0; i < 128; i++) {
      edges[i] = "v" + i + "->v" + (i + 1);
    }
    edges[128] = "v0->v128";
    edges[129] = "v64->v65";
    Graph<String, Req> g = graph(edges);
    List<String> one = RedundantRequisites.find(g, r -> r.co).stream().map(Req::toString).toList();
    List<String> many =
        RedundantRequisites.find(g, r -> r.co, 1).stream().map(Req::toString).toList();
    assertEquals(List.of("v0->v128"), one);
    assertEquals(one, many);
  }
}
