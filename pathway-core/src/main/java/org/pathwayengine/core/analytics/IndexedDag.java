package org.pathwayengine.core.analytics;

import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jgrapht.Graph;

/**
 * A directed acyclic graph relabelled to the integers {@code 0..n-1} in a topological order, with
 * parallel edges merged: the shared input of every algorithm in this package.
 *
 * <p>The order is Kahn's algorithm with a FIFO queue seeded in the graph's vertex iteration order, so
 * it is deterministic for a graph with a deterministic iteration order. Every edge goes from a lower
 * to a higher index. Building takes O(n + m log m) time and O(n + m) memory.
 */
final class IndexedDag<V> {
  final int n;
  /** Vertices in topological order. */
  final List<V> order;
  final Map<V, Integer> index;
  /** Distinct successors of each vertex, ascending. */
  final int[][] succ;
  /** Distinct predecessors of each vertex, ascending. */
  final int[][] pred;
  /** Parallel to {@link #succ}: every edge between the two is a co-requisite edge. */
  final boolean[][] succCoOnly;

  private IndexedDag(List<V> order, Map<V, Integer> index, int[][] succ, int[][] pred,
      boolean[][] succCoOnly) {
    this.n = order.size();
    this.order = order;
    this.index = index;
    this.succ = succ;
    this.pred = pred;
    this.succCoOnly = succCoOnly;
  }

  static <V, E> IndexedDag<V> of(Graph<V, E> graph) {
    return of(graph, e -> false);
  }

  /**
   * Relabels the graph.
   *
   * @throws IllegalArgumentException if the graph is undirected or has a cycle (a self-loop included)
   */
  static <V, E> IndexedDag<V> of(Graph<V, E> graph, Predicate<? super E> isCoRequisite) {
    checkNotNull(graph, "graph");
    checkNotNull(isCoRequisite, "isCoRequisite");
    if (!graph.getType().isDirected()) {
      throw new IllegalArgumentException("graph must be directed, was " + graph.getType());
    }
    int n = graph.vertexSet().size();
    List<V> given = new ArrayList<>(graph.vertexSet());
    Map<V, Integer> provisional = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      provisional.put(given.get(i), i);
    }
    // Edge lists keyed by provisional ids: target * 2 + (co-requisite ? 1 : 0), sorted, then merged.
    long[][] out = new long[n][];
    int[] outSize = new int[n];
    for (E e : graph.edgeSet()) {
      int s = provisional.get(graph.getEdgeSource(e));
      int t = provisional.get(graph.getEdgeTarget(e));
      if (s == t) {
        throw new IllegalArgumentException(
            "graph has a cycle: " + given.get(s) + " requires itself; analytics need an acyclic graph"
                + " (validate the pathway first)");
      }
      if (out[s] == null) {
        out[s] = new long[4];
      } else if (outSize[s] == out[s].length) {
        out[s] = Arrays.copyOf(out[s], out[s].length * 2);
      }
      out[s][outSize[s]++] = ((long) t << 1) | (isCoRequisite.test(e) ? 1L : 0L);
    }
    int[][] succP = new int[n][];
    boolean[][] coP = new boolean[n][];
    int[] indeg = new int[n];
    for (int v = 0; v < n; v++) {
      long[] es = out[v] == null ? new long[0] : Arrays.copyOf(out[v], outSize[v]);
      Arrays.sort(es);
      int[] ts = new int[es.length];
      boolean[] co = new boolean[es.length];
      int k = 0;
      for (int i = 0; i < es.length; i++) {
        int t = (int) (es[i] >>> 1);
        boolean isCo = (es[i] & 1L) == 1L;
        if (k > 0 && ts[k - 1] == t) {
          co[k - 1] &= isCo; // sorted: a non-co-requisite edge (bit 0) comes first
        } else {
          ts[k] = t;
          co[k] = isCo;
          k++;
          indeg[t]++;
        }
      }
      succP[v] = Arrays.copyOf(ts, k);
      coP[v] = Arrays.copyOf(co, k);
    }
    // Kahn's algorithm.
    int[] queue = new int[n];
    int head = 0;
    int tail = 0;
    for (int v = 0; v < n; v++) {
      if (indeg[v] == 0) {
        queue[tail++] = v;
      }
    }
    int[] remaining = indeg.clone();
    while (head < tail) {
      int v = queue[head++];
      for (int t : succP[v]) {
        if (--remaining[t] == 0) {
          queue[tail++] = t;
        }
      }
    }
    if (tail < n) {
      int stuck = -1;
      for (int v = 0; v < n && stuck < 0; v++) {
        if (remaining[v] > 0) {
          stuck = v;
        }
      }
      throw new IllegalArgumentException("graph has a cycle through " + given.get(stuck)
          + "; analytics need an acyclic graph (validate the pathway first)");
    }
    int[] newId = new int[n];
    List<V> order = new ArrayList<>(n);
    Map<V, Integer> index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      newId[queue[i]] = i;
      V v = given.get(queue[i]);
      order.add(v);
      index.put(v, i);
    }
    int[][] succ = new int[n][];
    boolean[][] coOnly = new boolean[n][];
    int[] predSize = new int[n];
    for (int old = 0; old < n; old++) {
      int v = newId[old];
      int k = succP[old].length;
      long[] pairs = new long[k];
      for (int i = 0; i < k; i++) {
        pairs[i] = ((long) newId[succP[old][i]] << 1) | (coP[old][i] ? 1L : 0L);
      }
      Arrays.sort(pairs);
      succ[v] = new int[k];
      coOnly[v] = new boolean[k];
      for (int i = 0; i < k; i++) {
        succ[v][i] = (int) (pairs[i] >>> 1);
        coOnly[v][i] = (pairs[i] & 1L) == 1L;
        predSize[succ[v][i]]++;
      }
    }
    int[][] pred = new int[n][];
    for (int v = 0; v < n; v++) {
      pred[v] = new int[predSize[v]];
      predSize[v] = 0;
    }
    for (int v = 0; v < n; v++) { // ascending v, so every pred list comes out ascending
      for (int t : succ[v]) {
        pred[t][predSize[t]++] = v;
      }
    }
    return new IndexedDag<>(Collections.unmodifiableList(order), Collections.unmodifiableMap(index),
        succ, pred, coOnly);
  }

  boolean isSource(int v) {
    return pred[v].length == 0;
  }

  boolean isSink(int v) {
    return succ[v].length == 0 && pred[v].length > 0;
  }
}
