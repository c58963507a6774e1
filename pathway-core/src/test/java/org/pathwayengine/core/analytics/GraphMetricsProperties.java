package org.pathwayengine.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsCoverage;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedMultigraph;
import org.pathwayengine.core.analytics.RedundantRequisitesTest.Req;

/**
 * The dynamic-programming and bitset metrics against brute force: every source-to-sink path
 * enumerated, reachability by breadth-first search, on random DAGs of up to 12 vertices.
 */
class GraphMetricsProperties {

  /** A random DAG: vertices named in a shuffled order so that names are not a topological order. */
  @Provide
  Arbitrary<Graph<String, Req>> dags() {
    return Combinators.combine(
            Arbitraries.integers().between(1, 12),
            Arbitraries.doubles().between(0.0, 0.8),
            Arbitraries.longs())
        .as((n, density, seed) -> {
          Random random = new Random(seed);
          List<Integer> names = new ArrayList<>();
          for (int i = 0; i < n; i++) {
            names.add(i);
          }
          Collections.shuffle(names, random);
          Graph<String, Req> g = new DirectedMultigraph<>(null, null, false);
          for (int i = 0; i < n; i++) {
            g.addVertex("v" + names.get(i));
          }
          for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
              if (random.nextDouble() < density) {
                String s = "v" + names.get(i);
                String t = "v" + names.get(j);
                g.addEdge(s, t, new Req(s, t, random.nextInt(4) == 0));
                if (random.nextInt(20) == 0) { // now and then a parallel edge
                  g.addEdge(s, t, new Req(s, t, random.nextBoolean()));
                }
              }
            }
          }
          return g;
        });
  }

  /** Every source-to-sink path, by depth-first search over paths (exponential; fine at 12). */
  static List<List<String>> allPaths(Graph<String, Req> g) {
    List<List<String>> paths = new ArrayList<>();
    ArrayDeque<List<String>> stack = new ArrayDeque<>();
    for (String v : g.vertexSet()) {
      if (g.inDegreeOf(v) == 0 && g.outDegreeOf(v) > 0) {
        stack.push(List.of(v));
      }
    }
    while (!stack.isEmpty()) {
      List<String> p = stack.pop();
      String last = p.get(p.size() - 1);
      Set<String> next = new HashSet<>();
      for (Req e : g.outgoingEdgesOf(last)) {
        next.add(e.to);
      }
      if (next.isEmpty()) {
        paths.add(p);
      }
      for (String t : next) {
        List<String> q = new ArrayList<>(p);
        q.add(t);
        stack.push(q);
      }
    }
    return paths;
  }

  static Set<String> reachable(Graph<String, Req> g, String from) {
    Set<String> seen = new HashSet<>();
    ArrayDeque<String> queue = new ArrayDeque<>();
    queue.add(from);
    while (!queue.isEmpty()) {
      String v = queue.poll();
      for (Req e : g.outgoingEdgesOf(v)) {
        if (seen.add(e.to)) {
          queue.add(e.to);
        }
      }
    }
    return seen;
  }

  @Property(tries = 300)
  void metricsEqualBruteForceOverAllPaths(@ForAll("dags") Graph<String, Req> g) {
    List<List<String>> paths = allPaths(g);
    Map<String, Integer> delay = new HashMap<>();
    Map<String, BigInteger> centrality = new HashMap<>();
    int longest = 0;
    for (String v : g.vertexSet()) {
      delay.put(v, 1);
      centrality.put(v, BigInteger.ZERO);
    }
    for (List<String> p : paths) {
      longest = Math.max(longest, p.size());
      for (int i = 0; i < p.size(); i++) {
        delay.merge(p.get(i), p.size(), Math::max);
        if (i > 0 && i < p.size() - 1 && p.size() >= 3) {
          centrality.merge(p.get(i), BigInteger.valueOf(p.size()), BigInteger::add);
        }
      }
    }
    Statistics.collect(paths.size() > 20 ? "many paths" : paths.isEmpty() ? "no path" : "some paths");

    GraphMetrics<String> m = GraphMetrics.compute(g);
    assertEquals(g.vertexSet(), m.vertices().keySet());
    for (String v : g.vertexSet()) {
      VertexMetrics vm = m.vertices().get(v);
      assertEquals(reachable(g, v).size(), vm.blockingFactor(), "blocking factor of " + v);
      assertEquals(delay.get(v), vm.delayFactor(), "delay factor of " + v);
      assertEquals(centrality.get(v), vm.centrality(), "centrality of " + v);
    }
    assertEquals(BigInteger.valueOf(paths.size()), m.pathCount());
    assertEquals(longest, m.longestPath().size());
    assertTrue(paths.contains(m.longestPath()) || paths.isEmpty(),
        "longest path " + m.longestPath() + " is a source-to-sink path");
    Statistics.coverage(this::coversPathCounts);
  }

  private void coversPathCounts(StatisticsCoverage coverage) {
    coverage.check("many paths").count(c -> c > 0);
    coverage.check("no path").count(c -> c > 0);
    coverage.check("some paths").count(c -> c > 0);
  }

  @Property(tries = 200)
  void redundantRequisitesEqualTheDefinition(@ForAll("dags") Graph<String, Req> g,
      @ForAll @IntRange(min = 1, max = 20) int window) {
    Set<Req> expected = new HashSet<>();
    for (Req e : g.edgeSet()) {
      if (e.co) {
        continue;
      }
      boolean longerPath = false;
      boolean viaCoRequisite = false;
      for (Req first : g.outgoingEdgesOf(e.from)) {
        if (!first.to.equals(e.to) && reachable(g, first.to).contains(e.to)) {
          longerPath = true;
        }
        boolean coOnly = g.getAllEdges(e.from, first.to).stream().allMatch(r -> r.co);
        if (coOnly && (first.to.equals(e.to) || reachable(g, first.to).contains(e.to))) {
          viaCoRequisite = true;
        }
      }
      if (longerPath && !viaCoRequisite) {
        expected.add(e);
      }
    }
    Statistics.collect(expected.isEmpty() ? "none redundant" : "some redundant");
    assertEquals(expected, new HashSet<>(RedundantRequisites.find(g, r -> r.co)));
    assertEquals(expected, new HashSet<>(RedundantRequisites.find(g, r -> r.co, window)));
    Statistics.coverage(coverage -> coverage.check("some redundant").count(c -> c > 10));
  }

  @Property(tries = 100)
  void chunkedBlockingFactorEqualsTheFullOne(@ForAll("dags") Graph<String, Req> g,
      @ForAll @IntRange(min = 1, max = 200) int window) {
    assertEquals(BlockingFactor.compute(g), BlockingFactor.computeChunked(g, window));
  }
}
