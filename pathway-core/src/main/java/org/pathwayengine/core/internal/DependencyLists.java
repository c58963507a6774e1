package org.pathwayengine.core.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.DependencyKind;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Requirement;

/**
 * The edges of a pathway's dependency graph as int adjacency arrays: the same vertices, edges and
 * edge order as {@link Pathway#dependencyGraph()}, without an object per edge.
 *
 * <p>Why: a tag rule draws an edge from every carrier of its tag, so a pathway of 100 000 badges with
 * a few hundred tag rules over tags of 10 000 carriers has millions of edges. As JGraphT edges (a
 * {@code Dependency} each, in several hash maps) they took a third of {@code validate}'s time there and
 * most of its garbage collection; as arrays they take a few megabytes. Validation and evaluation, which
 * need only cycles and a topological order, read these; the graph stays for callers that ask for it.
 *
 * <p>Vertices are the badge ids in order of first occurrence (a duplicated id takes part once, as its
 * first badge). Each vertex's out-edges come in the order the graph adds them: by target badge in
 * pathway order, then by kind ({@code requires}, {@code coRequires}, {@code stack}), then by source in
 * the rule's first-seen order (named badges, then the carriers of each named tag in pathway order).
 * References to unknown badges give no edge. Built in O(badges + expression size + edges).
 */
public final class DependencyLists {
  private static final DependencyKind[] KINDS = DependencyKind.values();

  private final List<String> ids;
  private final Map<String, Integer> index;
  private final int[] start;
  private final int[] targets;
  private final byte[] kinds;

  private DependencyLists(List<String> ids, Map<String, Integer> index, int[] start, int[] targets,
      byte[] kinds) {
    this.ids = ids;
    this.index = index;
    this.start = start;
    this.targets = targets;
    this.kinds = kinds;
  }

  /** The dependency lists of {@code pathway}. */
  public static DependencyLists of(Pathway pathway) {
    List<Badge> badges = pathway.badges();
    List<String> ids = new ArrayList<>();
    Map<String, Integer> index = new HashMap<>(badges.size() * 2);
    List<Badge> firsts = new ArrayList<>();
    Map<String, IntList> carriers = new HashMap<>();
    for (Badge b : badges) {
      Integer v = index.get(b.id());
      if (v == null) {
        v = ids.size();
        index.put(b.id(), v);
        ids.add(b.id());
        firsts.add(b);
      }
      // a later badge of a duplicated id lends its tags to the first, as in the graph
      for (String tag : b.tags()) {
        carriers.computeIfAbsent(tag, t -> new IntList()).add(v);
      }
    }
    int n = ids.size();
    // sources of each (target, kind) in the graph's insertion order; edges are laid out from them
    IntList edgeFrom = new IntList();
    IntList edgeTo = new IntList();
    IntList edgeKind = new IntList();
    int[] seen = new int[n];
    int stamp = 0;
    for (int to = 0; to < n; to++) {
      Badge b = firsts.get(to);
      for (int k = 0; k < KINDS.length; k++) {
        Optional<Requirement> rule = k == 0 ? b.requires() : k == 1 ? b.coRequires() : b.stack();
        if (rule.isEmpty()) {
          continue;
        }
        stamp++;
        Requirement r = rule.get();
        for (String ref : r.referencedBadges()) {
          Integer from = index.get(ref);
          if (from != null && seen[from] != stamp) {
            seen[from] = stamp;
            edgeFrom.add(from);
            edgeTo.add(to);
            edgeKind.add(k);
          }
        }
        for (String tag : r.referencedTags()) {
          IntList members = carriers.get(tag);
          if (members == null) {
            continue;
          }
          for (int i = 0; i < members.size(); i++) {
            int from = members.get(i);
            if (seen[from] != stamp) {
              seen[from] = stamp;
              edgeFrom.add(from);
              edgeTo.add(to);
              edgeKind.add(k);
            }
          }
        }
      }
    }
    int m = edgeFrom.size();
    int[] start = new int[n + 1];
    for (int e = 0; e < m; e++) {
      start[edgeFrom.get(e) + 1]++;
    }
    for (int v = 0; v < n; v++) {
      start[v + 1] += start[v];
    }
    int[] fill = Arrays.copyOf(start, n);
    int[] targets = new int[m];
    byte[] kinds = new byte[m];
    for (int e = 0; e < m; e++) {
      int slot = fill[edgeFrom.get(e)]++;
      targets[slot] = edgeTo.get(e);
      kinds[slot] = (byte) edgeKind.get(e);
    }
    return new DependencyLists(List.copyOf(ids), index, start, targets, kinds);
  }

  /** The number of vertices (distinct badge ids). */
  public int size() {
    return ids.size();
  }

  /** The badge id of vertex {@code v}. */
  public String id(int v) {
    return ids.get(v);
  }

  /** The vertex of {@code id}, or -1 when no badge has it. */
  public int vertex(String id) {
    Integer v = index.get(id);
    return v == null ? -1 : v;
  }

  /** The number of edges. */
  public int edgeCount() {
    return targets.length;
  }

  /** The first out-edge slot of {@code v}; its edges are the slots up to {@code end(v)}. */
  public int begin(int v) {
    return start[v];
  }

  /** One past the last out-edge slot of {@code v}. */
  public int end(int v) {
    return start[v + 1];
  }

  /** The target of the edge in {@code slot}. */
  public int target(int slot) {
    return targets[slot];
  }

  /** The kind of the edge in {@code slot}. */
  public DependencyKind kind(int slot) {
    return KINDS[kinds[slot]];
  }

  /** Whether an edge of {@code kind} goes from {@code from} to {@code to}. O(out-degree of from). */
  public boolean hasEdge(int from, int to, DependencyKind kind) {
    for (int s = start[from]; s < start[from + 1]; s++) {
      if (targets[s] == to && kinds[s] == kind.ordinal()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Kahn's algorithm with a first-in first-out queue, vertices seeded in order: the ids of the acyclic
   * part in an order where every edge goes forward; ids on or behind a cycle are left out. O(V + E).
   */
  public List<String> topologicalOrder() {
    int n = ids.size();
    int[] indegree = new int[n];
    for (int t : targets) {
      indegree[t]++;
    }
    ArrayDeque<Integer> ready = new ArrayDeque<>();
    for (int v = 0; v < n; v++) {
      if (indegree[v] == 0) {
        ready.add(v);
      }
    }
    List<String> order = new ArrayList<>(n);
    while (!ready.isEmpty()) {
      int v = ready.poll();
      order.add(ids.get(v));
      for (int s = start[v]; s < start[v + 1]; s++) {
        if (--indegree[targets[s]] == 0) {
          ready.add(targets[s]);
        }
      }
    }
    return order;
  }
}
