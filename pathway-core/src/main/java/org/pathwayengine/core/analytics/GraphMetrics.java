package org.pathwayengine.core.analytics;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;

/**
 * The CurricularAnalytics metrics of every vertex of a directed acyclic graph, one longest path and
 * the number of source-to-sink paths (SPEC section 10).
 *
 * <p>A <em>source</em> has no incoming edge; a <em>sink</em> has no outgoing edge and at least one
 * incoming edge; a vertex with no edges is on no path. Parallel edges count once. Blocking factors come
 * from {@link BlockingFactor}; delay factors, centralities and the path count from dynamic programming
 * over a topological order (count paths and sum their lengths), never by enumerating paths. Time
 * O(n + m) big-integer operations plus O((n + m) * ⌈n/64⌉) word operations; memory O(n + m) plus
 * n * ⌈window/64⌉ longs for the blocking factors.
 *
 * <pre>{@code
 * GraphMetrics<String> m = GraphMetrics.compute(graph);
 * int b = m.vertices().get("calculus-1").blockingFactor();
 * }</pre>
 *
 * @param <V> the vertex type
 * @param vertices the metrics of each vertex, iterating in a topological order
 * @param longestPath one longest source-to-sink path, empty when the graph has no edge
 * @param pathCount the number of source-to-sink paths
 */
public record GraphMetrics<V>(Map<V, VertexMetrics> vertices, List<V> longestPath,
    BigInteger pathCount) {

  /** Checks and copies the arguments (keeping the map's iteration order). */
  public GraphMetrics {
    vertices = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(vertices, "vertices")));
    longestPath = List.copyOf(longestPath);
    requireNonNull(pathCount, "pathCount");
  }

  /**
   * Computes the metrics of a graph, with a bitset window of all vertices up to
   * 8192 and windows of 8192 beyond.
   *
   * @param graph a directed acyclic graph, each edge from a requisite to the vertex that needs it
   * @return the metrics
   * @throws IllegalArgumentException if the graph is undirected or has a cycle
   */
  public static <V, E> GraphMetrics<V> compute(Graph<V, E> graph) {
    return compute(graph, BlockingFactor.DEFAULT_WINDOW);
  }

  /**
   * Computes the metrics of a graph, with blocking factors computed in windows of
   * {@code windowColumns} target vertices (see {@link BlockingFactor#computeChunked}).
   *
   * @param graph a directed acyclic graph, each edge from a requisite to the vertex that needs it
   * @param windowColumns bitset width; at least 1
   * @return the metrics
   * @throws IllegalArgumentException if the graph is undirected or has a cycle, or the width is below 1
   */
  public static <V, E> GraphMetrics<V> compute(Graph<V, E> graph, int windowColumns) {
    checkArgument(windowColumns >= 1, "windowColumns must be >= 1, was %s", windowColumns);
    return of(IndexedDag.of(graph), windowColumns);
  }

  static <V> GraphMetrics<V> of(IndexedDag<V> dag, int windowColumns) {
    return of(dag, BlockingFactor.compute(dag, windowColumns));
  }

  static <V> GraphMetrics<V> of(IndexedDag<V> dag, int[] blocking) {
    PathDp dp = PathDp.compute(dag);
    Map<V, VertexMetrics> m = new LinkedHashMap<>();
    for (int v = 0; v < dag.n; v++) {
      m.put(dag.order.get(v), new VertexMetrics(blocking[v], dp.delay[v], dp.centrality[v]));
    }
    List<V> path = new ArrayList<>();
    for (int v : dp.longestPath(dag)) {
      path.add(dag.order.get(v));
    }
    return new GraphMetrics<>(m, path, dp.pathCount);
  }

  /** The sum of the blocking factors. */
  public long totalBlockingFactor() {
    return vertices.values().stream().mapToLong(VertexMetrics::blockingFactor).sum();
  }

  /** The sum of the delay factors. */
  public long totalDelayFactor() {
    return vertices.values().stream().mapToLong(VertexMetrics::delayFactor).sum();
  }

  /** The sum of the centralities. */
  public BigInteger totalCentrality() {
    return vertices.values().stream().map(VertexMetrics::centrality)
        .reduce(BigInteger.ZERO, BigInteger::add);
  }

  /** The sum of the complexities on a semester system. */
  public long totalComplexity() {
    return totalBlockingFactor() + totalDelayFactor();
  }
}
