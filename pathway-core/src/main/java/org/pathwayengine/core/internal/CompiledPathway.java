package org.pathwayengine.core.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.IntPredicate;
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
 * into arrays of threshold cells in topological order, held sets as bitsets. It decides exactly what
 * {@link EvaluationEngine}'s reference path decides over sets of ids with {@link RequirementEvaluator}.
 *
 * <p><b>Model.</b> Badges are indexed {@code 0..badgeCount-1} in sorted id order (so iterating a bitset
 * yields sorted ids); only the first badge of a duplicated id counts, as in {@link Pathway#badge}.
 * Every badge has an <em>input</em> cell (it counts in the learner's record) and a <em>direct</em> cell
 * (its input, or for a stacked credential its {@code requires} and {@code stack} both holding);
 * <em>held</em> is direct expanded by equivalence. Every expression node is a cell that holds when the
 * weighted sum of its holding children reaches its threshold: {@code allOf} of k children is threshold
 * k, {@code anyOf} threshold 1, {@code atLeast n} threshold n; a badge reference is the cell "it or an
 * equivalent is held directly"; a tag or credits rule sums, per equivalence class of its members, the
 * heaviest members up to the number of the class's badges held (one cell "at least j held" per rank
 * j), credits weighed in fixed point. Eligibility of a badge without {@code stack} is the cell
 * {@code requires - held >= 1}. Expressions that use {@code distinct}, and credits that fixed point
 * cannot sum exactly as doubles do, are one <em>fallback</em> cell evaluated by
 * {@link RequirementEvaluator} (exactness first); everything else is array arithmetic.
 *
 * <p><b>Cost.</b> Compiling is O(badges + expression nodes + tag and credits memberships) time and
 * memory. {@link #evaluate(long[], Scratch)} starts from the empty learner's cell states (computed once
 * here) and pushes the learner's badges up the parent edges: O(edges out of the cells that turn on +
 * badges / 64), no hashing, allocating only the result. Incremental updates ({@link CompiledState})
 * touch only the cells whose inputs change, in topological order, by counter propagation: each cell
 * keeps the weighted count of its holding children, and a change moves the parents' counters by the
 * child's weight (the technique of incremental rule networks; Forgy, "Rete", Artificial Intelligence
 * 19, 1982). Stacked credentials that depend on themselves (a cycle) cannot be compiled.
 *
 * <p>Immutable and thread-safe once built: share one instance between threads.
 */
public final class CompiledPathway {
  /**
   * Fixed-point scale of credits: 2^20 units per credit. Credits that are multiples of 2^-20 (whole,
   * halves, quarters, ...) with sums below 2^32 add up exactly in binary floating point too, so the
   * fixed-point sum decides exactly as {@link RequirementEvaluator}'s double sum does.
   */
  static final double CREDIT_SCALE = 1 << 20;
  private static final double MAX_CREDIT = 1 << 30;
  private static final long MAX_WEIGHT_SUM = 1L << 52;

  static final byte INPUT = 0;
  static final byte THRESHOLD = 1;
  static final byte FALLBACK = 2;

  private final Pathway pathway;
  private final RequirementEvaluator reference;

  // Badges, in sorted id order.
  private final String[] badgeIds;
  private final Map<String, Integer> byName;
  private final boolean[] stacked;
  private final Badge[] badges;

  // Per badge: its input (counts in the record), direct (input or awarded) cell.
  private final int[] inputCell;
  private final int[] directCell;

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

  // The empty learner: cell states, counters and result, the start of every push evaluation.
  private final boolean[] emptyState;
  private final long[] emptyCounter;
  private final long[] emptyDirect;
  private final long[] emptyHeld;
  private final long[] emptyEligible;
  private final int[] directBadgeOfCell;
  private final int[] heldBadgeOfCell;
  private final int[] eligibleBadgeOfCell;

  // Names (ids and aliases) by open addressing: the look-up of every record entry.
  private final String[] slotName;
  private final long[] slotHashAndIndex;
  private final int slotShift;
  // Per badge: an entry of it counts whenever it is earned and not expired by its own date (no
  // trusted issuers to check, no validFor to add).
  private final boolean[] plainEntries;
  private final long[] stackedBits;

  // The compact plan of evaluate(long[], Scratch); null when the rules do not fit it.
  private final CompiledPushPlan push;

  private CompiledPathway(Pathway pathway) {
    this(pathway, true);
  }

  private CompiledPathway(Pathway pathway, boolean narrowPlan) {
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
    for (Badge b : pathway.badges()) {
      for (String alias : b.aliases()) {
        if (!index.containsKey(alias)) {
          pathway.resolve(alias).ifPresent(id -> names.put(alias, index.get(id)));
        }
      }
    }
    byName = names;
    // Names.
    int slots = Integer.highestOneBit(Math.max(4, byName.size() * 2 + 1)) << 1;
    slotShift = 32 - Integer.numberOfTrailingZeros(slots);
    slotName = new String[slots];
    slotHashAndIndex = new long[slots];
    for (Map.Entry<String, Integer> e : byName.entrySet()) {
      int h = e.getKey().hashCode();
      int i = slot(h);
      while (slotHashAndIndex[i] != 0) {
        i = (i + 1) & (slots - 1);
      }
      slotName[i] = e.getKey();
      // index + 1, so that an empty slot is 0 whatever the hash
      slotHashAndIndex[i] = ((long) h << 32) | (e.getValue() + 1);
    }

    Builder g = new Builder();
    int[] rawInput = new int[n];
    int[] rawDirect = new int[n];
    for (int i = 0; i < n; i++) {
      rawInput[i] = g.cell(INPUT, 0, null);
      rawDirect[i] = rawInput[i];
      if (stacked[i]) {
        rawDirect[i] = g.cell(THRESHOLD, 1, null);
        g.edge(rawDirect[i], rawInput[i], 1);
      }
    }
    // held = direct expanded by equivalence: b is held when some direct d has b in equivalents(d).
    int[] rawHeld = rawDirect.clone();
    List<List<Integer>> heldFrom = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      heldFrom.add(null);
    }
    for (int d = 0; d < n; d++) {
      for (String e : pathway.equivalents(badgeIds[d])) {
        Integer b = index.get(e);
        if (b != null && b != d) {
          if (heldFrom.get(b) == null) {
            heldFrom.set(b, new ArrayList<>(List.of(b)));
          }
          heldFrom.get(b).add(d);
        }
      }
    }
    for (int b = 0; b < n; b++) {
      if (heldFrom.get(b) != null) {
        rawHeld[b] = g.cell(THRESHOLD, 1, null);
        for (int d : heldFrom.get(b)) {
          g.edge(rawHeld[b], rawDirect[d], 1);
        }
      }
    }
    Compiler c = new Compiler(g, index, rawDirect);
    int[] rawEligible = new int[n];
    List<Integer> stackedList = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      Badge b = badges[i];
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
        g.edge(rawDirect[i], award, 1);
      } else {
        int el = g.cell(THRESHOLD, req < 0 ? 0 : 1, null);
        if (req >= 0) {
          g.edge(el, req, 1);
        }
        g.edge(el, rawHeld[i], -1);
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
    inputCell = new int[n];
    directCell = new int[n];
    heldCell = new int[n];
    eligibleCell = new int[n];
    for (int i = 0; i < n; i++) {
      inputCell[i] = rank[rawInput[i]];
      directCell[i] = rank[rawDirect[i]];
      heldCell[i] = rank[rawHeld[i]];
      eligibleCell[i] = rawEligible[i] < 0 ? -1 : rank[rawEligible[i]];
    }
    directBadgeOfCell = new int[cells];
    heldBadgeOfCell = new int[cells];
    eligibleBadgeOfCell = new int[cells];
    Arrays.fill(directBadgeOfCell, -1);
    Arrays.fill(heldBadgeOfCell, -1);
    Arrays.fill(eligibleBadgeOfCell, -1);
    for (int i = 0; i < n; i++) {
      directBadgeOfCell[directCell[i]] = i;
      heldBadgeOfCell[heldCell[i]] = i;
      if (eligibleCell[i] >= 0) {
        eligibleBadgeOfCell[eligibleCell[i]] = i;
      }
    }
    emptyState = new boolean[cells];
    emptyCounter = new long[cells];
    passInto(new long[words()], emptyState, emptyCounter);
    Result empty = result(emptyState);
    emptyDirect = empty.direct;
    emptyHeld = empty.held;
    emptyEligible = empty.eligible;

    plainEntries = new boolean[n];
    stackedBits = new long[words()];
    for (int i = 0; i < n; i++) {
      plainEntries[i] = badges[i].trustedIssuers().isEmpty() && pathway.trustedIssuers().isEmpty()
          && badges[i].validFor().isEmpty();
      if (stacked[i]) {
        stackedBits[i >>> 6] |= 1L << i;
      }
    }

    push = narrowPlan ? CompiledPushPlan.build(this) : null;
  }

  private int slot(int hash) {
    return (hash * 0x9E3779B9) >>> slotShift;
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

  /**
   * As {@link #compile(Pathway)}, but {@link #evaluate(long[], Scratch)} always takes the general
   * path with long counters, as it does by itself when some rule's weights do not fit the compact
   * plan's 16-bit fields: for tests that compare the two.
   */
  public static CompiledPathway compileWide(Pathway pathway) {
    return new CompiledPathway(requireNonNull(pathway, "pathway"), false);
  }

  /** Whether {@link #evaluate(long[], Scratch)} runs on the compact {@code CompiledPushPlan}. */
  public boolean isNarrow() {
    return push != null;
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
    if (idOrAlias == null) {
      return -1;
    }
    int h = idOrAlias.hashCode();
    int mask = slotName.length - 1;
    for (int i = slot(h); ; i = (i + 1) & mask) {
      long hi = slotHashAndIndex[i];
      if (hi == 0) {
        return -1;
      }
      if ((int) (hi >>> 32) == h) {
        int index = (int) hi - 1;
        // Records usually name a badge by the very string of its id: then one look-up suffices.
        if (badgeIds[index] == idOrAlias) {
          return index;
        }
        if (slotName[i].equals(idOrAlias)) {
          return index;
        }
      }
    }
  }

  /**
   * Whether an entry of badge {@code index} counts as soon as it is earned and until its own expiry:
   * no trusted issuers apply to it and it has no {@code validFor}.
   */
  public boolean plainEntries(int index) {
    return plainEntries[index];
  }

  /** The stacked credentials as a bitset. Not copied: do not modify. */
  public long[] stackedBits() {
    return stackedBits;
  }

  /**
   * The badges that can stand for badge {@code index} in a reference to it: itself and its
   * equivalents (as {@link RequirementEvaluator#heldOrEquivalent} reads them), known badges only.
   */
  public int[] standIns(int index) {
    List<Integer> out = new ArrayList<>(2);
    out.add(index);
    for (String e : pathway.equivalents(badgeIds[index])) {
      Integer b = byName.get(e);
      if (b != null && badgeIds[b].equals(e) && !out.contains(b)) {
        out.add(b);
      }
    }
    return out.stream().mapToInt(Integer::intValue).toArray();
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
    final long[] direct;
    final long[] held;
    final long[] eligible;

    Result(long[] direct, long[] held, long[] eligible) {
      this.direct = direct;
      this.held = held;
      this.eligible = eligible;
    }

    /**
     * The badges held directly: counting in the record, or awarded by their stack rule; not expanded
     * by equivalence (what requirement evaluation and planning take). Not copied: do not modify.
     */
    public long[] directBits() {
      return direct;
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

  /**
   * Working memory of {@link #evaluate(long[], Scratch)}: the cells' counters (the compact plan
   * copies the empty learner's over them when it starts, so nothing needs restoring after an
   * evaluation, even one that failed), queues and stacks. One per thread; reusable.
   */
  public static final class Scratch {
    /** The compact plan's counters (see {@code CompiledPushPlan}); null for a wide pathway. */
    final short[] rem;
    /** The compact plan's cells to push along, in the order they turned on. */
    final int[] queue;
    /** The compact plan's cells turned on, whose roles are marked at the end. */
    final int[] turned;
    /** The compact plan's edges of one round. */
    final int[] roundEdges;
    // General path: cell states and counters at the empty learner, and the cells one evaluation
    // touched (to restore them); allocated on first use.
    boolean[] state;
    long[] counter;
    boolean[] touched;
    int[] touchedList;
    int touchedCount;
    int[] stack;
    /** Fallback cells waiting to be decided once their children are final, as a min-heap. */
    int[] pending = new int[16];
    int pendingCount;

    Scratch(CompiledPathway cp) {
      rem = cp.push != null ? cp.push.newCells() : null;
      queue = cp.push != null ? new int[cp.cellCount + 1] : null;
      turned = cp.push != null ? new int[cp.cellCount + 1] : null;
      roundEdges = cp.push != null ? new int[cp.push.roundBufferLength()] : null;
      stack = new int[64];
    }

    void wide(CompiledPathway cp) {
      if (state == null) {
        state = cp.emptyState.clone();
        counter = cp.emptyCounter.clone();
        touched = new boolean[cp.cellCount];
        touchedList = new int[64];
      }
    }

    void touch(int c) {
      if (!touched[c]) {
        touched[c] = true;
        if (touchedCount == touchedList.length) {
          touchedList = Arrays.copyOf(touchedList, touchedCount * 2);
        }
        touchedList[touchedCount++] = c;
      }
    }
  }

  /** New working memory for {@link #evaluate(long[], Scratch)}. */
  public Scratch newScratch() {
    return new Scratch(this);
  }

  /**
   * Evaluates a learner whose counting badges (SPEC section 4, before stacking: entries that count at
   * the date, waivers and substitutions; see {@link CompiledLearnerInput}) are {@code base}.
   */
  public Result evaluate(long[] base) {
    return evaluate(base, newScratch());
  }

  /**
   * As {@link #evaluate(long[])}, with working memory from {@link #newScratch()} (not shared between
   * threads), so that only the result is allocated.
   *
   * <p>Starts from the empty learner's cell states, computed once when compiling, and pushes each
   * counting badge up the parent edges: adding badges only raises counters, so each cell turns on at
   * most once and no order is needed. O(edges out of the cells that turn on + badges / 64): a learner
   * who holds k badges costs about k times the average fan-out, not the size of the pathway. When
   * the rules are small enough this runs on the compact {@code CompiledPushPlan} (the usual case);
   * otherwise on the general path with long counters, which restores the cells it touched.
   */
  public Result evaluate(long[] base, Scratch s) {
    if (push == null || s.rem == null) {
      return evaluateWide(base, s);
    }
    return push.evaluate(base, s);
  }

  /**
   * The general push evaluation, with long counters: for pathways whose rules' weights do not fit
   * the compact plan. Restores the cells it touched from the empty learner's afterwards.
   */
  private Result evaluateWide(long[] base, Scratch s) {
    s.wide(this);
    s.pendingCount = 0;
    boolean[] state = s.state;
    long[] counter = s.counter;
    int[] stack = s.stack;
    int top = 0;
    int n = badgeIds.length;
    for (int w = 0; w < base.length; w++) {
      long word = base[w];
      while (word != 0) {
        int b = (w << 6) + Long.numberOfTrailingZeros(word);
        word &= word - 1;
        if (b >= n) {
          break;
        }
        int c = inputCell[b];
        if (!state[c]) {
          state[c] = true;
          s.touch(c);
          if (top == stack.length) {
            stack = s.stack = Arrays.copyOf(stack, top * 2);
          }
          stack[top++] = c;
        }
      }
    }
    while (true) {
      if (top == 0) {
        // Fallback cells are decided once, lowest (topologically first) first: every cell that can
        // still change one of its children has a lower number and was decided before it.
        if (s.pendingCount == 0) {
          break;
        }
        int f = popPending(s);
        if (!state[f] && evaluateFallback(f, state)) {
          state[f] = true;
          stack[top++] = f;
        }
        continue;
      }
      int c = stack[--top];
      for (int e = parentStart[c], end = parentStart[c + 1]; e < end; e++) {
        int p = parentCell[e];
        boolean fresh = !s.touched[p];
        s.touch(p);
        if (kind[p] == FALLBACK) {
          if (fresh) {
            pushPending(s, p);
          }
          continue;
        }
        counter[p] += parentWeight[e];
        boolean now = counter[p] >= threshold[p];
        if (now != state[p]) {
          state[p] = now;
          if (now && parentStart[p] != parentStart[p + 1]) {
            if (top == stack.length) {
              stack = s.stack = Arrays.copyOf(stack, top * 2);
            }
            stack[top++] = p;
          }
        }
      }
    }
    long[] direct = emptyDirect.clone();
    long[] held = emptyHeld.clone();
    long[] eligible = emptyEligible.clone();
    for (int i = 0; i < s.touchedCount; i++) {
      int c = s.touchedList[i];
      boolean on = state[c];
      if (on != emptyState[c]) {
        patch(direct, directBadgeOfCell[c], on);
        patch(held, heldBadgeOfCell[c], on);
        patch(eligible, eligibleBadgeOfCell[c], on);
        state[c] = !on;
      }
      counter[c] = emptyCounter[c];
      s.touched[c] = false;
    }
    s.touchedCount = 0;
    return new Result(direct, held, eligible);
  }

  static void pushPending(Scratch s, int c) {
    if (s.pendingCount == s.pending.length) {
      s.pending = Arrays.copyOf(s.pending, s.pendingCount * 2);
    }
    int[] h = s.pending;
    int i = s.pendingCount++;
    while (i > 0) {
      int parent = (i - 1) >>> 1;
      if (h[parent] <= c) {
        break;
      }
      h[i] = h[parent];
      i = parent;
    }
    h[i] = c;
  }

  static int popPending(Scratch s) {
    int[] h = s.pending;
    int top = h[0];
    int last = h[--s.pendingCount];
    int i = 0;
    while (true) {
      int child = 2 * i + 1;
      if (child >= s.pendingCount) {
        break;
      }
      if (child + 1 < s.pendingCount && h[child + 1] < h[child]) {
        child++;
      }
      if (h[child] >= last) {
        break;
      }
      h[i] = h[child];
      i = child;
    }
    h[i] = last;
    return top;
  }

  private static void patch(long[] bits, int b, boolean on) {
    if (b >= 0) {
      if (on) {
        bits[b >>> 6] |= 1L << b;
      } else {
        bits[b >>> 6] &= ~(1L << b);
      }
    }
  }

  /**
   * As {@link #evaluate(long[])}, by one pass over every cell in topological order, each summing its
   * children: O(cells + edges) whatever the learner holds. The independent check of the push
   * evaluation, and how the empty learner's state is computed.
   */
  public Result evaluateByPass(long[] base) {
    boolean[] state = new boolean[cellCount];
    passInto(base, state, new long[cellCount]);
    return result(state);
  }

  private void passInto(long[] base, boolean[] state, long[] counter) {
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
        counter[c] = sum;
        state[c] = sum >= threshold[c];
      } else if (k == FALLBACK) {
        state[c] = evaluateFallback(c, state);
      }
    }
  }

  /**
   * Evaluates a learner who holds {@code direct} (ids of badges that count by entries and waivers)
   * with the resolved {@code substitutions} of the record; empty when a substitute is a stacked
   * credential or equivalent to one (then only the reference path can decide).
   */
  public Optional<Result> evaluate(Set<String> direct, Map<String, String> substitutions) {
    long[] base = bitsOf(direct);
    if (!CompiledLearnerInput.substitute(this, base, substitutions)) {
      return Optional.empty();
    }
    return Optional.of(evaluate(base));
  }

  /** Whether badge {@code id} is set in {@code bits}; false for unknown ids. */
  public boolean contains(long[] bits, String id) {
    Integer b = byName.get(id);
    return b != null && badgeIds[b].equals(id) && (bits[b >>> 6] & (1L << b)) != 0;
  }

  void setInputs(long[] base, boolean[] state) {
    int n = badgeIds.length;
    for (int w = 0; w < base.length; w++) {
      long word = base[w];
      while (word != 0) {
        int b = (w << 6) + Long.numberOfTrailingZeros(word);
        word &= word - 1;
        if (b < n) {
          state[inputCell[b]] = true;
        }
      }
    }
  }

  Result result(boolean[] state) {
    int n = badgeIds.length;
    long[] direct = new long[words()];
    long[] held = new long[words()];
    long[] eligible = new long[words()];
    for (int b = 0; b < n; b++) {
      if (state[directCell[b]]) {
        direct[b >>> 6] |= 1L << b;
      }
      if (state[heldCell[b]]) {
        held[b >>> 6] |= 1L << b;
      }
      int el = eligibleCell[b];
      if (el >= 0 && state[el]) {
        eligible[b >>> 6] |= 1L << b;
      }
    }
    return new Result(direct, held, eligible);
  }

  boolean evaluateFallback(int cell, boolean[] state) {
    return evaluateFallback(cell, c -> state[c]);
  }

  boolean evaluateFallback(int cell, IntPredicate cellOn) {
    Predicate<String> held = id -> {
      int b = indexOf(id);
      return b >= 0 && badgeIds[b].equals(id) && cellOn.test(directCell[b]);
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

  int edges() {
    return parentCell.length;
  }

  boolean emptyState(int c) {
    return emptyState[c];
  }

  long[] emptyDirect() {
    return emptyDirect;
  }

  long[] emptyHeld() {
    return emptyHeld;
  }

  int inputCellOfBadge(int b) {
    return inputCell[b];
  }

  int directCell(int b) {
    return directCell[b];
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
    private final int[] rawDirect;
    private final Map<String, Integer> refCells = new HashMap<>();
    private final Map<String, Integer> classCountCells = new HashMap<>();
    private final Map<String, Integer> tagRuleCells = new HashMap<>();
    private int falseCell = -1;

    Compiler(Builder g, Map<String, Integer> index, int[] rawDirect) {
      this.g = g;
      this.index = index;
      this.rawDirect = rawDirect;
    }

    private int falseCell() {
      if (falseCell < 0) {
        falseCell = g.cell(THRESHOLD, 1, null);
      }
      return falseCell;
    }

    /** The known badges that can stand for {@code id}: itself and its equivalents. */
    private List<Integer> candidates(String id) {
      List<Integer> out = new ArrayList<>(2);
      Integer self = index.get(id);
      if (self != null) {
        out.add(self);
      }
      for (String e : pathway.equivalents(id)) {
        Integer b = index.get(e);
        if (b != null && !out.contains(b)) {
          out.add(b);
        }
      }
      return out;
    }

    /** The cell of a reference to {@code id}: it or an equivalent is held directly. */
    private int refCell(String id) {
      Integer cached = refCells.get(id);
      if (cached != null) {
        return cached;
      }
      List<Integer> cand = candidates(id);
      int cell;
      if (cand.isEmpty()) {
        cell = falseCell();
      } else if (cand.size() == 1) {
        cell = rawDirect[cand.get(0)];
      } else {
        cell = g.cell(THRESHOLD, 1, null);
        for (int b : cand) {
          g.edge(cell, rawDirect[b], 1);
        }
      }
      refCells.put(id, cell);
      return cell;
    }

    /** The cell "at least {@code j} of the candidates of {@code id} are held directly". */
    private int classCountCell(String key, List<Integer> cand, int j) {
      if (j == 1 && cand.size() == 1) {
        return rawDirect[cand.get(0)];
      }
      return classCountCells.computeIfAbsent(key + "\u0000" + j, k -> {
        int cell = g.cell(THRESHOLD, j, null);
        for (int b : cand) {
          g.edge(cell, rawDirect[b], 1);
        }
        return cell;
      });
    }

    /** The cell of {@code root}. */
    int compile(Requirement root) {
      if (root.usesDistinct() || !exactCredits(root)) {
        return fallbackCell(root);
      }
      if (root instanceof BadgeRef b) {
        return refCell(b.id());
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
          cell = refCell(b.id());
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
          cell = tagRule(t.tag(), false, t.n());
        } else if (r instanceof Credits cr) {
          cell = setRule(List.copyOf(new LinkedHashSet<>(cr.from())), true, scaled(cr.amount()));
        } else if (r instanceof CreditsTagged cr) {
          cell = tagRule(cr.tag(), true, scaled(cr.amount()));
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

    /**
     * The cell of a tag rule: rules over one tag with the same kind and amount are the same rule, and
     * share one cell. A pathway may name a tag of thousands of badges in hundreds of rules; one cell
     * each would give every held carrier hundreds of edges to push along.
     */
    private int tagRule(String tag, boolean credits, long need) {
      String key = (credits ? "c" : "n") + need + "\u0000" + tag;
      Integer cached = tagRuleCells.get(key);
      if (cached != null) {
        return cached;
      }
      int cell = setRule(reference.badgesWithTag(tag), credits, need);
      tagRuleCells.put(key, cell);
      return cell;
    }

    /**
     * A tag or credits rule as {@link RequirementEvaluator} reads it: members grouped by equivalence
     * class; a class with h directly held badges counts its min(h, members) heaviest members. The
     * j-th heaviest member of a class is an edge, weighted by its credits (or 1), from the cell "at
     * least j of the class are held".
     */
    private int setRule(List<String> members, boolean credits, long need) {
      int cell = g.cell(THRESHOLD, need, null);
      Map<String, List<String>> byClass = new LinkedHashMap<>();
      for (String m : members) {
        Set<String> eq = pathway.equivalents(m);
        String key = eq.size() == 1 ? m : eq.iterator().next();
        byClass.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
      }
      for (Map.Entry<String, List<String>> e : byClass.entrySet()) {
        List<String> group = e.getValue();
        List<Integer> cand = candidates(group.get(0));
        long[] w = new long[group.size()];
        for (int i = 0; i < w.length; i++) {
          w[i] = credits ? scaled(creditsOf(group.get(i))) : 1;
        }
        Arrays.sort(w);
        for (int j = 1; j <= Math.min(w.length, cand.size()); j++) {
          long weight = w[w.length - j];
          if (weight != 0) {
            g.edge(cell, classCountCell(e.getKey(), cand, j), weight);
          }
        }
      }
      return cell;
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
        deps.addAll(candidates(id));
      }
      for (String t : root.referencedTags()) {
        for (String id : reference.badgesWithTag(t)) {
          deps.addAll(candidates(id));
        }
      }
      for (int d : deps) {
        g.edge(cell, rawDirect[d], 0);
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
          if (!exact(c.amount(), new LinkedHashSet<>(c.from()))) {
            return false;
          }
        } else if (r instanceof CreditsTagged c) {
          if (!exact(c.amount(), reference.badgesWithTag(c.tag()))) {
            return false;
          }
        }
        r.children().forEach(stack::push);
      }
      return true;
    }

    private boolean exact(double amount, java.util.Collection<String> members) {
      if (scaled(amount) < 0 || scaled(amount) > MAX_WEIGHT_SUM) {
        return false;
      }
      long sum = 0;
      for (String m : members) {
        long w = scaled(creditsOf(m));
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

    private double creditsOf(String id) {
      Integer b = index.get(id);
      return b == null ? 0 : badges[b].credits().orElse(0);
    }
  }

  /** {@code v} in units of 2^-20 credits, or -1 when that is not exact or too large. */
  static long scaled(double v) {
    if (!(v >= 0) || v > MAX_CREDIT) {
      return -1;
    }
    double r = v * CREDIT_SCALE; // exact: a power of two
    return r == Math.rint(r) ? (long) r : -1;
  }
}
