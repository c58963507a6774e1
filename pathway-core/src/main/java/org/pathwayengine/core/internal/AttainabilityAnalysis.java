package org.pathwayengine.core.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * {@code requires} and (for a stacked credential) its {@code stack} hold while every attainable badge is
 * held". Co-requisites do not block (SPEC section 4). Because every expression is monotone (with
 * {@code distinct} too: a witness over fewer held badges stays a witness over more), this is exactly the
 * set of badges that some order of earning non-stacked badges, with stacked credentials awarded as soon
 * as their rules hold, reaches.
 *
 * <p>Counting-based propagation in the manner of Dowling and Gallier's linear-time Horn satisfiability
 * ("Linear-time algorithms for testing the satisfiability of propositional Horn formulae", J. Logic
 * Programming 1(3), 1984): every group keeps how many children still have to hold, credits rules a
 * running sum, and each badge that becomes attainable notifies the references, credits members and tag
 * rules that name it. Time O(total expression size + tag-rule size x tagged badges), no recursion.
 * Semantics follow {@link RequirementEvaluator} exactly (equivalences, credits counted per member
 * occurrence, tag lists per tag occurrence). An expression with {@code distinct} is instead checked
 * exactly with {@link RequirementEvaluator} each time a badge it names becomes attainable, when it is
 * small enough for that ({@value #EXACT_LIMIT} nodes and members, depth at most 64); a larger one is
 * treated as if {@code distinct} were absent, an over-approximation that may miss its unattainability.
 * Only the first badge of a duplicated id is considered.
 */
final class AttainabilityAnalysis {
  static final int EXACT_LIMIT = 256;
  private static final int MAX_DEPTH = 64;

  private static final int GROUP = 0;
  private static final int REF = 1;
  private static final int MEMBER = 2;
  private static final int CREDITS = 3;
  private static final int TAG_COUNT = 4;
  private static final int TAG_CREDITS = 5;
  private static final int EXACT = 6;

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
  private boolean[] satisfied;

  private final IntList[] idListeners;
  private final Map<String, IntList> tagListeners = new HashMap<>();
  private final int[] rootsMissing;
  private final boolean[] attainable;
  private final boolean[][] rootHolds;
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
    for (int b = 0; b < badges.size(); b++) {
      if (firstIndex.get(badges.get(b).id()) == b && rootsMissing[b] == 0) {
        markAttainable(b);
      }
    }
    for (int i = 0; i < initial.size(); i++) {
      satisfy(initial.get(i));
    }
    for (int i = 0; i < exactRoots.size(); i++) {
      checkExact(exactRoots.get(i));
    }
    while (!queue.isEmpty()) {
      int b = queue.poll();
      IntList listeners = idListeners[b];
      if (listeners != null) {
        for (int i = 0; i < listeners.size(); i++) {
          int node = listeners.get(i);
          int k = kind.get(node);
          if (k == REF) {
            satisfy(node);
          } else if (k == MEMBER) {
            if (!satisfied[node]) {
              satisfied[node] = true;
              int c = parent.get(node);
              sum.set(c, sum.get(c) + amount.get(node));
              checkCredits(c);
            }
          } else if (k == EXACT) {
            checkExact(node);
          }
        }
      }
      double credits = evaluator.creditsOf(badges.get(b).id());
      for (String tag : badges.get(b).tags()) {
        IntList nodes = tagListeners.get(tag);
        if (nodes == null) {
          continue;
        }
        for (int i = 0; i < nodes.size(); i++) {
          int node = nodes.get(i);
          if (kind.get(node) == TAG_COUNT) {
            need.set(node, need.get(node) - 1);
            if (need.get(node) <= 0) {
              satisfy(node);
            }
          } else {
            sum.set(node, sum.get(node) + credits);
            checkCredits(node);
          }
        }
      }
    }
    return this;
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
      return;
    }
    rootsMissing[b]++;
    Requirement root = expr.get();
    if (root.usesDistinct() && root.depth() <= MAX_DEPTH && size(root) <= EXACT_LIMIT) {
      int node = newNode(EXACT, -1, 0, 0, root);
      owner.set(node, b * 2 + slot);
      exactRoots.add(node);
      for (String id : root.referencedBadges()) {
        for (String e : pathway.equivalents(id)) {
          listenOnId(e, node);
        }
      }
      for (String tag : root.referencedTags()) {
        for (String id : evaluator.badgesWithTag(tag)) {
          listenOnId(id, node);
        }
      }
      return;
    }
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
        node = newNode(TAG_COUNT, p, t.n(), 0, r);
        tagListeners.computeIfAbsent(t.tag(), k -> new IntList()).add(node);
      } else if (r instanceof Credits c) {
        node = newNode(CREDITS, p, 0, c.amount(), r);
        for (String id : c.from()) {
          int member = newNode(MEMBER, node, 1, evaluator.creditsOf(id), r);
          for (String e : pathway.equivalents(id)) {
            listenOnId(e, member);
          }
        }
      } else if (r instanceof CreditsTagged c) {
        node = newNode(TAG_CREDITS, p, 0, c.amount(), r);
        tagListeners.computeIfAbsent(c.tag(), k -> new IntList()).add(node);
      } else {
        throw new AssertionError("unknown requirement type " + r.getClass());
      }
      if (p < 0) {
        owner.set(node, b * 2 + slot);
      }
      int k = kind.get(node);
      if ((k == GROUP && need.get(node) <= 0)
          || ((k == CREDITS || k == TAG_CREDITS) && amount.get(node) <= 0)) {
        initial.add(node);
      }
      List<Requirement> children = r.children();
      for (int i = children.size() - 1; i >= 0; i--) {
        todo.push(children.get(i));
        parents.push(node);
      }
    }
  }

  private int newNode(int k, int p, int needed, double amt, Requirement r) {
    kind.add(k);
    parent.add(p);
    need.add(needed);
    owner.add(-1);
    amount.add(amt);
    sum.add(0.0);
    rule.add(r);
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

  /** A running sum reached its amount: confirm in the evaluator's summation order, then satisfy. */
  private void checkCredits(int node) {
    if (satisfied[node] || sum.get(node) < amount.get(node)) {
      return;
    }
    if (evaluator.holds(rule.get(node), held)) {
      satisfy(node);
    }
  }

  private void checkExact(int node) {
    if (!satisfied[node] && evaluator.holds(rule.get(node), held)) {
      satisfy(node);
    }
  }

  /** Nodes plus credits members, stopping early past the exact-evaluation limit. */
  private static int size(Requirement root) {
    int count = 0;
    ArrayDeque<Requirement> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty() && count <= EXACT_LIMIT) {
      Requirement r = stack.pop();
      count++;
      if (r instanceof Credits c) {
        count += c.from().size();
      }
      r.children().forEach(stack::push);
    }
    return count;
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

  /** A growable list of ints without boxing. */
  static final class IntList {
    private int[] items = new int[4];
    private int size;

    void add(int value) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = value;
    }

    int get(int i) {
      return items[i];
    }

    void set(int i, int value) {
      items[i] = value;
    }

    int size() {
      return size;
    }
  }
}
