package org.pathwayengine.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.plan.internal.PlanSearch;

/**
 * What a status's search budget buys: every credential goal of a learner (as {@link StatusPlanProbe}
 * plans them, one search after another) under several budgets, each compared with the largest: how
 * many plans stay unproven, how many come out longer, and by how many badges in all. The numbers
 * behind the budget table of {@code docs/PERFORMANCE.md}.
 *
 * <pre>
 * java -cp pathway-bench/target/benchmarks.jar org.pathwayengine.bench.BudgetQuality \
 *     [badges] [budget,...]
 * </pre>
 *
 * <p>Defaults: the 100 000-badge pathway and learner of {@link SyntheticFiles} (seeds 42 and 7),
 * budgets 1, 500, 2 000 and 10 000 (the default). Takes about a minute per 10 000 of the largest
 * budget on that pathway.
 */
public final class BudgetQuality {
  private BudgetQuality() {}

  /**
   * One budget's outcomes against the largest budget's.
   *
   * @param budget search nodes per credential
   * @param goals credential goals planned
   * @param unproven plans not proven minimal
   * @param longer plans that cost more than under the largest budget
   * @param extra what they cost more, in all
   * @param unprovenMeanCost the mean cost of the unproven plans (0 when there are none)
   * @param unprovenMeanBound the mean lower bound of the unproven plans (0 when there are none)
   */
  public record Row(long budget, int goals, int unproven, int longer, double extra,
      double unprovenMeanCost, double unprovenMeanBound) {}

  /** The rows of {@code budgets} (ascending, at least one) for {@code learner} on {@code p}. */
  public static List<Row> compare(Pathway p, LearnerRecord learner, long[] budgets) {
    long[] sorted = budgets.clone();
    Arrays.sort(sorted);
    if (sorted.length == 0 || sorted[0] < 1) {
      throw new IllegalArgumentException("budgets must be at least 1, and there must be one; were "
          + Arrays.toString(budgets));
    }
    List<List<PlanSearch.Outcome>> outcomes = new ArrayList<>();
    for (long b : sorted) {
      outcomes.add(StatusPlanProbe.run(p, learner, b, 1).get(0).outcomes());
    }
    List<PlanSearch.Outcome> reference = outcomes.get(outcomes.size() - 1);
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < sorted.length; i++) {
      int unproven = 0;
      int longer = 0;
      double extra = 0;
      double cost = 0;
      double bound = 0;
      List<PlanSearch.Outcome> mine = outcomes.get(i);
      for (int g = 0; g < reference.size(); g++) {
        PlanSearch.Outcome o = mine.get(g);
        if (!o.optimal()) {
          unproven++;
          cost += o.cost();
          bound += o.lowerBound();
        }
        if (o.cost() > reference.get(g).cost()) {
          longer++;
          extra += o.cost() - reference.get(g).cost();
        }
      }
      rows.add(new Row(sorted[i], reference.size(), unproven, longer, extra,
          unproven == 0 ? 0 : cost / unproven, unproven == 0 ? 0 : bound / unproven));
    }
    return rows;
  }

  /** One line per budget. */
  public static String describe(Row r) {
    return String.format("budget %,d: %,d of %,d unproven (mean plan %.1f, mean bound %.1f);"
            + " %,d plans longer than at the largest budget, %.0f badges more in all", r.budget(),
        r.unproven(), r.goals(), r.unprovenMeanCost(), r.unprovenMeanBound(), r.longer(),
        r.extra());
  }

  /** Prints the rows; arguments: badges, comma-separated budgets. */
  public static void main(String[] args) {
    int badges = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    long[] budgets = args.length > 1
        ? Arrays.stream(args[1].split(",")).map(String::strip).mapToLong(Long::parseLong).toArray()
        : new long[] {1, 500, 2_000, 10_000};
    Pathway p = SyntheticPathways.pathway(SyntheticPathways.Shape.of(badges), 42);
    LearnerRecord learner = SyntheticPathways.learner(p, 7);
    for (Row r : compare(p, learner, budgets)) {
      System.out.println(describe(r));
    }
  }
}
