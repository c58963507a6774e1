package org.pathwayengine.core.plan.internal;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.core.internal.RequirementEvaluator;

/**
 * Term scheduling of an ordered plan (see {@link org.pathwayengine.core.plan.TermPlanner}).
 *
 * <p>Precedence: for the badge at position i, {@code strict(i)} is a deletion-minimal subset of the
 * earlier badges over which (with what is held, closed under awarded credentials) its {@code requires}
 * holds, and {@code weak(i)} a deletion-minimal subset of the other badges (none that must come after
 * it) over which, with {@code strict(i)} and itself, its {@code coRequires} holds. Rules are monotone,
 * so a schedule that puts {@code strict(i)} in earlier terms and {@code weak(i)} in the same or earlier
 * terms keeps every rule. Badges tied by weak edges in a cycle form a group that shares a term.
 *
 * <p>Scheduling: Coffman–Graham (E. G. Coffman and R. L. Graham, "Optimal scheduling for two-processor
 * systems", Acta Informatica 1, 1972) on the transitive reduction when two unit badges fit per term and
 * there are no weak edges and nothing in progress; otherwise list scheduling by longest remaining chain
 * (Hu's critical-path rule), in-progress groups first, then by id. O(n^2) evaluations of rules and
 * O(n^2 log n) for the schedule. Iterative throughout.
 */
public final class TermScheduler {
  private static final double EPS = 1e-9;

  private final Pathway pathway;
  private final RequirementEvaluator evaluator;
  private final Set<String> held;
  private final Set<String> inProgress;
  private final List<String> badges;
  private final int perTerm;
  private final OptionalDouble creditCap;
  private final List<Badge> stacked;

  /** A scheduler for one plan. */
  public TermScheduler(Pathway pathway, RequirementEvaluator evaluator, Set<String> held,
      Set<String> inProgress, List<String> badges, int perTerm, OptionalDouble creditCap) {
    this.pathway = requireNonNull(pathway, "pathway");
    this.evaluator = requireNonNull(evaluator, "evaluator");
    this.held = Set.copyOf(held);
    this.inProgress = Set.copyOf(inProgress);
    this.badges = List.copyOf(badges);
    this.perTerm = perTerm;
    this.creditCap = requireNonNull(creditCap, "creditCap");
    this.stacked = pathway.badges().stream().filter(Badge::isStacked).toList();
  }

  /** The schedule, its lower bound, and whether it is proven optimal. */
  public record Result(List<List<String>> terms, int lowerBound, boolean optimal) {}

  /** Runs the scheduler. */
  public Result run() {
    int n = badges.size();
    Set<String> seen = new HashSet<>();
    for (String id : badges) {
      checkArgument(seen.add(id), "badge '%s' appears twice in the plan", id);
      Badge b = pathway.badge(id).orElseThrow(() -> new IllegalArgumentException(
          "plan names '" + id + "', which is not a badge of pathway " + pathway.id()));
      checkArgument(!b.isStacked(),
          "plan names stacked credential '%s'; credentials are awarded, never scheduled", id);
      checkArgument(!held.contains(id), "plan names '%s', which the learner already holds", id);
    }
    if (n == 0) {
      return new Result(List.of(), 0, true);
    }
    List<int[]> strict = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      strict.add(minimal(i, rangeList(0, i), pathway.badge(badges.get(i)).orElseThrow().requires(),
          Set.of(), "requires"));
    }
    BitSet[] after = strictDescendants(strict);
    List<int[]> weak = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Integer> cand = new ArrayList<>();
      for (int j = 0; j < n; j++) {
        if (j != i && !after[i].get(j)) {
          cand.add(j);
        }
      }
      Set<Integer> base = new HashSet<>();
      for (int s : strict.get(i)) {
        base.add(s);
      }
      base.add(i);
      weak.add(minimal(i, cand, pathway.badge(badges.get(i)).orElseThrow().coRequires(), base,
          "coRequires"));
    }
    // Groups: strongly connected over all edges; a strict edge inside one cannot be scheduled.
    int[] group = components(strict, weak);
    int g = Arrays.stream(group).max().orElse(-1) + 1;
    List<List<Integer>> members = new ArrayList<>();
    for (int k = 0; k < g; k++) {
      members.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      members.get(group[i]).add(i);
    }
    List<Set<Integer>> strictPred = new ArrayList<>();
    List<Set<Integer>> weakPred = new ArrayList<>();
    for (int k = 0; k < g; k++) {
      strictPred.add(new HashSet<>());
      weakPred.add(new HashSet<>());
    }
    boolean anyWeak = false;
    for (int i = 0; i < n; i++) {
      for (int p : strict.get(i)) {
        checkArgument(group[p] != group[i], "badges %s must share a term as co-requisites, yet %s "
            + "is a prerequisite of %s", groupIds(members.get(group[i])), badges.get(p),
            badges.get(i));
        strictPred.get(group[i]).add(group[p]);
      }
      for (int q : weak.get(i)) {
        if (group[q] != group[i]) {
          weakPred.get(group[i]).add(group[q]);
        }
        anyWeak = true;
      }
    }
    for (int k = 0; k < g; k++) {
      weakPred.get(k).removeAll(strictPred.get(k));
    }
    double[] credits = new double[g];
    boolean[] progress = new boolean[g];
    double totalCredits = 0;
    for (int i = 0; i < n; i++) {
      double c = evaluator.creditsOf(badges.get(i));
      credits[group[i]] += c;
      totalCredits += c;
      progress[group[i]] |= inProgress.contains(badges.get(i));
    }
    int[] order = topological(g, strictPred, weakPred);
    int[] height = heights(g, order, strictPred, weakPred);
    int lower = Arrays.stream(height).max().orElse(0);
    lower = Math.max(lower, (int) Math.ceil((double) n / perTerm));
    if (creditCap.isPresent()) {
      lower = Math.max(lower, (int) Math.ceil(totalCredits / creditCap.getAsDouble() - EPS));
    }
    boolean anyProgress = false;
    for (boolean p : progress) {
      anyProgress |= p;
    }
    List<List<String>> terms;
    boolean cg = perTerm == 2 && creditCap.isEmpty() && !anyWeak && !anyProgress;
    if (cg) {
      terms = coffmanGraham(n, strict);
    } else {
      terms = listSchedule(g, members, strictPred, weakPred, height, credits, progress);
    }
    return new Result(terms, lower, cg || terms.size() == lower);
  }

  private static List<Integer> rangeList(int from, int to) {
    List<Integer> out = new ArrayList<>();
    for (int i = from; i < to; i++) {
      out.add(i);
    }
    return out;
  }

  /**
   * {@code held} closed under awarding credentials, and the credentials that the whole plan awards
   * on top of it: computed once, so that each of the O(n^2) tests below closes only over those. Each
   * test closes over a part of the plan, so (rules being monotone) no other credential is awarded in
   * one. On a large pathway, copying the held set and re-testing every credential per test took
   * seconds.
   */
  private Set<String> closedHeld;
  private List<Badge> upward;

  private void prepareClosure() {
    if (closedHeld != null) {
      return;
    }
    closedHeld = new HashSet<>(held);
    award(stacked, closedHeld, closedHeld::contains);
    Set<String> withPlan = new HashSet<>(badges);
    List<Badge> candidates = stacked.stream().filter(c -> !closedHeld.contains(c.id())).toList();
    award(candidates, withPlan, id -> withPlan.contains(id) || closedHeld.contains(id));
    upward = candidates.stream().filter(c -> withPlan.contains(c.id())).toList();
  }

  /**
   * Adds to {@code into}, to a fixpoint, every credential of {@code candidates} whose rules hold over
   * {@code have}, which must accept what {@code into} holds.
   */
  private void award(List<Badge> candidates, Set<String> into, Predicate<String> have) {
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Badge c : candidates) {
        if (!into.contains(c.id()) && holds(c.requires(), have) && holds(c.stack(), have)) {
          into.add(c.id());
          changed = true;
        }
      }
    }
  }

  private boolean holds(Optional<Requirement> r, Predicate<String> have) {
    return r.isEmpty() || evaluator.holds(r.get(), have);
  }

  /** Whether {@code r} holds over what is held, the plan's {@code chosen} and {@code base}, closed. */
  private boolean holdsWith(Optional<Requirement> r, Set<Integer> chosen, Set<Integer> base) {
    if (r.isEmpty()) {
      return true;
    }
    prepareClosure();
    // closure(held + X) = closure(closure(held) + X); X, a part of the plan, awards only upward ones.
    Set<String> extra = new HashSet<>();
    chosen.forEach(i -> extra.add(badges.get(i)));
    base.forEach(i -> extra.add(badges.get(i)));
    Predicate<String> have = id -> extra.contains(id) || closedHeld.contains(id);
    award(upward, extra, have);
    return holds(r, have);
  }

  /**
   * A deletion-minimal subset of {@code candidates} over which (with {@code base}) {@code rule} holds;
   * later candidates are dropped first, so earlier badges are the ones kept.
   */
  private int[] minimal(int i, List<Integer> candidates, Optional<Requirement> rule, Set<Integer> base,
      String what) {
    if (rule.isEmpty()) {
      return new int[0];
    }
    Set<Integer> keep = new HashSet<>(candidates);
    checkArgument(holdsWith(rule, keep, base),
        "the plan is not a valid order: the %s of '%s' cannot hold where it is placed", what,
        badges.get(i));
    List<Integer> byPosition = new ArrayList<>(candidates);
    byPosition.sort(Comparator.reverseOrder());
    for (int j : byPosition) {
      keep.remove(j);
      if (!holdsWith(rule, keep, base)) {
        keep.add(j);
      }
    }
    return keep.stream().mapToInt(Integer::intValue).sorted().toArray();
  }

  /** For each badge, the badges that must come strictly after it (transitively). */
  private BitSet[] strictDescendants(List<int[]> strict) {
    int n = strict.size();
    BitSet[] after = new BitSet[n];
    // strict edges go from a smaller to a larger position: process from the end.
    List<List<Integer>> succ = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      succ.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      for (int p : strict.get(i)) {
        succ.get(p).add(i);
      }
    }
    for (int i = n - 1; i >= 0; i--) {
      after[i] = new BitSet();
      for (int s : succ.get(i)) {
        after[i].set(s);
        after[i].or(after[s]);
      }
    }
    return after;
  }

  /** Strongly connected components over strict and weak edges (iterative Kosaraju). */
  private static int[] components(List<int[]> strict, List<int[]> weak) {
    int n = strict.size();
    List<List<Integer>> out = new ArrayList<>();
    List<List<Integer>> in = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add(new ArrayList<>());
      in.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      for (int[] preds : List.of(strict.get(i), weak.get(i))) {
        for (int p : preds) {
          out.get(p).add(i);
          in.get(i).add(p);
        }
      }
    }
    boolean[] seen = new boolean[n];
    List<Integer> finish = new ArrayList<>();
    for (int s = 0; s < n; s++) {
      if (seen[s]) {
        continue;
      }
      Deque<int[]> stack = new ArrayDeque<>();
      stack.push(new int[] {s, 0});
      seen[s] = true;
      while (!stack.isEmpty()) {
        int[] top = stack.peek();
        List<Integer> next = out.get(top[0]);
        if (top[1] < next.size()) {
          int v = next.get(top[1]++);
          if (!seen[v]) {
            seen[v] = true;
            stack.push(new int[] {v, 0});
          }
        } else {
          finish.add(stack.pop()[0]);
        }
      }
    }
    int[] comp = new int[n];
    Arrays.fill(comp, -1);
    int c = 0;
    for (int k = n - 1; k >= 0; k--) {
      int s = finish.get(k);
      if (comp[s] >= 0) {
        continue;
      }
      Deque<Integer> stack = new ArrayDeque<>();
      stack.push(s);
      comp[s] = c;
      while (!stack.isEmpty()) {
        int v = stack.pop();
        for (int u : in.get(v)) {
          if (comp[u] < 0) {
            comp[u] = c;
            stack.push(u);
          }
        }
      }
      c++;
    }
    return comp;
  }

  private String groupIds(List<Integer> members) {
    TreeSet<String> ids = new TreeSet<>();
    members.forEach(i -> ids.add(badges.get(i)));
    return ids.toString();
  }

  private static int[] topological(int g, List<Set<Integer>> strictPred, List<Set<Integer>> weakPred) {
    int[] indegree = new int[g];
    List<List<Integer>> succ = new ArrayList<>();
    for (int k = 0; k < g; k++) {
      succ.add(new ArrayList<>());
    }
    for (int k = 0; k < g; k++) {
      for (Set<Integer> preds : List.of(strictPred.get(k), weakPred.get(k))) {
        for (int p : preds) {
          succ.get(p).add(k);
          indegree[k]++;
        }
      }
    }
    int[] order = new int[g];
    int size = 0;
    Deque<Integer> ready = new ArrayDeque<>();
    for (int k = 0; k < g; k++) {
      if (indegree[k] == 0) {
        ready.add(k);
      }
    }
    while (!ready.isEmpty()) {
      int k = ready.poll();
      order[size++] = k;
      for (int s : succ.get(k)) {
        if (--indegree[s] == 0) {
          ready.add(s);
        }
      }
    }
    if (size != g) {
      throw new AssertionError("groups are not acyclic");
    }
    return order;
  }

  /** Terms needed from a group's term to the end of its chain (1 for a group nothing follows). */
  private static int[] heights(int g, int[] order, List<Set<Integer>> strictPred,
      List<Set<Integer>> weakPred) {
    int[] h = new int[g];
    Arrays.fill(h, 1);
    for (int k = g - 1; k >= 0; k--) {
      int v = order[k];
      for (int p : strictPred.get(v)) {
        h[p] = Math.max(h[p], h[v] + 1);
      }
      for (int p : weakPred.get(v)) {
        h[p] = Math.max(h[p], h[v]);
      }
    }
    return h;
  }

  private List<List<String>> listSchedule(int g, List<List<Integer>> members,
      List<Set<Integer>> strictPred, List<Set<Integer>> weakPred, int[] height, double[] credits,
      boolean[] progress) {
    String[] name = new String[g];
    for (int k = 0; k < g; k++) {
      name[k] = groupIds(members.get(k));
    }
    Comparator<Integer> priority = Comparator.<Integer>comparingInt(k -> progress[k] ? 0 : 1)
        .thenComparingInt(k -> -height[k])
        .thenComparing(k -> name[k]);
    int[] term = new int[g];
    Arrays.fill(term, -1);
    int left = g;
    List<List<String>> terms = new ArrayList<>();
    for (int t = 0; left > 0; t++) {
      int count = 0;
      double sum = 0;
      List<String> current = new ArrayList<>();
      boolean placed = true;
      while (placed) {
        placed = false;
        List<Integer> ready = new ArrayList<>();
        for (int k = 0; k < g; k++) {
          if (term[k] < 0 && predsDone(strictPred.get(k), term, t, false)
              && predsDone(weakPred.get(k), term, t, true)) {
            ready.add(k);
          }
        }
        ready.sort(priority);
        for (int k : ready) {
          int size = members.get(k).size();
          boolean fits = count + size <= perTerm
              && (creditCap.isEmpty() || sum + credits[k] <= creditCap.getAsDouble() + EPS);
          if (fits) {
            term[k] = t;
            count += size;
            sum += credits[k];
            left--;
            members.get(k).forEach(i -> current.add(badges.get(i)));
            placed = true;
            break;
          }
        }
        if (!placed && current.isEmpty()) {
          int k = ready.get(0);
          throw new IllegalArgumentException("badges " + name[k] + " (" + members.get(k).size()
              + " badges, " + credits[k] + " credits) must share a term but do not fit in one of "
              + capacityText() + "; raise the capacity");
        }
      }
      current.sort(null);
      terms.add(current);
    }
    return terms;
  }

  private String capacityText() {
    String badgesText = perTerm == Integer.MAX_VALUE ? "any number of badges" : perTerm + " badges";
    return creditCap.isPresent() ? badgesText + " and " + creditCap.getAsDouble() + " credits"
        : badgesText;
  }

  private static boolean predsDone(Set<Integer> preds, int[] term, int t, boolean sameTermOk) {
    for (int p : preds) {
      if (term[p] < 0 || (sameTermOk ? term[p] > t : term[p] >= t)) {
        return false;
      }
    }
    return true;
  }

  /** Coffman–Graham for two unit badges per term, on the transitive reduction. */
  private List<List<String>> coffmanGraham(int n, List<int[]> strict) {
    BitSet[] after = strictDescendants(strict);
    List<List<Integer>> succ = new ArrayList<>();
    List<List<Integer>> pred = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      succ.add(new ArrayList<>());
      pred.add(new ArrayList<>());
    }
    for (int i = 0; i < n; i++) {
      for (int p : strict.get(i)) {
        boolean redundant = false;
        for (int q : strict.get(i)) {
          if (q != p && after[p].get(q)) {
            redundant = true;
          }
        }
        if (!redundant) {
          succ.get(p).add(i);
          pred.get(i).add(p);
        }
      }
    }
    int[] label = new int[n];
    for (int next = 1; next <= n; next++) {
      int best = -1;
      int[] bestKey = null;
      for (int v = 0; v < n; v++) {
        if (label[v] != 0) {
          continue;
        }
        boolean ok = true;
        int[] ls = new int[succ.get(v).size()];
        for (int k = 0; k < ls.length; k++) {
          ls[k] = label[succ.get(v).get(k)];
          ok &= ls[k] != 0;
        }
        if (!ok) {
          continue;
        }
        Arrays.sort(ls);
        int[] desc = new int[ls.length];
        for (int k = 0; k < ls.length; k++) {
          desc[k] = ls[ls.length - 1 - k];
        }
        if (best < 0 || compareLex(desc, bestKey) < 0
            || (compareLex(desc, bestKey) == 0 && badges.get(v).compareTo(badges.get(best)) > 0)) {
          best = v;
          bestKey = desc;
        }
      }
      label[best] = next;
    }
    int[] term = new int[n];
    Arrays.fill(term, -1);
    List<List<String>> terms = new ArrayList<>();
    int left = n;
    for (int t = 0; left > 0; t++) {
      List<Integer> ready = new ArrayList<>();
      for (int v = 0; v < n; v++) {
        if (term[v] < 0) {
          boolean ok = true;
          for (int p : pred.get(v)) {
            ok &= term[p] >= 0 && term[p] < t;
          }
          if (ok) {
            ready.add(v);
          }
        }
      }
      ready.sort(Comparator.comparingInt((Integer v) -> -label[v]));
      List<String> current = new ArrayList<>();
      for (int k = 0; k < Math.min(2, ready.size()); k++) {
        term[ready.get(k)] = t;
        current.add(badges.get(ready.get(k)));
        left--;
      }
      current.sort(null);
      terms.add(current);
    }
    return terms;
  }

  /** Lexicographic order of decreasing label sequences; a proper prefix is smaller. */
  private static int compareLex(int[] a, int[] b) {
    for (int k = 0; k < Math.min(a.length, b.length); k++) {
      if (a[k] != b[k]) {
        return Integer.compare(a[k], b[k]);
      }
    }
    return Integer.compare(a.length, b.length);
  }
}
