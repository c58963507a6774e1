package org.pathwayengine.core.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds one concrete cycle per cyclic strongly connected component of a pathway's dependency graph
 * ({@link DependencyLists}).
 *
 * <p>Components come from Tarjan's algorithm (R. Tarjan, "Depth-first search and linear graph
 * algorithms", SIAM J. Computing 1(2), 1972), run with an explicit stack so that a 100 000-badge chain
 * cannot overflow the call stack. A component is cyclic when it has two or more vertices or a
 * self-loop. Its reported cycle starts at its vertex that comes first in pathway order and is a
 * shortest cycle through that vertex (breadth-first search inside the component). Cycles follow the
 * graph's edges: each badge is needed by the next, and the last by the first. O(V + E) in all.
 */
final class CycleFinder {
  private final int n;
  private final List<String> vertices;
  private final int[][] out;

  /** Prepares the graph; results follow the order of its vertices. */
  CycleFinder(DependencyLists graph) {
    this.n = graph.size();
    List<String> ids = new ArrayList<>(n);
    out = new int[n][];
    for (int v = 0; v < n; v++) {
      ids.add(graph.id(v));
      int[] targets = new int[graph.end(v) - graph.begin(v)];
      for (int s = graph.begin(v), k = 0; s < graph.end(v); s++, k++) {
        targets[k] = graph.target(s);
      }
      out[v] = targets;
    }
    this.vertices = ids;
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
