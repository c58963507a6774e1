package org.pathwayengine.core.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Eligibility;
import org.pathwayengine.core.EvaluationOptions;
import org.pathwayengine.core.Explanation;
import org.pathwayengine.core.ExplanationNode;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.LearnerStatus;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Progress;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.core.Requirement.AllOf;
import org.pathwayengine.core.Requirement.AnyOf;
import org.pathwayengine.core.Requirement.AtLeast;
import org.pathwayengine.core.Requirement.AtLeastTagged;
import org.pathwayengine.core.Requirement.BadgeRef;
import org.pathwayengine.core.Requirement.Credits;
import org.pathwayengine.core.Requirement.CreditsTagged;
import org.pathwayengine.core.plan.Goal;
import org.pathwayengine.core.plan.GoalPlan;
import org.pathwayengine.core.plan.GoalPlanner;

/**
 * Evaluates learners against one pathway (SPEC sections 4 and 7); the work behind
 * {@link org.pathwayengine.core.PathwayEvaluator} and {@link org.pathwayengine.core.ScenarioRunner}.
 *
 * <p>Preparation is O(badges + dependency edges): a topological order of the dependency graph (Kahn
 * 1962), so that each stacked credential is decided after everything it depends on, credentials of
 * credentials included, without recursion. Deciding what a learner holds is then O(entries + size of
 * all rules) for pathways without {@code distinct} (plus one more pass per substitution that awards a
 * badge a credential needs); progress toward each incomplete credential is one call to the
 * {@link GoalPlanner}, the solver shared with goal plans. Immutable and thread-safe.
 */
public final class EvaluationEngine {
  private final Pathway pathway;
  private final RequirementEvaluator evaluator;
  private final GoalPlanner planner;
  /** The first badge of each id, in pathway order. */
  private final List<Badge> badges;
  /** Stacked credentials, dependencies first; those on a cycle (invalid pathways) last. */
  private final List<Badge> credentialOrder;
  private final boolean cyclic;
  private final Compilation compilation;
  /**
   * The compiled form that decides held and eligible badges once made; null before, and for the
   * reference path.
   */
  private volatile CompiledPathway compiled;
  /** Whether compiling was tried and failed (a cycle through equivalences): the reference path. */
  private volatile boolean uncompilable;
  /** Whether a state was asked for: {@link Compilation#ON_SECOND_USE} compiles on the next. */
  private final AtomicBoolean usedOnce = new AtomicBoolean();

  /**
   * When held and eligible badges are decided by {@link CompiledPathway} (where it can: acyclic
   * pathways, substitutes that are not credentials) rather than by the reference path over sets of
   * ids. Both give the same states; tests compare them.
   */
  private enum Compilation {
    /** Never: the reference path, which tests compare the compiled form with. */
    NEVER,
    /** From the first state on, compiled when the engine is made. */
    EAGER,
    /**
     * From the second state on. Compiling costs several times what one state costs on the
     * reference path (0.35-0.7 s against 0.07-0.18 s at 100 000 badges), so an engine that serves
     * one learner, as a command does, never pays for it.
     */
    ON_SECOND_USE
  }

  /** An engine for {@code pathway}, which should validate without errors, compiled on second use. */
  public EvaluationEngine(Pathway pathway) {
    this(pathway, Compilation.ON_SECOND_USE, null);
  }

  /** An engine for {@code pathway} that decides states by {@code compiled} from the start. */
  public EvaluationEngine(CompiledPathway compiled) {
    this(compiled.pathway(), Compilation.EAGER, compiled);
  }

  /**
   * An engine for {@code pathway}; with {@code compiled}, states are decided by
   * {@link CompiledPathway} from the start, else by the reference path alone.
   */
  public EvaluationEngine(Pathway pathway, boolean compiled) {
    this(pathway, compiled ? Compilation.EAGER : Compilation.NEVER, null);
  }

  private EvaluationEngine(Pathway pathway, Compilation compilation, CompiledPathway given) {
    this.pathway = requireNonNull(pathway, "pathway");
    this.compilation = requireNonNull(compilation, "compilation");
    this.evaluator = new RequirementEvaluator(pathway);
    this.planner = GoalPlanner.of(pathway);
    Map<String, Badge> first = new LinkedHashMap<>();
    for (Badge b : pathway.badges()) {
      first.putIfAbsent(b.id(), b);
    }
    this.badges = List.copyOf(first.values());
    List<String> order = DependencyLists.of(pathway).topologicalOrder();
    this.cyclic = order.size() < first.size();
    Set<String> placed = new LinkedHashSet<>(order);
    for (String id : first.keySet()) {
      placed.add(id);
    }
    List<Badge> credentials = new ArrayList<>();
    for (String id : placed) {
      Badge b = first.get(id);
      if (b.isStacked()) {
        credentials.add(b);
      }
    }
    this.credentialOrder = List.copyOf(credentials);
    if (given != null) {
      this.compiled = cyclic ? null : given;
    } else if (compilation == Compilation.EAGER) {
      compiledForState();
    }
  }

  /** Whether states are decided by the compiled form now (made, and the pathway compiles). */
  public boolean usesCompiledForm() {
    return compiled != null;
  }

  /** The compiled form for the state being asked for, compiling it when it is due; null if none. */
  private CompiledPathway compiledForState() {
    CompiledPathway c = compiled;
    if (c != null || uncompilable || cyclic || compilation == Compilation.NEVER) {
      return c;
    }
    if (compilation == Compilation.ON_SECOND_USE && !usedOnce.getAndSet(true)) {
      return null;
    }
    synchronized (this) {
      if (compiled == null && !uncompilable) {
        try {
          compiled = CompiledPathway.compile(pathway);
        } catch (IllegalArgumentException cycleThroughEquivalences) {
          uncompilable = true;
        }
      }
      return compiled;
    }
  }

  /** The requirement evaluator of this pathway. */
  public RequirementEvaluator requirements() {
    return evaluator;
  }

  /** The last state made, with the record (by identity) and the date it was made for. */
  private record LastState(LearnerRecord learner, LocalDate asOf, LearnerState state) {}

  /**
   * The last state made: a status followed by an explanation per credential, as the status command
   * prints it, asks for the same record's state thousands of times (72 s on 100 000 badges).
   */
  private volatile LastState last;

  /**
   * What {@code learner} holds on {@code asOf}, and what they can start. Asked again for the same
   * record object and date, the last state is returned without being made again (records are
   * immutable).
   */
  public LearnerState state(LearnerRecord learner, LocalDate asOf) {
    requireNonNull(learner, "learner");
    requireNonNull(asOf, "asOf");
    LastState l = last;
    if (l != null && l.learner() == learner && l.asOf().equals(asOf)) {
      return l.state();
    }
    LearnerState s = newState(learner, asOf);
    last = new LastState(learner, asOf, s);
    return s;
  }

  private LearnerState newState(LearnerRecord learner, LocalDate asOf) {
    Set<String> direct = new HashSet<>();
    Set<String> expired = new TreeSet<>();
    Set<String> untrusted = new TreeSet<>();
    Set<String> unmatched = new TreeSet<>();
    Set<String> trustedEntries = new HashSet<>();
    for (LearnerRecord.Entry entry : learner.entries()) {
      Optional<String> resolved = pathway.resolve(entry.badge());
      if (resolved.isEmpty()) {
        unmatched.add(entry.badge());
        continue;
      }
      Badge badge = pathway.badge(resolved.get()).orElseThrow();
      if (!trusted(badge, entry.issuer())) {
        untrusted.add(badge.id());
        continue;
      }
      trustedEntries.add(badge.id());
      if (!entry.earned().isAfter(asOf)) {
        Optional<LocalDate> expiry = entry.expires()
            .or(() -> badge.validFor().map(p -> entry.earned().plus(p)));
        if (expiry.isPresent() && !asOf.isBefore(expiry.get())) {
          expired.add(badge.id());
        } else {
          direct.add(badge.id());
        }
      }
    }
    for (String name : learner.waived()) {
      pathway.resolve(name).ifPresentOrElse(direct::add, () -> unmatched.add(name));
    }
    Map<String, String> substitutions = new LinkedHashMap<>();
    learner.substitutions().forEach((badge, substitute) -> {
      Optional<String> b = pathway.resolve(badge);
      Optional<String> s = pathway.resolve(substitute);
      if (b.isEmpty()) {
        unmatched.add(badge);
      }
      if (s.isEmpty()) {
        unmatched.add(substitute);
      }
      if (b.isPresent() && s.isPresent()) {
        substitutions.put(b.get(), s.get());
      }
    });

    // Substitutions and credentials feed each other: repeat until nothing new is awarded. Acyclic
    // pathways need one more pass only when a substitution awarded something after the last one.
    CompiledPathway compiled = compiledForState();
    CompiledPathway.Result fast =
        compiled == null ? null : compiled.evaluate(direct, substitutions).orElse(null);
    if (fast != null) {
      direct.addAll(compiled.idsOf(fast.directBits()));
    }
    boolean again = fast == null;
    while (again) {
      applySubstitutions(substitutions, direct);
      boolean awarded = awardCredentials(direct);
      again = applySubstitutions(substitutions, direct) || (cyclic && awarded);
    }

    Set<String> held = new TreeSet<>();
    for (String d : direct) {
      for (String e : pathway.equivalents(d)) {
        // an equivalence may name an unknown badge (validation reports it): never report it held
        if (pathway.hasBadge(e)) {
          held.add(e);
        }
      }
    }
    expired.removeAll(held);
    untrusted.removeAll(held);
    // Untrusted means only untrusted entries: a trusted one that expired is reported as expired.
    untrusted.removeAll(trustedEntries);
    List<Eligibility> eligible = new ArrayList<>();
    for (Badge b : badges) {
      boolean canStart = fast != null
          ? compiled.contains(fast.eligibleBits(), b.id())
          : !b.isStacked() && !held.contains(b.id())
              && b.requires().map(r -> evaluator.holds(r, direct)).orElse(true);
      if (canStart) {
        eligible.add(new Eligibility(b.id(), missingCoRequisites(b, direct, held)));
      }
    }
    return new LearnerState(direct, List.copyOf(held), List.copyOf(expired),
        List.copyOf(untrusted), List.copyOf(unmatched), eligible);
  }

  private boolean trusted(Badge badge, Optional<String> issuer) {
    List<String> trust = badge.trustedIssuers().isEmpty()
        ? pathway.trustedIssuers() : badge.trustedIssuers();
    return trust.isEmpty() || issuer.filter(trust::contains).isPresent();
  }

  private boolean applySubstitutions(Map<String, String> substitutions, Set<String> direct) {
    boolean changed = false;
    for (Map.Entry<String, String> s : substitutions.entrySet()) {
      if (!direct.contains(s.getKey()) && evaluator.heldOrEquivalent(s.getValue(), direct::contains)) {
        direct.add(s.getKey());
        changed = true;
      }
    }
    return changed;
  }

  /** Awards, in dependency order, every credential whose requires and stack hold. */
  private boolean awardCredentials(Set<String> direct) {
    boolean changed = false;
    Predicate<String> held = direct::contains;
    for (Badge c : credentialOrder) {
      if (!direct.contains(c.id())
          && c.requires().map(r -> evaluator.holds(r, held)).orElse(true)
          && evaluator.holds(c.stack().orElseThrow(), held)) {
        direct.add(c.id());
        changed = true;
      }
    }
    return changed;
  }

  /** The badges of an unmet {@code coRequires} that are not held, sorted; empty when it holds. */
  private List<String> missingCoRequisites(Badge b, Set<String> direct, Set<String> held) {
    if (b.coRequires().isEmpty() || evaluator.holds(b.coRequires().get(), direct)) {
      return List.of();
    }
    Requirement co = b.coRequires().get();
    Set<String> missing = new TreeSet<>();
    for (String id : co.referencedBadges()) {
      if (!held.contains(id)) {
        missing.add(id);
      }
    }
    for (String tag : co.referencedTags()) {
      for (String id : evaluator.badgesWithTag(tag)) {
        if (!held.contains(id)) {
          missing.add(id);
        }
      }
    }
    return List.copyOf(missing);
  }

  /** The full status of {@code learner} on {@code asOf}: state plus progress toward every credential. */
  public LearnerStatus status(LearnerRecord learner, LocalDate asOf, EvaluationOptions options) {
    requireNonNull(options, "options");
    LearnerState s = state(learner, asOf);
    List<String> credentials = badges.stream().filter(Badge::isStacked).map(Badge::id).sorted().toList();
    // One planner search per credential not held; planAll runs them on every core, each thread
    // reusing its search state from one credential to the next.
    List<Goal> open = credentials.stream().filter(c -> !s.isHeld(c)).map(Goal::badge).toList();
    EvaluationOptions each = open.isEmpty() ? options
        : options.withSearchBudget(options.budgetPerSearch(open.size()));
    Iterator<GoalPlan> plans = planner.planAll(s.direct(), open, each).iterator();
    List<Progress> progress = new ArrayList<>(credentials.size());
    for (String c : credentials) {
      progress.add(s.isHeld(c) ? complete(c) : progress(c, plans.next()));
    }
    return new LearnerStatus(asOf, s.held(), s.expired(), s.untrusted(), s.unmatched(), s.eligible(),
        progress);
  }

  /**
   * Progress toward one stacked credential: complete, or the cheapest remaining badges as the
   * {@link GoalPlanner} finds them.
   */
  public Progress progress(LearnerState state, String credential, EvaluationOptions options) {
    checkArgument(pathway.badge(credential).map(Badge::isStacked).orElse(false),
        "'%s' is not a stacked credential of pathway %s", credential, pathway.id());
    if (state.isHeld(credential)) {
      return complete(credential);
    }
    return progress(credential, planner.plan(state.direct(), Goal.badge(credential), options));
  }

  private static Progress complete(String credential) {
    return new Progress(credential, true, List.of(), true, 0, true);
  }

  private static Progress progress(String credential, GoalPlan plan) {
    List<String> remaining = plan.reachable()
        ? plan.badges().stream().sorted().toList() : List.of();
    return new Progress(credential, false, remaining, plan.reachable(), plan.cost(), plan.optimal());
  }

  /** Why {@code badgeId} is or is not held and eligible. */
  public Explanation explain(LearnerRecord learner, LocalDate asOf, String badgeId) {
    requireNonNull(badgeId, "badge");
    Badge badge = pathway.badge(badgeId).orElseThrow(() -> new IllegalArgumentException(
        "pathway " + pathway.id() + " has no badge '" + badgeId + "'"));
    LearnerState s = state(learner, asOf);
    Predicate<String> held = s.direct()::contains;
    return new Explanation(badge.id(), s.isHeld(badge.id()), s.isEligible(badge.id()),
        badge.requires().map(r -> explain(r, held)),
        badge.coRequires().map(r -> explain(r, held)),
        badge.stack().map(r -> explain(r, held)));
  }

  /** The expression tree of {@code r}, each node marked, over the badges {@code held} accepts. */
  public ExplanationNode explain(Requirement r, Predicate<String> held) {
    return RequirementEvaluator.<ExplanationNode>fold(r, (node, kids) -> {
      boolean holds;
      List<String> by;
      if (kids.isEmpty() && node.children().isEmpty()) {
        holds = evaluator.holds(node, held);
        by = evaluator.countingBadges(node, held);
      } else {
        Set<String> union = new TreeSet<>();
        kids.forEach(k -> union.addAll(k.satisfiedBy()));
        by = List.copyOf(union);
        if (node.usesDistinct()) {
          holds = evaluator.holds(node, held);
        } else {
          long n = kids.stream().filter(ExplanationNode::holds).count();
          if (node instanceof AllOf) {
            holds = n == kids.size();
          } else if (node instanceof AnyOf) {
            holds = n >= 1;
          } else if (node instanceof AtLeast a) {
            holds = n >= a.n();
          } else {
            throw new AssertionError("unknown group " + node);
          }
        }
      }
      return new ExplanationNode(node.op(), label(node), holds, by, kids);
    });
  }

  /** A short description of one node for people. */
  static String label(Requirement r) {
    if (r instanceof BadgeRef b) {
      return b.id();
    } else if (r instanceof AllOf a) {
      return "all of " + a.children().size() + (a.distinct() ? ", distinct" : "");
    } else if (r instanceof AnyOf a) {
      return "any of " + a.children().size();
    } else if (r instanceof AtLeast a) {
      return a.n() + " of " + a.children().size() + (a.distinct() ? ", distinct" : "");
    } else if (r instanceof AtLeastTagged t) {
      return t.n() + (t.n() == 1 ? " badge" : " badges") + " with tag " + t.tag();
    } else if (r instanceof Credits c) {
      return number(c.amount()) + " credits from " + String.join(", ", c.from());
    } else if (r instanceof CreditsTagged c) {
      return number(c.amount()) + " credits from tag " + c.tag();
    }
    throw new AssertionError("unknown requirement type " + r);
  }

  private static String number(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
