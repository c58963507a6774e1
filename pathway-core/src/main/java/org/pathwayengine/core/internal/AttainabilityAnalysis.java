package org.pathwayengine.core.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * Which badges some learner could ever hold: the least fixpoint of "a badge is attainable when its
 * {@code requires} and (for a stacked credential) its {@code stack} hold, per {@link
 * RequirementEvaluator}, while every attainable badge is held as a direct award". Co-requisites do not
 * block (SPEC section 4). Every expression is monotone in the set of direct awards (with {@code
 * distinct} too: a witness over fewer held badges stays a witness over more; a set rule's value never
 * drops when more is held), so this is exactly the set of badges that some order of earning
 * non-stacked badges, with stacked credentials awarded as soon as their rules hold, reaches.
 *
 * <p>Counting-based propagation in the manner of Dowling and Gallier's linear-time Horn satisfiability
 * ("Linear-time algorithms for testing the satisfiability of propositional Horn formulae", J. Logic
 * Programming 1(3), 1984): every group keeps how many children still have to hold, and each badge that
 * becomes attainable notifies what names it. A set rule (tag rule or credits rule) follows the
 * evaluator's "one award counts once": its distinct members are grouped by equivalence class, each
 * class counts how many of its badges are attainable, h, and contributes its min(h, members) heaviest
 * members, so a member listed twice counts once and one award never counts for two members. A set
 * rule is only marked as holding once {@link RequirementEvaluator#holds} confirms it. An expression
 * with {@code distinct} is decided by {@link RequirementEvaluator#holds} over the attainable set,
 * re-checked (in batches, when the queue drains) after a badge it names becomes attainable. Finally
 * every rule of a badge still unattainable is checked with the evaluator over the attainable set, and
 * propagation resumes if one holds, so the result is exactly the evaluator's fixpoint. The one
 * exception is an expression nested past 64 levels (already a {@code DEPTH_EXCEEDED} error) that uses
 * {@code distinct}: it is read as if {@code distinct} were absent, an over-approximation.
 *
 * <p>Time O(total expression size + set-rule members x equivalence-class size) for expressions without
 * {@code distinct}, where the rules over one tag and of one kind (count or credits) share their class
 * counters, so a tag's members count once, plus one notification per rule over the tag each time one
 * of its classes grows; a {@code distinct} expression costs one evaluation per batch in which a badge it
 * names became attainable (the evaluator's distinct search is exponential in the worst case, small for
 * real rules). No recursion. Only the first badge of a duplicated id is considered.
 */
final class AttainabilityAnalysis {
  private static final int GROUP = 0;
  private static final int REF = 1;
  /** One equivalence class of a set rule's members; {@code need} counts its attainable badges. */
  private static final int CLASS = 2;
  /** A tag or credits rule: {@code sum} of its classes' contributions against {@code amount}. */
  private static final int SET = 3;
  /** An expression with {@code distinct}, decided by the evaluator. */
  private static final int EXACT = 4;
  /**
   * Past this depth (a {@code DEPTH_EXCEEDED} error) the evaluator's distinct search could overflow the
   * stack, so such an expression is read as if {@code distinct} were absent and is not re-checked.
   */
  private static final int MAX_DEPTH = 64;
  /** Slack for the running sum, whose addition order differs from the evaluator's. */
  private static final double SLACK = 1e-9;

  private final Pathway pathway;
  private final RequirementEvaluator evaluator;
  private final List<Badge> badges;
  private final Map<String, Integer> firstIndex;

  // per node
  private final IntList parent = new IntList();
  private final IntList need = new IntList();
  private final IntList owner = new IntList(); // for roots: badge * 2 + slot (0 requires, 1 stack)
  private final IntList kind = new IntList();
  private final DoubleList amount = new DoubleList();
  private final DoubleList sum = new DoubleList();
  private final List<Requirement> rule = new ArrayList<>();
  /** Per CLASS node: its members' weights, heaviest first; null for other nodes. */
  private final List<double[]> weights = new ArrayList<>();
  /** Per CLASS node: the SET nodes it counts for; null for other nodes. */
  private final List<IntList> classSets = new ArrayList<>();
  /**
   * The CLASS nodes of the tag rules, per kind of rule and tag: every rule over one tag has the same
   * members and weights, so its classes count once for all of them. A pathway with hundreds of rules
   * over a tag of thousands of badges would otherwise make a node per rule and carrier.
   */
  private final Map<String, int[]> tagClasses = new HashMap<>();
  private boolean[] satisfied;

  private final IntList[] idListeners;
  private final int[] rootsMissing;
  private final boolean[] attainable;
  private final boolean[][] rootHolds;
  private final int[][] rootNode;
  /** Roots deeper than {@link #MAX_DEPTH} that use distinct: left to the counters. */
  private final boolean[][] rootApproximate;
  private final IntList dirtyExact = new IntList();
  private boolean[] dirty;
  private final ArrayDeque<Integer> queue = new ArrayDeque<>();
  private final Predicate<String> held;

  AttainabilityAnalysis(Pathway pathway, Map<String, Integer> firstIndex,
      RequirementEvaluator evaluator) {
    this.pathway = pathway;
    this.evaluator = evaluator;
    this.badges = pathway.badges();
    this.firstIndex = firstIndex;
    int n = badges.size();
    idListeners = new IntList[n];
    rootsMissing = new int[n];
    attainable = new boolean[n];
    rootHolds = new boolean[n][2];
    rootNode = new int[n][2];
    rootApproximate = new boolean[n][2];
    held = id -> {
      Integer i = firstIndex.get(id);
      return i != null && attainable[i];
    };
  }

  /** Runs the analysis; afterwards {@link #attainable(int)} and {@link #holds(int, int)} answer. */
  AttainabilityAnalysis run() {
    IntList initial = new IntList();
    IntList exactRoots = new IntList();
    for (int b = 0; b < badges.size(); b++) {
      Badge badge = badges.get(b);
      if (firstIndex.get(badge.id()) != b) {
        continue;
      }
      compileRoot(badge.requires(), b, 0, initial, exactRoots);
      compileRoot(badge.stack(), b, 1, initial, exactRoots);
    }
    satisfied = new boolean[kind.size()];
    dirty = new boolean[kind.size()];
    for (int b = 0; b < badges.size(); b++) {
      if (firstIndex.get(badges.get(b).id()) == b && rootsMissing[b] == 0) {
        markAttainable(b);
      }
    }
    for (int i = 0; i < initial.size(); i++) {
      satisfy(initial.get(i));
    }
    for (int i = 0; i < exactRoots.size(); i++) {
      markDirty(exactRoots.get(i));
    }
    while (true) {
      propagate();
      if (dirtyExact.size() > 0) {
        checkDirtyExact();
        continue;
      }
      if (!confirmFixpoint()) {
        return this;
      }
    }
  }

  private void propagate() {
    while (!queue.isEmpty()) {
      int b = queue.poll();
      IntList listeners = idListeners[b];
      if (listeners == null) {
        continue;
      }
      for (int i = 0; i < listeners.size(); i++) {
        int node = listeners.get(i);
        int k = kind.get(node);
        if (k == REF) {
          satisfy(node);
        } else if (k == CLASS) {
          int h = need.get(node) + 1;
          need.set(node, h);
          double[] w = weights.get(node);
          if (h <= w.length) {
            IntList sets = classSets.get(node);
            for (int j = 0; j < sets.size(); j++) {
              int set = sets.get(j);
              sum.set(set, sum.get(set) + w[h - 1]);
              checkSet(set);
            }
          }
        } else if (k == EXACT) {
          markDirty(node);
        }
      }
    }
  }

  private void markDirty(int node) {
    if (!satisfied[node] && !dirty[node]) {
      dirty[node] = true;
      dirtyExact.add(node);
    }
  }

  private void checkDirtyExact() {
    IntList batch = new IntList();
    for (int i = 0; i < dirtyExact.size(); i++) {
      batch.add(dirtyExact.get(i));
      dirty[dirtyExact.get(i)] = false;
    }
    dirtyExact.clear();
    for (int i = 0; i < batch.size(); i++) {
      int node = batch.get(i);
      if (!satisfied[node] && evaluator.holds(rule.get(node), held)) {
        satisfy(node);
      }
    }
  }

  /**
   * The safety net that makes the result exact whatever the counters missed: every rule of a badge
   * that is still unattainable is evaluated over the attainable set. Returns whether one now holds.
   */
  private boolean confirmFixpoint() {
    boolean changed = false;
    for (int b = 0; b < badges.size(); b++) {
      if (attainable[b] || firstIndex.get(badges.get(b).id()) != b) {
        continue;
      }
      for (int slot = 0; slot < 2; slot++) {
        int node = rootNode[b][slot];
        if (node >= 0 && !satisfied[node] && !rootApproximate[b][slot]
            && evaluator.holds(rule.get(node), held)) {
          satisfy(node);
          changed = true;
        }
      }
    }
    return changed;
  }

  /** Whether some learner could hold the badge at this index (first occurrences only). */
  boolean attainable(int badgeIndex) {
    return attainable[badgeIndex];
  }

  /** Whether the badge's requires (slot 0) or stack (slot 1) holds when every attainable badge is held. */
  boolean holds(int badgeIndex, int slot) {
    return rootHolds[badgeIndex][slot];
  }

  /** A predicate over badge ids: attainable. */
  Predicate<String> attainablePredicate() {
    return held;
  }

  private void compileRoot(Optional<Requirement> expr, int b, int slot, IntList initial,
      IntList exactRoots) {
    if (expr.isEmpty()) {
      rootHolds[b][slot] = true;
      rootNode[b][slot] = -1;
      return;
    }
    rootsMissing[b]++;
    Requirement root = expr.get();
    boolean tooDeep = root.depth() > MAX_DEPTH;
    if (root.usesDistinct() && !tooDeep) {
      int node = newNode(EXACT, -1, 0, 0, root);
      owner.set(node, b * 2 + slot);
      rootNode[b][slot] = node;
      exactRoots.add(node);
      for (String id : root.referencedBadges()) {
        for (String e : pathway.equivalents(id)) {
          listenOnId(e, node);
        }
      }
      for (String tag : root.referencedTags()) {
        for (String id : evaluator.badgesWithTag(tag)) {
          for (String e : pathway.equivalents(id)) {
            listenOnId(e, node);
          }
          listenOnId(id, node);
        }
      }
      return;
    }
    rootApproximate[b][slot] = tooDeep && root.usesDistinct();
    // iterative pre-order compile: parents are created before their children
    ArrayDeque<Requirement> todo = new ArrayDeque<>();
    ArrayDeque<Integer> parents = new ArrayDeque<>();
    todo.push(root);
    parents.push(-1);
    while (!todo.isEmpty()) {
      Requirement r = todo.pop();
      int p = parents.pop();
      int node;
      if (r instanceof BadgeRef ref) {
        node = newNode(REF, p, 1, 0, r);
        for (String e : pathway.equivalents(ref.id())) {
          listenOnId(e, node);
        }
      } else if (r instanceof AllOf a) {
        node = newNode(GROUP, p, a.children().size(), 0, r);
      } else if (r instanceof AnyOf a) {
        node = newNode(GROUP, p, 1, 0, r);
      } else if (r instanceof AtLeast a) {
        node = newNode(GROUP, p, a.n(), 0, r);
      } else if (r instanceof AtLeastTagged t) {
        node = compileTagSet(p, t.n(), t.tag(), false, r);
      } else if (r instanceof Credits c) {
        List<String> members = List.copyOf(new LinkedHashSet<>(c.from()));
        node = compileSet(p, c.amount(), members, creditsOf(members), r, new IntList());
      } else if (r instanceof CreditsTagged c) {
        node = compileTagSet(p, c.amount(), c.tag(), true, r);
      } else {
        throw new AssertionError("unknown requirement type " + r.getClass());
      }
      if (p < 0) {
        owner.set(node, b * 2 + slot);
        rootNode[b][slot] = node;
      }
      int k = kind.get(node);
      if ((k == GROUP && need.get(node) <= 0) || (k == SET && amount.get(node) <= 0)) {
        initial.add(node);
      }
      List<Requirement> children = r.children();
      for (int i = children.size() - 1; i >= 0; i--) {
        todo.push(children.get(i));
        parents.push(node);
      }
    }
  }

  private double[] creditsOf(List<String> members) {
    return members.stream().mapToDouble(evaluator::creditsOf).toArray();
  }

  /** A tag rule: the first rule of its kind over the tag makes the classes, the others count on them. */
  private int compileTagSet(int p, double needed, String tag, boolean credits, Requirement r) {
    String key = (credits ? "c:" : "n:") + tag;
    int[] shared = tagClasses.get(key);
    if (shared != null) {
      int node = newNode(SET, p, 0, needed, r);
      for (int cls : shared) {
        classSets.get(cls).add(node);
      }
      return node;
    }
    List<String> members = evaluator.badgesWithTag(tag);
    double[] w = credits ? creditsOf(members) : new double[members.size()];
    if (!credits) {
      Arrays.fill(w, 1);
    }
    IntList classes = new IntList();
    int node = compileSet(p, needed, members, w, r, classes);
    tagClasses.put(key, classes.toArray());
    return node;
  }

  /**
   * A set rule over distinct {@code members}: one CLASS node per equivalence class (grouped as the
   * evaluator groups them), listening on every badge of the class; the classes are added to {@code
   * classes}.
   */
  private int compileSet(int p, double needed, List<String> members, double[] w, Requirement r,
      IntList classes) {
    int node = newNode(SET, p, 0, needed, r);
    Map<String, List<Integer>> byClass = new LinkedHashMap<>();
    for (int i = 0; i < members.size(); i++) {
      Set<String> eq = pathway.equivalents(members.get(i));
      String key = eq.size() == 1 ? members.get(i) : eq.iterator().next();
      byClass.computeIfAbsent(key, x -> new ArrayList<>()).add(i);
    }
    for (List<Integer> group : byClass.values()) {
      double[] classWeights = new double[group.size()];
      for (int i = 0; i < classWeights.length; i++) {
        classWeights[i] = w[group.get(i)];
      }
      Arrays.sort(classWeights);
      for (int i = 0, j = classWeights.length - 1; i < j; i++, j--) {
        double x = classWeights[i];
        classWeights[i] = classWeights[j];
        classWeights[j] = x;
      }
      int cls = newNode(CLASS, node, 0, 0, r);
      weights.set(cls, classWeights);
      IntList sets = new IntList();
      sets.add(node);
      classSets.set(cls, sets);
      classes.add(cls);
      String first = members.get(group.get(0));
      listenOnId(first, cls);
      for (String e : pathway.equivalents(first)) {
        if (!e.equals(first)) {
          listenOnId(e, cls);
        }
      }
    }
    return node;
  }

  private int newNode(int k, int p, int needed, double amt, Requirement r) {
    kind.add(k);
    parent.add(p);
    need.add(needed);
    owner.add(-1);
    amount.add(amt);
    sum.add(0.0);
    rule.add(r);
    weights.add(null);
    classSets.add(null);
    return kind.size() - 1;
  }

  private void listenOnId(String id, int node) {
    Integer b = firstIndex.get(id);
    if (b == null) {
      return;
    }
    if (idListeners[b] == null) {
      idListeners[b] = new IntList();
    }
    idListeners[b].add(node);
  }

  /** Marks {@code node} as holding and propagates to its ancestors and, at the root, its badge. */
  private void satisfy(int node) {
    while (!satisfied[node]) {
      satisfied[node] = true;
      int p = parent.get(node);
      if (p < 0) {
        rootHolds(owner.get(node));
        return;
      }
      need.set(p, need.get(p) - 1);
      if (need.get(p) > 0) {
        return;
      }
      node = p;
    }
  }

  private void rootHolds(int ownerSlot) {
    int b = ownerSlot / 2;
    rootHolds[b][ownerSlot % 2] = true;
    if (--rootsMissing[b] == 0) {
      markAttainable(b);
    }
  }

  private void markAttainable(int b) {
    if (!attainable[b]) {
      attainable[b] = true;
      queue.add(b);
    }
  }

  /** A set rule's running sum reached its amount: confirm with the evaluator, then satisfy. */
  private void checkSet(int node) {
    double amt = amount.get(node);
    if (satisfied[node] || sum.get(node) < amt - SLACK * Math.max(1, Math.abs(amt))) {
      return;
    }
    if (evaluator.holds(rule.get(node), held)) {
      satisfy(node);
    }
  }

  /** A growable list of doubles without boxing. */
  static final class DoubleList {
    private double[] items = new double[4];
    private int size;

    void add(double value) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = value;
    }

    double get(int i) {
      return items[i];
    }

    void set(int i, double value) {
      items[i] = value;
    }
  }
}
