package org.pathwayengine.core.plan.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.CostMeasure;
import org.pathwayengine.core.EvaluationOptions;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.core.internal.RequirementEvaluator;
import org.pathwayengine.core.plan.Goal;

/**
 * The planner's segment trees over "n of tag" members price every rule exactly as a pass over the
 * members does, at every node of a search (through steps, forbidden branches and backtracking); so
 * the two searches visit the same nodes and return the same outcome, budget exhausted or not.
 */
class TagTreesProperties {

  @Property(tries = 150)
  void treesPriceTagRulesExactlyAsAScan(@ForAll long seed,
      @ForAll @IntRange(min = 2, max = 300) int tagged, @ForAll CostMeasure measure) {
    Random rnd = new Random(seed);
    Pathway p = widePathway(rnd, tagged);
    Set<String> held = new HashSet<>();
    int share = rnd.nextInt(40);
    for (Badge b : p.badges()) {
      if (!b.isStacked() && rnd.nextInt(100) < share) {
        held.add(b.id());
      }
    }
    List<String> credentials = p.badges().stream().filter(Badge::isStacked).map(Badge::id).toList();
    String goal = credentials.get(rnd.nextInt(credentials.size()));
    EvaluationOptions options = new EvaluationOptions(measure, 1 + rnd.nextInt(60));
    RequirementEvaluator evaluator = new RequirementEvaluator(p);

    // CHECKED prices every "n of tag" rule both ways at every node and fails where they differ.
    PlanSearch.Outcome trees = new PlanSearch(p, evaluator, held, Goal.badge(goal), options)
        .pricingTagRules(PlanSearch.TagPricing.CHECKED).run();
    PlanSearch.Outcome scan = new PlanSearch(p, evaluator, held, Goal.badge(goal), options)
        .pricingTagRules(PlanSearch.TagPricing.SCAN).run();

    Statistics.label("search").collect(!trees.reachable() ? "unreachable"
        : trees.nodes() == 0 ? "no search" : trees.optimal() ? "optimal" : "budget spent");
    Statistics.label("search").coverage(c -> {
      c.check("optimal").percentage(x -> x >= 15);
      c.check("budget spent").percentage(x -> x >= 3);
    });
    assertEquals(scan, trees);
  }

  /**
   * {@code tagged} foundation badges over three tags (a few made equivalent), a layer of badges
   * requiring some of them, and credentials that stack core badges with "k of tag", credentials of
   * credentials among them.
   */
  private static Pathway widePathway(Random rnd, int tagged) {
    Pathway.Builder p = Pathway.builder("wide", "1");
    List<String> foundation = new ArrayList<>();
    for (int i = 0; i < tagged; i++) {
      String id = "f" + i;
      p.badge(Badge.builder(id, id).tags("t" + rnd.nextInt(3)).hours(1 + rnd.nextInt(5))
          .credits(rnd.nextInt(4)).build());
      foundation.add(id);
    }
    for (int k = 0; k + 1 < tagged && k < 6; k += 2) {
      if (rnd.nextBoolean()) {
        p.equivalence(List.of(foundation.get(rnd.nextInt(tagged)), foundation.get(k)));
      }
    }
    List<String> middle = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String id = "m" + i;
      List<Requirement> refs = new ArrayList<>();
      for (int k = 0; k < 1 + rnd.nextInt(3); k++) {
        refs.add(Requirement.badge(foundation.get(rnd.nextInt(tagged))));
      }
      Requirement req = rnd.nextBoolean() ? Requirement.allOf(refs) : Requirement.anyOf(refs);
      p.badge(Badge.builder(id, id).hours(1 + rnd.nextInt(5)).requires(req).build());
      middle.add(id);
    }
    List<String> credentials = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      String id = "c" + i;
      List<Requirement> parts = new ArrayList<>();
      for (int k = 0; k < rnd.nextInt(3); k++) {
        parts.add(Requirement.badge(middle.get(rnd.nextInt(middle.size()))));
      }
      if (!credentials.isEmpty() && rnd.nextBoolean()) {
        parts.add(Requirement.badge(credentials.get(rnd.nextInt(credentials.size()))));
      }
      parts.add(Requirement.atLeastTagged(1 + rnd.nextInt(Math.min(6, Math.max(1, tagged / 3))),
          "t" + rnd.nextInt(3)));
      p.badge(Badge.builder(id, id).stack(Requirement.allOf(parts)).build());
      credentials.add(id);
    }
    return p.build();
  }
}
