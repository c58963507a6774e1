package org.pathwayengine.core.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
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
 * Decides whether a requirement expression holds over a set of held badge ids (SPEC section 3).
 *
 * <p><b>Equivalence.</b> A reference to {@code x} is satisfied by {@code x} or any badge equivalent to
 * it. A set rule (a tag rule, or a credits rule) names a set of member badges; each member counts when
 * it or an equivalent is held, but one held badge never counts for two members of the same rule (so
 * two equivalent members, one held award: one member counts). A credits rule adds up the counted
 * members' own credits, choosing the members with the most credits where an equivalence class offers a
 * choice; a badge without credits counts 0. Pass the badges a learner holds <em>directly</em> (not
 * expanded by equivalence): the evaluator applies equivalence itself, and expanding it first would let
 * one award count twice under {@code distinct}.
 *
 * <p><b>Cost.</b> Expressions without {@code distinct} are evaluated bottom-up in O(size of the
 * expression + size of the set rules' member lists) per call, iteratively (any depth is safe). A
 * {@code distinct} node only constrains its own subtree, so each outermost distinct node is decided on
 * its own: a flat one (every child a badge reference, or an {@code anyOf} of badge references) by
 * maximum bipartite matching of children to held badges, O(children x edges) with augmenting paths
 * (Kuhn 1955; Hopcroft and Karp 1973 for the bound); any other by an exact search for pairwise
 * disjoint witness sets: every inclusion-minimal way of satisfying a child with held badges not used by
 * its distinct siblings is tried, in continuation-passing style, until one assignment satisfies the
 * whole node. The search is worst-case exponential in the number of held badges the node names (small
 * for real rules); its recursion depth grows with the size of that one distinct subexpression, never
 * with the pathway. Thread-safe; immutable after construction.
 */
public final class RequirementEvaluator {
  private final Pathway pathway;
  private static final int MAX_CACHED_SET_RULES = 100_000;
  private final Map<String, List<String>> byTag = new HashMap<>();
  /**
   * Set rules built once per rule: building one is O(members), and the planner tests the same tag rule
   * over thousands of states (a tag may carry a tenth of a large pathway). Keyed by the rule's value,
   * which alone decides the set rule; concurrent so the evaluator stays thread-safe.
   */
  private final Map<Requirement, SetRule> setRules = new ConcurrentHashMap<>();

  /** An evaluator for the badges, tags and equivalences of {@code pathway}. */
  public RequirementEvaluator(Pathway pathway) {
    this.pathway = requireNonNull(pathway, "pathway");
    Set<String> seen = new HashSet<>();
    for (Badge b : pathway.badges()) {
      if (seen.add(b.id())) {
        for (String t : b.tags()) {
          byTag.computeIfAbsent(t, k -> new ArrayList<>()).add(b.id());
        }
      }
    }
  }

  /** The pathway whose badges, tags and equivalences this evaluator uses. */
  public Pathway pathway() {
    return pathway;
  }

  /** The ids of the pathway's badges that carry {@code tag}, in pathway order. */
  public List<String> badgesWithTag(String tag) {
    return byTag.getOrDefault(tag, List.of());
  }

  /** Whether {@code requirement} holds when exactly the badges in {@code held} are held. */
  public boolean holds(Requirement requirement, Set<String> held) {
    return holds(requirement, held::contains);
  }

  /** Whether {@code requirement} holds when the badges that {@code held} accepts are held. */
  public boolean holds(Requirement requirement, Predicate<String> held) {
    requireNonNull(requirement, "requirement");
    requireNonNull(held, "held");
    if (requirement instanceof BadgeRef b) {
      return heldOrEquivalent(b.id(), held);
    }
    int quick = decide(requirement, held, 1);
    if (quick >= 0) {
      return quick == 1;
    }
    return fold(requirement, (r, kids) -> {
      if (isDistinct(r)) {
        // A distinct node is stricter than its plain reading: reject cheaply first.
        return plainNode(r, kids, held) && distinct(r, held);
      }
      return plainNode(r, kids, held);
    });
  }

  /** Past this depth {@link #decide} leaves an expression to {@link #fold}, which needs no stack. */
  private static final int DECIDE_DEPTH = 64;

  /**
   * The plain reading of {@code r} decided from as few children as possible: references before the
   * rest (a set rule reads all its members), and a group stops at the first child that settles it.
   * Returns 1 or 0, or -1 when it meets a {@code distinct} node it must decide, or an expression
   * deeper than {@link #DECIDE_DEPTH}; the caller then folds the whole expression. Nodes are pure
   * functions of what is held, so skipping the children that cannot change a group's value changes
   * no result.
   */
  private int decide(Requirement r, Predicate<String> held, int depth) {
    if (r instanceof BadgeRef b) {
      return heldOrEquivalent(b.id(), held) ? 1 : 0;
    }
    if (r instanceof AtLeastTagged || r instanceof Credits || r instanceof CreditsTagged) {
      SetRule s = setRule(r);
      return s.value(held) >= s.need ? 1 : 0;
    }
    if (depth > DECIDE_DEPTH || isDistinct(r)) {
      return -1;
    }
    List<Requirement> ch = r.children();
    // allOf needs every child, anyOf one, atLeast n.
    int need = r instanceof AllOf ? ch.size() : r instanceof AtLeast a ? a.n() : 1;
    if (need <= 0) {
      return 1;
    }
    int got = 0;
    int left = ch.size();
    for (int pass = 0; pass < 2; pass++) {
      for (Requirement c : ch) {
        if ((c instanceof BadgeRef) != (pass == 0)) {
          continue;
        }
        int v = decide(c, held, depth + 1);
        if (v < 0) {
          return -1;
        }
        got += v;
        left--;
        if (got >= need) {
          return 1;
        }
        if (got + left < need) {
          return 0;
        }
      }
    }
    return got >= need ? 1 : 0;
  }

  /** Whether {@code id} or a badge equivalent to it is held. */
  public boolean heldOrEquivalent(String id, Predicate<String> held) {
    if (held.test(id)) {
      return true;
    }
    for (String e : pathway.equivalents(id)) {
      if (held.test(e)) {
        return true;
      }
    }
    return false;
  }

  /** The credits of a badge, 0 when it has none or is unknown. */
  public double creditsOf(String id) {
    return pathway.badge(id).map(b -> b.credits().orElse(0)).orElse(0.0);
  }

  /**
   * The held badges that count toward a leaf (a badge reference or a set rule), sorted: for a
   * reference, its held equivalents; for a set rule, the held badges matched to its members. Empty for
   * a group (its children say).
   */
  public List<String> countingBadges(Requirement leaf, Predicate<String> held) {
    Set<String> out = new TreeSet<>();
    if (leaf instanceof BadgeRef b) {
      for (String e : candidates(b.id())) {
        if (held.test(e)) {
          out.add(e);
        }
      }
    } else {
      SetRule s = setRule(leaf);
      if (s != null) {
        for (List<Integer> group : s.groups) {
          List<String> heldInClass = new ArrayList<>();
          for (String e : candidates(s.members.get(group.get(0)))) {
            if (held.test(e)) {
              heldInClass.add(e);
            }
          }
          out.addAll(heldInClass.subList(0, Math.min(group.size(), heldInClass.size())));
        }
      }
    }
    return List.copyOf(out);
  }

  /**
   * Folds an expression bottom-up without recursion: {@code combine} gets each node with its
   * children's results, in order.
   */
  public static <T> T fold(Requirement root, BiFunction<Requirement, List<T>, T> combine) {
    Deque<Requirement> nodes = new ArrayDeque<>();
    Deque<Boolean> expanded = new ArrayDeque<>();
    Deque<T> results = new ArrayDeque<>();
    nodes.push(root);
    expanded.push(false);
    while (!nodes.isEmpty()) {
      Requirement r = nodes.pop();
      boolean done = expanded.pop();
      List<Requirement> ch = r.children();
      if (done || ch.isEmpty()) {
        List<T> kids = new ArrayList<>(ch.size());
        for (int i = 0; i < ch.size(); i++) {
          kids.add(results.pop());
        }
        // Children were pushed last-first and so finish first-first: results hold them reversed.
        java.util.Collections.reverse(kids);
        results.push(combine.apply(r, kids));
      } else {
        nodes.push(r);
        expanded.push(true);
        for (int i = ch.size() - 1; i >= 0; i--) {
          nodes.push(ch.get(i));
          expanded.push(false);
        }
      }
    }
    return results.pop();
  }

  private static boolean isDistinct(Requirement r) {
    return (r instanceof AllOf a && a.distinct()) || (r instanceof AtLeast l && l.distinct());
  }

  /** The plain (non-distinct) reading of one node, given its children's results. */
  private boolean plainNode(Requirement r, List<Boolean> kids, Predicate<String> held) {
    if (r instanceof BadgeRef b) {
      return heldOrEquivalent(b.id(), held);
    } else if (r instanceof AllOf) {
      return !kids.contains(false);
    } else if (r instanceof AnyOf) {
      return kids.contains(true);
    } else if (r instanceof AtLeast a) {
      return kids.stream().filter(k -> k).count() >= a.n();
    } else if (r instanceof AtLeastTagged || r instanceof Credits || r instanceof CreditsTagged) {
      SetRule s = setRule(r);
      return s.value(held) >= s.need;
    }
    throw new AssertionError("unknown requirement type " + r);
  }

  /** Decides one distinct node whose plain reading holds. */
  private boolean distinct(Requirement r, Predicate<String> held) {
    List<Set<String>> options = flatOptions(r, held);
    if (options != null) {
      int need = r instanceof AtLeast a ? a.n() : r.children().size();
      return BipartiteMatching.maximum(options, need) >= need;
    }
    return search(r, held, Set.of(), w -> true);
  }

  /**
   * For a flat distinct node, the held badges each child can use; null when some child is not a badge
   * reference or an {@code anyOf} of badge references.
   */
  private List<Set<String>> flatOptions(Requirement r, Predicate<String> held) {
    List<Set<String>> options = new ArrayList<>();
    for (Requirement c : r.children()) {
      List<Requirement> refs;
      if (c instanceof BadgeRef) {
        refs = List.of(c);
      } else if (c instanceof AnyOf any && any.children().stream().allMatch(x -> x instanceof BadgeRef)) {
        refs = any.children();
      } else {
        return null;
      }
      Set<String> usable = new LinkedHashSet<>();
      for (Requirement ref : refs) {
        for (String e : candidates(((BadgeRef) ref).id())) {
          if (held.test(e)) {
            usable.add(e);
          }
        }
      }
      options.add(usable);
    }
    return options;
  }

  /** What to do with one witness set; returns true to stop the search with success. */
  private interface Continuation {
    boolean accept(Set<String> witness);
  }

  /**
   * Tries every inclusion-minimal witness of {@code r} (a set of held badges, none in {@code blocked},
   * that makes it hold) and returns true as soon as {@code k} accepts one. Minimal witnesses suffice:
   * a smaller witness leaves more badges to its distinct siblings.
   */
  private boolean search(Requirement r, Predicate<String> held, Set<String> blocked, Continuation k) {
    Predicate<String> usable = id -> held.test(id) && !blocked.contains(id);
    if (r instanceof BadgeRef b) {
      for (String e : candidates(b.id())) {
        if (usable.test(e) && k.accept(Set.of(e))) {
          return true;
        }
      }
      return false;
    } else if (r instanceof AnyOf a) {
      for (Requirement c : a.children()) {
        if (search(c, held, blocked, k)) {
          return true;
        }
      }
      return false;
    } else if (r instanceof AllOf a) {
      return all(a.children(), 0, a.distinct(), held, blocked, Set.of(), k);
    } else if (r instanceof AtLeast a) {
      return choose(a.children(), 0, a.n(), a.distinct(), held, blocked, Set.of(), k);
    } else if (r instanceof AtLeastTagged || r instanceof Credits || r instanceof CreditsTagged) {
      SetRule s = setRule(r);
      List<String> pool = new ArrayList<>();
      for (String m : s.members) {
        for (String e : candidates(m)) {
          if (usable.test(e) && !pool.contains(e)) {
            pool.add(e);
          }
        }
      }
      return s.subsets(pool, 0, new ArrayList<>(), k);
    }
    throw new AssertionError("unknown requirement type " + r);
  }

  private List<String> candidates(String id) {
    Set<String> eq = pathway.equivalents(id);
    if (eq.size() == 1 && eq.contains(id)) {
      return List.of(id);
    }
    List<String> out = new ArrayList<>();
    out.add(id);
    for (String e : eq) {
      if (!e.equals(id)) {
        out.add(e);
      }
    }
    return out;
  }

  private boolean all(List<Requirement> children, int i, boolean distinct, Predicate<String> held,
      Set<String> blocked, Set<String> acc, Continuation k) {
    if (i == children.size()) {
      return k.accept(acc);
    }
    Set<String> childBlocked = distinct ? union(blocked, acc) : blocked;
    return search(children.get(i), held, childBlocked,
        w -> all(children, i + 1, distinct, held, blocked, union(acc, w), k));
  }

  private boolean choose(List<Requirement> children, int i, int need, boolean distinct,
      Predicate<String> held, Set<String> blocked, Set<String> acc, Continuation k) {
    if (need == 0) {
      return k.accept(acc);
    }
    if (children.size() - i < need) {
      return false;
    }
    Set<String> childBlocked = distinct ? union(blocked, acc) : blocked;
    if (search(children.get(i), held, childBlocked,
        w -> choose(children, i + 1, need - 1, distinct, held, blocked, union(acc, w), k))) {
      return true;
    }
    return choose(children, i + 1, need, distinct, held, blocked, acc, k);
  }

  private static Set<String> union(Set<String> a, Set<String> b) {
    if (a.isEmpty()) {
      return b;
    }
    if (b.isEmpty()) {
      return a;
    }
    Set<String> u = new HashSet<>(a);
    u.addAll(b);
    return u;
  }

  /** The set rule behind a tag or credits leaf; null for any other node. */
  /**
   * How a set rule counts, for callers that decide it over their own representation of what is held:
   * per equivalence class of its members, the ids that count for the class and the members' weights,
   * heaviest first. The rule holds when the sum, over classes with h held candidates, of their
   * min(h, members) heaviest weights reaches {@code need}, added in this order.
   *
   * @param candidates per class, the ids whose holding counts for it
   * @param weights per class, its members' weights (1 for a count), heaviest first
   * @param need the total the rule asks for
   */
  public record SetRuleGroups(List<List<String>> candidates, List<double[]> weights, double need) {}

  /**
   * The groups of a tag or credits leaf ({@link SetRuleGroups}).
   *
   * @throws IllegalArgumentException if {@code leaf} is not a tag or credits rule
   */
  public SetRuleGroups setRuleGroups(Requirement leaf) {
    SetRule s = setRule(requireNonNull(leaf, "leaf"));
    if (s == null) {
      throw new IllegalArgumentException("not a tag or credits rule: " + leaf);
    }
    return s.view;
  }

  private SetRule setRule(Requirement r) {
    if (r instanceof AtLeastTagged || r instanceof Credits || r instanceof CreditsTagged) {
      SetRule cached = setRules.get(r);
      if (cached != null) {
        return cached;
      }
      SetRule built = buildSetRule(r);
      // Bounded: callers may test any number of ad hoc rules that are not the pathway's.
      if (setRules.size() < MAX_CACHED_SET_RULES) {
        setRules.putIfAbsent(r, built);
      }
      return built;
    }
    return null;
  }

  private SetRule buildSetRule(Requirement r) {
    if (r instanceof AtLeastTagged t) {
      List<String> m = badgesWithTag(t.tag());
      double[] w = new double[m.size()];
      Arrays.fill(w, 1);
      return new SetRule(m, w, t.n());
    } else if (r instanceof Credits c) {
      List<String> m = List.copyOf(new LinkedHashSet<>(c.from()));
      return new SetRule(m, m.stream().mapToDouble(this::creditsOf).toArray(), c.amount());
    } else if (r instanceof CreditsTagged c) {
      List<String> m = badgesWithTag(c.tag());
      return new SetRule(m, m.stream().mapToDouble(this::creditsOf).toArray(), c.amount());
    }
    return null;
  }

  /**
   * Members with weights (1 for a count, credits for a credits rule) and the total needed. Members are
   * grouped by equivalence class; a class with h held badges counts its min(h, members) heaviest
   * members.
   */
  private final class SetRule {
    final List<String> members;
    final double need;
    /** Member indexes per equivalence class, heaviest first. */
    final List<List<Integer>> groups = new ArrayList<>();
    /** Per group, the ids that count for it (its first member and that member's equivalents). */
    private final List<List<String>> groupCandidates = new ArrayList<>();
    private final double[] weights;
    /** The same groups for callers ({@link #setRuleGroups}), built once. */
    final SetRuleGroups view;

    SetRule(List<String> members, double[] weights, double need) {
      this.members = members;
      this.weights = weights;
      this.need = need;
      Map<String, List<Integer>> byClass = new LinkedHashMap<>();
      for (int i = 0; i < members.size(); i++) {
        String key = classKey(members.get(i));
        byClass.computeIfAbsent(key, x -> new ArrayList<>()).add(i);
      }
      for (List<Integer> g : byClass.values()) {
        g.sort((a, b) -> Double.compare(weights[b], weights[a]));
        groups.add(g);
        groupCandidates.add(candidates(members.get(g.get(0))));
      }
      List<double[]> groupWeights = new ArrayList<>(groups.size());
      for (List<Integer> g : groups) {
        double[] w = new double[g.size()];
        for (int k = 0; k < w.length; k++) {
          w[k] = weights[g.get(k)];
        }
        groupWeights.add(w);
      }
      view = new SetRuleGroups(List.copyOf(groupCandidates), List.copyOf(groupWeights), need);
    }

    private String classKey(String id) {
      Set<String> eq = pathway.equivalents(id);
      return eq.size() == 1 ? id : eq.iterator().next();
    }

    /** The value the held badges reach. */
    double value(Predicate<String> held) {
      double sum = 0;
      for (int gi = 0; gi < groups.size(); gi++) {
        List<Integer> g = groups.get(gi);
        int h = 0;
        for (String e : groupCandidates.get(gi)) {
          if (held.test(e)) {
            h++;
          }
        }
        for (int i = 0; i < Math.min(h, g.size()); i++) {
          sum += weights[g.get(i)];
        }
      }
      return sum;
    }

    /** Enumerates the inclusion-minimal subsets of {@code pool} that reach the need. */
    boolean subsets(List<String> pool, int i, List<String> acc, Continuation k) {
      Set<String> chosen = new HashSet<>(acc);
      if (value(chosen::contains) >= need) {
        return k.accept(Set.copyOf(acc));
      }
      if (i == pool.size()) {
        return false;
      }
      Set<String> all = new HashSet<>(chosen);
      all.addAll(pool.subList(i, pool.size()));
      if (value(all::contains) < need) {
        return false;
      }
      acc.add(pool.get(i));
      boolean done = subsets(pool, i + 1, acc, k);
      acc.remove(acc.size() - 1);
      return done || subsets(pool, i + 1, acc, k);
    }
  }
}
