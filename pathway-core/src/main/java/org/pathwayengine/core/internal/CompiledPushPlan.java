package org.pathwayengine.core.internal;

import java.util.Arrays;

/**
 * The compact form in which {@link CompiledPathway#evaluate(long[], CompiledPathway.Scratch)}
 * pushes a learner's badges up the cells, when the pathway's rules are small enough (see
 * {@link #build}); otherwise the compiled pathway takes its general path with long counters.
 *
 * <p><b>Why it is fast.</b> An evaluation visits, for each cell that turns on, its parent edges;
 * on a large pathway those visits land on cells spread over the whole cell array, and each visit
 * decides whether its cell turns on, a coin toss to the branch predictor. So the data is kept small
 * enough for the caches and the visit has no unpredictable branch:
 * <ul>
 *   <li>a cell's state is one {@code short}, how far its counter is from its threshold; only the
 *       cells some edge reaches have one (7 827 of 27 367 cells at 10 000 badges, 15 KB), copied
 *       from the empty learner's when an evaluation starts, so nothing is restored afterwards, even
 *       after a failure;
 *   <li>an edge is one {@code int}: parent cell, weight, and whether the parent has edges of its
 *       own;
 *   <li>the visits run in rounds, each over one buffer into which the edges of the cells queued
 *       by the previous round are copied, so that the loop over a cell's edges, which would end
 *       at a different count for each cell, is no mispredicted branch;
 *   <li>a cell that turns on is appended without a branch to the list whose roles (direct, held,
 *       eligible) are marked at the end, and to the queue of cells to push along if it has edges;
 *       where the edges start and the roles are separate arrays, so that the queue's reads stay in
 *       a small, dense range;
 *   <li>the held-to-eligible edges (the only negative ones) are left out: an eligible cell says
 *       "requires met", and eligible is that and not held, one bitset operation at the end; when a
 *       requirement's top cell feeds only its badge's eligible cell, that cell carries the badge's
 *       eligibility itself and the edge is left out too;
 *   <li>badges that count feed the held and direct bitsets by word operations, and cells are
 *       renumbered so that those an edge can reach lie together, and badge b's input cell is the
 *       b-th after them (no look-up).
 * </ul>
 *
 * <p><b>Cost.</b> Building is O(cells + edges). An evaluation is O(edges out of the cells that turn
 * on + badges / 64 + cells an edge reaches), plus the fallback cells' own evaluation
 * ({@link RequirementEvaluator}).
 *
 * <p><b>Limits.</b> Weights and thresholds are divided by the gcd of each cell's weights (credits in
 * halves or whole units become small integers; the decision is unchanged since counters are
 * integers). The plan is built when every weight is at most 255, every cell's weights sum to at
 * most 32 000, and there are fewer than 2^23 cells and 2^26 badges.
 *
 * <p>Immutable and thread-safe; the mutable counters live in a {@link CompiledPathway.Scratch}.
 */
final class CompiledPushPlan {
  static final int ROLE_DIRECT = 1;
  static final int ROLE_HELD = 2;
  static final int ROLE_ELIGIBLE = 4;
  static final int ROLE_INPUT = 8;
  private static final int ROLE_BITS = 4;
  /** A fallback cell (or an input cell) that is off and not waiting to be decided. */
  private static final short UNDECIDED = 1;
  /** A fallback cell waiting to be decided (off until then). */
  private static final short PENDING = 2;
  private static final int MAX_SUM = 32_000;
  private static final int MAX_WEIGHT = 255;
  private static final int WEIGHT_BITS = 8;
  /** How many edges a round copies for a cell with at most that many, whatever it has. */
  private static final int GATHER = 8;
  private static final int CELL_MASK = (1 << 23) - 1;
  /** The flag of an edge whose parent has edges of its own: once on, it is pushed further. */
  private static final int PUSHES = 1 << 31;

  private final CompiledPathway cp;
  private final int badgeCount;
  // Cells are renumbered here: those an edge can reach first (in topological order), then the
  // badges' input cells in badge order (badge b's is reachedCells + b), then the rest, so that the
  // cells a push visits lie together. Below, "cell" means the plan's number.
  private final int[] local;
  private final int[] global;
  /** How many cells some edge reaches: the only ones whose state an evaluation changes. */
  private final int reachedCells;
  /**
   * Per cell, how far its counter is from its threshold for the empty learner (on at zero or
   * below); for a fallback cell 0 when on, else {@link #UNDECIDED}. A counter never goes below
   * -32 000: each child pushes at most once and a cell's weights sum to at most 32 000.
   */
  private final short[] initial;
  /** Per cell, where its parent edges start; one more entry at the end, where the last ones end. */
  private final int[] edgeStart;
  /** Per cell, badge {@code << 4 |} its roles. */
  private final int[] roles;
  /**
   * Per edge: parent cell {@code << 8 | weight}, with {@link #PUSHES} when the parent has edges of
   * its own; the weight is 0 only for a fallback parent.
   */
  private final int[] pushEdge;
  private final long[] inputDirect;
  private final long[] inputHeld;
  /** The badges whose input cell has edges: pushed when held. */
  private final long[] inputPushes;
  private final long[] emptyDirect;
  private final long[] emptyHeld;
  private final long[] emptyRequiresMet;

  private CompiledPushPlan(CompiledPathway cp, int[] global, int reachedCells, short[] initial,
      int[] edgeStart, int[] roles, int[] pushEdge) {
    this.cp = cp;
    this.reachedCells = reachedCells;
    this.badgeCount = cp.badgeCount();
    this.global = global;
    this.local = new int[global.length];
    for (int c = 0; c < global.length; c++) {
      local[global[c]] = c;
    }
    this.initial = initial;
    this.edgeStart = edgeStart;
    this.roles = roles;
    this.pushEdge = pushEdge;
    int n = badgeCount;
    inputDirect = new long[cp.words()];
    inputHeld = new long[cp.words()];
    inputPushes = new long[cp.words()];
    emptyRequiresMet = new long[cp.words()];
    for (int b = 0; b < n; b++) {
      int input = reachedCells + b;
      int r = role(input);
      if ((r & ROLE_DIRECT) != 0) {
        inputDirect[b >>> 6] |= 1L << b;
      }
      if ((r & ROLE_HELD) != 0) {
        inputHeld[b >>> 6] |= 1L << b;
      }
      if (edgeStart[input] != edgeStart[input + 1]) {
        inputPushes[b >>> 6] |= 1L << b;
      }
    }
    for (int c = 0; c < global.length; c++) {
      int r = role(c);
      if ((r & ROLE_ELIGIBLE) != 0 && initial[c] <= 0) {
        int b = r >>> ROLE_BITS;
        emptyRequiresMet[b >>> 6] |= 1L << b;
      }
    }
    emptyDirect = cp.emptyDirect();
    emptyHeld = cp.emptyHeld();
  }

  private int role(int c) {
    return roles[c];
  }

  /** The plan of {@code cp}, or null when its rules do not fit (see the class comment). */
  static CompiledPushPlan build(CompiledPathway cp) {
    int cells = cp.cells();
    int n = cp.badgeCount();
    if (cells >= (1 << 23) || n >= (1 << 26)) {
      return null;
    }
    int[] role = new int[cells];
    for (int i = 0; i < n; i++) {
      role[cp.inputCellOfBadge(i)] |= (i << ROLE_BITS) | ROLE_INPUT;
      role[cp.directCell(i)] |= (i << ROLE_BITS) | ROLE_DIRECT;
      role[cp.heldCell(i)] |= (i << ROLE_BITS) | ROLE_HELD;
    }
    // A requirement's top cell that feeds only its badge's eligible cell carries the eligibility.
    boolean[] dropEdge = new boolean[cp.edges()];
    int[] eligibleRole = new int[cells];
    Arrays.fill(eligibleRole, -1);
    for (int i = 0; i < n; i++) {
      int el = cp.eligibleCell(i);
      if (el < 0) {
        continue;
      }
      int carrier = el;
      if (cp.threshold(el) == 1) {
        for (int e = cp.childStart(el); e < cp.childStart(el + 1); e++) {
          int r = cp.childCell(e);
          if (cp.childWeight(e) == 1 && cp.kind(r) == CompiledPathway.THRESHOLD && role[r] == 0
              && eligibleRole[r] < 0 && onlyParentIs(cp, r, el)) {
            carrier = r;
            for (int pe = cp.parentStart(r); pe < cp.parentStart(r + 1); pe++) {
              dropEdge[pe] = true;
            }
          }
        }
      }
      eligibleRole[carrier] = i;
    }
    for (int c = 0; c < cells; c++) {
      if (eligibleRole[c] >= 0) {
        if (role[c] != 0) {
          throw new AssertionError("cell " + c + " already has a role");
        }
        role[c] = (eligibleRole[c] << ROLE_BITS) | ROLE_ELIGIBLE;
      }
    }

    short[] initial = new short[cells];
    long[] divisor = new long[cells];
    for (int c = 0; c < cells; c++) {
      byte kind = cp.kind(c);
      long threshold;
      long empty;
      if (kind == CompiledPathway.INPUT) {
        threshold = 1;
        empty = 0;
      } else if (kind == CompiledPathway.FALLBACK) {
        threshold = 1;
        empty = cp.emptyState(c) ? 1 : 0;
      } else {
        long gcd = 0;
        for (int e = cp.childStart(c); e < cp.childStart(c + 1); e++) {
          if (cp.childWeight(e) > 0) {
            gcd = gcd(gcd, cp.childWeight(e));
          }
        }
        gcd = Math.max(1, gcd);
        divisor[c] = gcd;
        long sum = 0;
        empty = 0;
        for (int e = cp.childStart(c); e < cp.childStart(c + 1); e++) {
          long w = cp.childWeight(e) / gcd;
          if (w > 0) {
            if (w > MAX_WEIGHT) {
              return null;
            }
            sum += w;
            if (cp.emptyState(cp.childCell(e))) {
              empty += w;
            }
          }
        }
        if (sum > MAX_SUM) {
          return null;
        }
        long t = cp.threshold(c);
        // Counters are integers: sum >= t exactly when sum / gcd >= ceil(t / gcd).
        threshold = t <= 0 ? 0 : Math.min(sum + 1, (t + gcd - 1) / gcd);
      }
      initial[c] = (short) (kind == CompiledPathway.THRESHOLD ? threshold - empty
          : kind == CompiledPathway.FALLBACK && empty == 1 ? 0 : UNDECIDED);
    }
    // The plan's numbering: cells some kept edge reaches, in (topological) order, then the badges'
    // input cells in badge order (so that badge b's is reachedCells + b), then the others.
    boolean[] reached = new boolean[cells];
    int keptEdges = 0;
    for (int e = 0; e < cp.edges(); e++) {
      if (kept(cp, e, dropEdge)) {
        reached[cp.parentCell(e)] = true;
        keptEdges++;
      }
    }
    int[] global = new int[cells];
    int next = 0;
    for (int c = 0; c < cells; c++) {
      if (reached[c]) {
        global[next++] = c;
      }
    }
    int reachedCells = next;
    boolean[] input = new boolean[cells];
    for (int b = 0; b < n; b++) {
      int c = cp.inputCellOfBadge(b);
      if (reached[c] || input[c]) {
        throw new AssertionError("input cell " + c + " of badge " + b + " is reached or shared");
      }
      input[c] = true;
      global[next++] = c;
    }
    for (int c = 0; c < cells; c++) {
      if (!reached[c] && !input[c]) {
        global[next++] = c;
      }
    }
    int[] local = new int[cells];
    for (int c = 0; c < cells; c++) {
      local[global[c]] = c;
    }
    short[] localInitial = new short[cells];
    int[] keptOut = new int[cells];
    for (int c = 0; c < cells; c++) {
      int g = global[c];
      for (int e = cp.parentStart(g); e < cp.parentStart(g + 1); e++) {
        if (kept(cp, e, dropEdge)) {
          keptOut[c]++;
        }
      }
    }
    int[] edgeStart = new int[cells + 1];
    int[] roles = new int[cells];
    // GATHER more, so that a round may copy GATHER edges from the last cell's start.
    int[] pushEdge = new int[keptEdges + GATHER];
    int k = 0;
    for (int c = 0; c < cells; c++) {
      int g = global[c];
      localInitial[c] = initial[g];
      edgeStart[c] = k;
      roles[c] = role[g];
      for (int e = cp.parentStart(g); e < cp.parentStart(g + 1); e++) {
        if (kept(cp, e, dropEdge)) {
          int p = cp.parentCell(e);
          long w = cp.kind(p) == CompiledPathway.THRESHOLD ? cp.parentWeight(e) / divisor[p] : 0;
          int pushes = keptOut[local[p]] > 0 ? PUSHES : 0;
          pushEdge[k++] = pushes | (local[p] << WEIGHT_BITS) | (int) w;
        }
      }
    }
    edgeStart[cells] = k;
    return new CompiledPushPlan(cp, global, reachedCells, localInitial, edgeStart, roles, pushEdge);
  }

  private static boolean onlyParentIs(CompiledPathway cp, int child, int parent) {
    return cp.parentStart(child + 1) - cp.parentStart(child) == 1
        && cp.parentCell(cp.parentStart(child)) == parent;
  }

  private static boolean kept(CompiledPathway cp, int e, boolean[] dropEdge) {
    if (dropEdge[e]) {
      return false;
    }
    int p = cp.parentCell(e);
    return cp.kind(p) == CompiledPathway.FALLBACK || cp.parentWeight(e) > 0;
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  /** The length of the buffer of one round's edges (see {@link #evaluate}). */
  int roundBufferLength() {
    return pushEdge.length + GATHER;
  }

  /** Fresh per-thread counters of the cells an edge reaches, as for the empty learner. */
  short[] newCells() {
    return Arrays.copyOf(initial, reachedCells);
  }

  /**
   * Evaluates a learner whose counting badges are {@code base}, with {@code s}'s counters: adding
   * badges only raises counters, so each cell turns on at most once and no order is needed
   * (fallback cells excepted, decided lowest first once everything else has settled).
   */
  CompiledPathway.Result evaluate(long[] base, CompiledPathway.Scratch s) {
    // The edge visits below run in rounds: the cells queued by the previous round (first the
    // held badges' input cells) push along their edges, queueing the cells that turn on.
    short[] rem = s.rem;
    System.arraycopy(initial, 0, rem, 0, reachedCells);
    s.pendingCount = 0;
    int n = badgeCount;
    int words = emptyDirect.length;
    long[] direct = emptyDirect.clone();
    long[] held = emptyHeld.clone();
    long[] met = emptyRequiresMet.clone();
    long[] in = base;
    long lastMask = (n & 63) == 0 ? -1L : (1L << n) - 1;
    int[] queue = s.queue;
    int[] turned = s.turned;
    int inputs = reachedCells;
    int top = 0;
    int t = 0;
    for (int w = 0, end = Math.min(words, base.length); w < end; w++) {
      // bits past the last badge are ignored
      long word = w == words - 1 ? base[w] & lastMask : base[w];
      direct[w] |= word & inputDirect[w];
      held[w] |= word & inputHeld[w];
      word &= inputPushes[w];
      while (word != 0) {
        queue[top++] = inputs + (w << 6) + Long.numberOfTrailingZeros(word);
        word &= word - 1;
      }
    }
    int[] edges = pushEdge;
    int[] start = edgeStart;
    int head = 0;
    while (true) {
      if (head == top) {
        // Fallback cells are decided once, lowest (topologically first) first: every cell that can
        // still change one of its children has a lower number and was decided before it.
        if (s.pendingCount == 0) {
          break;
        }
        int f = CompiledPathway.popPending(s);
        if (rem[f] == PENDING && cp.evaluateFallback(global[f], g -> on(rem, in, local[g]))) {
          rem[f] = 0;
          turned[t++] = f;
          if (start[f] != start[f + 1]) {
            queue[top++] = f;
          }
        }
        continue;
      }
      // One round: the edges of every cell queued so far are gathered into one buffer, then
      // visited in one loop. A loop over each cell's edges would end at a different count for each
      // cell (one to a dozen), a mispredicted branch per cell; here GATHER edges are copied
      // whatever the count, and the buffer's position advances by the count.
      int[] buf = s.roundEdges;
      int pos = 0;
      for (int i = head, roundEnd = top; i < roundEnd; i++) {
        int c = queue[i];
        int e0 = start[c];
        int deg = start[c + 1] - e0;
        if (deg <= GATHER) {
          buf[pos] = edges[e0];
          buf[pos + 1] = edges[e0 + 1];
          buf[pos + 2] = edges[e0 + 2];
          buf[pos + 3] = edges[e0 + 3];
          buf[pos + 4] = edges[e0 + 4];
          buf[pos + 5] = edges[e0 + 5];
          buf[pos + 6] = edges[e0 + 6];
          buf[pos + 7] = edges[e0 + 7];
        } else {
          System.arraycopy(edges, e0, buf, pos, deg);
        }
        pos += deg;
      }
      head = top;
      for (int j = 0; j < pos; j++) {
        int edge = buf[j];
        int p = (edge >>> WEIGHT_BITS) & CELL_MASK;
        int w = edge & MAX_WEIGHT;
        int r = rem[p];
        int after = r - w;
        rem[p] = (short) after;
        // Turned on: from above zero to zero or below. Appended without a branch (a coin toss the
        // predictor cannot learn): to the cells whose roles are marked at the end, and to the
        // queue when it has edges to push along.
        int turnedOn = (~(r - 1) & (after - 1)) >>> 31;
        turned[t] = p;
        t += turnedOn;
        queue[top] = p;
        top += turnedOn & (edge >>> 31);
        if (w == 0 && r == UNDECIDED) {
          rem[p] = PENDING;
          CompiledPathway.pushPending(s, p);
        }
      }
    }
    for (int i = 0; i < t; i++) {
      int role = roles[turned[i]];
      int b = role >>> ROLE_BITS;
      long bit = 1L << b;
      direct[b >>> 6] |= bit & -(role & ROLE_DIRECT);
      held[b >>> 6] |= bit & -((role >>> 1) & 1);
      met[b >>> 6] |= bit & -((role >>> 2) & 1);
    }
    for (int w = 0; w < words; w++) {
      met[w] &= ~held[w];
    }
    return new CompiledPathway.Result(direct, held, met);
  }

  /** Whether cell {@code c} holds, with counters {@code rem}, for the learner {@code in}. */
  private boolean on(short[] rem, long[] in, int c) {
    int r = role(c);
    if ((r & ROLE_INPUT) != 0) {
      int b = r >>> ROLE_BITS;
      return (b >>> 6) < in.length && (in[b >>> 6] & (1L << b)) != 0;
    }
    return (c < reachedCells ? rem[c] : initial[c]) <= 0;
  }
}
