package org.pathwayengine.core.analytics;

import java.math.BigInteger;

/**
 * Delay factor, centrality and path counts of an {@link IndexedDag} by dynamic programming over its
 * topological order, without enumerating paths.
 *
 * <p>For each vertex v: {@code a(v)} is the number of paths from a source to v and {@code sa(v)} the
 * sum of their vertex counts; {@code b(v)} and {@code sb(v)} the same for paths from v to a sink. A
 * source has {@code a = sa = 1}; otherwise {@code a(v) = Σ a(p)} and {@code sa(v) = Σ (sa(p) + a(p))}
 * over predecessors p (each path grows by one vertex), and symmetrically for successors. Every
 * source-to-sink path through an inner vertex v (neither source nor sink) splits at v into a prefix and
 * a suffix that share v, so the sum of the vertex counts of those paths is
 * {@code Σ (|prefix| + |suffix| - 1) = sa(v) b(v) + a(v) sb(v) - a(v) b(v)}; such a path has at least 3
 * vertices. Longest paths use the same recurrences with max instead of sum. Time O(n + m) arithmetic
 * operations: on longs while nothing overflows, else again on {@link BigInteger}s (a layered graph of 70
 * levels already has more than 2^64 paths), so every count is exact.
 */
final class PathDp {
  /** The delay factor of each vertex (by topological index). */
  final int[] delay;
  /** Longest path ending at each vertex, in vertices. */
  final int[] up;
  final BigInteger[] centrality;
  final BigInteger pathCount;

  private PathDp(int[] delay, int[] up, BigInteger[] centrality, BigInteger pathCount) {
    this.delay = delay;
    this.up = up;
    this.centrality = centrality;
    this.pathCount = pathCount;
  }

  static PathDp compute(IndexedDag<?> dag) {
    int n = dag.n;
    int[] up = new int[n];
    int[] down = new int[n];
    for (int v = 0; v < n; v++) {
      int best = 0;
      for (int p : dag.pred[v]) {
        best = Math.max(best, up[p]);
      }
      up[v] = best + 1;
    }
    for (int v = n - 1; v >= 0; v--) {
      int best = 0;
      for (int s : dag.succ[v]) {
        best = Math.max(best, down[s]);
      }
      down[v] = best + 1;
    }
    int[] delay = new int[n];
    for (int v = 0; v < n; v++) {
      delay[v] = up[v] + down[v] - 1; // 1 for a vertex with no edges
    }
    BigInteger[] centrality = new BigInteger[n];
    BigInteger pathCount;
    try {
      pathCount = countsOnLongs(dag, centrality);
    } catch (ArithmeticException overflow) {
      pathCount = countsOnBigIntegers(dag, centrality);
    }
    return new PathDp(delay, up, centrality, pathCount);
  }

  private static BigInteger countsOnLongs(IndexedDag<?> dag, BigInteger[] centrality) {
    int n = dag.n;
    long[] a = new long[n];
    long[] sa = new long[n];
    long[] b = new long[n];
    long[] sb = new long[n];
    long paths = 0;
    for (int v = 0; v < n; v++) {
      if (dag.pred[v].length == 0) {
        a[v] = 1;
        sa[v] = 1;
      } else {
        for (int p : dag.pred[v]) {
          a[v] = Math.addExact(a[v], a[p]);
          sa[v] = Math.addExact(sa[v], Math.addExact(sa[p], a[p]));
        }
      }
    }
    for (int v = n - 1; v >= 0; v--) {
      if (dag.succ[v].length == 0) {
        b[v] = 1;
        sb[v] = 1;
      } else {
        for (int s : dag.succ[v]) {
          b[v] = Math.addExact(b[v], b[s]);
          sb[v] = Math.addExact(sb[v], Math.addExact(sb[s], b[s]));
        }
      }
    }
    for (int v = 0; v < n; v++) {
      if (dag.pred[v].length > 0 && dag.succ[v].length > 0) {
        long c = Math.subtractExact(
            Math.addExact(Math.multiplyExact(sa[v], b[v]), Math.multiplyExact(a[v], sb[v])),
            Math.multiplyExact(a[v], b[v]));
        centrality[v] = BigInteger.valueOf(c);
      } else {
        centrality[v] = BigInteger.ZERO;
      }
      if (dag.isSink(v)) {
        paths = Math.addExact(paths, a[v]);
      }
    }
    return BigInteger.valueOf(paths);
  }

  private static BigInteger countsOnBigIntegers(IndexedDag<?> dag, BigInteger[] centrality) {
    int n = dag.n;
    BigInteger[] a = new BigInteger[n];
    BigInteger[] sa = new BigInteger[n];
    BigInteger[] b = new BigInteger[n];
    BigInteger[] sb = new BigInteger[n];
    for (int v = 0; v < n; v++) {
      if (dag.pred[v].length == 0) {
        a[v] = BigInteger.ONE;
        sa[v] = BigInteger.ONE;
      } else {
        BigInteger av = BigInteger.ZERO;
        BigInteger sav = BigInteger.ZERO;
        for (int p : dag.pred[v]) {
          av = av.add(a[p]);
          sav = sav.add(sa[p]).add(a[p]);
        }
        a[v] = av;
        sa[v] = sav;
      }
    }
    for (int v = n - 1; v >= 0; v--) {
      if (dag.succ[v].length == 0) {
        b[v] = BigInteger.ONE;
        sb[v] = BigInteger.ONE;
      } else {
        BigInteger bv = BigInteger.ZERO;
        BigInteger sbv = BigInteger.ZERO;
        for (int s : dag.succ[v]) {
          bv = bv.add(b[s]);
          sbv = sbv.add(sb[s]).add(b[s]);
        }
        b[v] = bv;
        sb[v] = sbv;
      }
    }
    BigInteger paths = BigInteger.ZERO;
    for (int v = 0; v < n; v++) {
      if (dag.pred[v].length > 0 && dag.succ[v].length > 0) {
        centrality[v] = sa[v].multiply(b[v]).add(a[v].multiply(sb[v])).subtract(a[v].multiply(b[v]));
      } else {
        centrality[v] = BigInteger.ZERO;
      }
      if (dag.isSink(v)) {
        paths = paths.add(a[v]);
      }
    }
    return paths;
  }

  /** One longest source-to-sink path as topological indexes, or empty when there is no edge. */
  int[] longestPath(IndexedDag<?> dag) {
    int end = -1;
    for (int v = 0; v < dag.n; v++) {
      if (up[v] >= 2 && (end < 0 || up[v] > up[end])) {
        end = v;
      }
    }
    if (end < 0) {
      return new int[0];
    }
    int[] path = new int[up[end]];
    int v = end;
    for (int i = path.length - 1; i >= 0; i--) {
      path[i] = v;
      if (i > 0) {
        int next = -1;
        for (int p : dag.pred[v]) {
          if (up[p] == up[v] - 1) {
            next = p;
            break;
          }
        }
        v = next;
      }
    }
    return path;
  }
}
