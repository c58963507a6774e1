package org.pathwayengine.core.analytics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.jgrapht.Graph;

/**
 * Finds redundant (extraneous) requisites: edges {@code u -> v} that another path from u to v already
 * implies, following CurricularAnalytics' {@code extraneous_requisites}.
 *
 * <p>An edge {@code u -> v} is redundant when some path {@code u -> w -> ... -> v} of at least two edges
 * exists, unless u is a co-requisite of a successor n (every edge {@code u -> n} is a co-requisite
 * edge) that is v itself or reaches v: a co-requisite may be taken in the same term as the badge that
 * needs it, so a path that starts with one does not make the direct requisite superfluous. Hence
 * co-requisite edges are never redundant. Parallel edges count as one pair; every edge of a redundant
 * pair that is not itself a co-requisite edge is reported.
 *
 * <p>Technique: the descendant bitsets of {@link BlockingFactor}, swept in windows of target vertices;
 * for each u the union of its successors' descendant sets is tested against each direct successor.
 * Time O((n + m) * ⌈n/64⌉) word operations; memory n * ⌈window/64⌉ longs.
 */
public final class RedundantRequisites {
  private RedundantRequisites() {}

  /**
   * Finds the redundant edges of a directed acyclic graph.
   *
   * @param graph a directed acyclic graph, an edge going from the requisite to the vertex needing it
   * @param isCoRequisite tells co-requisite edges from the others
   * @return the redundant edges, ordered by the topological order of their source, then target
   * @throws IllegalArgumentException if the graph is undirected or has a cycle
   */
  public static <V, E> List<E> find(Graph<V, E> graph, Predicate<? super E> isCoRequisite) {
    return find(graph, isCoRequisite, BlockingFactor.DEFAULT_WINDOW);
  }

  /**
   * Like {@link #find(Graph, Predicate)}, with bitsets of at most {@code windowColumns} columns.
   *
   * @param graph a directed acyclic graph, an edge going from the requisite to the vertex needing it
   * @param isCoRequisite tells co-requisite edges from the others
   * @param windowColumns how many target vertices one sweep covers; at least 1
   * @return the redundant edges, ordered by the topological order of their source, then target
   * @throws IllegalArgumentException if the graph is undirected or has a cycle, or the width is below 1
   */
  public static <V, E> List<E> find(Graph<V, E> graph, Predicate<? super E> isCoRequisite,
      int windowColumns) {
    checkNotNull(isCoRequisite, "isCoRequisite");
    checkArgument(windowColumns >= 1, "windowColumns must be >= 1, was %s", windowColumns);
    IndexedDag<V> dag = IndexedDag.of(graph, isCoRequisite);
    boolean[][] redundant = flags(dag, windowColumns);
    List<E> result = new ArrayList<>();
    for (E e : graph.edgeSet()) {
      if (isCoRequisite.test(e)) {
        continue;
      }
      int u = dag.index.get(graph.getEdgeSource(e));
      int v = dag.index.get(graph.getEdgeTarget(e));
      int i = Arrays.binarySearch(dag.succ[u], v);
      if (redundant[u][i]) {
        result.add(e);
      }
    }
    result.sort(Comparator.<E>comparingInt(e -> dag.index.get(graph.getEdgeSource(e)))
        .thenComparingInt(e -> dag.index.get(graph.getEdgeTarget(e))));
    return List.copyOf(result);
  }

  /** For each distinct edge {@code succ[u][i]}, whether it is redundant. */
  static boolean[][] flags(IndexedDag<?> dag, int windowColumns) {
    boolean[][] redundant = newFlags(dag);
    Reachability.forEachWindow(dag, windowColumns,
        (lo, hi, desc) -> flagWindow(dag, lo, hi, desc, redundant));
    return redundant;
  }

  static boolean[][] newFlags(IndexedDag<?> dag) {
    boolean[][] redundant = new boolean[dag.n][];
    for (int u = 0; u < dag.n; u++) {
      redundant[u] = new boolean[dag.succ[u].length];
    }
    return redundant;
  }

  /** Sets the flags of the edges whose target lies in the window {@code [lo, hi)}. */
  static void flagWindow(IndexedDag<?> dag, int lo, int hi, long[][] desc, boolean[][] redundant) {
    int words = desc.length == 0 ? 0 : desc[0].length;
    long[] viaOthers = new long[words];
    long[] viaCo = new long[words];
    for (int u = 0; u < hi; u++) {
      int[] succ = dag.succ[u];
      if (succ.length < 2 || succ[succ.length - 1] < lo || succ[0] >= hi) {
        continue; // a redundant edge needs a second successor, and a target in this window
      }
      Arrays.fill(viaOthers, 0L);
      Arrays.fill(viaCo, 0L);
      for (int i = 0; i < succ.length && succ[i] < hi; i++) {
        long[] row = desc[succ[i]];
        for (int k = 0; k < words; k++) {
          viaOthers[k] |= row[k];
        }
        if (dag.succCoOnly[u][i]) {
          for (int k = 0; k < words; k++) {
            viaCo[k] |= row[k];
          }
          if (succ[i] >= lo) {
            int bit = succ[i] - lo;
            viaCo[bit >>> 6] |= 1L << bit;
          }
        }
      }
      for (int i = 0; i < succ.length && succ[i] < hi; i++) {
        if (succ[i] >= lo) {
          int bit = succ[i] - lo;
          redundant[u][i] = Reachability.has(viaOthers, bit) && !Reachability.has(viaCo, bit);
        }
      }
    }
  }
}
