package org.pathwayengine.core.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.EvaluationOptions;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.core.internal.RequirementEvaluator;
import org.pathwayengine.core.plan.internal.PlanIndex;

/**
 * Next steps for a learner: the badges they can start now, ranked, each with its reasons in words and
 * as data.
 *
 * <pre>{@code
 * Recommender.Recommendations r = Recommender.of(pathway).recommend(held,
 *     Optional.of(Goal.badge("si-nanodegree")), Recommender.Interests.of(Set.of("design"), Set.of()),
 *     5, EvaluationOptions.defaults());
 * }</pre>
 *
 * <p>Candidates are the badges a learner can start now: not stacked, not held (nor an equivalent of
 * them), and their {@code requires} holds over what is held (awarded credentials included). Each
 * scores the sum of its reasons' weights:
 *
 * <ul>
 *   <li>{@link ReasonKind#ON_PLAN} +100: on the cheapest plan to the goal ({@link GoalPlanner});
 *   <li>{@link ReasonKind#COMPLETES_CREDENTIAL} +30 when it completes a stacked credential, +10 when it
 *       is on the cheapest way to one that is not yet held;
 *   <li>{@link ReasonKind#MATCHES_INTEREST} +10 per matching tag or skill;
 *   <li>{@link ReasonKind#UNLOCKS} +5 per badge that becomes startable once it is held;
 *   <li>{@link ReasonKind#RECOMMENDED_ORDER} +2 per badge not yet held that recommends it first, -3 per
 *       badge it recommends first that is not yet held.
 * </ul>
 *
 * <p>Ranked by score, highest first, ties by id; at most {@code limit}. One goal plan, plus one per
 * stacked credential not held (each with an equal share of the options' total budget, capped at
 * {@value #CREDENTIAL_BUDGET} nodes, since those only explain), and for {@code UNLOCKS} one rule
 * evaluation per candidate and badge whose rules name the candidate (or a credential it completes):
 * O(badges + rule references) evaluations besides the plans when few badges depend on each.
 * Thread-safe; nothing about a learner is kept, so "what if" questions are asked by adding badges to
 * {@code held}.
 */
public final class Recommender {
  /** The search budget for the per-credential plans behind {@code COMPLETES_CREDENTIAL}. */
  public static final long CREDENTIAL_BUDGET = 2_000;

  private final GoalPlanner planner;
  private final RequirementEvaluator evaluator;
  private final List<Badge> badges;

  private Recommender(Pathway pathway) {
    this.planner = GoalPlanner.of(pathway);
    this.evaluator = new RequirementEvaluator(pathway);
    Set<String> seen = new HashSet<>();
    List<Badge> unique = new ArrayList<>();
    for (Badge b : pathway.badges()) {
      if (seen.add(b.id())) {
        unique.add(b);
      }
    }
    this.badges = List.copyOf(unique);
  }

  /** A recommender for {@code pathway}, which should validate without errors. */
  public static Recommender of(Pathway pathway) {
    return new Recommender(requireNonNull(pathway, "pathway"));
  }

  /**
   * What the learner is interested in.
   *
   * @param tags badge tags
   * @param skills skill ids or URIs
   */
  public record Interests(Set<String> tags, Set<String> skills) {
    /** Checks and copies the arguments. */
    public Interests {
      tags = Set.copyOf(tags);
      skills = Set.copyOf(skills);
    }

    /** No interests. */
    public static Interests none() {
      return new Interests(Set.of(), Set.of());
    }

    /** These tags and skills. */
    public static Interests of(Set<String> tags, Set<String> skills) {
      return new Interests(tags, skills);
    }
  }

  /** Why a badge is recommended. */
  public enum ReasonKind {
    /** On the cheapest plan to the goal: subjects = the goal (badge id, or its skills), count = its
     * position in the plan (1-based), total = the plan's size. */
    ON_PLAN,
    /** Makes further badges startable: subjects = those badges, count = how many. */
    UNLOCKS,
    /** On the cheapest way to a stacked credential: subjects = the credential, count = badges still
     * to earn after this one (0: this completes it), total = badges still to earn now. */
    COMPLETES_CREDENTIAL,
    /** Carries tags or skills the learner asked for: subjects = the matching tags and skills, count
     * = how many. */
    MATCHES_INTEREST,
    /** Soft ordering ({@code recommends}): subjects = the badges involved; count > 0 when those badges
     * recommend this one first, count &lt; 0 when this one recommends them first and they are not yet
     * held. */
    RECOMMENDED_ORDER
  }

  /**
   * One reason, in words and as data.
   *
   * @param kind what kind of reason
   * @param text the reason for people
   * @param subjects the ids (badges, tags, skills) it is about, as {@link ReasonKind} describes
   * @param count a number, as {@link ReasonKind} describes
   * @param total a second number, as {@link ReasonKind} describes; 0 where it has none
   */
  public record Reason(ReasonKind kind, String text, List<String> subjects, int count, int total) {
    /** Checks and copies the arguments. */
    public Reason {
      requireNonNull(kind, "kind");
      requireNonNull(text, "text");
      subjects = List.copyOf(subjects);
    }
  }

  /**
   * One recommended badge.
   *
   * @param badge the badge id
   * @param score the sum of its reasons' weights (see {@link Recommender})
   * @param reasons its reasons, strongest first
   */
  public record Recommendation(String badge, double score, List<Reason> reasons) {
    /** Checks and copies the arguments. */
    public Recommendation {
      requireNonNull(badge, "badge");
      reasons = List.copyOf(reasons);
    }
  }

  /**
   * The answer: the goal plan, if a goal was given, and the ranked next steps.
   *
   * @param plan the plan to the goal, or empty when no goal was given
   * @param next the badges to start now, best first
   */
  public record Recommendations(Optional<GoalPlan> plan, List<Recommendation> next) {
    /** Checks and copies the arguments. */
    public Recommendations {
      requireNonNull(plan, "plan");
      next = List.copyOf(next);
    }
  }

  /**
   * Ranks the badges the learner who holds {@code held} can start now.
   *
   * @param goal the goal to plan for, if any
   * @param interests tags and skills the learner asked for
   * @param limit at most this many recommendations, at least 1
   * @throws IllegalArgumentException if {@code limit} is below 1 or the goal names an unknown badge
   */
  public Recommendations recommend(Set<String> held, Optional<Goal> goal, Interests interests,
      int limit, EvaluationOptions options) {
    requireNonNull(held, "held");
    requireNonNull(goal, "goal");
    requireNonNull(interests, "interests");
    requireNonNull(options, "options");
    checkArgument(limit >= 1, "limit must be >= 1, was %s", limit);
    Optional<GoalPlan> plan = goal.map(g -> planner.plan(held, g, options));
    Set<String> have = closure(held);
    List<Badge> eligible = new ArrayList<>();
    Set<String> eligibleIds = new HashSet<>();
    for (Badge b : badges) {
      if (startable(b, have::contains)) {
        eligible.add(b);
        eligibleIds.add(b.id());
      }
    }
    List<Goal> credentials = new ArrayList<>();
    for (Badge c : badges) {
      if (c.isStacked() && !evaluator.heldOrEquivalent(c.id(), have::contains)) {
        credentials.add(Goal.badge(c.id()));
      }
    }
    EvaluationOptions credentialOptions = options.withSearchBudget(Math.min(CREDENTIAL_BUDGET,
        options.budgetPerSearch(Math.max(1, credentials.size()))));
    // One search per credential not held, sharing their search state (see GoalPlanner.planAll).
    Map<String, GoalPlan> credentialPlans = new HashMap<>();
    for (GoalPlan p : planner.planAll(held, credentials, credentialOptions)) {
      if (p.reachable() && !p.badges().isEmpty()) {
        credentialPlans.put(((Goal.OfBadge) p.goal()).badge(), p);
      }
    }
    // Built once: scanning every plan and every badge's "recommends" per candidate made a large
    // pathway's recommendations quadratic.
    Map<String, List<Map.Entry<String, GoalPlan>>> plansWith = new HashMap<>();
    for (Map.Entry<String, GoalPlan> e : new TreeMap<>(credentialPlans).entrySet()) {
      for (String id : new LinkedHashSet<>(e.getValue().badges())) {
        plansWith.computeIfAbsent(id, k -> new ArrayList<>()).add(e);
      }
    }
    Map<String, List<String>> recommendedBy = new HashMap<>();
    for (Badge other : badges) {
      for (String r : new LinkedHashSet<>(other.recommends())) {
        recommendedBy.computeIfAbsent(r, k -> new ArrayList<>()).add(other.id());
      }
    }
    List<Recommendation> out = new ArrayList<>();
    for (Badge b : eligible) {
      List<Reason> reasons = new ArrayList<>();
      double score = 0;
      if (plan.isPresent() && plan.get().reachable()) {
        int at = plan.get().badges().indexOf(b.id());
        if (at >= 0) {
          List<String> subject = goalSubjects(plan.get().goal());
          int size = plan.get().badges().size();
          reasons.add(new Reason(ReasonKind.ON_PLAN, "on the cheapest plan to "
              + String.join(", ", subject) + " (step " + (at + 1) + " of " + size + ")",
              subject, at + 1, size));
          score += 100;
        }
      }
      for (Map.Entry<String, GoalPlan> e : plansWith.getOrDefault(b.id(), List.of())) {
        List<String> rest = e.getValue().badges();
        int left = rest.size() - 1;
        String text = left == 0 ? "completes credential " + e.getKey()
            : "counts toward credential " + e.getKey() + " (" + left + " of " + rest.size()
                + " badges left after this one)";
        reasons.add(new Reason(ReasonKind.COMPLETES_CREDENTIAL, text, List.of(e.getKey()), left,
            rest.size()));
        score += left == 0 ? 30 : 10;
      }
      List<String> matches = new ArrayList<>();
      new TreeSet<>(b.tags()).stream().filter(interests.tags()::contains)
          .forEach(t -> matches.add(t));
      new TreeSet<>(b.skills()).stream().filter(interests.skills()::contains)
          .forEach(s -> matches.add(s));
      if (!matches.isEmpty()) {
        reasons.add(new Reason(ReasonKind.MATCHES_INTEREST,
            "matches your interests: " + String.join(", ", matches), matches, matches.size(), 0));
        score += 10 * matches.size();
      }
      List<String> unlocked = unlocks(b, have, eligibleIds);
      if (!unlocked.isEmpty()) {
        reasons.add(new Reason(ReasonKind.UNLOCKS, "unlocks " + unlocked.size()
            + (unlocked.size() == 1 ? " badge: " : " badges: ") + String.join(", ", unlocked),
            unlocked, unlocked.size(), 0));
        score += 5 * unlocked.size();
      }
      List<String> before = new ArrayList<>();
      for (String other : recommendedBy.getOrDefault(b.id(), List.of())) {
        if (!evaluator.heldOrEquivalent(other, have::contains)) {
          before.add(other);
        }
      }
      before.sort(null);
      if (!before.isEmpty()) {
        reasons.add(new Reason(ReasonKind.RECOMMENDED_ORDER, "recommended before "
            + String.join(", ", before), before, before.size(), 0));
        score += 2 * before.size();
      }
      List<String> first = new ArrayList<>(new TreeSet<>(b.recommends()));
      first.removeIf(r -> evaluator.heldOrEquivalent(r, have::contains));
      if (!first.isEmpty()) {
        reasons.add(new Reason(ReasonKind.RECOMMENDED_ORDER, "better after "
            + String.join(", ", first) + " (recommended first, not yet held)", first,
            -first.size(), 0));
        score -= 3 * first.size();
      }
      out.add(new Recommendation(b.id(), score, reasons));
    }
    out.sort(Comparator.comparingDouble((Recommendation r) -> -r.score())
        .thenComparing(Recommendation::badge));
    return new Recommendations(plan, out.subList(0, Math.min(limit, out.size())));
  }

  private static List<String> goalSubjects(Goal goal) {
    if (goal instanceof Goal.OfBadge g) {
      return List.of(g.badge());
    }
    return List.copyOf(((Goal.OfSkills) goal).skills());
  }

  private boolean startable(Badge b, Predicate<String> have) {
    return !b.isStacked() && !evaluator.heldOrEquivalent(b.id(), have)
        && holds(b.requires(), have);
  }

  /**
   * Badges not startable now that become startable once {@code b} is held, sorted. Only a badge whose
   * rules name {@code b} or a credential that {@code b} completes (directly, through an equivalent or a
   * tag) can change, so only those are tested: O(what depends on b), not O(badges).
   */
  private List<String> unlocks(Badge b, Set<String> have, Set<String> eligibleIds) {
    PlanIndex index = planner.index();
    // have plus b and what they award, without copying have (thousands of ids) per candidate.
    Set<String> extra = new HashSet<>();
    extra.add(b.id());
    Predicate<String> with = id -> extra.contains(id) || have.contains(id);
    // The closure of have + b, from what b can complete: have is closed, and rules are monotone.
    Deque<Integer> added = new ArrayDeque<>();
    added.add(index.indexOf(b.id()));
    Set<Integer> touched = new LinkedHashSet<>();
    while (!added.isEmpty()) {
      int x = added.poll();
      for (int d : index.dependants(x)) {
        touched.add(d);
        Badge c = index.badge(d);
        if (c != null && c.isStacked() && !with.test(c.id()) && holds(c.requires(), with)
            && holds(c.stack(), with)) {
          extra.add(c.id());
          added.add(d);
        }
      }
    }
    List<String> out = new ArrayList<>();
    for (int d : touched) {
      Badge u = index.badge(d);
      if (u != null && !u.id().equals(b.id()) && !eligibleIds.contains(u.id())
          && startable(u, with) && !evaluator.heldOrEquivalent(u.id(), have::contains)) {
        out.add(u.id());
      }
    }
    out.sort(null);
    return out;
  }

  private boolean holds(Optional<Requirement> r, Predicate<String> have) {
    return r.isEmpty() || evaluator.holds(r.get(), have);
  }

  private Set<String> closure(Set<String> held) {
    Set<String> out = new LinkedHashSet<>(held);
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Badge b : badges) {
        if (b.isStacked() && !out.contains(b.id()) && holds(b.requires(), out::contains)
            && holds(b.stack(), out::contains)) {
          out.add(b.id());
          changed = true;
        }
      }
    }
    return out;
  }
}
