package org.pathwayengine.core.internal;

import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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
 * Decides whether a requirement expression holds over a set of held badge ids (SPEC section 3).
 *
 * <p>A reference to {@code x} is satisfied by {@code x} or any badge equivalent to it. A credits rule
 * counts, for each member (or tagged badge) that is held (or has a held equivalent), that member's own
 * credits; a badge without credits counts 0.
 *
 * <p>Expressions without {@code distinct} are evaluated directly in O(size of the expression) per call.
 * With {@code distinct}, evaluation is an exact search for pairwise disjoint witness sets: every way of
 * satisfying a child with held badges not used by its distinct siblings is tried, in continuation-passing
 * style, until one assignment satisfies the whole expression; worst case exponential in the number of
 * held badges the expression names, which is small for real rules. Recursion depth is bounded by the
 * expression's depth (validation limits it to 64). Thread-safe; immutable after construction.
 */
public final class RequirementEvaluator {
  private final Pathway pathway;
  private final Map<String, List<String>> byTag = new HashMap<>();

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
    if (!requirement.usesDistinct()) {
      return plain(requirement, held);
    }
    return search(requirement, held, Set.of(), w -> true);
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

  private boolean plain(Requirement r, Predicate<String> held) {
    if (r instanceof BadgeRef b) {
      return heldOrEquivalent(b.id(), held);
    } else if (r instanceof AllOf a) {
      for (Requirement c : a.children()) {
        if (!plain(c, held)) {
          return false;
        }
      }
      return true;
    } else if (r instanceof AnyOf a) {
      for (Requirement c : a.children()) {
        if (plain(c, held)) {
          return true;
        }
      }
      return false;
    } else if (r instanceof AtLeast a) {
      int count = 0;
      for (Requirement c : a.children()) {
        if (plain(c, held) && ++count >= a.n()) {
          return true;
        }
      }
      return false;
    } else if (r instanceof AtLeastTagged t) {
      int count = 0;
      for (String id : badgesWithTag(t.tag())) {
        if (held.test(id) && ++count >= t.n()) {
          return true;
        }
      }
      return false;
    } else if (r instanceof Credits c) {
      double sum = 0;
      for (String id : c.from()) {
        if (heldOrEquivalent(id, held)) {
          sum += creditsOf(id);
        }
      }
      return sum >= c.amount();
    } else if (r instanceof CreditsTagged c) {
      double sum = 0;
      for (String id : badgesWithTag(c.tag())) {
        if (held.test(id)) {
          sum += creditsOf(id);
        }
      }
      return sum >= c.amount();
    }
    throw new AssertionError("unknown requirement type " + r);
  }

  /** What to do with one witness set; returns true to stop the search with success. */
  private interface Continuation {
    boolean accept(Set<String> witness);
  }

  /**
   * Tries every witness of {@code r} (a set of held badges, none in {@code blocked}, that makes it hold)
   * and returns true as soon as {@code k} accepts one.
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
    } else if (r instanceof AtLeastTagged t) {
      List<String> pool = badgesWithTag(t.tag()).stream().filter(usable).toList();
      return subsetsOfSize(pool, 0, t.n(), new ArrayList<>(), k);
    } else if (r instanceof Credits c) {
      List<String> pool = new ArrayList<>();
      Map<String, Double> value = new HashMap<>();
      for (String id : c.from()) {
        for (String e : candidates(id)) {
          if (usable.test(e) && !value.containsKey(e)) {
            pool.add(e);
            value.put(e, creditsOf(id));
          }
        }
      }
      return creditSubsets(pool, value, 0, c.amount(), 0, new ArrayList<>(), k);
    } else if (r instanceof CreditsTagged c) {
      List<String> pool = badgesWithTag(c.tag()).stream().filter(usable).toList();
      Map<String, Double> value = new HashMap<>();
      pool.forEach(id -> value.put(id, creditsOf(id)));
      return creditSubsets(pool, value, 0, c.amount(), 0, new ArrayList<>(), k);
    }
    throw new AssertionError("unknown requirement type " + r);
  }

  private List<String> candidates(String id) {
    Set<String> eq = pathway.equivalents(id);
    if (eq.contains(id) && eq.size() == 1) {
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

  private static boolean subsetsOfSize(List<String> pool, int i, int need, List<String> acc,
      Continuation k) {
    if (need == 0) {
      return k.accept(Set.copyOf(acc));
    }
    if (pool.size() - i < need) {
      return false;
    }
    acc.add(pool.get(i));
    boolean done = subsetsOfSize(pool, i + 1, need - 1, acc, k);
    acc.remove(acc.size() - 1);
    return done || subsetsOfSize(pool, i + 1, need, acc, k);
  }

  private static boolean creditSubsets(List<String> pool, Map<String, Double> value, int i,
      double need, double sum, List<String> acc, Continuation k) {
    if (sum >= need) {
      return k.accept(Set.copyOf(acc));
    }
    if (i == pool.size()) {
      return false;
    }
    String id = pool.get(i);
    acc.add(id);
    boolean done = creditSubsets(pool, value, i + 1, need, sum + value.get(id), acc, k);
    acc.remove(acc.size() - 1);
    return done || creditSubsets(pool, value, i + 1, need, sum, acc, k);
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
}
