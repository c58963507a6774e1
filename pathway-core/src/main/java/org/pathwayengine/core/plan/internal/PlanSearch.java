package org.pathwayengine.core.plan.internal;

import static java.util.Objects.requireNonNull;

import com.google.common.collect.Lists;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntToDoubleFunction;
import java.util.function.Predicate;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.CostMeasure;
import org.pathwayengine.core.EvaluationOptions;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.core.Requirement.AllOf;
import org.pathwayengine.core.Requirement.AnyOf;
import org.pathwayengine.core.Requirement.AtLeast;
import org.pathwayengine.core.Requirement.AtLeastTagged;
import org.pathwayengine.core.Requirement.BadgeRef;
import org.pathwayengine.core.Requirement.Credits;
import org.pathwayengine.core.Requirement.CreditsTagged;
import org.pathwayengine.core.internal.RequirementEvaluator;
import org.pathwayengine.core.plan.Goal;

/**
 * One goal-plan search: the exact minimum-cost set of badges to earn so that a goal holds, by depth-first
 * branch and bound over "obligations". Runs for one goal or for many goals of one learner in turn
 * (reusing its arrays, compiled rules and witness sets); not thread-safe: {@link
 * org.pathwayengine.core.plan.GoalPlanner} makes one per call, or one per thread for many goals.
 *
 * <h2>Model</h2>
 *
 * <p>The learner holds {@code H}. A plan is a set {@code S} of non-stacked badges; {@code C(S)} is
 * {@code H ∪ S} closed under awarding every stacked credential whose {@code requires} and {@code stack}
 * hold (credentials of credentials included, to a fixpoint). {@code S} is valid when its badges can be
 * taken in steps: a badge is taken once its {@code requires} holds over the closure of what was taken
 * before, together with the badges of its step whose {@code coRequires} then all hold over the closure
 * including that step. Since every rule is monotone (more held badges never break one, {@code distinct}
 * included), taking the largest feasible step each time decides validity exactly
 * ({@link #steps(BitSet)}). The goal holds when it holds over {@code C(S)}: a badge goal as a reference
 * (the badge or an equivalent), a skills goal when the badges of {@code C(S)} carry every skill.
 *
 * <h2>Search</h2>
 *
 * <p>A node is {@code (S, F)} with {@code F} forbidden badges. Its obligations are the rules that do
 * not yet hold over {@code C(S)}: the goal, and the {@code requires} and {@code coRequires} of every
 * badge of {@code S}. If there are none, {@code S} is checked by simulation; a valid {@code S} is a
 * solution, a stuck one makes the rules of its stuck badges the obligation. Otherwise the search picks
 * the obligation with the fewest <em>contributors</em> {@code x1..xk} (badges outside {@code C(S) ∪ F}
 * at least one of which every completion must add, see {@link #contributors}) and branches: child
 * {@code i} adds {@code xi} and forbids {@code x1..x(i-1)}. Every valid superset of {@code S} avoiding
 * {@code F} lies in exactly one child, so the search is complete and never visits a set twice.
 *
 * <h2>Bounds</h2>
 *
 * <p>Children are pruned when {@code cost(S) + lb} cannot beat the best plan found. Three values are
 * computed per badge and per expression over the node's state, bottom-up in dependency order:
 *
 * <ul>
 *   <li>{@code hmax} — an <b>admissible lower bound</b>: {@code max} over {@code allOf}, {@code min}
 *       over {@code anyOf}, the n-th smallest child over {@code atLeast n}, and for a badge its weight
 *       plus {@code hmax} of its rules. Taking the max (not the sum) is what keeps it a lower bound: two
 *       children may be satisfied by the same badges, so only the dearest child's cost is certain.
 *   <li>{@code own} — an <b>admissible lower bound</b> on the weight of the badges that directly satisfy
 *       the expression (a badge's own weight, its prerequisites not counted): summed over children whose
 *       sets of possible direct witnesses are pairwise disjoint (then no badge can serve two children),
 *       the max otherwise; a fractional-knapsack bound for credit rules. Over the node's obligations it
 *       is summed over a disjoint subfamily. This is what proves "5 of 20 electives cost at least 5".
 *   <li>{@code hadd} — the share-free tree value: {@code sum} over {@code allOf}, the n cheapest
 *       children over {@code atLeast}, for a badge its weight plus the values of its rules. It is the
 *       cost of satisfying every subtree on its own; the union of those sub-solutions is a valid plan,
 *       and sharing badges only makes the union cheaper, so it is an <b>upper bound</b> on the optimum
 *       (for rules without {@code distinct}) and never a lower bound. It orders branches only.
 * </ul>
 *
 * <p>Ties in weight (hours, credits) are broken by count. The search stops after {@link
 * EvaluationOptions#searchBudget()} nodes with the best plan found (then not optimal); if none was found
 * by then, one greedy dive (first branch only) supplies one. Rules are compiled once, over the {@link
 * PlanIndex} numbers; a goal's search sees only its cone (the goal's transitive dependencies), in a
 * depth-first post-order of its own, so its outcome never depends on the goals searched before. A node
 * shares its parent's arrays: it recomputes the values of the badges whose rules can see its step,
 * recording what it overwrites, and undoes that when the search backtracks; siblings share their parent's
 * values, which forbid one more earlier branch per sibling. Work per node is therefore proportional to
 * what its step changes, plus its open obligations' bounds; the number of nodes is exponential in the
 * worst case (the problem generalises set cover, which is NP-hard) and bounded by the budget.
 * No recursion follows badge chains: per-badge values are computed iteratively in dependency order;
 * recursion follows only the nesting of one expression (at most 64 in a valid pathway).
 */
public final class PlanSearch {
  private static final double INF = Double.POSITIVE_INFINITY;
  private static final double EPS = 1e-9;

  private final PlanIndex planIndex;
  private final Pathway pathway;
  private final RequirementEvaluator evaluator;
  private final Set<String> held;
  private final EvaluationOptions options;
  /** The goal of {@link #run()}; null for a search made to run several goals. */
  private Goal defaultGoal;

  // Indexed by PlanIndex number and kept from one goal to the next: whatever depends only on the
  // pathway, the learner and the options is built once per PlanSearch.

  private final Badge[] badge;
  /** Whether each badge is a stacked credential (read in the hottest loops). */
  private final boolean[] stacked;
  private final double[] weight;
  /** What is held, closed under awarding credentials; decided for the badges of every cone seen. */
  private final boolean[] baseClosure;
  /** The node's state: {@link #baseClosure} and the plan, closed; reset over the cone per goal. */
  private final boolean[] work;
  /** The badges the current node forbids; reset over the cone per goal. */
  private final boolean[] forbidden;
  /** Direct-witness sets as sorted arrays: a status keeps one per rule, thousands of badges each. */
  private final Map<Requirement, int[]> directCache = new IdentityHashMap<>();
  private final Map<Requirement, Boolean> disjointCache = new IdentityHashMap<>();
  /** Per stacked credential, its rules' direct witnesses ({@link #stackedDirect}), filled on first use. */
  private final int[][] stackedDirect;
  /** Per stacked credential: 0 not known yet, 1 its requires and stack have disjoint witnesses, 2 not. */
  private final byte[] stackedRulesDisjoint;
  /** Per stacked credential: the goal number whose search computed its entries above, 0 if kept. */
  private final int[] stackedDirectGoal;
  /**
   * Direct-witness sets and disjointness computed while a credential's own set was still being computed
   * (an equivalence cycle), which therefore depend on where the search entered the cycle: kept for one
   * goal only, so that no goal's result depends on the goals searched before it.
   */
  private final Map<Requirement, int[]> directThisGoal = new IdentityHashMap<>();
  private final Map<Requirement, Boolean> disjointThisGoal = new IdentityHashMap<>();
  /** Reads of a set in the making or of a set kept for one goal: a result that saw one is kept so too. */
  private int partialReads;

  // Per goal.

  private Goal goal;
  /** Counts the goals run: marks that equal it belong to the current goal. */
  private int goalNumber;
  /** The credentials whose contributors are being collected ({@link #badgeContributors}). */
  private final boolean[] expanding;
  /** The goal's cone (the badges its search can see) in dependency order: what a badge needs first. */
  private int[] cone = new int[64];
  private int coneSize;
  /** Per badge: {@link #goalNumber} when in the cone, -{@link #goalNumber} while being visited. */
  private final int[] coneMark;
  /** Per badge of the cone, its position in {@link #cone}. */
  private final int[] rank;
  /** The PlanIndex number of a badge goal, -1 for a skills goal. */
  private int goalIndex;
  /** Per badge: {@link #goalNumber} for an equivalent of the goal, whose change the goal must see. */
  private final int[] goalEquivalentMark;
  /**
   * Per badge: whether {@link #values} holds its root values (what is held, nothing forbidden, no goal
   * witness), which are the same for every goal whose cone is acyclic; steps and the goal's witnesses
   * change them only with a {@link Trail} that restores them.
   */
  private final boolean[] rootValid;
  /** False while a run is in progress: a run that threw leaves the arrays as they were. */
  private boolean clean = true;
  /** What marking the goal's witnesses changed in the root's values. */
  private final Trail goalTrail = new Trail();
  /** Whether every badge of the cone reads only badges before it in {@link #cone}. */
  private boolean acyclic;
  /** The stacked credentials of the cone, in dependency order. */
  private int[] stackedOrder;
  /** For a skills goal: sorted skills and the indices of the badges that carry each. */
  private List<String> skills = List.of();
  private List<int[]> carriers = List.of();
  private int[] skillsDirect = new int[0];

  /**
   * The goal's direct witnesses. Splitting each badge's cost into its cost as a goal witness and its
   * cost otherwise, the goal's own bound (which counts only goal witnesses) and the max relaxation
   * priced without them ({@code hout}, which counts only the rest, such as shared prerequisites) bound
   * disjoint parts of any completion, so their sum is a lower bound too: the goal offwitness bound.
   */
  private final boolean[] goalWitness;
  private int[] goalWitnesses = new int[0];
  private Requirement goalRule;
  private long nodes;
  private boolean exhausted;
  /** The plan of the current node: its first {@code depth} entries, in the order they were taken. */
  private int[] path = new int[64];
  private int[] best;
  private double bestCost = INF;
  private int bestCount = Integer.MAX_VALUE;

  /** A search for {@code goal} from {@code held}; {@code evaluator} must belong to {@code pathway}. */
  public PlanSearch(Pathway pathway, RequirementEvaluator evaluator, Set<String> held, Goal goal,
      EvaluationOptions options) {
    this(new PlanIndex(pathway, evaluator), held, goal, options);
  }

  /**
   * As above, over {@code index}, which the searches of one pathway share (it is immutable): a status
   * searches for thousands of credentials, and numbering the pathway once instead of once per search
   * matters when "n of tag" rules name thousands of badges each.
   */
  public PlanSearch(PlanIndex index, Set<String> held, Goal goal, EvaluationOptions options) {
    this(index, held, options);
    this.defaultGoal = requireNonNull(goal, "goal");
  }

  /**
   * Searches for any number of goals of one learner, one after the other with {@link #run(Goal)}: the
   * compiled rules, witness sets and arrays over the pathway are built once and reused, and each
   * outcome is the one a new search for that goal alone would give. Not thread-safe: one per thread.
   */
  public PlanSearch(PlanIndex index, Set<String> held, EvaluationOptions options) {
    this.planIndex = requireNonNull(index, "index");
    this.pathway = index.pathway();
    this.evaluator = index.evaluator();
    this.held = Set.copyOf(requireNonNull(held, "held"));
    this.options = requireNonNull(options, "options");
    int n = index.size();
    this.badge = index.badges();
    this.stacked = new boolean[n];
    this.weight = new double[n];
    for (int i = 0; i < n; i++) {
      stacked[i] = badge[i] != null && badge[i].isStacked();
      weight[i] = badge[i] == null ? 0 : weightOf(badge[i], options.cost());
    }
    this.baseClosure = new boolean[n];
    for (String id : this.held) {
      int i = index.indexOf(id);
      if (i >= 0) {
        baseClosure[i] = true;
      }
    }
    this.work = new boolean[n];
    this.forbidden = new boolean[n];
    this.stackedDirect = new int[n][];
    this.stackedRulesDisjoint = new byte[n];
    this.stackedDirectGoal = new int[n];
    this.coneMark = new int[n];
    this.rank = new int[n];
    this.goalEquivalentMark = new int[n];
    this.goalWitness = new boolean[n];
    this.expanding = new boolean[n];
    this.queued = new int[n];
    this.rootValid = new boolean[n];
    this.queuedForState = new int[n];
  }

  private boolean checkingRoots;

  /**
   * This search, checking at the root of every goal that the values kept from earlier goals are
   * those a computation from scratch gives, and that every complete plan of an acyclic cone can be
   * ordered (it throws an {@link AssertionError} where not). For tests.
   */
  PlanSearch checkingRootValues() {
    checkingRoots = true;
    return this;
  }

  private void checkRoot() {
    Values fresh = new Values(false).all();
    for (int k = 0; k < coneSize; k++) {
      int i = cone[k];
      double[] kept = {values.hmax[i], values.hadd[i], values.own[i], values.hout[i]};
      double[] scratch = {fresh.hmax[i], fresh.hadd[i], fresh.own[i], fresh.hout[i]};
      if (!Arrays.equals(kept, scratch)) {
        throw new AssertionError("root values of '" + planIndex.id(i) + "' for " + goal + ": kept "
            + Arrays.toString(kept) + ", computed " + Arrays.toString(scratch));
      }
    }
  }

  /** How "n of tag" rules are priced: from {@link TagTrees}, by a pass over the members, or both. */
  enum TagPricing { TREES, SCAN, CHECKED }

  private TagPricing tagPricing = TagPricing.TREES;

  /**
   * This search, pricing "n of tag" rules as asked: {@code SCAN} is the reference, {@code CHECKED}
   * prices each both ways and throws an {@link AssertionError} where they differ. For tests.
   */
  PlanSearch pricingTagRules(TagPricing pricing) {
    tagPricing = requireNonNull(pricing, "pricing");
    return this;
  }

  /** The outcome of a search. */
  public record Outcome(boolean reachable, List<String> badges, double cost, boolean optimal,
      double lowerBound, Optional<String> reason, long nodes) {}

  /** Runs the search for the goal given to the constructor. */
  public Outcome run() {
    if (defaultGoal == null) {
      throw new IllegalStateException("this search was made without a goal; call run(goal)");
    }
    return run(defaultGoal);
  }

  /**
   * Runs the search for {@code goal}: the same outcome as a new search for it alone, whatever was
   * searched before.
   *
   * @throws IllegalArgumentException if a badge goal names a badge the pathway does not have
   */
  public Outcome run(Goal goal) {
    this.goal = requireNonNull(goal, "goal");
    goalNumber++;
    nodes = 0;
    exhausted = false;
    best = null;
    bestCost = INF;
    bestCount = Integer.MAX_VALUE;
    goalRule = null;
    skills = List.of();
    carriers = List.of();
    skillsDirect = new int[0];
    directThisGoal.clear();
    disjointThisGoal.clear();
    collectRelevant();
    if (goal instanceof Goal.OfBadge g) {
      goalRule = new BadgeRef(g.badge());
    }
    for (int i : goalWitnesses) {
      goalWitness[i] = false;
    }
    goalWitnesses = goalRule != null ? direct(goalRule) : skillsDirect;
    close(baseClosure);
    if (goalHolds(baseClosure)) {
      return new Outcome(true, List.of(), 0, true, 0, Optional.empty(), nodes);
    }
    if (!clean) {
      // A run stopped midway (by an exception) left the arrays as they were then.
      Arrays.fill(rootValid, false);
    }
    clean = false;
    for (int c = 0; c < coneSize; c++) {
      work[cone[c]] = baseClosure[cone[c]];
      forbidden[cone[c]] = false;
    }
    if (values == null) {
      values = new Values(false);
    }
    goalTrail.clear();
    if (acyclic) {
      // The root's values without the goal are the same for every goal: computed once per badge.
      values.ensureRoot();
    }
    IntList seeds = new IntList();
    for (int i : goalWitnesses) {
      goalWitness[i] = true;
      if (!work[i]) {
        seeds.add(i);
      }
    }
    if (acyclic) {
      values.propagate(seeds, -1, goalTrail);
    }
    Outcome outcome = search();
    if (acyclic) {
      goalTrail.undo(values, work);
    } else {
      for (int c = 0; c < coneSize; c++) {
        rootValid[cone[c]] = false;
      }
    }
    clean = true;
    return outcome;
  }

  /** The search from the root, once the goal's witnesses are marked and the root's values ready. */
  private Outcome search() {
    Eval root = evaluate();
    if (checkingRoots) {
      checkRoot();
    }
    if (root.lb == INF) {
      return new Outcome(false, List.of(), 0, true, INF, Optional.of(unreachableReason(root.values)),
          nodes);
    }
    search(root);
    if (best == null && exhausted) {
      dive();
    }
    if (best == null) {
      String why = exhausted
          ? "no plan to " + goalName() + " was found within the search budget of "
              + options.searchBudget() + " nodes; raise the budget"
          : "no valid order of badges reaches " + goalName()
              + " (its rules depend on each other through equivalences)";
      return new Outcome(false, List.of(), 0, !exhausted, exhausted ? root.lb : INF,
          Optional.of(why), nodes);
    }
    List<String> order = linearOrder(best);
    double lower = exhausted ? Math.min(root.lb, bestCost) : bestCost;
    return new Outcome(true, order, bestCost, !exhausted, lower, Optional.empty(), nodes);
  }

  // ---------------------------------------------------------------- relevance and static data

  private boolean inCone(int i) {
    return coneMark[i] == goalNumber;
  }

  /** Finds the goal's cone: the badges its rules can reach, in depth-first post-order. */
  private void collectRelevant() {
    List<Integer> roots = new ArrayList<>();
    goalIndex = -1;
    acyclic = true;
    if (goal instanceof Goal.OfBadge g) {
      goalIndex = planIndex.indexOf(g.badge());
      if (goalIndex < 0) {
        throw new IllegalArgumentException("goal '" + g.badge() + "' is not a badge of pathway "
            + pathway.id());
      }
      roots.add(goalIndex);
    } else if (goal instanceof Goal.OfSkills g) {
      skills = new ArrayList<>(g.skills());
      Set<String> seen = new HashSet<>();
      for (Badge b : pathway.badges()) {
        if (seen.add(b.id()) && !Collections.disjoint(b.skills(), g.skills())) {
          roots.add(planIndex.indexOf(b.id()));
        }
      }
    } else {
      throw new AssertionError("unknown goal " + goal);
    }
    int[] goalNeighbours = goalIndex < 0 ? null : goalNeighbours(goalIndex);
    if (goalIndex >= 0) {
      for (int m : planIndex.neighbours(goalIndex)) {
        // A goal whose rules name itself (through an equivalent) reads its own values: a cycle,
        // though goalNeighbours leaves the goal out.
        acyclic &= m != goalIndex;
      }
    }
    if (goalIndex >= 0) {
      for (int m : planIndex.equivalents(goalIndex)) {
        goalEquivalentMark[m] = goalNumber;
      }
    }
    // Iterative depth-first post-order: a badge is listed after everything its rules name, unless a
    // rule names a badge still being visited (a cycle, through equivalences).
    int visiting = -goalNumber;
    int n = 0;
    int[] stackNode = new int[64];
    int[] stackPos = new int[64];
    for (int root : roots) {
      if (coneMark[root] == goalNumber || coneMark[root] == visiting) {
        continue;
      }
      int top = 0;
      coneMark[root] = visiting;
      stackNode[top] = root;
      stackPos[top++] = 0;
      while (top > 0) {
        int v = stackNode[top - 1];
        int[] next = v == goalIndex ? goalNeighbours : planIndex.neighbours(v);
        if (stackPos[top - 1] < next.length) {
          int w = next[stackPos[top - 1]++];
          if (coneMark[w] == visiting) {
            acyclic = false;
          }
          if (coneMark[w] != goalNumber && coneMark[w] != visiting) {
            coneMark[w] = visiting;
            if (top == stackNode.length) {
              stackNode = Arrays.copyOf(stackNode, 2 * top);
              stackPos = Arrays.copyOf(stackPos, 2 * top);
            }
            stackNode[top] = w;
            stackPos[top++] = 0;
          }
        } else {
          top--;
          if (n == cone.length) {
            cone = Arrays.copyOf(cone, 2 * n);
          }
          coneMark[v] = goalNumber;
          rank[v] = n;
          cone[n++] = v;
        }
      }
    }
    coneSize = n;
    int credentials = 0;
    for (int k = 0; k < n; k++) {
      credentials += stacked[cone[k]] ? 1 : 0;
    }
    stackedOrder = new int[credentials];
    credentials = 0;
    for (int k = 0; k < n; k++) {
      if (stacked[cone[k]]) {
        stackedOrder[credentials++] = cone[k];
      }
    }
    if (!skills.isEmpty()) {
      carriers = new ArrayList<>();
      IntList d = new IntList();
      for (String skill : skills) {
        List<Integer> cs = new ArrayList<>();
        for (int k = 0; k < n; k++) {
          int i = cone[k];
          if (badge[i] != null && badge[i].skills().contains(skill)) {
            cs.add(i);
            addDirect(i, d);
          }
        }
        carriers.add(cs.stream().mapToInt(Integer::intValue).toArray());
      }
      skillsDirect = d.sortedDistinct();
    }
  }

  /**
   * The goal's rule neighbours and then its equivalents, itself left out: the goal is reached through
   * an equivalent too.
   */
  private int[] goalNeighbours(int goalIndex) {
    // Without boxing: a credential counting tagged badges has thousands of neighbours, and a status
    // asks this once per credential. Neighbours are distinct, and so are equivalents.
    int[] neighbours = planIndex.neighbours(goalIndex);
    int[] equivalents = planIndex.equivalents(goalIndex);
    int[] out = new int[neighbours.length + equivalents.length];
    int n = 0;
    for (int m : neighbours) {
      if (m != goalIndex) {
        out[n++] = m;
      }
    }
    for (int m : equivalents) {
      if (m == goalIndex) {
        continue;
      }
      boolean named = false;
      for (int x : neighbours) {
        named |= x == m;
      }
      if (!named) {
        out[n++] = m;
      }
    }
    return Arrays.copyOf(out, n);
  }

  /** The cost of one badge in the measure asked for. */
  public static double weightOf(Badge b, CostMeasure measure) {
    if (measure == CostMeasure.COUNT) {
      return 1;
    } else if (measure == CostMeasure.HOURS) {
      return b.hours().orElse(0);
    } else if (measure == CostMeasure.CREDITS) {
      return b.credits().orElse(0);
    }
    throw new AssertionError("unknown measure " + measure);
  }

  /**
   * Indices of {@code id} and the badges equivalent to it (an unknown id stands for itself). Every id a
   * rule of the cone names, with its equivalents, is in the cone ({@link PlanIndex#neighbours}).
   */
  private int[] eq(String id) {
    int g = planIndex.indexOf(id);
    return g < 0 ? new int[0] : planIndex.equivalents(g);
  }

  /** {@link #eq} of badge {@code i}. */
  private int[] eqLocal(int i) {
    return planIndex.equivalents(i);
  }

  /** The badges that carry {@code tag}; callers must not modify the array. */
  private int[] tagged(String tag) {
    return planIndex.tagged(tag);
  }

  /** The credits of badge {@code i}, 0 when it has none or is unknown. */
  private double creditsOf(int i) {
    return badge[i] == null ? 0 : badge[i].credits().orElse(0);
  }

  /**
   * The non-stacked badges that could directly satisfy part of {@code r} (through equivalences, tags,
   * credit rules, and the rules of stacked credentials it names); prerequisites are not included.
   */
  private int[] direct(Requirement r) {
    int[] cached = directCache.get(r);
    if (cached != null) {
      return cached;
    }
    cached = directThisGoal.get(r);
    if (cached != null) {
      partialReads++;
      return cached;
    }
    int before = partialReads;
    IntList out = new IntList();
    if (r instanceof BadgeRef b) {
      for (int e : eq(b.id())) {
        addDirect(e, out);
      }
    } else if (r instanceof Credits c) {
      for (String m : c.from()) {
        for (int e : eq(m)) {
          addDirect(e, out);
        }
      }
    } else if (r instanceof AtLeastTagged t) {
      for (int e : tagged(t.tag())) {
        for (int x : eqLocal(e)) {
          addDirect(x, out);
        }
      }
    } else if (r instanceof CreditsTagged t) {
      for (int e : tagged(t.tag())) {
        for (int x : eqLocal(e)) {
          addDirect(x, out);
        }
      }
    } else {
      for (Requirement c : r.children()) {
        out.addAll(direct(c));
      }
    }
    int[] set = out.sortedDistinct();
    (partialReads == before ? directCache : directThisGoal).put(r, set);
    return set;
  }

  private void addDirect(int e, IntList out) {
    if (badge[e] == null) {
      return;
    }
    if (badge[e].isStacked()) {
      out.addAll(stackedDirect(e));
    } else {
      out.add(e);
    }
  }

  /**
   * The direct witnesses of stacked credential {@code s}'s rules, computed on first use. A credential
   * met again while its own set is being computed (through an equivalence cycle) adds none; what was
   * computed with such an incomplete set is kept for the current goal only ({@link #partialReads}).
   */
  private int[] stackedDirect(int s) {
    int[] d = stackedDirect[s];
    int madeFor = stackedDirectGoal[s];
    if (d != null && (madeFor == 0 || madeFor == goalNumber)) {
      if (madeFor != 0 || d == IN_THE_MAKING) {
        partialReads++;
      }
      return d;
    }
    int before = partialReads;
    stackedDirect[s] = IN_THE_MAKING;
    stackedDirectGoal[s] = 0;
    int[] a = badge[s].requires().map(this::direct).orElse(NONE);
    int[] b = badge[s].stack().map(this::direct).orElse(NONE);
    IntList u = new IntList();
    u.addAll(a);
    u.addAll(b);
    int[] set = u.sortedDistinct();
    stackedDirect[s] = set;
    stackedRulesDisjoint[s] = (byte) (disjoint(a, b) ? 1 : 2);
    stackedDirectGoal[s] = partialReads == before ? 0 : goalNumber;
    return set;
  }

  private static final int[] NONE = new int[0];
  /** The placeholder of a credential whose direct witnesses are being computed (compared by identity). */
  private static final int[] IN_THE_MAKING = new int[0];

  /** Whether two sorted arrays share no element. */
  private static boolean disjoint(int[] a, int[] b) {
    int i = 0;
    int j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] == b[j]) {
        return false;
      } else if (a[i] < b[j]) {
        i++;
      } else {
        j++;
      }
    }
    return true;
  }

  /** Whether stacked credential {@code s}'s requires and stack have disjoint direct witnesses. */
  private boolean stackedRulesDisjoint(int s) {
    stackedDirect(s);
    return stackedRulesDisjoint[s] == 1;
  }

  private int[] disjointMark;
  private int disjointEpoch;

  /** Whether the children of {@code r} have pairwise disjoint direct witness sets. */
  private boolean childrenDisjoint(Requirement r) {
    Boolean cached = disjointCache.get(r);
    if (cached != null) {
      return cached;
    }
    cached = disjointThisGoal.get(r);
    if (cached != null) {
      partialReads++;
      return cached;
    }
    int before = partialReads;
    List<int[]> sets = new ArrayList<>();
    if (r instanceof Credits c) {
      for (String m : c.from()) {
        IntList d = new IntList();
        for (int e : eq(m)) {
          addDirect(e, d);
        }
        sets.add(d.sortedDistinct());
      }
    } else {
      for (Requirement c : r.children()) {
        sets.add(direct(c));
      }
    }
    if (disjointMark == null) {
      disjointMark = new int[badge.length];
    }
    int mark = ++disjointEpoch;
    boolean ok = true;
    for (int[] d : sets) {
      for (int x : d) {
        ok &= disjointMark[x] != mark;
        disjointMark[x] = mark;
      }
    }
    (partialReads == before ? disjointCache : disjointThisGoal).put(r, ok);
    return ok;
  }

  // ---------------------------------------------------------------- states

  private Predicate<String> heldIn(boolean[] state) {
    return id -> {
      int g = planIndex.indexOf(id);
      return g >= 0 && inCone(g) ? state[g] : held.contains(id);
    };
  }

  private boolean holds(Requirement r, boolean[] state) {
    return compiled(r).holds(state);
  }

  private final Map<Requirement, Rule> compiledRules = new IdentityHashMap<>();

  /** The rule compiled over this search's indices, once per rule object. */
  private Rule compiled(Requirement r) {
    Rule c = compiledRules.get(r);
    if (c == null) {
      c = new Rule(r);
      compiledRules.put(r, c);
    }
    return c;
  }

  /**
   * A requirement compiled over the search's dense indices, so that testing it at a node reads arrays
   * instead of hashing ids: the same answer as {@link RequirementEvaluator#holds} (set rules count
   * one held badge per member of an equivalence class, their heaviest members first, summed in the
   * same order). A subtree with {@code distinct} is handed to the evaluator, which decides it exactly.
   * Every id a relevant rule names is itself relevant ({@link #neighbours}), so every lookup is an index.
   */
  private final class Rule {
    final Requirement source;
    final Rule[] children;
    /** For a reference: the id's index and its equivalents' ({@link #eq}). */
    final int[] refs;
    /** For a set rule: per equivalence class of members, the badges that count for it. */
    final int[][] groupCandidates;
    /** For a set rule: per class, its members' weights, heaviest first. */
    final double[][] groupWeights;
    final double need;
    final boolean anyDistinct;
    /**
     * For the set rules, as the bounds read them: per member (a credits rule's {@code from} entries as
     * written, a tag's relevant carriers), the member and its equivalents, and its credits.
     */
    final int[][] memberEq;
    final double[] memberCredit;
    /** For an "n of tag" rule: its {@link TagGroup}'s number; else -1. */
    final int tagGroup;
    private Boolean disjoint;

    Rule(Requirement r) {
      source = r;
      List<Requirement> kids = r.children();
      children = new Rule[kids.size()];
      boolean distinct = (r instanceof AllOf a && a.distinct()) || (r instanceof AtLeast l && l.distinct());
      for (int i = 0; i < children.length; i++) {
        children[i] = compiled(kids.get(i));
        distinct |= children[i].anyDistinct;
      }
      anyDistinct = distinct;
      refs = r instanceof BadgeRef b ? eq(b.id()) : null;
      if (r instanceof Credits c) {
        memberEq = new int[c.from().size()][];
        memberCredit = new double[memberEq.length];
        for (int i = 0; i < memberEq.length; i++) {
          memberEq[i] = eq(c.from().get(i));
          memberCredit[i] = evaluator.creditsOf(c.from().get(i));
        }
      } else if (r instanceof AtLeastTagged || r instanceof CreditsTagged) {
        int[] carriers = tagged(r instanceof AtLeastTagged t ? t.tag() : ((CreditsTagged) r).tag());
        memberEq = new int[carriers.length][];
        memberCredit = new double[carriers.length];
        for (int i = 0; i < carriers.length; i++) {
          memberEq[i] = eqLocal(carriers[i]);
          memberCredit[i] = creditsOf(carriers[i]);
        }
      } else {
        memberEq = new int[0][];
        memberCredit = new double[0];
      }
      tagGroup = r instanceof AtLeastTagged t ? tagGroup(t.tag(), memberEq) : -1;
      if (!(r instanceof AtLeastTagged || r instanceof Credits || r instanceof CreditsTagged)) {
        groupCandidates = null;
        groupWeights = null;
        need = 0;
        return;
      }
      // The evaluator's own grouping, so that this rule counts exactly as the evaluator does.
      RequirementEvaluator.SetRuleGroups groups = evaluator.setRuleGroups(r);
      groupCandidates = new int[groups.candidates().size()][];
      for (int k = 0; k < groupCandidates.length; k++) {
        // A class's first candidate is a member, the rest its equivalents: the same as eq(member).
        groupCandidates[k] = eq(groups.candidates().get(k).get(0));
      }
      groupWeights = groups.weights().toArray(new double[0][]);
      need = groups.need();
    }

    boolean childrenDisjoint() {
      if (disjoint != null) {
        return disjoint;
      }
      int before = partialReads;
      boolean d = PlanSearch.this.childrenDisjoint(source);
      if (partialReads == before) {
        disjoint = d;
      }
      return d;
    }

    boolean holds(boolean[] state) {
      if (anyDistinct) {
        return evaluator.holds(source, heldIn(state));
      }
      if (refs != null) {
        return anyIn(refs, state);
      }
      if (groupCandidates != null) {
        double sum = 0;
        for (int g = 0; g < groupCandidates.length; g++) {
          int h = 0;
          for (int c : groupCandidates[g]) {
            if (state[c]) {
              h++;
            }
          }
          double[] w = groupWeights[g];
          for (int i = 0; i < Math.min(h, w.length); i++) {
            sum += w[i];
          }
        }
        return sum >= need;
      }
      if (source instanceof AllOf) {
        for (Rule c : children) {
          if (!c.holds(state)) {
            return false;
          }
        }
        return true;
      }
      int need = source instanceof AtLeast a ? a.n() : 1;
      int got = 0;
      for (Rule c : children) {
        if (c.holds(state) && ++got >= need) {
          return true;
        }
      }
      return need <= 0;
    }
  }

  /**
   * The members of the "n of tag" rules over one tag (the same for every rule over the tag): a member is
   * a carrier and its equivalents. {@code positions[x]} are the members badge {@code x} belongs to.
   */
  private record TagGroup(int[][] members, int[][] positions, int leaves) {}

  private final List<TagGroup> tagGroups = new ArrayList<>();
  private final Map<String, Integer> tagGroupOf = new HashMap<>();
  /** Per relevant badge, the tag groups whose members include it (null for none). */
  private int[][] groupsOf;

  /** The number of the group of the rules over {@code tag}, whose members are {@code members}. */
  private int tagGroup(String tag, int[][] members) {
    Integer known = tagGroupOf.get(tag);
    if (known != null) {
      return known;
    }
    int g = tagGroups.size();
    int n = badge.length;
    if (groupsOf == null) {
      groupsOf = new int[n][];
    }
    int[][] positions = new int[n][];
    for (int p = 0; p < members.length; p++) {
      for (int x : members[p]) {
        positions[x] = append(positions[x], p);
        int[] gs = groupsOf[x];
        if (gs == null || gs[gs.length - 1] != g) {
          groupsOf[x] = append(gs, g);
        }
      }
    }
    int leaves = 1;
    while (leaves < members.length) {
      leaves *= 2;
    }
    tagGroups.add(new TagGroup(members, positions, leaves));
    tagGroupOf.put(tag, g);
    return g;
  }

  private static int[] append(int[] a, int x) {
    if (a == null) {
      return new int[] {x};
    }
    int[] out = Arrays.copyOf(a, a.length + 1);
    out[a.length] = x;
    return out;
  }

  /** Up to this many (n of a tag's m members), an "n of tag" rule is priced from its group's trees. */
  private static final int TREE_MAX_N = 16;

  /**
   * The members' values of every tag group over one set of value arrays, each of the four values in a
   * min segment tree, so that an "n of tag" rule is priced in O(n log m) instead of a pass over its m
   * members (a tag may carry thousands of badges, and every step that touches a badge depending on the
   * tag re-priced it). A tree is built on first use; a change to a badge's values or state marks it,
   * and the next query re-reads the members it belongs to (O(log m) each), so a query always sees
   * exactly what a pass over the arrays would.
   */
  private final class TagTrees {
    private final Values values;
    /** Per group: four trees of {@code 2 * leaves} nodes (node 1 the root), or null until used. */
    private double[][][] trees = new double[0][][];
    private int[][] pending = new int[0][];
    private int[] pendingSize = new int[0];
    private boolean[][] isPending = new boolean[0][];
    /**
     * Per group and n: the values {@link #nOf} gave, or null; kept while no member's change can alter
     * the n smallest values of any of the four trees (see {@link #tree}).
     */
    private double[][][] memo = new double[0][][];
    /** Per group and n: the n-th smallest value of each of the four trees, for the memo's check. */
    private double[][][] memoNth = new double[0][][];
    private final double[] before = new double[4];
    private double[] heapValue = new double[32];
    private int[] heapNode = new int[32];

    TagTrees(Values values) {
      this.values = values;
    }

    /** Records that badge {@code x}'s values or state changed. */
    void changed(int x) {
      int[] gs = groupsOf == null ? null : groupsOf[x];
      if (gs == null) {
        return;
      }
      for (int g : gs) {
        if (g < trees.length && trees[g] != null && !isPending[g][x]) {
          isPending[g][x] = true;
          if (pendingSize[g] == pending[g].length) {
            pending[g] = Arrays.copyOf(pending[g], 2 * pending[g].length);
          }
          pending[g][pendingSize[g]++] = x;
        }
      }
    }

    /**
     * {hmax, hadd, own, hout} of "n of" group {@code g}'s members, 1 <= n <= members; the caller
     * must not write into the array. Kept per n until a member's change can alter it (see {@link
     * #forgetChanged}): a tag carried by thousands of badges is named by hundreds of rules, and a step
     * recomputes many of them over the same trees; keeping them past changes outside the n smallest
     * halved the queries on the 30 000-badge status.
     */
    double[] nOf(int g, int n) {
      double[][] t = tree(g);
      double[][] known = memo[g];
      if (known[n] != null) {
        return known[n];
      }
      int leaves = tagGroups.get(g).leaves();
      double[] out = new double[4];
      double[] nth = new double[4];
      double[] small = new double[n];
      for (int k = 0; k < 4; k++) {
        smallest(t[k], leaves, n, small);
        nth[k] = small[n - 1];
        if (k == 0 || k == 3) {
          out[k] = small[n - 1];
        } else {
          double sum = 0;
          for (int j = 0; j < n; j++) {
            sum += small[j];
          }
          out[k] = sum;
        }
      }
      known[n] = out;
      memoNth[g][n] = nth;
      return out;
    }

    private double[][] tree(int g) {
      if (g >= trees.length) {
        int size = tagGroups.size();
        trees = Arrays.copyOf(trees, size);
        pending = Arrays.copyOf(pending, size);
        pendingSize = Arrays.copyOf(pendingSize, size);
        isPending = Arrays.copyOf(isPending, size);
        memo = Arrays.copyOf(memo, size);
        memoNth = Arrays.copyOf(memoNth, size);
      }
      TagGroup group = tagGroups.get(g);
      int leaves = group.leaves();
      double[][] t = trees[g];
      if (t == null) {
        t = new double[4][2 * leaves];
        for (double[] tk : t) {
          Arrays.fill(tk, INF);
        }
        for (int p = 0; p < group.members().length; p++) {
          member(group.members()[p], t, leaves + p);
        }
        for (int v = leaves - 1; v >= 1; v--) {
          for (double[] tk : t) {
            tk[v] = Math.min(tk[2 * v], tk[2 * v + 1]);
          }
        }
        trees[g] = t;
        memo[g] = new double[TREE_MAX_N + 1][];
        memoNth[g] = new double[TREE_MAX_N + 1][];
        pending[g] = new int[16];
        isPending[g] = new boolean[badge.length];
        return t;
      }
      for (int k = 0; k < pendingSize[g]; k++) {
        int x = pending[g][k];
        isPending[g][x] = false;
        for (int p : group.positions()[x]) {
          for (int q = 0; q < 4; q++) {
            before[q] = t[q][leaves + p];
          }
          member(group.members()[p], t, leaves + p);
          forgetChanged(g, t, leaves + p);
          for (int v = (leaves + p) / 2; v >= 1; v /= 2) {
            for (double[] tk : t) {
              tk[v] = Math.min(tk[2 * v], tk[2 * v + 1]);
            }
          }
        }
      }
      pendingSize[g] = 0;
      return t;
    }

    /**
     * Drops group {@code g}'s memoized values that the change of leaf {@code node} (from {@link
     * #before} to its value in {@code t}) can alter. A leaf above the n-th smallest value that stays
     * at or above it leaves the multiset of the n smallest as it was (a tie at the n-th value
     * included), so the sorted values, and the sums over them, are exactly the same.
     */
    private void forgetChanged(int g, double[][] t, int node) {
      double[][] known = memo[g];
      double[][] nth = memoNth[g];
      for (int n = 1; n < known.length; n++) {
        if (known[n] == null) {
          continue;
        }
        for (int k = 0; k < 4; k++) {
          double old = before[k];
          double now = t[k][node];
          if (old != now && !(old > nth[n][k] && now >= nth[n][k])) {
            known[n] = null;
            nth[n] = null;
            break;
          }
        }
      }
    }

    private final double[] member = new double[4];

    /** Writes a member's values (the cheapest of its badges) at {@code node} of the trees. */
    private void member(int[] badges, double[][] t, int node) {
      values.badgeValues(badges, true, member);
      for (int k = 0; k < 4; k++) {
        t[k][node] = member[k];
      }
    }

    /**
     * The {@code n} smallest leaves of min tree {@code t}, ascending, into {@code out}: best-first
     * from the root (a node is no larger than its children, so leaves leave the heap in order).
     */
    private void smallest(double[] t, int leaves, int n, double[] out) {
      int size = 0;
      size = push(size, t[1], 1);
      int k = 0;
      while (k < n) {
        double v = heapValue[0];
        int node = heapNode[0];
        size = pop(size);
        if (v == INF) {
          Arrays.fill(out, k, n, INF);
          return;
        }
        if (node >= leaves) {
          out[k++] = v;
        } else {
          size = push(size, t[2 * node], 2 * node);
          size = push(size, t[2 * node + 1], 2 * node + 1);
        }
      }
    }

    private int push(int size, double v, int node) {
      if (size == heapValue.length) {
        heapValue = Arrays.copyOf(heapValue, 2 * size);
        heapNode = Arrays.copyOf(heapNode, 2 * size);
      }
      int i = size;
      while (i > 0 && heapValue[(i - 1) / 2] > v) {
        heapValue[i] = heapValue[(i - 1) / 2];
        heapNode[i] = heapNode[(i - 1) / 2];
        i = (i - 1) / 2;
      }
      heapValue[i] = v;
      heapNode[i] = node;
      return size + 1;
    }

    private int pop(int size) {
      int last = size - 1;
      double v = heapValue[last];
      int node = heapNode[last];
      int i = 0;
      while (true) {
        int c = 2 * i + 1;
        if (c >= last) {
          break;
        }
        if (c + 1 < last && heapValue[c + 1] < heapValue[c]) {
          c++;
        }
        if (heapValue[c] >= v) {
          break;
        }
        heapValue[i] = heapValue[c];
        heapNode[i] = heapNode[c];
        i = c;
      }
      heapValue[i] = v;
      heapNode[i] = node;
      return last;
    }
  }

  /** Up to this many items, the stable sorts of a node sort by insertion (they run at every node). */
  private static final int INSERTION_MAX = 64;

  private static boolean anyIn(int[] indices, boolean[] state) {
    for (int i : indices) {
      if (state[i]) {
        return true;
      }
    }
    return false;
  }

  private boolean holds(Optional<Requirement> r, boolean[] state) {
    return r.isEmpty() || holds(r.get(), state);
  }

  private static boolean holds(Rule r, boolean[] state) {
    return r == null || r.holds(state);
  }

  private Rule[] reqRules;
  private Rule[] coRules;
  private Rule[] stackRules;

  /** Badge {@code i}'s {@code requires}, compiled; null when it has none. */
  private Rule req(int i) {
    if (reqRules == null) {
      reqRules = new Rule[badge.length];
      coRules = new Rule[badge.length];
      stackRules = new Rule[badge.length];
    }
    if (reqRules[i] == null && badge[i] != null && badge[i].requires().isPresent()) {
      reqRules[i] = compiled(badge[i].requires().get());
    }
    return reqRules[i];
  }

  /** Badge {@code i}'s {@code coRequires}, compiled; null when it has none. */
  private Rule co(int i) {
    req(i);
    if (coRules[i] == null && badge[i] != null && badge[i].coRequires().isPresent()) {
      coRules[i] = compiled(badge[i].coRequires().get());
    }
    return coRules[i];
  }

  /** Badge {@code i}'s {@code stack}, compiled; null when it has none. */
  private Rule stk(int i) {
    req(i);
    if (stackRules[i] == null && badge[i] != null && badge[i].stack().isPresent()) {
      stackRules[i] = compiled(badge[i].stack().get());
    }
    return stackRules[i];
  }

  /** Awards every stacked credential whose rules hold, to a fixpoint. */
  private void close(boolean[] state) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int s : stackedOrder) {
        if (!state[s] && holds(req(s), state) && holds(stk(s), state)) {
          state[s] = true;
          changed = true;
        }
      }
    }
  }

  /**
   * {@code added} and {@code forbidden} (each -1 for none) with every badge of the cone whose rules can
   * see them, in an order that computes each badge after what it reads. A badge already in {@code before}
   * keeps its values (0), so the change does not travel through it.
   */
  private int[] dependantsOf(int added, int forbidden, boolean[] before) {
    // A stamp per badge instead of a fresh array: O(change) per node, not O(badges).
    if (stamp == null) {
      stamp = new int[badge.length];
    }
    int mark = ++epoch;
    int[] work = new int[16];
    int top = 0;
    for (int v : new int[] {added, forbidden}) {
      if (v >= 0) {
        stamp[v] = mark;
        work[top++] = v;
      }
    }
    int[] out = new int[16];
    int size = 0;
    while (top > 0) {
      int v = work[--top];
      if (size == out.length) {
        out = Arrays.copyOf(out, size * 2);
      }
      out[size++] = v;
      int[] ds = planIndex.dependants(v);
      // The goal also reads its equivalents (the goal is reached through them).
      int extra = goalIndex >= 0 && goalEquivalentMark[v] == goalNumber && v != goalIndex ? 1 : 0;
      for (int k = 0; k < ds.length + extra; k++) {
        int d = k < ds.length ? ds[k] : goalIndex;
        if (stamp[d] != mark && coneMark[d] == goalNumber && !before[d]) {
          stamp[d] = mark;
          if (top == work.length) {
            work = Arrays.copyOf(work, top * 2);
          }
          work[top++] = d;
        }
      }
    }
    // The added badge (now held) and a forbidden plain badge take values that read nothing, so they
    // go first; only the rest must be in dependency order (cone order), and it is usually short.
    int[] ordered = new int[size];
    int head = 0;
    int tail = size;
    for (int k = 0; k < size; k++) {
      int v = out[k];
      boolean fixed = v == added || (v == forbidden && !stacked[v]);
      if (fixed) {
        ordered[head++] = v;
      } else {
        ordered[--tail] = rank[v];
      }
    }
    Arrays.sort(ordered, head, size);
    for (int k = head; k < size; k++) {
      ordered[k] = cone[ordered[k]];
    }
    return ordered;
  }

  private int[] stamp;
  private int epoch;

  // The queue of Values#propagate: a binary min-heap of cone positions, and per badge the epoch
  // in which it was queued (and queued for a change of its own state).
  private int[] queue = new int[64];
  private final int[] queued;
  private final int[] queuedForState;
  private int queueEpoch;

  private int enqueue(int i, int mark, int size) {
    queued[i] = mark;
    if (size == queue.length) {
      queue = Arrays.copyOf(queue, 2 * size);
    }
    int r = rank[i];
    int k = size;
    while (k > 0 && queue[(k - 1) / 2] > r) {
      queue[k] = queue[(k - 1) / 2];
      k = (k - 1) / 2;
    }
    queue[k] = r;
    return size + 1;
  }

  /** Removes the smallest position, {@code queue[0]}; returns the new size. */
  private int dequeue(int size) {
    int last = queue[--size];
    int k = 0;
    while (true) {
      int c = 2 * k + 1;
      if (c >= size) {
        break;
      }
      if (c + 1 < size && queue[c + 1] < queue[c]) {
        c++;
      }
      if (queue[c] >= last) {
        break;
      }
      queue[k] = queue[c];
      k = c;
    }
    queue[k] = last;
    return size;
  }

  /** Like {@link #close}, looking only at the stacked credentials among {@code dirty}. */
  private void closeWithin(boolean[] state, int[] dirty, Trail trail, IntList awarded) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int s : dirty) {
        if (!state[s] && badge[s] != null && badge[s].isStacked()
            && holds(req(s), state) && holds(stk(s), state)) {
          state[s] = true;
          if (trail != null) {
            trail.awarded(s);
          }
          awarded.add(s);
          changed = true;
        }
      }
    }
  }

  /**
   * Awards the credentials of the cone that the badges of {@code changed} (just held) let hold, and
   * those that these let hold in turn, appending them to {@code changed}: the same least fixpoint as
   * {@link #closeWithin}, found from the changes instead of from every dependant.
   */
  private void closeFrom(boolean[] state, IntList changed, Trail trail) {
    for (int k = 0; k < changed.size; k++) {
      for (int d : planIndex.dependants(changed.items[k])) {
        if (stacked[d] && !state[d] && coneMark[d] == goalNumber
            && holds(req(d), state) && holds(stk(d), state)) {
          state[d] = true;
          if (trail != null) {
            trail.awarded(d);
          }
          changed.add(d);
        }
      }
    }
  }

  private boolean goalHolds(boolean[] state) {
    if (goal instanceof Goal.OfBadge g) {
      return evaluator.heldOrEquivalent(g.badge(), heldIn(state));
    }
    return uncoveredSkills(state).isEmpty();
  }

  private List<Integer> uncoveredSkills(boolean[] state) {
    List<Integer> out = new ArrayList<>();
    for (int k = 0; k < skills.size(); k++) {
      boolean covered = false;
      for (int c : carriers.get(k)) {
        covered |= state[c];
      }
      if (!covered) {
        out.add(k);
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- bounds

  /**
   * The values of every badge of the cone at the current node (see the class comment), over the node's
   * state ({@link #work}) and forbidden badges. One set of arrays per PlanSearch (and one with unit
   * weights, for ties), updated in place by each step and restored by its {@link Trail}.
   */
  private final class Values {
    final boolean[] state = work;
    final boolean[] forbidden = PlanSearch.this.forbidden;
    final double[] w;
    final double[] hmax;
    final double[] hadd;
    final double[] own;
    /** The max relaxation with the goal's direct witnesses free: see {@link PlanSearch#goalWitness}. */
    final double[] hout;
    final boolean unit;
    final TagTrees tags;

    Values(boolean unitWeights) {
      this.tags = new TagTrees(this);
      this.unit = unitWeights || options.cost() == CostMeasure.COUNT;
      int n = badge.length;
      w = unitWeights ? unitWeights(n) : weight;
      hmax = new double[n];
      hadd = new double[n];
      own = new double[n];
      hout = new double[n];
    }

    /**
     * Computes every badge of the cone from scratch, in cone order; all are zeroed first so that a
     * reference against the order (through an equivalence cycle) reads 0, as in fresh arrays.
     */
    Values all() {
      for (int k = 0; k < coneSize; k++) {
        int i = cone[k];
        hmax[i] = 0;
        hadd[i] = 0;
        own[i] = 0;
        hout[i] = 0;
        tags.changed(i);
      }
      for (int k = 0; k < coneSize; k++) {
        compute(cone[k]);
      }
      return this;
    }

    /**
     * The values of a child node, in its parent's arrays: only {@code dirty} badges (those whose
     * rules can see a change, in dependency order) are recomputed, and {@code trail} (if any) records
     * their old values; they are zeroed first so that a reference against the order (through an
     * equivalence cycle) reads 0, which keeps every bound admissible.
     */
    Values update(int[] dirty, Trail trail) {
      if (trail != null) {
        for (int i : dirty) {
          trail.value(i, hmax[i], hadd[i], own[i], hout[i]);
        }
      }
      for (int i : dirty) {
        hmax[i] = 0;
        hadd[i] = 0;
        own[i] = 0;
        hout[i] = 0;
        tags.changed(i);
      }
      for (int i : dirty) {
        compute(i);
      }
      return this;
    }

    /** Computes, in cone order, the root values of the badges of an acyclic cone that lack them. */
    void ensureRoot() {
      for (int k = 0; k < coneSize; k++) {
        int i = cone[k];
        if (!rootValid[i]) {
          compute(i);
          rootValid[i] = true;
        }
      }
    }

    /**
     * The values of a child node in an acyclic cone, in its parent's arrays: recomputes, in cone order,
     * the badges whose state changed ({@code changedState}: every dependant is then recomputed too),
     * the newly {@code forbidden} badge (-1 for none), and every badge that reads a badge whose values
     * changed, so a change stops where it stops changing anything. Where every badge reads only badges
     * before it in cone order, this gives exactly the values of {@link #update} over every dependant,
     * in O(what changes) instead of O(dependants); {@code trail} (if any) records what it overwrites.
     */
    Values propagate(IntList changedState, int forbidden, Trail trail) {
      int mark = ++queueEpoch;
      int size = 0;
      if (changedState != null) {
        for (int k = 0; k < changedState.size; k++) {
          queuedForState[changedState.items[k]] = mark;
          size = enqueue(changedState.items[k], mark, size);
        }
      }
      if (forbidden >= 0) {
        size = enqueue(forbidden, mark, size);
      }
      while (size > 0) {
        int i = cone[queue[0]];
        size = dequeue(size);
        double a = hmax[i];
        double b = hadd[i];
        double c = own[i];
        double d = hout[i];
        if (trail != null) {
          trail.value(i, a, b, c, d);
        }
        compute(i);
        boolean stateChanged = queuedForState[i] == mark;
        if (stateChanged || hmax[i] != a || hadd[i] != b || own[i] != c || hout[i] != d) {
          int[] ds = planIndex.dependants(i);
          int extra = goalIndex >= 0 && goalEquivalentMark[i] == goalNumber && i != goalIndex ? 1 : 0;
          for (int k = 0; k < ds.length + extra; k++) {
            int dep = k < ds.length ? ds[k] : goalIndex;
            if (coneMark[dep] == goalNumber && queued[dep] != mark && !state[dep]) {
              size = enqueue(dep, mark, size);
            }
          }
        }
      }
      return this;
    }

    private void compute(int i) {
      computeValues(i);
      tags.changed(i);
    }

    private void computeValues(int i) {
      if (state[i]) {
        hmax[i] = 0;
        hadd[i] = 0;
        own[i] = 0;
        hout[i] = 0;
        return;
      }
      Badge b = badge[i];
      if (b == null || (!b.isStacked() && forbidden[i])) {
        hmax[i] = INF;
        hadd[i] = INF;
        own[i] = INF;
        hout[i] = INF;
      } else if (b.isStacked()) {
        double[] r = rule(req(i));
        double r0 = r[0];
        double r1 = r[1];
        double r2 = r[2];
        double r3 = r[3];
        double[] s = rule(stk(i));
        hmax[i] = Math.max(r0, s[0]);
        hadd[i] = r1 + s[1];
        own[i] = stackedRulesDisjoint(i) ? r2 + s[2] : Math.max(r2, s[2]);
        hout[i] = Math.max(r3, s[3]);
      } else {
        double[] r = rule(req(i));
        double r0 = r[0];
        double r1 = r[1];
        double r3 = r[3];
        double[] c = rule(co(i));
        hmax[i] = w[i] + Math.max(r0, c[0]);
        hadd[i] = w[i] + r1 + c[1];
        own[i] = w[i];
        hout[i] = (goalWitness[i] ? 0 : w[i]) + Math.max(r3, c[3]);
      }
    }

    /** {@link #expr} of a badge's rule, zeros for none; read it before the next call. */
    double[] rule(Rule r) {
      return r == null ? NO_RULE : expr(r);
    }

    /**
     * {hmax, hadd, own, hout} of an expression, in an array that the next call overwrites: the values
     * are computed at every step for every changed badge, and allocating them was most of the
     * garbage the search made.
     */
    double[] expr(Rule rule) {
      return expr(rule, 0);
    }

    // Per nesting depth of an expression: where its values go, and its "n of" selection.
    private double[][] outAt = new double[0][];
    private NSmallest[] nOfAt = new NSmallest[0];

    private double[] outAt(int depth) {
      if (depth >= outAt.length) {
        outAt = Arrays.copyOf(outAt, 2 * depth + 8);
        nOfAt = Arrays.copyOf(nOfAt, outAt.length);
        for (int d = 0; d < outAt.length; d++) {
          if (outAt[d] == null) {
            outAt[d] = new double[4];
            nOfAt[d] = new NSmallest(0);
          }
        }
      }
      return outAt[depth];
    }

    private double[] expr(Rule rule, int depth) {
      Requirement r = rule.source;
      double[] out = outAt(depth);
      if (rule.refs != null) {
        return badgeValues(rule.refs, false, out);
      } else if (r instanceof AllOf) {
        Arrays.fill(out, 0);
        boolean disjoint = rule.childrenDisjoint();
        for (Rule c : rule.children) {
          double[] v = expr(c, depth + 1);
          out[0] = Math.max(out[0], v[0]);
          out[3] = Math.max(out[3], v[3]);
          out[1] += v[1];
          out[2] = disjoint ? out[2] + v[2] : Math.max(out[2], v[2]);
        }
        return out;
      } else if (r instanceof AnyOf) {
        Arrays.fill(out, INF);
        for (Rule c : rule.children) {
          double[] v = expr(c, depth + 1);
          out[0] = Math.min(out[0], v[0]);
          out[3] = Math.min(out[3], v[3]);
          out[1] = Math.min(out[1], v[1]);
          out[2] = Math.min(out[2], v[2]);
        }
        return out;
      } else if (r instanceof AtLeast a) {
        NSmallest nOf = nOfAt[depth].reset(a.n());
        for (Rule c : rule.children) {
          // The common "n of these badges" reads the badges' values into a scratch array.
          nOf.add(c.refs != null ? badgeValues(c.refs, false, scratch) : expr(c, depth + 1));
        }
        return nOf.values(rule.children.length, rule.childrenDisjoint(), out);
      } else if (r instanceof AtLeastTagged t) {
        int m = rule.memberEq.length;
        if (tagPricing == TagPricing.SCAN || t.n() < 1 || t.n() > Math.min(m, TREE_MAX_N)) {
          return scanTagged(rule, t.n());
        }
        // Members' own witnesses are disjoint (a member is one badge or its equivalents): sums.
        double[] fromTrees = tags.nOf(rule.tagGroup, t.n());
        if (tagPricing == TagPricing.CHECKED) {
          double[] scanned = scanTagged(rule, t.n());
          if (!Arrays.equals(fromTrees, scanned)) {
            throw new AssertionError("'" + t + "' priced " + Arrays.toString(fromTrees)
                + " from its trees, " + Arrays.toString(scanned) + " by a scan");
          }
        }
        return fromTrees;
      } else if (r instanceof Credits c) {
        double have = 0;
        int items = 0;
        for (int j = 0; j < rule.memberEq.length; j++) {
          double credit = rule.memberCredit[j];
          if (anyIn(rule.memberEq[j], state)) {
            have += credit;
          } else if (credit > 0) {
            items = creditItem(items, badgeValues(rule.memberEq[j], false, scratch), credit);
          }
        }
        return credits(c.amount() - have, items, rule.childrenDisjoint(), out);
      } else if (r instanceof CreditsTagged c) {
        double have = 0;
        int items = 0;
        for (int j = 0; j < rule.memberEq.length; j++) {
          double credit = rule.memberCredit[j];
          if (anyIn(rule.memberEq[j], state)) {
            // May overstate what counts (one held badge counts for one member only): the bound
            // only gets lower, so it stays admissible.
            have += credit;
          } else if (credit > 0) {
            items = creditItem(items, badgeValues(rule.memberEq[j], true, scratch), credit);
          }
        }
        return credits(c.amount() - have, items, true, out);
      }
      throw new AssertionError("unknown requirement type " + r);
    }

    /** {hmax, hadd, own, hout} of "n of tag" by a pass over its members: O(m n). */
    private double[] scanTagged(Rule rule, int n) {
      NSmallest nOf = new NSmallest(n);
      for (int[] member : rule.memberEq) {
        nOf.add(badgeValues(member, true, scratch));
      }
      // Members' own witnesses are disjoint: a member is one badge or its equivalents.
      return nOf.values(rule.memberEq.length, true);
    }

    /** The values of an absent rule: read only. */
    private static final double[] NO_RULE = new double[4];

    /** A scratch for {@link #badgeValues}, read before the next call writes it. */
    private final double[] scratch = new double[4];

    /**
     * Writes into {@code out} the cheapest values of a badge and its equivalents ({@code es}); for a
     * {@code member} of a set rule, a stacked one's own bound is 0 (it may share witnesses).
     */
    double[] badgeValues(int[] es, boolean member, double[] out) {
      double a = INF;
      double b = INF;
      double c = INF;
      double d = INF;
      for (int x : es) {
        a = Math.min(a, hmax[x]);
        b = Math.min(b, hadd[x]);
        c = Math.min(c, member && stacked[x] && !state[x] ? 0 : own[x]);
        d = Math.min(d, hout[x]);
      }
      out[0] = a;
      out[1] = b;
      out[2] = c;
      out[3] = d;
      return out;
    }

    // The members of the credits rule being priced, one array per value; credits rules name
    // badges only, so no other rule is priced while they are filled and read.
    private double[] itemHmax = new double[16];
    private double[] itemHadd = new double[16];
    private double[] itemOwn = new double[16];
    private double[] itemCredit = new double[16];
    private double[] itemHout = new double[16];
    private int[] itemOrder = new int[16];

    /** Appends a member of values {@code v} and {@code credit} credits as item {@code n}. */
    private int creditItem(int n, double[] v, double credit) {
      if (n == itemHmax.length) {
        itemHmax = Arrays.copyOf(itemHmax, 2 * n);
        itemHadd = Arrays.copyOf(itemHadd, 2 * n);
        itemOwn = Arrays.copyOf(itemOwn, 2 * n);
        itemCredit = Arrays.copyOf(itemCredit, 2 * n);
        itemHout = Arrays.copyOf(itemHout, 2 * n);
        itemOrder = Arrays.copyOf(itemOrder, 2 * n);
      }
      itemHmax[n] = v[0];
      itemHadd[n] = v[1];
      itemOwn[n] = v[2];
      itemCredit[n] = credit;
      itemHout[n] = v[3];
      return n + 1;
    }

    /**
     * The values of a credits rule over its {@code n} items ({@link #creditItem}) still missing
     * {@code need} credits, written into {@code out}.
     */
    double[] credits(double need, int n, boolean disjoint, double[] out) {
      if (need <= EPS) {
        Arrays.fill(out, 0);
        return out;
      }
      double available = 0;
      double hm = INF;
      double ho = INF;
      int m = 0;
      for (int k = 0; k < n; k++) {
        if (itemHmax[k] < INF) {
          available += itemCredit[k];
          hm = Math.min(hm, itemHmax[k]);
          ho = Math.min(ho, itemHout[k]);
          itemOrder[m++] = k;
        }
      }
      if (available + EPS < need) {
        Arrays.fill(out, INF);
        return out;
      }
      // hadd: largest credits first until covered (a heuristic).
      sortStably(itemOrder, m, k -> -itemCredit[k]);
      double add = 0;
      double got = 0;
      for (int j = 0; j < m; j++) {
        if (got + EPS >= need) {
          break;
        }
        add += itemHadd[itemOrder[j]];
        got += itemCredit[itemOrder[j]];
      }
      double ownBound;
      if (disjoint) {
        // Fractional knapsack: the cheapest own weight per credit first; a lower bound on any
        // integral choice of members.
        sortStably(itemOrder, m, k -> itemOwn[k] / itemCredit[k]);
        ownBound = 0;
        got = 0;
        for (int j = 0; j < m; j++) {
          int k = itemOrder[j];
          double take = Math.min(itemCredit[k], need - got);
          ownBound += itemOwn[k] * (take / itemCredit[k]);
          got += take;
          if (got + EPS >= need) {
            break;
          }
        }
      } else {
        ownBound = INF;
        for (int j = 0; j < m; j++) {
          ownBound = Math.min(ownBound, itemOwn[itemOrder[j]]);
        }
      }
      out[0] = hm;
      out[1] = add;
      out[2] = ownBound;
      out[3] = ho;
      return out;
    }

    /** {hmax, hadd, own} of the skills goal. */
    double[] skillsGoal() {
      List<Integer> open = uncoveredSkills(state);
      double[] out = new double[4];
      int maxCover = 0;
      boolean stackedCarrier = false;
      for (int k : open) {
        double[] best = {INF, INF, INF, INF};
        for (int c : carriers.get(k)) {
          best[0] = Math.min(best[0], hmax[c]);
          best[1] = Math.min(best[1], hadd[c]);
          best[2] = Math.min(best[2], own[c]);
          best[3] = Math.min(best[3], hout[c]);
          // One earned badge may award several stacked carriers at once: no cover count then.
          stackedCarrier |= badge[c].isStacked() && !state[c];
          if (hmax[c] < INF && !state[c]) {
            int cover = 0;
            for (int k2 : open) {
              cover += badge[c].skills().contains(skills.get(k2)) ? 1 : 0;
            }
            maxCover = Math.max(maxCover, cover);
          }
        }
        out[0] = Math.max(out[0], best[0]);
        out[1] += best[1];
        out[2] = Math.max(out[2], best[2]);
        out[3] = Math.max(out[3], best[3]);
      }
      if (!open.isEmpty() && unit && maxCover > 0 && !stackedCarrier) {
        // With unit weights: each badge covers at most maxCover of the open skills.
        out[2] = Math.max(out[2], Math.ceil((double) open.size() / maxCover));
      }
      return out;
    }
  }

  /**
   * The values of "n of m" children, read one child at a time: the n-th smallest for the max
   * relaxations (and for own bounds that may share witnesses), the sum of the n smallest otherwise.
   * It keeps the n smallest of each value, O(m n) in all and no sort of the m values.
   */
  private static final class NSmallest {
    private int n;
    private double[][] small;
    private int size;

    NSmallest(int n) {
      reset(n);
    }

    /** Starts a new selection of the {@code n} smallest; returns this. */
    NSmallest reset(int n) {
      this.n = n;
      this.size = 0;
      if (small == null || small[0].length < Math.max(n, 0)) {
        small = new double[4][Math.max(n, 0)];
      }
      return this;
    }

    /** Reads one child's four values. */
    void add(double[] v) {
      if (n <= 0) {
        return;
      }
      for (int k = 0; k < 4; k++) {
        keep(small[k], v[k]);
      }
      size = Math.min(size + 1, n);
    }

    private void keep(double[] a, double x) {
      int p;
      if (size < n) {
        p = size;
      } else if (x < a[n - 1]) {
        p = n - 1;
      } else {
        return;
      }
      while (p > 0 && a[p - 1] > x) {
        a[p] = a[p - 1];
        p--;
      }
      a[p] = x;
    }

    /** The values once all {@code m} children were read; {@code disjoint} as for own bounds. */
    double[] values(int m, boolean disjoint) {
      return values(m, disjoint, new double[4]);
    }

    /** As above, written into {@code out}. */
    double[] values(int m, boolean disjoint, double[] out) {
      if (n > m) {
        Arrays.fill(out, INF);
        return out;
      }
      Arrays.fill(out, 0);
      if (n <= 0) {
        return out;
      }
      for (int k = 0; k < 4; k++) {
        if (k == 0 || k == 3 || (k == 2 && !disjoint)) {
          out[k] = small[k][n - 1];
        } else {
          double sum = 0;
          for (int j = 0; j < n; j++) {
            sum += small[k][j];
          }
          out[k] = sum;
        }
      }
      return out;
    }
  }

  private double[] unitWeightsCache;

  private double[] unitWeights(int n) {
    if (unitWeightsCache == null) {
      unitWeightsCache = new double[n];
      Arrays.fill(unitWeightsCache, 1);
    }
    return unitWeightsCache;
  }

  // ---------------------------------------------------------------- nodes

  /** An unmet rule: the goal ({@code rule == null}) or a rule of a badge in the plan. */
  private record Obligation(Requirement rule, Rule compiled, int[] witnesses) {}

  private Obligation obligation(Requirement rule, int[] witnesses) {
    return new Obligation(rule, rule == null ? null : compiled(rule), witnesses);
  }

  private final class Eval {
    boolean[] state;
    double lb;
    double lbCount;
    final List<Obligation> open;
    Values values;

    Eval(int capacity) {
      open = new ArrayList<>(capacity);
    }
  }

  private Values values;
  private Values unitValues;

  /**
   * Evaluates the root from scratch: what is held, nothing forbidden, O(badges of the cone). It resets
   * the state and forbidden marks that an earlier goal, or a search stopped by its budget, left.
   */
  private Eval evaluate() {
    for (int k = 0; k < coneSize; k++) {
      int i = cone[k];
      work[i] = baseClosure[i];
      forbidden[i] = false;
    }
    Eval e = new Eval(1);
    e.state = work;
    if (!goalHolds(e.state)) {
      if (goalRule != null) {
        e.open.add(obligation(goalRule, direct(goalRule)));
      } else {
        e.open.add(obligation(null, skillsDirect));
      }
    }
    // In an acyclic cone the arrays hold the root's values already (every step is undone).
    e.values = acyclic ? values : values.all();
    return priced(e, 0, 0);
  }

  /**
   * The child of {@code parent} that adds {@code added}: it works in the parent's arrays, recomputing
   * only what depends on {@code added}, and {@code trail} (if any) records what it overwrites so the
   * search can restore the parent (a forced chain of n steps costs O(n) in all, not O(n^2)).
   */
  private Eval step(Eval parent, double cost, int count, int added, Trail trail) {
    Eval e = new Eval(parent.open.size() + 2);
    int[] dirty = acyclic ? null : dependantsOf(added, -1, parent.state);
    e.state = parent.state;
    e.state[added] = true;
    if (trail != null) {
      trail.awarded(added);
    }
    IntList changedState = stepChanges;
    changedState.size = 0;
    changedState.add(added);
    if (acyclic) {
      closeFrom(e.state, changedState, trail);
    } else {
      closeWithin(e.state, dirty, trail, changedState);
    }
    // Rules are monotone: only the parent's open obligations and the new badge's rules can be open.
    for (Obligation o : parent.open) {
      boolean stillOpen = o.rule() == null ? !goalHolds(e.state) : !o.compiled().holds(e.state);
      if (stillOpen) {
        e.open.add(o);
      }
    }
    addIfOpen(e, added);
    e.values = acyclic ? parent.values.propagate(changedState, -1, trail)
        : parent.values.update(dirty, trail);
    return priced(e, cost, count);
  }

  /** What a step made held, reused by every step: it is read before the next step. */
  private final IntList stepChanges = new IntList();

  /** Sets the node's bounds: {@code cost} plus what its open obligations still cost at least. */
  private Eval priced(Eval e, double cost, int count) {
    e.lb = cost + bound(e.values, e.open);
    boolean unit = options.cost() == CostMeasure.COUNT;
    if (unit) {
      e.lbCount = Math.ceil(e.lb - EPS);
      e.lb = e.lbCount;
    } else if (e.lb < INF && Math.abs(e.lb - bestCost) <= EPS) {
      // Only a tie in weight needs the count bound.
      if (unitValues == null) {
        unitValues = new Values(true);
      }
      e.lbCount = Math.ceil(count + bound(unitValues.all(), e.open) - EPS);
    } else {
      e.lbCount = count + (e.open.isEmpty() ? 0 : 1);
    }
    return e;
  }

  private void addIfOpen(Eval e, int i) {
    Rule requires = req(i);
    if (requires != null && !requires.holds(e.state)) {
      e.open.add(obligation(requires.source, direct(requires.source)));
    }
    Rule co = co(i);
    if (co != null && !co.holds(e.state)) {
      e.open.add(obligation(co.source, direct(co.source)));
    }
  }

  /**
   * A lower bound on the cost still to pay for the open obligations: the largest of the max relaxation,
   * the disjoint-witness sum, and the goal off-witness bound ({@link #goalWitness}).
   */
  private double bound(Values v, List<Obligation> open) {
    double max = 0;
    double goalOwn = 0;
    double out = 0;
    int n = open.size();
    if (ownValue.length < n) {
      ownValue = new double[2 * n];
      ownOrder = new int[2 * n];
    }
    for (int k = 0; k < n; k++) {
      Obligation o = open.get(k);
      double[] x = o.rule() == null ? v.skillsGoal() : v.expr(o.compiled());
      if (x[0] == INF) {
        return INF;
      }
      max = Math.max(max, Math.max(x[0], x[2]));
      ownValue[k] = x[2];
      if (o.rule() == null || o.rule() == goalRule) {
        goalOwn = x[2];
      }
      out = Math.max(out, x[3]);
    }
    // Own bounds add up over obligations whose direct witnesses cannot overlap: the largest first.
    for (int k = 0; k < n; k++) {
      ownOrder[k] = k;
    }
    sortStably(ownOrder, n, k -> -ownValue[k]);
    if (usedMark == null) {
      usedMark = new int[badge.length];
    }
    int mark = ++usedEpoch;
    double sum = 0;
    for (int j = 0; j < n; j++) {
      int k = ownOrder[j];
      int[] d = open.get(k).witnesses();
      boolean disjoint = true;
      for (int x : d) {
        if (usedMark[x] == mark) {
          disjoint = false;
          break;
        }
      }
      if (disjoint) {
        for (int x : d) {
          usedMark[x] = mark;
        }
        sum += ownValue[k];
      }
    }
    return Math.max(Math.max(max, sum), goalOwn + out);
  }

  /** Per open obligation of the node being priced, its own bound; scratch of {@link #bound}. */
  private double[] ownValue = new double[16];
  /** The obligations' positions by decreasing own bound, ties in their order. */
  private int[] ownOrder = new int[16];

  /**
   * Sorts the first {@code m} entries of {@code order} stably by increasing {@code key}: by insertion
   * for a few (this runs at every node), by {@link #sortBoxed} otherwise.
   */
  private static void sortStably(int[] order, int m, IntToDoubleFunction key) {
    if (m > INSERTION_MAX) {
      sortBoxed(order, m, Comparator.comparingDouble(key::applyAsDouble));
      return;
    }
    for (int a = 1; a < m; a++) {
      int x = order[a];
      double kx = key.applyAsDouble(x);
      int b = a;
      while (b > 0 && key.applyAsDouble(order[b - 1]) > kx) {
        order[b] = order[b - 1];
        b--;
      }
      order[b] = x;
    }
  }

  /**
   * Sorts the first {@code m} entries of {@code order} stably by {@code cmp}, through boxed copies
   * ({@code Arrays.sort} of objects is a stable merge sort): for lists past {@link #INSERTION_MAX},
   * where the insertion sorts of a node (kept inline for their comparisons) would be quadratic.
   */
  private static void sortBoxed(int[] order, int m, Comparator<Integer> cmp) {
    Integer[] boxed = new Integer[m];
    for (int j = 0; j < m; j++) {
      boxed[j] = order[j];
    }
    Arrays.sort(boxed, cmp);
    for (int j = 0; j < m; j++) {
      order[j] = boxed[j];
    }
  }

  private int[] usedMark;
  private int usedEpoch;

  private boolean improves(double cost, double count) {
    if (cost < bestCost - EPS) {
      return true;
    }
    return cost <= bestCost + EPS && count < bestCount;
  }

  /**
   * What a step changed in the arrays a node shares with its parent, so that backtracking restores
   * them: the search then changes O(what a step touches) per node, never copies O(badges) arrays.
   */
  private static final class Trail {
    private int[] idx = new int[8];
    private double[] old = new double[32];
    private int size;
    private int[] awarded = new int[4];
    private int nAwarded;

    void value(int i, double hmax, double hadd, double own, double hout) {
      if (size == idx.length) {
        idx = Arrays.copyOf(idx, size * 2);
        old = Arrays.copyOf(old, size * 8);
      }
      idx[size] = i;
      old[4 * size] = hmax;
      old[4 * size + 1] = hadd;
      old[4 * size + 2] = own;
      old[4 * size + 3] = hout;
      size++;
    }

    void awarded(int i) {
      if (nAwarded == awarded.length) {
        awarded = Arrays.copyOf(awarded, nAwarded * 2);
      }
      awarded[nAwarded++] = i;
    }

    void clear() {
      size = 0;
      nAwarded = 0;
    }

    /** Restores what was recorded, latest first. */
    void undo(Values v, boolean[] state) {
      for (int k = size - 1; k >= 0; k--) {
        int i = idx[k];
        v.tags.changed(i);
        v.hmax[i] = old[4 * k];
        v.hadd[i] = old[4 * k + 1];
        v.own[i] = old[4 * k + 2];
        v.hout[i] = old[4 * k + 3];
      }
      for (int k = nAwarded - 1; k >= 0; k--) {
        state[awarded[k]] = false;
        v.tags.changed(awarded[k]);
      }
      size = 0;
      nAwarded = 0;
    }
  }

  private final class Frame {
    /** The node's plan is the first {@code depth} entries of {@link #path}. */
    final int depth;
    final double cost;
    final int count;
    final int[] branches;
    final Eval eval;
    int next;
    /** The step that made this node, undone when the node is left; null for the root. */
    Trail made;
    /** The siblings' forbidden branches applied to {@link #eval}, undone when the node is left. */
    final Trail forbids;
    /** How many of {@link #branches} this node has marked in {@link #forbidden}. */
    int forbiddenCount;

    void leave() {
      for (int k = 0; k < forbiddenCount; k++) {
        forbidden[branches[k]] = false;
      }
      forbids.undo(eval.values, eval.state);
      if (made != null) {
        made.undo(eval.values, eval.state);
      }
    }

    Frame(int depth, double cost, int count, int[] branches, Eval eval) {
      this.eval = eval;
      this.depth = depth;
      this.forbids = forbidsAt.at(depth);
      this.cost = cost;
      this.count = count;
      this.branches = branches;
    }
  }

  /**
   * Trails by depth, reused from node to node: a node's trails are in use until the node is left,
   * and the search has one node per depth at a time. Allocating two per node was a third of what
   * the search allocated.
   */
  private static final class TrailPool {
    private Trail[] byDepth = new Trail[0];

    /** The trail of {@code depth}, emptied. */
    Trail at(int depth) {
      if (depth >= byDepth.length) {
        int old = byDepth.length;
        byDepth = Arrays.copyOf(byDepth, Math.max(16, 2 * depth));
        for (int d = old; d < byDepth.length; d++) {
          byDepth[d] = new Trail();
        }
      }
      Trail t = byDepth[depth];
      t.clear();
      return t;
    }
  }

  /** What the steps that made the nodes overwrote, and what their siblings' forbidding did. */
  private final TrailPool madeAt = new TrailPool();
  private final TrailPool forbidsAt = new TrailPool();

  private void search(Eval root) {
    Deque<Frame> stack = new ArrayDeque<>();
    Frame rootFrame = expand(0, 0, 0, root);
    if (rootFrame != null) {
      stack.push(rootFrame);
    }
    while (!stack.isEmpty()) {
      Frame f = stack.peek();
      if (f.next >= f.branches.length) {
        stack.pop();
        f.leave();
        continue;
      }
      int x = f.branches[f.next];
      if (f.next > 0) {
        // Child i forbids the branches before it. The frame forbids them in its own set and values
        // one at a time, so each child recomputes only what its own badge changes, not O(i) badges.
        int prev = f.branches[f.next - 1];
        forbidden[prev] = true;
        f.forbiddenCount = f.next;
        f.eval.values = acyclic ? f.eval.values.propagate(null, prev, f.forbids)
            : f.eval.values.update(dependantsOf(-1, prev, f.eval.state), f.forbids);
      }
      f.next++;
      if (++nodes > options.searchBudget()) {
        exhausted = true;
        // Every frame undoes what it changed, so the arrays hold the root's values again.
        while (!stack.isEmpty()) {
          stack.pop().leave();
        }
        return;
      }
      if (f.depth == path.length) {
        path = Arrays.copyOf(path, 2 * f.depth);
      }
      path[f.depth] = x;
      double cost = f.cost + weight[x];
      int count = f.count + 1;
      // A child works in its parent's arrays and records what it overwrites (see Trail).
      Trail made = madeAt.at(f.depth + 1);
      Eval e = step(f.eval, cost, count, x, made);
      Frame child = e.lb == INF || !improves(e.lb, e.lbCount) ? null
          : expand(f.depth + 1, cost, count, e);
      if (child != null) {
        child.made = made;
        stack.push(child);
      } else {
        made.undo(e.values, e.state);
      }
    }
  }

  /** Records a solution or returns the node's branches; null when there is nothing to explore. */
  private Frame expand(int depth, double cost, int count, Eval e) {
    int[] branches;
    if (e.open.isEmpty()) {
      List<Integer> stuck = new ArrayList<>();
      if (orderable(depth, stuck)) {
        if (improves(cost, count)) {
          best = Arrays.copyOf(path, depth);
          bestCost = cost;
          bestCount = count;
        }
        return null;
      }
      branches = stuckContributors(stuck, e);
    } else {
      branches = null;
      for (Obligation o : e.open) {
        int[] c = contributors(o, e);
        if (branches == null || c.length < branches.length) {
          branches = c;
        }
      }
    }
    if (branches.length == 0) {
      return null;
    }
    return new Frame(depth, cost, count, branches, e);
  }

  /**
   * Whether the first {@code depth} badges of {@link #path}, whose rules all hold, can be taken in
   * some order (else {@code stuck} gets the badges that cannot). In an acyclic cone they always can:
   * taken in cone order, every badge finds what its rules name already held, so only a cone with a
   * cycle through equivalences is checked. The checked mode checks every cone.
   */
  private boolean orderable(int depth, List<Integer> stuck) {
    if (acyclic && !checkingRoots) {
      return true;
    }
    boolean ordered = steps(Arrays.copyOf(path, depth), stuck) != null;
    if (acyclic && !ordered) {
      throw new AssertionError("an acyclic cone's plan " + stuck + " found no order for " + goal);
    }
    return ordered;
  }

  private void dive() {
    Trail trail = new Trail();
    try {
      dive(trail);
    } finally {
      trail.undo(values, work);
    }
  }

  private void dive(Trail trail) {
    double cost = 0;
    int count = 0;
    Eval e = evaluate();
    for (int step = 0; step <= coneSize; step++) {
      if (e.lb == INF) {
        return;
      }
      int x = firstBranch(step, cost, count, e);
      if (best != null || x < 0) {
        return;
      }
      if (step == path.length) {
        path = Arrays.copyOf(path, 2 * step);
      }
      path[step] = x;
      cost += weight[x];
      count++;
      // Each step only adds a badge: update the previous node in place, O(what it changes).
      e = step(e, cost, count, x, trail);
    }
  }

  // ---------------------------------------------------------------- branching

  /**
   * The first branch {@link #expand} would give, or -1 for none (when {@code e} completes the goal,
   * {@link #best} is updated as by {@code expand}). A dive takes only that branch, so the contributors
   * of each open obligation are counted, not sorted: the obligation with the fewest (the first of
   * them) is chosen, and its cheapest contributor found in one pass. O(contributors) instead of
   * O(contributors log contributors) per obligation and step, and no array per obligation.
   */
  private int firstBranch(int depth, double cost, int count, Eval e) {
    if (e.open.isEmpty() || e.open.stream().anyMatch(o -> o.rule() == null)) {
      Frame f = expand(depth, cost, count, e);
      return f == null ? -1 : f.branches[0];
    }
    IntList fewest = fewestContributors(Lists.transform(e.open, Obligation::compiled), false, e);
    int x = cheapestUsable(fewest, e);
    releaseList(fewest);
    return x;
  }

  /**
   * The contributors (borrowed: the caller releases them) of the rule of {@code rules} that has the
   * fewest usable ones, the first of them on ties; with {@code skipHolding}, rules that hold are
   * left out. Null when no rule is left.
   */
  private IntList fewestContributors(List<Rule> rules, boolean skipHolding, Eval e) {
    IntList fewest = null;
    int fewestCount = 0;
    for (Rule r : rules) {
      if (skipHolding && r.holds(e.state)) {
        continue;
      }
      IntList c = borrowList();
      exprContributors(r, e, c);
      int k = usableCount(c, e);
      if (fewest == null || k < fewestCount) {
        if (fewest != null) {
          releaseList(fewest);
        }
        fewest = c;
        fewestCount = k;
      } else {
        releaseList(c);
      }
    }
    return fewest;
  }

  /**
   * The first contributor of {@code c} in {@link #usable}'s order (cheapest share-free value, then
   * id), or -1 when none can still be earned.
   */
  private int cheapestUsable(IntList c, Eval e) {
    if (seenMark == null) {
      seenMark = new int[badge.length];
    }
    int mark = ++seenEpoch;
    int[] byId = planIndex.idRank();
    double[] hadd = e.values.hadd;
    int best = -1;
    for (int j = 0; j < c.size; j++) {
      int i = c.items[j];
      if (seenMark[i] != mark) {
        seenMark[i] = mark;
        if (!e.state[i] && !forbidden[i] && e.values.hmax[i] < INF
            && (best < 0 || hadd[i] < hadd[best] || (hadd[i] == hadd[best] && byId[i] < byId[best]))) {
          best = i;
        }
      }
    }
    return best;
  }

  private int[] contributors(Obligation o, Eval e) {
    if (o.rule() == null) {
      int[] fewest = null;
      for (int k : uncoveredSkills(e.state)) {
        IntList c = new IntList();
        for (int carrier : carriers.get(k)) {
          badgeContributors(carrier, e, c);
        }
        int[] arr = usable(c, e);
        if (fewest == null || arr.length < fewest.length) {
          fewest = arr;
        }
      }
      return fewest == null ? new int[0] : fewest;
    }
    IntList out = borrowList();
    exprContributors(o.compiled(), e, out);
    int[] usable = usable(out, e);
    releaseList(out);
    return usable;
  }

  /** Lists lent to the collection of contributors, which runs at every node: reused, not allocated. */
  private final ArrayDeque<IntList> freeLists = new ArrayDeque<>();

  private IntList borrowList() {
    IntList l = freeLists.poll();
    if (l == null) {
      return new IntList();
    }
    l.size = 0;
    return l;
  }

  private void releaseList(IntList l) {
    freeLists.push(l);
  }

  /** A growable list of badge numbers; contributors are collected with repeats, removed once at the end. */
  private static final class IntList {
    int[] items = new int[16];
    int size;

    void add(int x) {
      if (size == items.length) {
        items = Arrays.copyOf(items, 2 * size);
      }
      items[size++] = x;
    }

    void addAll(IntList other) {
      for (int k = 0; k < other.size; k++) {
        add(other.items[k]);
      }
    }

    void addAll(int[] other) {
      for (int x : other) {
        add(x);
      }
    }

    /** The distinct items, sorted. */
    int[] sortedDistinct() {
      int[] a = Arrays.copyOf(items, size);
      Arrays.sort(a);
      int k = 0;
      for (int j = 0; j < a.length; j++) {
        if (k == 0 || a[j] != a[k - 1]) {
          a[k++] = a[j];
        }
      }
      return k == a.length ? a : Arrays.copyOf(a, k);
    }
  }

  private int[] seenMark;
  private int seenEpoch;
  private int[] usableScratch = new int[64];

  /**
   * The distinct contributors of {@code c} that can still be earned, in no particular order, written
   * into {@code out} (if not null); returns how many.
   */
  private int usableInto(IntList c, Eval e, int[] out) {
    if (seenMark == null) {
      seenMark = new int[badge.length];
    }
    int mark = ++seenEpoch;
    int k = 0;
    for (int j = 0; j < c.size; j++) {
      int i = c.items[j];
      if (seenMark[i] != mark) {
        seenMark[i] = mark;
        if (!e.state[i] && !forbidden[i] && e.values.hmax[i] < INF) {
          if (out != null) {
            out[k] = i;
          }
          k++;
        }
      }
    }
    return k;
  }

  /** How many distinct contributors of {@code c} can still be earned. */
  private int usableCount(IntList c, Eval e) {
    return usableInto(c, e, null);
  }

  /** Contributors that can still be earned, cheapest share-free value first, ties by id. */
  private int[] usable(IntList c, Eval e) {
    if (usableScratch.length < c.size) {
      usableScratch = new int[Math.max(c.size, 2 * usableScratch.length)];
    }
    int k = usableInto(c, e, usableScratch);
    int[] out = Arrays.copyOf(usableScratch, k);
    int[] byId = planIndex.idRank();
    double[] hadd = e.values.hadd;
    if (k > INSERTION_MAX) {
      // A tag rule can offer a thousand contributors: sort them in O(k log k), not by insertion.
      sortBoxed(out, k, (a, b) -> hadd[a] != hadd[b] ? Double.compare(hadd[a], hadd[b])
          : Integer.compare(byId[a], byId[b]));
      return out;
    }
    // Insertion sort: contributor lists are short, and this avoids boxing a comparator sort.
    for (int a = 1; a < k; a++) {
      int x = out[a];
      int b = a;
      while (b > 0 && (hadd[out[b - 1]] > hadd[x]
          || (hadd[out[b - 1]] == hadd[x] && byId[out[b - 1]] > byId[x]))) {
        out[b] = out[b - 1];
        b--;
      }
      out[b] = x;
    }
    return out;
  }

  /**
   * Adds badges at least one of which every completion that makes {@code r} hold must add. For a rule
   * without {@code distinct} that does not hold over a closed state, some child that does not hold must
   * come to hold, so only unmet children are followed (for {@code allOf}, only the one with the fewest
   * contributors: it must come to hold). A {@code distinct} rule may fail although every child holds, so
   * all the badges it names directly count.
   */
  private void exprContributors(Rule rule, Eval e, IntList out) {
    Requirement r = rule.source;
    if ((r instanceof AllOf a && a.distinct()) || (r instanceof AtLeast l && l.distinct())) {
      out.addAll(direct(r));
      return;
    }
    if (rule.refs != null) {
      for (int x : rule.refs) {
        badgeContributors(x, e, out);
      }
    } else if (r instanceof AllOf) {
      // Only the unmet child with the fewest contributors: it must come to hold.
      IntList fewest = fewestContributors(Arrays.asList(rule.children), true, e);
      if (fewest != null) {
        out.addAll(fewest);
        releaseList(fewest);
      }
    } else if (r instanceof AnyOf || r instanceof AtLeast) {
      for (Rule c : rule.children) {
        if (!c.holds(e.state)) {
          exprContributors(c, e, out);
        }
      }
    } else if (r instanceof AtLeastTagged) {
      // Set rules count one held badge per member: a member that looks satisfied may share its
      // badge with an equivalent member, so every member's badges are contributors.
      for (int[] member : rule.memberEq) {
        for (int y : member) {
          badgeContributors(y, e, out);
        }
      }
    } else if (r instanceof CreditsTagged || r instanceof Credits) {
      for (int j = 0; j < rule.memberEq.length; j++) {
        if (rule.memberCredit[j] > 0) {
          for (int y : rule.memberEq[j]) {
            badgeContributors(y, e, out);
          }
        }
      }
    } else {
      throw new AssertionError("unknown requirement type " + r);
    }
  }

  private void badgeContributors(int x, Eval e, IntList out) {
    if (e.state[x] || badge[x] == null) {
      return;
    }
    if (!stacked[x]) {
      out.add(x);
      return;
    }
    if (expanding[x]) {
      // Met again through an equivalence cycle: its own award cannot rest on itself (credentials are
      // awarded as a least fixpoint), so the outer expansion of x already collects what it needs.
      return;
    }
    // A credential not awarded has an unmet rule; one of them must come to hold.
    Rule requires = req(x);
    Rule unmet = requires == null || requires.holds(e.state) ? stk(x) : requires;
    expanding[x] = true;
    try {
      exprContributors(unmet, e, out);
    } finally {
      expanding[x] = false;
    }
  }

  private int[] stuckContributors(List<Integer> stuck, Eval e) {
    IntList out = new IntList();
    for (int b : stuck) {
      badge[b].requires().ifPresent(r -> out.addAll(direct(r)));
      badge[b].coRequires().ifPresent(r -> out.addAll(direct(r)));
    }
    return usable(out, e);
  }

  // ---------------------------------------------------------------- order

  /**
   * Takes the badges of {@code plan} in steps, each step the largest set that can be taken then;
   * returns the steps, or null (filling {@code stuck}) when some badges can never be taken.
   */
  private List<List<Integer>> steps(int[] plan, List<Integer> stuck) {
    BitSet s = new BitSet();
    for (int x : plan) {
      s.set(x);
    }
    boolean[] state = baseClosure.clone();
    BitSet remaining = (BitSet) s.clone();
    // Only badges whose rules name something that changed are checked again: O(n + edges) rule
    // evaluations for a plan of n badges, besides re-checks of co-requisites.
    BitSet pending = (BitSet) s.clone();
    List<List<Integer>> out = new ArrayList<>();
    while (!remaining.isEmpty()) {
      List<Integer> step = new ArrayList<>();
      for (int i = pending.nextSetBit(0); i >= 0; i = pending.nextSetBit(i + 1)) {
        if (remaining.get(i) && holds(req(i), state)) {
          step.add(i);
        }
      }
      pending.clear();
      boolean anyCo = step.stream().anyMatch(i -> badge[i].coRequires().isPresent());
      boolean changed = anyCo;
      while (changed && !step.isEmpty()) {
        boolean[] with = state.clone();
        step.forEach(i -> with[i] = true);
        close(with);
        List<Integer> dropped = new ArrayList<>();
        changed = step.removeIf(i -> {
          boolean drop = !holds(co(i), with);
          if (drop) {
            dropped.add(i);
          }
          return drop;
        });
        dropped.forEach(pending::set);
      }
      if (step.isEmpty()) {
        remaining.stream().forEach(stuck::add);
        return null;
      }
      List<Integer> changedBadges = new ArrayList<>(step);
      for (int i : step) {
        state[i] = true;
        remaining.clear(i);
      }
      if (acyclic) {
        // state was closed before the step: only credentials that see the step can be awarded now
        // (a pass over every credential of the cone per step was half of a status's orderings).
        IntList awarded = new IntList();
        step.forEach(awarded::add);
        closeFrom(state, awarded, null);
        for (int k = step.size(); k < awarded.size; k++) {
          changedBadges.add(awarded.items[k]);
        }
      } else {
        List<Integer> unawarded = new ArrayList<>();
        for (int c : stackedOrder) {
          if (!state[c]) {
            unawarded.add(c);
          }
        }
        close(state);
        for (int c : unawarded) {
          if (state[c]) {
            changedBadges.add(c);
          }
        }
      }
      for (int v : changedBadges) {
        for (int d : planIndex.dependants(v)) {
          if (remaining.get(d)) {
            pending.set(d);
          }
        }
      }
      out.add(step);
    }
    return out;
  }

  /**
   * A valid order of {@code s}: step by step; inside a step, the smallest id whose co-requisites already
   * hold comes next, so co-requisites come first where they can.
   */
  private List<String> linearOrder(int[] plan) {
    List<List<Integer>> steps = steps(plan, new ArrayList<>());
    boolean[] state = baseClosure.clone();
    List<String> out = new ArrayList<>();
    Comparator<Integer> byId = Comparator.comparing(planIndex::id);
    for (List<Integer> step : steps) {
      TreeSet<Integer> left = new TreeSet<>(byId);
      left.addAll(step);
      while (!left.isEmpty()) {
        int pick = left.first();
        for (int i : left) {
          if (badge[i].coRequires().isEmpty()) {
            pick = i;
            break;
          }
          boolean[] with = state.clone();
          with[i] = true;
          close(with);
          if (holds(badge[i].coRequires(), with)) {
            pick = i;
            break;
          }
        }
        left.remove(pick);
        out.add(planIndex.id(pick));
        state[pick] = true;
        if (acyclic) {
          // state was closed before: only credentials that see the pick can be awarded now.
          IntList changed = new IntList();
          changed.add(pick);
          closeFrom(state, changed, null);
        } else {
          close(state);
        }
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- messages

  private String goalName() {
    if (goal instanceof Goal.OfBadge g) {
      return "'" + g.badge() + "'";
    }
    return "skills " + skills;
  }

  private String unreachableReason(Values v) {
    if (goal instanceof Goal.OfSkills) {
      List<String> nobody = new ArrayList<>();
      for (int k = 0; k < skills.size(); k++) {
        if (carriers.get(k).length == 0) {
          nobody.add(skills.get(k));
        }
      }
      if (!nobody.isEmpty()) {
        return "no badge carries skill(s) " + nobody + "; add them to a badge or drop them from the goal";
      }
    }
    Set<String> unknown = new TreeSet<>();
    Set<String> impossible = new TreeSet<>();
    for (int k = 0; k < coneSize; k++) {
      int i = cone[k];
      if (v.hmax[i] < INF || baseClosure[i]) {
        continue;
      }
      if (badge[i] == null) {
        unknown.add(planIndex.id(i));
      } else if (blockedByItself(i)) {
        impossible.add(planIndex.id(i));
      }
    }
    StringBuilder sb = new StringBuilder(goalName()).append(" can never be reached from what is held");
    if (!unknown.isEmpty()) {
      sb.append("; it depends on unknown badges ").append(unknown);
    }
    if (!impossible.isEmpty()) {
      sb.append("; these badges can never be earned because their own rules cannot hold: ")
          .append(impossible);
    }
    return sb.append(". Validate the pathway to see why.").toString();
  }

  /** Whether badge {@code i}'s own rules fail even if every badge named were held. */
  private boolean blockedByItself(int i) {
    Predicate<String> everything = id -> true;
    Badge b = badge[i];
    for (Optional<Requirement> r : List.of(b.requires(), b.coRequires(), b.stack())) {
      if (r.isPresent() && !evaluator.holds(r.get(), everything)) {
        return true;
      }
    }
    return false;
  }

}
