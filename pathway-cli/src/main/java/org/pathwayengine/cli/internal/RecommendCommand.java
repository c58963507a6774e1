package org.pathwayengine.cli.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pathwayengine.core.CostMeasure;
import org.pathwayengine.core.EvaluationOptions;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.plan.Goal;
import org.pathwayengine.core.plan.GoalPlan;
import org.pathwayengine.core.plan.Recommender;
import org.pathwayengine.core.plan.Recommender.Reason;
import org.pathwayengine.core.plan.Recommender.Recommendation;
import org.pathwayengine.core.plan.Recommender.Recommendations;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pathway recommend FILE --learner REC [--goal ID | --skills S,...]}: the cheapest plan to a goal
 * and the badges to start next, ranked, each with its reasons.
 */
@Command(name = "recommend", sortOptions = false,
    description = "What to start next: the badges a learner can start now, ranked with their "
        + "reasons, and the cheapest plan to a goal.",
    footer = {"", "Exit codes: 0 done, 1 the goal is unreachable or the pathway is invalid, "
        + "2 bad usage or unreadable input."})
public final class RecommendCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "The pathway file.")
  Path file;

  @Option(names = "--learner", required = true, paramLabel = "REC",
      description = "The learner record.")
  Path learnerFile;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  GoalOptions goal;

  /** A badge goal or a skills goal, not both. */
  static final class GoalOptions {
    @Option(names = "--goal", paramLabel = "ID", description = "Plan toward this badge or credential.")
    String badge;

    @Option(names = "--skills", paramLabel = "SKILL", split = ",",
        description = "Plan toward badges that carry all these skills, comma-separated.")
    List<String> skills;
  }

  @Option(names = "--cost", paramLabel = "count|hours", converter = StatusCommand.CostConverter.class,
      description = "Minimise the plan by count (default) or by hours.")
  CostMeasure cost = CostMeasure.COUNT;

  @Option(names = "--limit", paramLabel = "N", defaultValue = "5",
      description = "At most this many next badges (default 5).")
  int limit = 5;

  @Option(names = "--interests", paramLabel = "TAG", split = ",",
      description = "Tags or skills the learner cares about, comma-separated.")
  List<String> interests = new ArrayList<>();

  @Mixin
  DatedInputOptions inputs = new DatedInputOptions();

  @Mixin
  BudgetOption search = new BudgetOption();

  @Mixin
  TotalBudgetOption total = new TotalBudgetOption();

  @Override
  public Integer call() {
    if (limit < 1) {
      throw ExitException.usage("--limit must be at least 1, was " + limit);
    }
    Pathway pathway = validPathway(file, inputs.inputFormat);
    LearnerRecord record = learner(learnerFile, inputs.learnerFormat);
    LocalDate date = dateOr(inputs.asOf);
    EvaluationOptions options = total.applyTo(Learners.options(cost, search.budget));
    Optional<Goal> target = Optional.empty();
    if (goal != null && goal.badge != null) {
      target = Optional.of(Learners.badgeGoal(pathway, goal.badge));
    } else if (goal != null && goal.skills != null) {
      Set<String> skills = new LinkedHashSet<>();
      goal.skills.forEach(s -> skills.add(s.strip()));
      target = Optional.of(Goal.skills(skills));
    }
    Set<String> held = Learners.held(pathway, record, date);
    Set<String> wanted = new LinkedHashSet<>();
    interests.forEach(i -> wanted.add(i.strip()));
    Recommendations r = Recommender.of(pathway).recommend(held, target,
        Recommender.Interests.of(wanted, wanted), limit, options);
    Optional<GoalPlan> plan = r.plan();
    boolean reachable = plan.map(GoalPlan::reachable).orElse(true);
    if (common().json()) {
      List<Json.Obj> next = new ArrayList<>();
      for (Recommendation n : r.next()) {
        next.add(Json.obj()
            .put("badge", n.badge())
            .put("score", n.score())
            .put("reasons", n.reasons().stream().map(Reason::text).toList()));
      }
      printJson(Json.obj()
          .put("goal", target.map(Learners::goalJson).orElse(null))
          .put("reachable", plan.map(GoalPlan::reachable).orElse(null))
          .put("plan", plan.map(GoalPlan::badges).orElse(null))
          .put("cost", plan.map(GoalPlan::cost).orElse(null))
          .put("optimal", plan.map(GoalPlan::optimal).orElse(null))
          .put("reason", plan.flatMap(GoalPlan::reason).orElse(null))
          .put("next", next));
      return reachable ? ExitCodes.OK : ExitCodes.FAILED;
    }
    Style s = style();
    out().println(s.bold(record.learner()) + " on " + date + " · "
        + pathway.title().orElse(pathway.id()));
    if (target.isPresent() && plan.isPresent()) {
      GoalPlan p = plan.get();
      out().println();
      out().println(s.bold("Goal") + ": " + Learners.goalText(pathway, target.get()));
      if (!p.reachable()) {
        out().println("  " + s.red("✗ cannot be reached") + p.reason().map(x -> ": " + x).orElse(""));
      } else if (p.badges().isEmpty()) {
        out().println("  " + s.green("✓ already reached"));
      } else {
        out().println("  plan: " + String.join(" → ", p.badges()) + s.dim("  ("
            + Text.plural(p.badges().size(), "badge")
            + (cost == CostMeasure.HOURS ? ", " + Json.write(p.cost()) + " hours" : "")
            + (p.optimal() ? ", minimal" : ", best found, not proven minimal") + ")"));
      }
    }
    out().println();
    out().println(s.bold("Next") + s.dim(" (" + r.next().size() + ")"));
    if (r.next().isEmpty()) {
      out().println(s.dim("  nothing can be started now"));
    }
    List<List<String>> rows = new ArrayList<>();
    for (Recommendation n : r.next()) {
      rows.add(List.of(s.yellow(n.badge()), Json.write(n.score()),
          StatusCommand.title(pathway, n.badge())));
    }
    List<String> lines = Text.table(rows, "  ");
    for (int i = 0; i < lines.size(); i++) {
      out().println(lines.get(i));
      for (Reason reason : r.next().get(i).reasons()) {
        out().println(s.dim("      · " + reason.text()));
      }
    }
    return reachable ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
