package org.pathwayengine.bench;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.traverse.TopologicalOrderIterator;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Dependency;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Requirement;

/**
 * The baseline the benchmarks compare with: the straightforward evaluator a developer would write
 * first. It evaluates requirement expression trees recursively over a {@code HashSet<String>} of held
 * badge ids, awards stacked credentials in a dependency order computed once, and tests every badge
 * for eligibility. Equivalences, trust, waivers and substitutions are left out (the synthetic
 * pathways have none), which only flatters the baseline.
 *
 * <p>O(badges + size of all rules) hash look-ups per learner; recursion as deep as the deepest
 * expression. Immutable and thread-safe after construction.
 */
public final class NaiveEvaluator {
  private final List<Badge> badges = new ArrayList<>();
  private final List<Badge> credentialsInOrder = new ArrayList<>();
  private final Map<String, Badge> byId = new HashMap<>();
  private final Map<String, List<String>> byTag = new HashMap<>();

  /** A baseline evaluator for {@code pathway}, which must be acyclic. */
  public NaiveEvaluator(Pathway pathway) {
    requireNonNull(pathway, "pathway");
    for (Badge b : pathway.badges()) {
      if (byId.putIfAbsent(b.id(), b) == null) {
        badges.add(b);
        for (String t : b.tags()) {
          byTag.computeIfAbsent(t, k -> new ArrayList<>()).add(b.id());
        }
      }
    }
    Graph<String, Dependency> g = pathway.dependencyGraph();
    new TopologicalOrderIterator<>(g).forEachRemaining(id -> {
      Badge b = byId.get(id);
      if (b != null && b.isStacked()) {
        credentialsInOrder.add(b);
      }
    });
  }

  /**
   * Held and eligible badge ids.
   *
   * @param held the badges held, stacked credentials included
   * @param eligible the badges without a stack rule that are not held and whose prerequisites hold
   */
  public record Result(Set<String> held, Set<String> eligible) {}

  /** The ids whose entries count on {@code asOf}: earned on or before it and not yet expired. */
  public Set<String> counting(LearnerRecord learner, LocalDate asOf) {
    Set<String> held = new HashSet<>();
    for (LearnerRecord.Entry e : learner.entries()) {
      Badge b = byId.get(e.badge());
      if (b == null || e.earned().isAfter(asOf)) {
        continue;
      }
      LocalDate expiry = e.expires().orElse(
          b.validFor().map(p -> e.earned().plus(p)).orElse(null));
      if (expiry == null || asOf.isBefore(expiry)) {
        held.add(b.id());
      }
    }
    return held;
  }

  /** Evaluates {@code learner} on {@code asOf}. */
  public Result evaluate(LearnerRecord learner, LocalDate asOf) {
    return evaluate(counting(learner, asOf));
  }

  /** Evaluates a learner whose counting badges are {@code counting} (the set is copied). */
  public Result evaluate(Set<String> counting) {
    Set<String> held = new HashSet<>(counting);
    for (Badge c : credentialsInOrder) {
      if (!held.contains(c.id())
          && (c.requires().isEmpty() || holds(c.requires().get(), held))
          && holds(c.stack().get(), held)) {
        held.add(c.id());
      }
    }
    Set<String> eligible = new HashSet<>();
    for (Badge b : badges) {
      if (!b.isStacked() && !held.contains(b.id())
          && (b.requires().isEmpty() || holds(b.requires().get(), held))) {
        eligible.add(b.id());
      }
    }
    return new Result(held, eligible);
  }

  /** Sorted copies, for comparisons. */
  public static List<List<String>> sorted(Result r) {
    return List.of(List.copyOf(new TreeSet<>(r.held())), List.copyOf(new TreeSet<>(r.eligible())));
  }

  /** Whether {@code r} holds over {@code held}, recursively (no {@code distinct} support). */
  public boolean holds(Requirement r, Set<String> held) {
    if (r instanceof Requirement.BadgeRef b) {
      return held.contains(b.id());
    } else if (r instanceof Requirement.AllOf a) {
      for (Requirement c : a.children()) {
        if (!holds(c, held)) {
          return false;
        }
      }
      return true;
    } else if (r instanceof Requirement.AnyOf a) {
      for (Requirement c : a.children()) {
        if (holds(c, held)) {
          return true;
        }
      }
      return false;
    } else if (r instanceof Requirement.AtLeast a) {
      int n = 0;
      for (Requirement c : a.children()) {
        if (holds(c, held) && ++n >= a.n()) {
          return true;
        }
      }
      return false;
    } else if (r instanceof Requirement.AtLeastTagged t) {
      int n = 0;
      for (String id : byTag.getOrDefault(t.tag(), List.of())) {
        if (held.contains(id) && ++n >= t.n()) {
          return true;
        }
      }
      return false;
    } else if (r instanceof Requirement.Credits c) {
      double sum = 0;
      for (String id : new java.util.LinkedHashSet<>(c.from())) {
        if (held.contains(id)) {
          sum += creditsOf(id);
        }
      }
      return sum >= c.amount();
    } else if (r instanceof Requirement.CreditsTagged c) {
      double sum = 0;
      for (String id : byTag.getOrDefault(c.tag(), List.of())) {
        if (held.contains(id)) {
          sum += creditsOf(id);
        }
      }
      return sum >= c.amount();
    }
    throw new AssertionError("unknown requirement type " + r);
  }

  private double creditsOf(String id) {
    Badge b = byId.get(id);
    return b == null ? 0 : b.credits().orElse(0);
  }
}
