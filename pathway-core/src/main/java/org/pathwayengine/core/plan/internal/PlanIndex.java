package org.pathwayengine.core.plan.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.core.internal.RequirementEvaluator;

/**
 * The part of a goal-plan search that is the same for every search of one pathway: every id numbered
 * once, each badge's rule neighbours and equivalents as arrays of those numbers, each tag's carriers.
 * A search finds the badges relevant to its goal by walking these arrays, with no string hashed, and
 * numbers them densely for itself ({@link PlanSearch}).
 *
 * <p>Built in O(badges log badges + rule references + tag carriers named by rules); immutable and thread-safe
 * once built (the per-tag arrays are filled on first use in a concurrent map).
 */
public final class PlanIndex {
  private final Pathway pathway;
  private final RequirementEvaluator evaluator;
  /** The pathway's badge ids in order, then the unknown ids that rules name. */
  private final String[] ids;
  /**
   * {@link #indexOf} by open addressing with Fibonacci hashing: ids such as {@code b12345} have
   * String hashes that crowd {@link HashMap}'s buckets into trees, and searches look ids up a lot.
   */
  private final int[] table;
  private final int shift;
  /** Null for an unknown id. */
  private final Badge[] badges;
  /** Per id, the ids its rules can be satisfied by: references with their equivalents, tag carriers. */
  private final int[][] neighbours;
  /** Per id, itself and then its equivalents. */
  private final int[][] equivalents;
  /** Per id, the ids whose rules name it ({@link #neighbours} reversed, itself left out). */
  private final int[][] dependants;
  /** Per id, its position in the ids sorted as strings: ties between badges compare ints. */
  private final int[] idRank;
  private final Map<String, int[]> tagged = new ConcurrentHashMap<>();

  /** The index of {@code pathway}; {@code evaluator} must belong to it. */
  public PlanIndex(Pathway pathway, RequirementEvaluator evaluator) {
    this.pathway = requireNonNull(pathway, "pathway");
    this.evaluator = requireNonNull(evaluator, "evaluator");
    Map<String, Integer> idx = new HashMap<>();
    List<String> names = new ArrayList<>();
    for (Badge b : pathway.badges()) {
      if (idx.putIfAbsent(b.id(), names.size()) == null) {
        names.add(b.id());
      }
    }
    int known = names.size();
    int[][] lists = new int[known][];
    Neighbours collect = new Neighbours(idx, names);
    for (int i = 0; i < known; i++) {
      lists[i] = collect.of(pathway.badge(names.get(i)).orElseThrow());
    }
    int n = names.size();
    this.ids = names.toArray(new String[0]);
    int bits = 1;
    while ((1 << bits) < 2 * n) {
      bits++;
    }
    this.table = new int[1 << bits];
    this.shift = 32 - bits;
    for (int i = 0; i < n; i++) {
      int slot = slot(ids[i].hashCode());
      while (table[slot] != 0) {
        slot = (slot + 1) & (table.length - 1);
      }
      table[slot] = i + 1; // 0 marks an empty slot
    }
    this.badges = new Badge[n];
    this.neighbours = new int[n][];
    this.equivalents = new int[n][];
    for (int i = 0; i < n; i++) {
      badges[i] = i < known ? pathway.badge(ids[i]).orElseThrow() : null;
      neighbours[i] = i < known ? lists[i] : new int[0];
      Set<String> eq = new LinkedHashSet<>();
      eq.add(ids[i]);
      if (i < known) {
        eq.addAll(pathway.equivalents(ids[i]));
      }
      equivalents[i] = indices(eq);
    }
    int[] count = new int[n];
    for (int i = 0; i < n; i++) {
      for (int m : neighbours[i]) {
        if (m != i) {
          count[m]++;
        }
      }
    }
    this.dependants = new int[n][];
    for (int m = 0; m < n; m++) {
      dependants[m] = new int[count[m]];
      count[m] = 0;
    }
    for (int i = 0; i < n; i++) {
      for (int m : neighbours[i]) {
        if (m != i) {
          dependants[m][count[m]++] = i;
        }
      }
    }
    Integer[] byId = new Integer[n];
    for (int i = 0; i < n; i++) {
      byId[i] = i;
    }
    Arrays.sort(byId, (a, b) -> ids[a].compareTo(ids[b]));
    this.idRank = new int[n];
    for (int r = 0; r < n; r++) {
      idRank[byId[r]] = r;
    }
  }

  /**
   * Collects the ids a badge's rules can be satisfied by, numbered: references with their
   * equivalents, tag carriers with theirs, each once, in the order first met (ids that no badge has
   * are numbered as they are met). A tag's carriers are numbered once for all the rules over it: a
   * pathway may have hundreds of rules over a tag of thousands of badges.
   */
  private final class Neighbours {
    private final Map<String, Integer> idx;
    private final List<String> names;
    private final Map<String, int[]> carriers = new HashMap<>();
    private int[] seen = new int[0];
    private int epoch;
    private int[] out = new int[16];
    private int size;

    Neighbours(Map<String, Integer> idx, List<String> names) {
      this.idx = idx;
      this.names = names;
    }

    int[] of(Badge b) {
      epoch++;
      size = 0;
      List<Requirement> rules = new ArrayList<>();
      b.requires().ifPresent(rules::add);
      b.coRequires().ifPresent(rules::add);
      b.stack().ifPresent(rules::add);
      for (Requirement r : rules) {
        for (String ref : r.referencedBadges()) {
          add(number(ref));
          if (pathway.hasBadge(ref)) {
            for (String e : pathway.equivalents(ref)) {
              add(number(e));
            }
          }
        }
        for (String tag : r.referencedTags()) {
          for (int c : carriers.computeIfAbsent(tag, this::carriersOf)) {
            add(c);
          }
        }
      }
      return Arrays.copyOf(out, size);
    }

    /** The tag's carriers, each followed by its equivalents, numbered (repeats left in). */
    private int[] carriersOf(String tag) {
      List<Integer> all = new ArrayList<>();
      for (String t : evaluator.badgesWithTag(tag)) {
        all.add(number(t));
        for (String e : pathway.equivalents(t)) {
          all.add(number(e));
        }
      }
      return all.stream().mapToInt(Integer::intValue).toArray();
    }

    private int number(String id) {
      Integer known = idx.putIfAbsent(id, names.size());
      if (known != null) {
        return known;
      }
      names.add(id);
      return names.size() - 1;
    }

    private void add(int i) {
      if (i >= seen.length) {
        seen = Arrays.copyOf(seen, Math.max(2 * seen.length, i + 1));
      }
      if (seen[i] == epoch) {
        return;
      }
      seen[i] = epoch;
      if (size == out.length) {
        out = Arrays.copyOf(out, 2 * size);
      }
      out[size++] = i;
    }
  }

  private int[] indices(Set<String> names) {
    int[] out = new int[names.size()];
    int k = 0;
    for (String m : names) {
      out[k++] = indexOf(m);
    }
    return out;
  }

  private int slot(int hash) {
    return (hash * 0x9E3779B9) >>> shift;
  }

  /** The pathway indexed. */
  public Pathway pathway() {
    return pathway;
  }

  /** The evaluator of the pathway. */
  public RequirementEvaluator evaluator() {
    return evaluator;
  }

  /** How many ids are numbered. */
  int size() {
    return ids.length;
  }

  /** The number of {@code id}, or -1 if no badge has it and no rule names it. */
  public int indexOf(String id) {
    for (int s = slot(id.hashCode()); ; s = (s + 1) & (table.length - 1)) {
      int v = table[s];
      if (v == 0) {
        return -1;
      }
      if (ids[v - 1].equals(id)) {
        return v - 1;
      }
    }
  }

  /** The id numbered {@code i}. */
  public String id(int i) {
    return ids[i];
  }

  /** The badge numbered {@code i}; null for an id that rules name but no badge has. */
  public Badge badge(int i) {
    return badges[i];
  }

  /** What badge {@code i}'s rules can be satisfied by; callers must not modify the array. */
  int[] neighbours(int i) {
    return neighbours[i];
  }

  /** The badges by number (null for an unknown id); callers must not modify the array. */
  Badge[] badges() {
    return badges;
  }

  /** The ids whose rules name id {@code i}, in increasing order; callers must not modify the array. */
  public int[] dependants(int i) {
    return dependants[i];
  }

  /** Each id's position among all the ids sorted as strings; callers must not modify the array. */
  int[] idRank() {
    return idRank;
  }

  /** Badge {@code i} and then its equivalents; callers must not modify the array. */
  int[] equivalents(int i) {
    return equivalents[i];
  }

  /** The badges carrying {@code tag}, in the evaluator's order; callers must not modify the array. */
  int[] tagged(String tag) {
    return tagged.computeIfAbsent(tag, t -> {
      List<String> carriers = evaluator.badgesWithTag(t);
      int[] out = new int[carriers.size()];
      for (int k = 0; k < out.length; k++) {
        out[k] = indexOf(carriers.get(k));
      }
      return out;
    });
  }
}
