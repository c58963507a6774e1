package org.pathwayengine.core.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.core.Requirement.AllOf;
import org.pathwayengine.core.Requirement.AnyOf;
import org.pathwayengine.core.Requirement.AtLeast;
import org.pathwayengine.core.Requirement.AtLeastTagged;
import org.pathwayengine.core.Requirement.BadgeRef;
import org.pathwayengine.core.Requirement.Credits;
import org.pathwayengine.core.Requirement.CreditsTagged;

/**
 * A pathway compiled for fast evaluation: badges indexed densely, requirement expressions flattened
 * into arrays of threshold cells in topological order, held sets as bitsets.
 *
 * <p><b>Model.</b> Badges are indexed {@code 0..badgeCount-1} in sorted id order (so iterating a bitset
 * yields sorted ids); only the first badge of a duplicated id counts, as in {@link Pathway#badge}.
 * Badges of one equivalence class (classes that share a badge are merged) form one <em>unit</em>: a
 * badge is held exactly when its unit is, which is SPEC section 4's "held if an entry for it, or for a
 * badge equivalent to it, counts". Every expression node becomes a <em>cell</em> that holds when the
 * weighted sum of its holding children reaches its threshold:
 * {@code allOf} of k children is threshold k, {@code anyOf} threshold 1, {@code atLeast n} threshold n,
 * a tag rule sums the units of the tagged badges, and a credits rule weighs each member by its credits
 * in fixed point (micro-credits, so sums are exact and order-free). A badge reference is an edge to its
 * unit's cell. A unit's cell holds when one of its badges counts in the learner's record (its input
 * cell) or when a stacked member's {@code requires} and {@code stack} both hold; eligibility of a badge
 * without {@code stack} is the cell {@code requires - held >= 1}. Expressions that use {@code distinct},
 * or credits that fixed point cannot hold exactly, are one <em>fallback</em> cell evaluated by
 * {@link RequirementEvaluator} (exactness first); everything else is pure array arithmetic.
 *
 * <p><b>Cost.</b> Compiling is O(badges + expression nodes + tag memberships) time and memory.
 * {@link #evaluate} is one pass over the cells and their child edges: O(cells + edges), no hashing and
 * no allocation beyond the result and one scratch array (fallback cells excepted). Incremental updates
 * ({@link CompiledState}) touch only the cells whose inputs change, in topological order, by counter
 * propagation: each cell keeps the weighted count of its holding children, and a change moves the
 * parents' counters by the child's weight (the technique of truth maintenance and Rete-style
 * incremental rule networks; see Forgy, "Rete", Artificial Intelligence 19, 1982).
 *
 * <p>Immutable and thread-safe once built: share one instance between threads.
 */
public final class CompiledPathway {
  /** Fixed-point scale of credits: one credit is a million units. */
  static final long CREDIT_SCALE = 1_000_000L;
  private static final double MAX_CREDIT = 1e9;
  private static final long MAX_WEIGHT_SUM = 1L << 60;

  static final byte INPUT = 0;
  static final byte THRESHOLD = 1;
  static final byte FALLBACK = 2;

  private final Pathway pathway;
  private final RequirementEvaluator reference;

  // Badges, in sorted id order.
  private final String[] badgeIds;
  private final Map<String, Integer> byName;
  private final int[] unitOfBadge;
  private final boolean[] stacked;
  private final Badge[] badges;

  // Units (equivalence classes).
  private final int unitCount;
  private final int[] unitCell;
  private final int[] inputCell;

  // Cells, in topological order (children before parents).
  private final int cellCount;
  private final byte[] kind;
  private final long[] threshold;
  private final int[] childStart;
  private final int[] childCell;
  private final long[] childWeight;
  private final int[] parentStart;
  private final int[] parentCell;
  private final long[] parentWeight;
  private final Requirement[] fallback;

  // Per badge: the cell of its held state, and of its eligibility (-1 for stacked credentials).
  private final int[] heldCell;
  private final int[] eligibleCell;
  private final int[] stackedBadges;

  private CompiledPathway(Pathway pathway) {
    this.pathway = pathway;
    this.reference = new RequirementEvaluator(pathway);

    Map<String, Badge> first = new HashMap<>();
    for (Badge b : pathway.badges()) {
      first.putIfAbsent(b.id(), b);
    }
    badgeIds = first.keySet().toArray(new String[0]);
    Arrays.sort(badgeIds);
    int n = badgeIds.length;
    badges = new Badge[n];
    stacked = new boolean[n];
    Map<String, Integer> index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      index.put(badgeIds[i], i);
      badges[i] = first.get(badgeIds[i]);
      stacked[i] = badges[i].isStacked();
    }
    Map<String, Integer> names = new HashMap<>(index);
    for (int i = 0; i < n; i++) {
      for (String alias : badges[i].aliases()) {
        names.putIfAbsent(alias, i);
      }
    }
    // Pathway.resolve prefers the first badge that lists an alias, in pathway order.
    for (Badge b : pathway.badges()) {
      for (String alias : b.aliases()) {
        if (!index.containsKey(alias)) {
          pathway.resolve(alias).ifPresent(id -> names.put(alias, index.get(id)));
        }
      }
    }
    byName = names;

    // Units: union-find over equivalence classes.
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (List<String> cls : pathway.equivalences()) {
      int root = -1;
      for (String member : cls) {
        Integer m = index.get(member);
        if (m == null) {
          continue;
        }
        int r = find(parent, m);
        if (root < 0) {
          root = r;
        } else if (r != root) {
          parent[r] = root;
        }
      }
    }
    unitOfBadge = new int[n];
    int[] unitOfRoot = new int[n];
    Arrays.fill(unitOfRoot, -1);
    int units = 0;
    for (int i = 0; i < n; i++) {
      int r = find(parent, i);
      if (unitOfRoot[r] < 0) {
        unitOfRoot[r] = units++;
      }
      unitOfBadge[i] = unitOfRoot[r];
    }
    unitCount = units;

    Builder g = new Builder();
    int[] rawInput = new int[units];
    int[] rawUnit = new int[units];
    for (int u = 0; u < units; u++) {
      rawInput[u] = g.cell(INPUT, 0, null);
      rawUnit[u] = rawInput[u];
    }
    for (int i = 0; i < n; i++) {
      if (stacked[i]) {
        int u = unitOfBadge[i];
        if (rawUnit[u] == rawInput[u]) {
          rawUnit[u] = g.cell(THRESHOLD, 1, null);
          g.edge(rawUnit[u], rawInput[u], 1);
        }
      }
    }
    Map<String, int[]> tagged = tagUnits(index, rawUnit);
    Compiler c = new Compiler(g, index, rawUnit, tagged);
    int[] rawHeld = new int[n];
    int[] rawEligible = new int[n];
    List<Integer> stackedList = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Badge b = badges[i];
      int unit = rawUnit[unitOfBadge[i]];
      rawHeld[i] = unit;
      int req = b.requires().isPresent() ? c.compile(b.requires().get()) : -1;
      if (stacked[i]) {
        stackedList.add(i);
        rawEligible[i] = -1;
        int stack = c.compile(b.stack().get());
        int award = g.cell(THRESHOLD, req < 0 ? 1 : 2, null);
        g.edge(award, stack, 1);
        if (req >= 0) {
          g.edge(award, req, 1);
        }
        g.edge(unit, award, 1);
      } else {
        int el = g.cell(THRESHOLD, req < 0 ? 0 : 1, null);
        if (req >= 0) {
          g.edge(el, req, 1);
        }
        g.edge(el, unit, -1);
        rawEligible[i] = el;
      }
    }
    stackedBadges = stackedList.stream().mapToInt(Integer::intValue).toArray();

    // Topological order (Kahn), then renumber every cell and build the child and parent arrays.
    int cells = g.size;
    int[] order = g.topologicalOrder(this::cycleMessage);
    int[] rank = new int[cells];
    for (int i = 0; i < cells; i++) {
      rank[order[i]] = i;
    }
    cellCount = cells;
    kind = new byte[cells];
    threshold = new long[cells];
    fallback = new Requirement[cells];
    for (int i = 0; i < cells; i++) {
      int raw = order[i];
      kind[i] = g.kind[raw];
      threshold[i] = g.threshold[raw];
      fallback[i] = g.fallback.get(raw);
    }
    int edges = g.edgeCount;
    childStart = new int[cells + 1];
    parentStart = new int[cells + 1];
    for (int e = 0; e < edges; e++) {
      childStart[rank[g.from[e]] + 1]++;
      parentStart[rank[g.to[e]] + 1]++;
    }
    for (int i = 0; i < cells; i++) {
      childStart[i + 1] += childStart[i];
      parentStart[i + 1] += parentStart[i];
    }
    childCell = new int[edges];
    childWeight = new long[edges];
    parentCell = new int[edges];
    parentWeight = new long[edges];
    int[] cfill = Arrays.copyOf(childStart, cells);
    int[] pfill = Arrays.copyOf(parentStart, cells);
    for (int e = 0; e < edges; e++) {
      int p = rank[g.from[e]];
      int ch = rank[g.to[e]];
      childCell[cfill[p]] = ch;
      childWeight[cfill[p]++] = g.weight[e];
      parentCell[pfill[ch]] = p;
      parentWeight[pfill[ch]++] = g.weight[e];
    }
    unitCell = new int[units];
    inputCell = new int[units];
    for (int u = 0; u < units; u++) {
      unitCell[u] = rank[rawUnit[u]];
      inputCell[u] = rank[rawInput[u]];
    }
    heldCell = new int[n];
    eligibleCell = new int[n];
    for (int i = 0; i < n; i++) {
      heldCell[i] = rank[rawHeld[i]];
      eligibleCell[i] = rawEligible[i] < 0 ? -1 : rank[rawEligible[i]];
    }
  }

  /**
   * Compiles {@code pathway}, which should validate without errors.
   *
   * @throws IllegalArgumentException if stacked credentials depend on themselves (a cycle through
   *     stack rules, prerequisites of stacked credentials or equivalences)
   */
  public static CompiledPathway compile(Pathway pathway) {
    return new CompiledPathway(requireNonNull(pathway, "pathway"));
  }

  private String cycleMessage(int rawCell) {
    return "pathway " + pathway.id() + " cannot be compiled: its stacked credentials depend on "
        + "themselves (a cycle through stack rules, their prerequisites or equivalences); validate it";
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** The units of the badges with each tag, one entry per tagged badge (first occurrences). */
  private Map<String, int[]> tagUnits(Map<String, Integer> index, int[] rawUnit) {
    Map<String, List<Integer>> lists = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (Badge b : pathway.badges()) {
      if (seen.add(b.id())) {
        for (String t : b.tags()) {
          lists.computeIfAbsent(t, k -> new ArrayList<>()).add(index.get(b.id()));
        }
      }
    }
    Map<String, int[]> out = new HashMap<>();
    lists.forEach((t, l) -> out.put(t, l.stream().mapToInt(Integer::intValue).toArray()));
    return out;
  }

  // ---------------------------------------------------------------- accessors

  /** The pathway compiled. */
  public Pathway pathway() {
    return pathway;
  }

  /** The reference evaluator of the pathway, used for fallback cells. */
  public RequirementEvaluator reference() {
    return reference;
  }

  /** The number of distinct badge ids. */
  public int badgeCount() {
    return badgeIds.length;
  }

  /** The id of badge {@code index}; indexes follow sorted id order. */
  public String badgeId(int index) {
    return badgeIds[index];
  }

  /** The badge at {@code index}. */
  public Badge badge(int index) {
    return badges[index];
  }

  /** The index of the badge named by id or alias, or -1. */
  public int indexOf(String idOrAlias) {
    Integer i = byName.get(idOrAlias);
    return i == null ? -1 : i;
  }

  /** Whether badge {@code index} is a stacked credential. */
  public boolean isStacked(int index) {
    return stacked[index];
  }

  /** The indexes of the stacked credentials, ascending. */
  public int[] stackedBadges() {
    return stackedBadges.clone();
  }

  /** The number of 64-bit words of a badge bitset. */
  public int words() {
    return (badgeIds.length + 63) >>> 6;
  }

  /** The number of cells (for sizing and reports). */
  public int cellCount() {
    return cellCount;
  }

  /** A bitset with the given badges set; unknown names are ignored. */
  public long[] bitsOf(Iterable<String> idsOrAliases) {
    long[] bits = new long[words()];
    for (String s : idsOrAliases) {
      int i = indexOf(s);
      if (i >= 0) {
        bits[i >>> 6] |= 1L << i;
      }
    }
    return bits;
  }

  /** The ids of the badges set in {@code bits}, sorted. */
  public List<String> idsOf(long[] bits) {
    List<String> out = new ArrayList<>(Long.bitCount(bits[0]) + 8);
    for (int w = 0; w < bits.length; w++) {
      long word = bits[w];
      while (word != 0) {
        out.add(badgeIds[(w << 6) + Long.numberOfTrailingZeros(word)]);
        word &= word - 1;
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- evaluation

  /** The result of one full evaluation: bitsets over badge indexes. */
  public static final class Result {
    final long[] held;
    final long[] eligible;

    Result(long[] held, long[] eligible) {
      this.held = held;
      this.eligible = eligible;
    }

    /** The badges held, stacked credentials included (a copy). */
    public long[] held() {
      return held.clone();
    }

    /** The badges the learner can start now (a copy). */
    public long[] eligible() {
      return eligible.clone();
    }

    /** The held bits, not copied: callers must not modify them. */
    public long[] heldBits() {
      return held;
    }

    /** The eligible bits, not copied: callers must not modify them. */
    public long[] eligibleBits() {
      return eligible;
    }
  }

  /** A scratch array for {@link #evaluate(long[], boolean[])}; one per thread. */
  public boolean[] newScratch() {
    return new boolean[cellCount];
  }

  /**
   * Evaluates a learner whose counting badges (SPEC section 4, before stacking: entries that count at
   * the date, waivers and substitutions; see {@link CompiledLearnerInput}) are {@code base}.
   */
  public Result evaluate(long[] base) {
    return evaluate(base, newScratch());
  }

  /**
   * As {@link #evaluate(long[])}, reusing {@code scratch} (from {@link #newScratch()}, not shared
   * between threads) so that only the result is allocated.
   */
  public Result evaluate(long[] base, boolean[] scratch) {
    boolean[] state = scratch;
    Arrays.fill(state, false);
    setInputs(base, state);
    for (int c = 0; c < cellCount; c++) {
      byte k = kind[c];
      if (k == THRESHOLD) {
        long sum = 0;
        for (int e = childStart[c], end = childStart[c + 1]; e < end; e++) {
          if (state[childCell[e]]) {
            sum += childWeight[e];
          }
        }
        state[c] = sum >= threshold[c];
      } else if (k == FALLBACK) {
        state[c] = evaluateFallback(c, state);
      }
    }
    return result(state);
  }

  void setInputs(long[] base, boolean[] state) {
    int n = badgeIds.length;
    for (int w = 0; w < base.length; w++) {
      long word = base[w];
      while (word != 0) {
        int b = (w << 6) + Long.numberOfTrailingZeros(word);
        word &= word - 1;
        if (b < n) {
          state[inputCell[unitOfBadge[b]]] = true;
        }
      }
    }
  }

  Result result(boolean[] state) {
    int n = badgeIds.length;
    long[] held = new long[words()];
    long[] eligible = new long[words()];
    for (int b = 0; b < n; b++) {
      if (state[heldCell[b]]) {
        held[b >>> 6] |= 1L << b;
      }
      int el = eligibleCell[b];
      if (el >= 0 && state[el]) {
        eligible[b >>> 6] |= 1L << b;
      }
    }
    return new Result(held, eligible);
  }

  boolean evaluateFallback(int cell, boolean[] state) {
    Predicate<String> held = id -> {
      Integer b = byName.get(id);
      return b != null && badgeIds[b].equals(id) && state[unitCell[unitOfBadge[b]]];
    };
    return reference.holds(fallback[cell], held);
  }

  // Package-private views for CompiledState.
  int cells() {
    return cellCount;
  }

  byte kind(int c) {
    return kind[c];
  }

  long threshold(int c) {
    return threshold[c];
  }

  int childStart(int c) {
    return childStart[c];
  }

  int childCell(int e) {
    return childCell[e];
  }

  long childWeight(int e) {
    return childWeight[e];
  }

  int parentStart(int c) {
    return parentStart[c];
  }

  int parentCell(int e) {
    return parentCell[e];
  }

  long parentWeight(int e) {
    return parentWeight[e];
  }

  int inputCellOfBadge(int b) {
    return inputCell[unitOfBadge[b]];
  }

  int unitOf(int b) {
    return unitOfBadge[b];
  }

  int unitCount() {
    return unitCount;
  }

  int heldCell(int b) {
    return heldCell[b];
  }

  int eligibleCell(int b) {
    return eligibleCell[b];
  }

  // ---------------------------------------------------------------- construction

  /** Growable cell and edge lists, in creation order. */
  private static final class Builder {
    byte[] kind = new byte[64];
    long[] threshold = new long[64];
    final List<Requirement> fallback = new ArrayList<>();
    int size;
    int[] from = new int[64];
    int[] to = new int[64];
    long[] weight = new long[64];
    int edgeCount;

    int cell(byte k, long thr, Requirement fb) {
      if (size == kind.length) {
        kind = Arrays.copyOf(kind, size * 2);
        threshold = Arrays.copyOf(threshold, size * 2);
      }
      kind[size] = k;
      threshold[size] = thr;
      fallback.add(fb);
      return size++;
    }

    void edge(int parent, int child, long w) {
      if (edgeCount == from.length) {
        from = Arrays.copyOf(from, edgeCount * 2);
        to = Arrays.copyOf(to, edgeCount * 2);
        weight = Arrays.copyOf(weight, edgeCount * 2);
      }
      from[edgeCount] = parent;
      to[edgeCount] = child;
      weight[edgeCount++] = w;
    }

    /** Children before parents (Kahn 1962), O(cells + edges). */
    int[] topologicalOrder(java.util.function.IntFunction<String> cycle) {
      int[] pending = new int[size];
      int[] start = new int[size + 1];
      for (int e = 0; e < edgeCount; e++) {
        pending[from[e]]++;
        start[to[e] + 1]++;
      }
      for (int i = 0; i < size; i++) {
        start[i + 1] += start[i];
      }
      int[] parents = new int[edgeCount];
      int[] fill = Arrays.copyOf(start, size);
      for (int e = 0; e < edgeCount; e++) {
        parents[fill[to[e]]++] = from[e];
      }
      int[] order = new int[size];
      int head = 0;
      int tail = 0;
      for (int i = 0; i < size; i++) {
        if (pending[i] == 0) {
          order[tail++] = i;
        }
      }
      while (head < tail) {
        int c = order[head++];
        for (int e = start[c]; e < start[c + 1]; e++) {
          if (--pending[parents[e]] == 0) {
            order[tail++] = parents[e];
          }
        }
      }
      if (tail < size) {
        for (int i = 0; i < size; i++) {
          if (pending[i] > 0) {
            throw new IllegalArgumentException(cycle.apply(i));
          }
        }
      }
      return order;
    }
  }

  /** Turns requirement trees into cells, iteratively (any depth is safe). */
  private final class Compiler {
    private final Builder g;
    private final Map<String, Integer> index;
    private final int[] rawUnit;
    private final Map<String, int[]> tagged;
    private int falseCell = -1;

    Compiler(Builder g, Map<String, Integer> index, int[] rawUnit, Map<String, int[]> tagged) {
      this.g = g;
      this.index = index;
      this.rawUnit = rawUnit;
      this.tagged = tagged;
    }

    private int unitCellOf(String id) {
      Integer b = index.get(id);
      return b == null ? -1 : rawUnit[unitOfBadge[b]];
    }

    private int falseCell() {
      if (falseCell < 0) {
        falseCell = g.cell(THRESHOLD, 1, null);
      }
      return falseCell;
    }

    /** The cell of {@code root}. */
    int compile(Requirement root) {
      if (root.usesDistinct() || !exactCredits(root)) {
        return fallbackCell(root);
      }
      if (root instanceof BadgeRef b) {
        int u = unitCellOf(b.id());
        return u < 0 ? falseCell() : u;
      }
      int rootCell = -1;
      Deque<Requirement> nodes = new ArrayDeque<>();
      Deque<Integer> parents = new ArrayDeque<>();
      nodes.push(root);
      parents.push(-1);
      while (!nodes.isEmpty()) {
        Requirement r = nodes.pop();
        int parent = parents.pop();
        int cell;
        if (r instanceof BadgeRef b) {
          int u = unitCellOf(b.id());
          cell = u < 0 ? falseCell() : u;
        } else if (r instanceof AllOf a) {
          cell = g.cell(THRESHOLD, a.children().size(), null);
          pushChildren(a.children(), cell, nodes, parents);
        } else if (r instanceof AnyOf a) {
          cell = g.cell(THRESHOLD, 1, null);
          pushChildren(a.children(), cell, nodes, parents);
        } else if (r instanceof AtLeast a) {
          cell = g.cell(THRESHOLD, a.n(), null);
          pushChildren(a.children(), cell, nodes, parents);
        } else if (r instanceof AtLeastTagged t) {
          cell = g.cell(THRESHOLD, t.n(), null);
          for (int b : tagged.getOrDefault(t.tag(), new int[0])) {
            g.edge(cell, rawUnit[unitOfBadge[b]], 1);
          }
        } else if (r instanceof Credits cr) {
          cell = g.cell(THRESHOLD, scaled(cr.amount()), null);
          for (String id : cr.from()) {
            Integer b = index.get(id);
            if (b != null) {
              long w = scaled(creditsOf(b));
              if (w != 0) {
                g.edge(cell, rawUnit[unitOfBadge[b]], w);
              }
            }
          }
        } else if (r instanceof CreditsTagged cr) {
          cell = g.cell(THRESHOLD, scaled(cr.amount()), null);
          for (int b : tagged.getOrDefault(cr.tag(), new int[0])) {
            long w = scaled(creditsOf(b));
            if (w != 0) {
              g.edge(cell, rawUnit[unitOfBadge[b]], w);
            }
          }
        } else {
          throw new AssertionError("unknown requirement type " + r);
        }
        if (parent < 0) {
          rootCell = cell;
        } else {
          g.edge(parent, cell, 1);
        }
      }
      return rootCell;
    }

    private void pushChildren(List<Requirement> children, int cell, Deque<Requirement> nodes,
        Deque<Integer> parents) {
      for (Requirement c : children) {
        nodes.push(c);
        parents.push(cell);
      }
    }

    private int fallbackCell(Requirement root) {
      int cell = g.cell(FALLBACK, 0, root);
      Set<Integer> deps = new LinkedHashSet<>();
      for (String id : root.referencedBadges()) {
        int u = unitCellOf(id);
        if (u >= 0) {
          deps.add(u);
        }
      }
      for (String t : root.referencedTags()) {
        for (int b : tagged.getOrDefault(t, new int[0])) {
          deps.add(rawUnit[unitOfBadge[b]]);
        }
      }
      for (int d : deps) {
        g.edge(cell, d, 0);
      }
      return cell;
    }

    /** Whether every credits rule of {@code root} can be summed exactly in fixed point. */
    private boolean exactCredits(Requirement root) {
      Deque<Requirement> stack = new ArrayDeque<>();
      stack.push(root);
      while (!stack.isEmpty()) {
        Requirement r = stack.pop();
        if (r instanceof Credits c) {
          List<Integer> members = new ArrayList<>();
          for (String id : c.from()) {
            Integer b = index.get(id);
            if (b != null) {
              members.add(b);
            }
          }
          if (!exact(c.amount(), members)) {
            return false;
          }
        } else if (r instanceof CreditsTagged c) {
          List<Integer> members = new ArrayList<>();
          for (int b : tagged.getOrDefault(c.tag(), new int[0])) {
            members.add(b);
          }
          if (!exact(c.amount(), members)) {
            return false;
          }
        }
        r.children().forEach(stack::push);
      }
      return true;
    }

    private boolean exact(double amount, List<Integer> members) {
      if (scaled(amount) < 0) {
        return false;
      }
      long sum = 0;
      for (int b : members) {
        long w = scaled(creditsOf(b));
        if (w < 0) {
          return false;
        }
        sum += w;
        if (sum > MAX_WEIGHT_SUM) {
          return false;
        }
      }
      return true;
    }

    private double creditsOf(int b) {
      return badges[b].credits().orElse(0);
    }
  }

  /** {@code v} in micro-credits, or -1 when that is not exact or could overflow. */
  static long scaled(double v) {
    if (!(v >= 0) || v > MAX_CREDIT) {
      return -1;
    }
    long r = Math.round(v * CREDIT_SCALE);
    return (double) r / CREDIT_SCALE == v ? r : -1;
  }
}
