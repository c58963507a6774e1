package org.pathwayengine.core.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.core.Requirement.AllOf;
import org.pathwayengine.core.Requirement.BadgeRef;

/**
 * Finds redundant prerequisites: a badge named in a badge's {@code requires} that another of its
 * mandatory prerequisites already implies.
 *
 * <p>A badge is a <em>mandatory</em> prerequisite of {@code b} when its reference is the whole of
 * {@code b}'s {@code requires} or sits under {@code allOf} groups only (a list is an {@code allOf};
 * {@code distinct} makes no difference here, since a held prerequisite of a held badge is another
 * badge). References under {@code anyOf}, {@code atLeast} or credit and tag rules are optional: they are
 * never reported and never imply others, because a learner may satisfy the rule without them.
 * Equivalences are not followed. Reference {@code p} of {@code b} is redundant when {@code p} is reachable
 * from another mandatory prerequisite {@code q} of {@code b} through mandatory-prerequisite edges (the
 * transitive-reduction test of CurricularAnalytics). Two prerequisites that both lie on or above a
 * cycle are not judged against each other: they may imply each other, and the cycle is the error.
 *
 * <p>The searches are depth-first with an explicit stack and prune badges whose longest
 * mandatory-prerequisite chain is no longer than that of the nearest target (they cannot lead to it).
 * Worst case O(badges x edges); a global budget of {@code 1 000 000 + 2 x edges} steps keeps huge
 * adversarial pathways fast, after which the remaining badges are not checked (these are warnings).
 */
final class ValidationRedundancy {
  /** One redundant reference: in badge {@code badgeIndex}'s requires at {@code path}. */
  record Finding(int badgeIndex, List<Integer> path, String redundant, String impliedBy) {}

  private final List<Badge> badges;
  private final Map<String, Integer> firstIndex;

  ValidationRedundancy(List<Badge> badges, Map<String, Integer> firstIndex) {
    this.badges = badges;
    this.firstIndex = firstIndex;
  }

  List<Finding> find() {
    int n = badges.size();
    // mandatory prerequisites of each first-occurrence badge: id index -> first path
    List<Map<Integer, List<Integer>>> mandatory = new ArrayList<>(n);
    int[][] edges = new int[n][];
    long edgeCount = 0;
    for (int b = 0; b < n; b++) {
      Map<Integer, List<Integer>> m = new LinkedHashMap<>();
      Badge badge = badges.get(b);
      if (firstIndex.get(badge.id()) == b && badge.requires().isPresent()) {
        Requirement r = badge.requires().get();
        if (r instanceof BadgeRef ref) {
          // the common case of a single prerequisite, without a walk
          Integer i = firstIndex.get(ref.id());
          if (i != null) {
            m.put(i, List.of());
          }
        } else {
          collectMandatory(r, m);
        }
      }
      mandatory.add(m);
      edges[b] = m.keySet().stream().mapToInt(Integer::intValue).toArray();
      edgeCount += edges[b].length;
    }
    int[] level = levels(edges);
    long budget = 1_000_000L + 2L * edgeCount;
    int[] visited = new int[n];
    List<Finding> findings = new ArrayList<>();
    ArrayDeque<Integer> stack = new ArrayDeque<>();
    for (int b = 0; b < n && budget > 0; b++) {
      Map<Integer, List<Integer>> m = mandatory.get(b);
      if (m.size() < 2) {
        continue;
      }
      int stamp = b + 1;
      int minTargetLevel = Integer.MAX_VALUE;
      for (int t : m.keySet()) {
        minTargetLevel = Math.min(minTargetLevel, level[t] < 0 ? -1 : level[t]);
      }
      Map<Integer, Integer> impliedBy = new LinkedHashMap<>();
      for (int q : m.keySet()) {
        stack.clear();
        for (int w : edges[q]) {
          stack.push(w);
        }
        while (!stack.isEmpty() && budget > 0) {
          int u = stack.pop();
          budget--;
          if (visited[u] == stamp) {
            continue;
          }
          visited[u] = stamp;
          // on a cycle two prerequisites may imply each other; the cycle is the error to report
          if (u != q && m.containsKey(u) && (level[u] >= 0 || level[q] >= 0)) {
            impliedBy.putIfAbsent(u, q);
          }
          if (level[u] >= 0 && minTargetLevel >= 0 && level[u] <= minTargetLevel) {
            continue;
          }
          for (int w : edges[u]) {
            if (visited[w] != stamp) {
              stack.push(w);
            }
          }
        }
      }
      for (Map.Entry<Integer, List<Integer>> e : m.entrySet()) {
        Integer q = impliedBy.get(e.getKey());
        if (q != null) {
          findings.add(new Finding(b, e.getValue(), badges.get(e.getKey()).id(),
              badges.get(q).id()));
        }
      }
    }
    return findings;
  }

  private void collectMandatory(Requirement root, Map<Integer, List<Integer>> out) {
    ValidationExpressions.walk(root, node -> node instanceof AllOf, (node, path, depth) -> {
      if (node instanceof BadgeRef ref) {
        Integer i = firstIndex.get(ref.id());
        if (i != null && !out.containsKey(i)) {
          out.put(i, List.copyOf(path));
        }
      }
    });
  }

  /**
   * Longest chain of mandatory prerequisites below each badge (0 for none), by Kahn's topological
   * order; -1 for badges on or above a cycle, where no pruning is safe.
   */
  private static int[] levels(int[][] edges) {
    int n = edges.length;
    // edges point from a badge to its prerequisites; process prerequisites first
    int[] pending = new int[n];
    int[][] dependents;
    int[] count = new int[n];
    for (int[] es : edges) {
      for (int w : es) {
        count[w]++;
      }
    }
    dependents = new int[n][];
    for (int v = 0; v < n; v++) {
      dependents[v] = new int[count[v]];
    }
    int[] fill = new int[n];
    for (int v = 0; v < n; v++) {
      pending[v] = edges[v].length;
      for (int w : edges[v]) {
        dependents[w][fill[w]++] = v;
      }
    }
    int[] level = new int[n];
    Arrays.fill(level, -1);
    ArrayDeque<Integer> ready = new ArrayDeque<>();
    for (int v = 0; v < n; v++) {
      if (pending[v] == 0) {
        level[v] = 0;
        ready.add(v);
      }
    }
    while (!ready.isEmpty()) {
      int v = ready.poll();
      for (int d : dependents[v]) {
        level[d] = Math.max(level[d], level[v] + 1);
        if (--pending[d] == 0) {
          ready.add(d);
        }
      }
    }
    for (int v = 0; v < n; v++) {
      if (pending[v] > 0) {
        level[v] = -1;
      }
    }
    return level;
  }
}
