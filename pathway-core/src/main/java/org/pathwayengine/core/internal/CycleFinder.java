package org.pathwayengine.core.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jgrapht.Graph;
import org.pathwayengine.core.Dependency;

/**
 * Finds one concrete cycle per cyclic strongly connected component of a pathway's dependency graph.
 *
 * <p>Components come from Tarjan's algorithm (R. Tarjan, "Depth-first search and linear graph
 * algorithms", SIAM J. Computing 1(2), 1972), run with an explicit stack so that a 100 000-badge chain
 * cannot overflow the call stack. A component is cyclic when it has two or more vertices or a
 * self-loop. Its reported cycle starts at its vertex that comes first in the given order and is a
 * shortest cycle through that vertex (breadth-first search inside the component). Cycles follow the
 * graph's edges: each badge is needed by the next, and the last by the first. O(V + E) in all.
 */
final class CycleFinder {
  private final int n;
  private final List<String> vertices;
  private final int[][] out;

  /** Prepares the graph; {@code order} lists its vertices in the order results should follow. */
  CycleFinder(Graph<String, Dependency> graph, List<String> order) {
    this.vertices = order;
    this.n = order.size();
    Map<String, Integer> index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      index.put(order.get(i), i);
    }
    out = new int[n][];
    for (int i = 0; i < n; i++) {
      var edges = graph.outgoingEdgesOf(order.get(i));
      int[] targets = new int[edges.size()];
      int k = 0;
      for (Dependency d : edges) {
        targets[k++] = index.get(d.to());
      }
      out[i] = targets;
    }
  }

  /** One cycle per cyclic component, components ordered by their first vertex. */
  List<List<String>> cycles() {
    int[] component = components();
    // first vertex of each component in the given order
    Map<Integer, Integer> firstOf = new HashMap<>();
    int[] size = new int[n];
    for (int v = 0; v < n; v++) {
      firstOf.putIfAbsent(component[v], v);
      size[component[v]]++;
    }
    List<List<String>> result = new ArrayList<>();
    boolean[] done = new boolean[n];
    for (int v = 0; v < n; v++) {
      int c = component[v];
      if (done[c] || firstOf.get(c) != v) {
        continue;
      }
      done[c] = true;
      if (size[c] > 1 || hasSelfLoop(v)) {
        result.add(shortestCycleThrough(v, component));
      }
    }
    return result;
  }

  private boolean hasSelfLoop(int v) {
    for (int w : out[v]) {
      if (w == v) {
        return true;
      }
    }
    return false;
  }

  /** Tarjan's algorithm, iterative: the component number of each vertex. */
  private int[] components() {
    int[] index = new int[n];
    int[] low = new int[n];
    int[] component = new int[n];
    int[] nextEdge = new int[n];
    boolean[] onStack = new boolean[n];
    Arrays.fill(index, -1);
    int[] sccStack = new int[n];
    int sccTop = 0;
    int[] callStack = new int[n];
    int counter = 0;
    int components = 0;
    for (int root = 0; root < n; root++) {
      if (index[root] >= 0) {
        continue;
      }
      int callTop = 0;
      callStack[callTop++] = root;
      index[root] = low[root] = counter++;
      sccStack[sccTop++] = root;
      onStack[root] = true;
      while (callTop > 0) {
        int v = callStack[callTop - 1];
        if (nextEdge[v] < out[v].length) {
          int w = out[v][nextEdge[v]++];
          if (index[w] < 0) {
            index[w] = low[w] = counter++;
            sccStack[sccTop++] = w;
            onStack[w] = true;
            callStack[callTop++] = w;
          } else if (onStack[w]) {
            low[v] = Math.min(low[v], index[w]);
          }
        } else {
          callTop--;
          if (low[v] == index[v]) {
            int w;
            do {
              w = sccStack[--sccTop];
              onStack[w] = false;
              component[w] = components;
            } while (w != v);
            components++;
          }
          if (callTop > 0) {
            int parent = callStack[callTop - 1];
            low[parent] = Math.min(low[parent], low[v]);
          }
        }
      }
    }
    return component;
  }

  /** A shortest cycle through {@code start} inside its component, starting at {@code start}. */
  private List<String> shortestCycleThrough(int start, int[] component) {
    Map<Integer, Integer> parent = new HashMap<>();
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    queue.add(start);
    parent.put(start, -1);
    int last = -1;
    search:
    while (!queue.isEmpty()) {
      int v = queue.poll();
      for (int w : out[v]) {
        if (w == start) {
          last = v;
          break search;
        }
        if (component[w] == component[start] && !parent.containsKey(w)) {
          parent.put(w, v);
          queue.add(w);
        }
      }
    }
    if (last < 0) {
      throw new AssertionError("no cycle through " + vertices.get(start) + " in its component");
    }
    List<String> cycle = new ArrayList<>();
    for (int v = last; v != -1; v = parent.get(v)) {
      cycle.add(vertices.get(v));
    }
    java.util.Collections.reverse(cycle);
    return cycle;
  }
}
