package org.pathwayengine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.BatchEvaluator;
import org.pathwayengine.core.CostMeasure;
import org.pathwayengine.core.EvaluationOptions;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.internal.RequirementEvaluator;
import org.pathwayengine.core.plan.Goal;
import org.pathwayengine.core.plan.internal.PlanIndex;
import org.pathwayengine.core.plan.internal.PlanSearch;

/**
 * Where a status's planning time goes: the searches of every credential a learner does not hold, run
 * one after another on one thread in one shared search (as each thread of {@code status} runs its
 * share), timed per goal in thread CPU time (less disturbed by other processes than wall time) and
 * split between the searches that proved their plan minimal and those that spent their whole budget.
 * The first round pays for what a search state builds on first use (root values, compiled rules,
 * witness sets) and for the JIT; later rounds show the steady cost.
 *
 * <pre>
 * java -cp pathway-bench/target/benchmarks.jar org.pathwayengine.bench.StatusPlanProbe \
 *     [badges] [budget] [rounds]
 * </pre>
 *
 * <p>Defaults: the 100 000-badge pathway and learner of {@link SyntheticFiles} (seeds 42 and 7), the
 * default budget, two rounds. Times are for reading, not for asserting: the machine is shared.
 */
public final class StatusPlanProbe {
  private StatusPlanProbe() {}

  /**
   * One round over every goal.
   *
   * @param goals credentials not held
   * @param seconds thread CPU time of the round
   * @param proven searches that proved their plan minimal
   * @param provenNodes their nodes
   * @param provenSeconds their time
   * @param exhaustedNodes the nodes of the searches that spent their budget
   * @param exhaustedSeconds their time
   * @param outcomes every search's outcome, in goal order
   */
  public record Round(int goals, double seconds, int proven, long provenNodes, double provenSeconds,
      long exhaustedNodes, double exhaustedSeconds, List<PlanSearch.Outcome> outcomes) {}

  /** The credentials of {@code p} that the learner holding {@code held} does not hold, as goals. */
  public static List<Goal> credentialGoals(Pathway p, Set<String> held) {
    List<Goal> goals = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Badge b : p.badges()) {
      if (b.isStacked() && seen.add(b.id()) && !held.contains(b.id())) {
        goals.add(Goal.badge(b.id()));
      }
    }
    return goals;
  }

  /** Runs {@code rounds} rounds of every credential goal of {@code learner} within {@code budget}. */
  public static List<Round> run(Pathway p, LearnerRecord learner, long budget, int rounds) {
    Set<String> held = new HashSet<>(
        BatchEvaluator.of(p).evaluate(learner, SyntheticPathways.AS_OF).held());
    List<Goal> goals = credentialGoals(p, held);
    PlanSearch search = new PlanSearch(new PlanIndex(p, new RequirementEvaluator(p)), held,
        new EvaluationOptions(CostMeasure.COUNT, budget));
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    List<Round> out = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      long start = cpu.getCurrentThreadCpuTime();
      int proven = 0;
      long provenNodes = 0;
      long exhaustedNodes = 0;
      long provenNanos = 0;
      long exhaustedNanos = 0;
      List<PlanSearch.Outcome> outcomes = new ArrayList<>();
      for (Goal g : goals) {
        long s = cpu.getCurrentThreadCpuTime();
        PlanSearch.Outcome o = search.run(g);
        long t = cpu.getCurrentThreadCpuTime() - s;
        outcomes.add(o);
        if (o.optimal()) {
          proven++;
          provenNodes += o.nodes();
          provenNanos += t;
        } else {
          exhaustedNodes += o.nodes();
          exhaustedNanos += t;
        }
      }
      double seconds = (cpu.getCurrentThreadCpuTime() - start) / 1e9;
      out.add(new Round(goals.size(), seconds, proven, provenNodes, provenNanos / 1e9,
          exhaustedNodes, exhaustedNanos / 1e9, List.copyOf(outcomes)));
    }
    return out;
  }

  /** One line per round. */
  public static String describe(Round r) {
    return String.format("%,d goals in %.2f s of CPU: %,d proven minimal (%,d nodes, %.2f s),"
            + " %,d spent their budget (%,d nodes, %.2f s, %.2f us per node)", r.goals(), r.seconds(),
        r.proven(), r.provenNodes(), r.provenSeconds(), r.goals() - r.proven(), r.exhaustedNodes(),
        r.exhaustedSeconds(),
        r.exhaustedNodes() == 0 ? 0.0 : r.exhaustedSeconds() * 1e6 / r.exhaustedNodes());
  }

  /** Prints the rounds; arguments: badges, budget, rounds. */
  public static void main(String[] args) {
    int badges = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    long budget = args.length > 1 ? Long.parseLong(args[1])
        : EvaluationOptions.defaults().searchBudget();
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 2;
    Pathway p = SyntheticPathways.pathway(SyntheticPathways.Shape.of(badges), 42);
    LearnerRecord learner = SyntheticPathways.learner(p, 7);
    List<Round> out = run(p, learner, budget, rounds);
    for (int r = 0; r < out.size(); r++) {
      System.out.println("round " + (r + 1) + ": " + describe(out.get(r)));
    }
  }
}
