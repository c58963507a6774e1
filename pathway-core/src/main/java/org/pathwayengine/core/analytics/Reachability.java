package org.pathwayengine.core.analytics;

import java.util.Arrays;

/**
 * Descendant sets of every vertex of an {@link IndexedDag} as bitsets, computed one window of target
 * columns at a time so that memory stays bounded.
 *
 * <p>For a window of target vertices {@code [lo, hi)} (topological indexes), the descendants of a
 * vertex {@code v} inside the window are the union, over its successors {@code w}, of {@code w} (if
 * in the window) and of the descendants of {@code w} inside the window. Every edge goes forward in
 * the topological order, so only vertices below {@code hi} can reach the window, and the union is
 * computed in one backward sweep. One window costs O((hi + m) * W) word operations, W = ⌈window/64⌉;
 * all windows together cost O((n + m) * ⌈n/64⌉) whatever the window size. Memory: {@code n * W} longs.
 */
final class Reachability {
  /** Receives the descendant bitsets of one window. */
  interface WindowConsumer {
    /**
     * Called once per window.
     *
     * @param lo the first target vertex of the window
     * @param hi one past the last target vertex
     * @param desc for each vertex {@code v < hi}, bit {@code t - lo} is set when {@code t} is reachable
     *     from {@code v} (by a path of at least one edge); rows at and above {@code hi} are stale
     */
    void accept(int lo, int hi, long[][] desc);
  }

  private Reachability() {}

  /** The smallest window width that is a multiple of 64 and at least {@code columns}. */
  static int roundWindow(int columns) {
    return Math.max(64, ((columns + 63) / 64) * 64);
  }

  static void forEachWindow(IndexedDag<?> dag, int columns, WindowConsumer consumer) {
    int n = dag.n;
    if (n == 0) {
      return;
    }
    int width = Math.min(roundWindow(columns), roundWindow(n));
    int words = width / 64;
    long[][] desc = new long[n][words];
    for (int lo = 0; lo < n; lo += width) {
      int hi = Math.min(n, lo + width);
      for (int v = hi - 1; v >= 0; v--) {
        long[] row = desc[v];
        Arrays.fill(row, 0L);
        for (int w : dag.succ[v]) {
          if (w >= hi) {
            break; // successors are ascending
          }
          long[] other = desc[w];
          for (int k = 0; k < words; k++) {
            row[k] |= other[k];
          }
          if (w >= lo) {
            int bit = w - lo;
            row[bit >>> 6] |= 1L << bit;
          }
        }
      }
      consumer.accept(lo, hi, desc);
    }
  }

  static boolean has(long[] row, int bit) {
    return (row[bit >>> 6] & (1L << bit)) != 0;
  }
}
