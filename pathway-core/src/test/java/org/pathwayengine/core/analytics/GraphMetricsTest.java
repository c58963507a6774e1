package org.pathwayengine.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.SimpleGraph;
import org.junit.jupiter.api.Test;

class GraphMetricsTest {

  private static Graph<String, DefaultEdge> graph(String... edges) {
    Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
    for (String e : edges) {
      String[] st = e.split(">");
      g.addVertex(st[0]);
      if (st.length > 1) {
        g.addVertex(st[1]);
        g.addEdge(st[0], st[1]);
      }
    }
    return g;
  }

  /**
   * A diamond with a tail and an isolated vertex: a>b, a>c, b>d, c>d, d>e, and f alone.
   *
   * <p>Source a, sink e; f is on no path. Source-to-sink paths: a-b-d-e and a-c-d-e, 4 vertices each.
   * Blocking (reachable): a {b,c,d,e} 4, b {d,e} 2, c {d,e} 2, d {e} 1, e 0, f 0; total 9.
   * Delay: a..e lie on a 4-vertex path, 4 each; f 1; total 21.
   * Centrality: b on a-b-d-e only, inside: 4; c likewise 4; d inside both: 8; a (source), e (sink),
   * f: 0; total 16. Complexity = d + b: a 8, b 6, c 6, d 5, e 4, f 1; total 30.
   */
  @Test
  void diamondWithTailAndIsolatedVertex() {
    GraphMetrics<String> m = GraphMetrics.compute(graph("a>b", "a>c", "b>d", "c>d", "d>e", "f"));

    assertEquals(new VertexMetrics(4, 4, BigInteger.ZERO), m.vertices().get("a"));
    assertEquals(new VertexMetrics(2, 4, BigInteger.valueOf(4)), m.vertices().get("b"));
    assertEquals(new VertexMetrics(2, 4, BigInteger.valueOf(4)), m.vertices().get("c"));
    assertEquals(new VertexMetrics(1, 4, BigInteger.valueOf(8)), m.vertices().get("d"));
    assertEquals(new VertexMetrics(0, 4, BigInteger.ZERO), m.vertices().get("e"));
    assertEquals(new VertexMetrics(0, 1, BigInteger.ZERO), m.vertices().get("f"));
    assertEquals(9, m.totalBlockingFactor());
    assertEquals(21, m.totalDelayFactor());
    assertEquals(BigInteger.valueOf(16), m.totalCentrality());
    assertEquals(30, m.totalComplexity());
    assertEquals(8, m.vertices().get("a").complexity());
    // d's predecessors b and c both end a 2-vertex path; the first in topological order (b) is chosen.
    assertEquals(List.of("a", "b", "d", "e"), m.longestPath());
    assertEquals(BigInteger.TWO, m.pathCount());
  }

  /**
   * Two chains of different length sharing the sink: a>b>c>d and x>d.
   *
   * <p>Paths: a-b-c-d (4 vertices), x-d (2). Delay: a, b, c, d lie on the 4-path: 4; x only on x-d: 2.
   * Centrality: b and c are inside a-b-c-d: 4 each; x-d has 2 vertices so adds nothing.
   */
  @Test
  void delayIsPerVertexLongestPath() {
    GraphMetrics<String> m = GraphMetrics.compute(graph("a>b", "b>c", "c>d", "x>d"));
    assertEquals(2, m.vertices().get("x").delayFactor());
    assertEquals(4, m.vertices().get("d").delayFactor());
    assertEquals(BigInteger.valueOf(4), m.vertices().get("b").centrality());
    assertEquals(BigInteger.valueOf(4), m.vertices().get("c").centrality());
    assertEquals(BigInteger.ZERO, m.vertices().get("x").centrality());
    assertEquals(List.of("a", "b", "c", "d"), m.longestPath());
  }

  @Test
  void graphWithoutEdgesHasNoPath() {
    GraphMetrics<String> m = GraphMetrics.compute(graph("a", "b"));
    assertEquals(List.of(), m.longestPath());
    assertEquals(BigInteger.ZERO, m.pathCount());
    assertEquals(2, m.totalDelayFactor());
    assertEquals(0, m.totalBlockingFactor());
  }

  /**
   * 70 levels of 2 vertices, each vertex joined to both vertices of the next level.
   *
   * <p>A source-to-sink path picks one vertex per level: 2^70 paths of 70 vertices, more than a long
   * holds. A vertex of an inner level lies on half of them, 2^69, so its centrality is 70 * 2^69.
   * Each vertex of level k reaches the 2 * (69 - k) vertices below it.
   */
  @Test
  void countsStayExactPastSixtyFourBits() {
    Graph<String, DefaultEdge> g = new DefaultDirectedGraph<>(DefaultEdge.class);
    for (int level = 0; level < 70; level++) {
      g.addVertex(level + "a");
      g.addVertex(level + "b");
      if (level > 0) {
        for (String from : List.of("a", "b")) {
          for (String to : List.of("a", "b")) {
            g.addEdge((level - 1) + from, level + to);
          }
        }
      }
    }
    GraphMetrics<String> m = GraphMetrics.compute(g);
    assertEquals(BigInteger.TWO.pow(70), m.pathCount());
    assertEquals(BigInteger.valueOf(70).multiply(BigInteger.TWO.pow(69)),
        m.vertices().get("35a").centrality());
    assertEquals(BigInteger.ZERO, m.vertices().get("0b").centrality());
    assertEquals(70, m.vertices().get("12b").delayFactor());
    assertEquals(2 * (69 - 12), m.vertices().get("12b").blockingFactor());
    assertEquals(70, m.longestPath().size());
    // 68 inner levels of 2 vertices, each 70 * 2^69.
    assertEquals(BigInteger.valueOf(70L * 136).multiply(BigInteger.TWO.pow(69)),
        m.totalCentrality());
  }

  @Test
  void chunkedBlockingFactorMatchesTheFullOne() {
    Graph<String, DefaultEdge> g = graph("a>b", "a>c", "b>d", "c>d", "d>e", "f");
    for (int i = 0; i < 150; i++) {
      g.addVertex("n" + i);
      g.addEdge(i == 0 ? "e" : "n" + (i - 1), "n" + i);
    }
    Map<String, Integer> full = BlockingFactor.compute(g);
    assertEquals(4 + 150, full.get("a"));
    assertEquals(150, full.get("e"));
    for (int window : new int[] {1, 64, 65, 100, 1000}) {
      assertEquals(full, BlockingFactor.computeChunked(g, window), "window " + window);
    }
  }

  @Test
  void cycleIsRejectedWithAVertexOnIt() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> GraphMetrics.compute(graph("a>b", "b>c", "c>a", "x>a")));
    assertTrue(e.getMessage().contains("cycle"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> GraphMetrics.compute(graph("a>a")));
  }

  @Test
  void undirectedGraphIsRejected() {
    Graph<String, DefaultEdge> g = new SimpleGraph<>(DefaultEdge.class);
    g.addVertex("a");
    assertThrows(IllegalArgumentException.class, () -> GraphMetrics.compute(g));
    assertThrows(IllegalArgumentException.class, () -> BlockingFactor.computeChunked(graph("a"), 0));
  }
}
