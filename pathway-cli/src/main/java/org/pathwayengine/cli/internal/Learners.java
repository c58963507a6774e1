package org.pathwayengine.cli.internal;

import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.Set;
import org.pathwayengine.core.BatchEvaluator;
import org.pathwayengine.core.EvaluationOptions;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.plan.Goal;

/** What planning commands need from a learner record: the held ids, what is in progress, a goal. */
final class Learners {
  private Learners() {}

  /** The search options a user asked for (exit 2 for a budget below 1). */
  static EvaluationOptions options(org.pathwayengine.core.CostMeasure cost, long budget) {
    if (budget < 1) {
      throw ExitException.usage("--budget must be at least 1, was " + budget);
    }
    return new EvaluationOptions(cost, budget);
  }

  /**
   * The ids held on {@code date}, after expiry, trust, waivers and substitutions; credentials too.
   * Taken from the compiled evaluator: a full status would also plan every credential, which is most
   * of its time on a large pathway and not needed here.
   */
  static Set<String> held(Pathway pathway, LearnerRecord record, LocalDate date) {
    return new LinkedHashSet<>(BatchEvaluator.of(pathway).evaluate(record, date).held());
  }

  /** The record's in-progress names that name badges of the pathway, as ids. */
  static Set<String> inProgress(Pathway pathway, LearnerRecord record) {
    Set<String> out = new LinkedHashSet<>();
    for (String name : record.inProgress()) {
      pathway.resolve(name).ifPresent(out::add);
    }
    return out;
  }

  /** The goal a user named: a badge id or alias (exit 2 when it is neither). */
  static Goal badgeGoal(Pathway pathway, String name) {
    String id = pathway.resolve(name).orElseThrow(() -> ExitException.usage(
        "--goal names '" + name + "', which is no badge of " + pathway.id()));
    return Goal.badge(id);
  }

  /** The goal for output: a badge id, or the sorted skills. */
  static Object goalJson(Goal goal) {
    if (goal instanceof Goal.OfBadge b) {
      return b.badge();
    }
    if (goal instanceof Goal.OfSkills s) {
      return Json.obj().put("skills", s.skills().stream().sorted().toList());
    }
    throw new AssertionError("goal " + goal);
  }

  /** The goal for people. */
  static String goalText(Pathway pathway, Goal goal) {
    if (goal instanceof Goal.OfBadge b) {
      return StatusCommand.title(pathway, b.badge()) + " (" + b.badge() + ")";
    }
    if (goal instanceof Goal.OfSkills s) {
      return "skills " + String.join(", ", s.skills());
    }
    throw new AssertionError("goal " + goal);
  }
}
