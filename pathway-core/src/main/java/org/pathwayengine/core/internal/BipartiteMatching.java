package org.pathwayengine.core.internal;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maximum bipartite matching by augmenting paths found breadth-first (Kuhn 1955, "The Hungarian
 * method for the assignment problem"), without recursion. O(L x E) for L left vertices and E edges.
 */
final class BipartiteMatching {
  private BipartiteMatching() {}

  /**
   * The size of a maximum matching of left vertices (indexes of {@code options}) to the right vertices
   * each may use, or any size of at least {@code enough} once that many are matched.
   */
  static int maximum(List<? extends Collection<String>> options, int enough) {
    Map<String, Integer> rightIndex = new HashMap<>();
    int[][] adj = new int[options.size()][];
    for (int u = 0; u < options.size(); u++) {
      adj[u] = options.get(u).stream()
          .mapToInt(r -> rightIndex.computeIfAbsent(r, x -> rightIndex.size()))
          .toArray();
    }
    int[] matchLeft = new int[options.size()];
    int[] matchRight = new int[rightIndex.size()];
    Arrays.fill(matchLeft, -1);
    Arrays.fill(matchRight, -1);
    int[] cameFrom = new int[rightIndex.size()];
    int size = 0;
    for (int start = 0; start < options.size() && size < enough; start++) {
      Arrays.fill(cameFrom, -1);
      ArrayDeque<Integer> queue = new ArrayDeque<>();
      queue.add(start);
      int free = -1;
      while (!queue.isEmpty() && free < 0) {
        int u = queue.poll();
        for (int r : adj[u]) {
          if (cameFrom[r] >= 0) {
            continue;
          }
          cameFrom[r] = u;
          if (matchRight[r] < 0) {
            free = r;
            break;
          }
          queue.add(matchRight[r]);
        }
      }
      if (free < 0) {
        continue;
      }
      // Flip the alternating path back to the start.
      int r = free;
      while (r >= 0) {
        int u = cameFrom[r];
        int previous = matchLeft[u];
        matchLeft[u] = r;
        matchRight[r] = u;
        r = previous;
      }
      size++;
    }
    return size;
  }
}
