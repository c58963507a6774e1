package org.pathwayengine.cli.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.pathwayengine.core.CostMeasure;
import org.pathwayengine.core.EvaluationOptions;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.plan.Goal;
import org.pathwayengine.core.plan.TermPlan;
import org.pathwayengine.core.plan.TermPlanner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pathway plan FILE --learner REC --goal ID --per-term N}: the cheapest way to a goal, spread
 * over terms of limited capacity.
 */
@Command(name = "plan", sortOptions = false,
    description = "Plan terms toward a goal: every badge after its prerequisites, co-requisites in "
        + "the same or an earlier term, at most N badges (and C credits) per term.",
    footer = {"", "Exit codes: 0 done, 1 the goal is unreachable or the pathway is invalid, "
        + "2 bad usage (a badge that fits in no term included) or unreadable input."})
public final class PlanCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "The pathway file.")
  Path file;

  @Option(names = "--learner", required = true, paramLabel = "REC",
      description = "The learner record.")
  Path learnerFile;

  @Option(names = "--goal", required = true, paramLabel = "ID",
      description = "The badge or credential to reach.")
  String goal;

  @Option(names = "--per-term", required = true, paramLabel = "N",
      description = "At most N badges per term.")
  int perTerm;

  @Option(names = "--credits-per-term", paramLabel = "C",
      description = "At most C credits per term.")
  Double creditsPerTerm;

  @Option(names = "--cost", paramLabel = "count|hours", converter = StatusCommand.CostConverter.class,
      description = "Choose the badges by count (default) or by hours.")
  CostMeasure cost = CostMeasure.COUNT;

  @Mixin
  DatedInputOptions inputs = new DatedInputOptions();

  @Mixin
  BudgetOption search = new BudgetOption();

  @Override
  public Integer call() {
    if (perTerm < 1) {
      throw ExitException.usage("--per-term must be at least 1, was " + perTerm);
    }
    if (creditsPerTerm != null && !(creditsPerTerm > 0 && Double.isFinite(creditsPerTerm))) {
      throw ExitException.usage("--credits-per-term must be a positive number, was "
          + creditsPerTerm);
    }
    Pathway pathway = validPathway(file, inputs.inputFormat);
    LearnerRecord record = learner(learnerFile, inputs.learnerFormat);
    LocalDate date = dateOr(inputs.asOf);
    EvaluationOptions options = Learners.options(cost, search.budget);
    Goal target = Learners.badgeGoal(pathway, goal);
    Set<String> held = Learners.held(pathway, record, date);
    Set<String> inProgress = Learners.inProgress(pathway, record);
    inProgress.removeAll(held);
    TermPlanner.Capacity capacity = creditsPerTerm == null
        ? TermPlanner.Capacity.badges(perTerm)
        : TermPlanner.Capacity.of(perTerm, creditsPerTerm);
    TermPlan plan;
    try {
      plan = TermPlanner.of(pathway).plan(held, inProgress, target, capacity, options);
    } catch (IllegalArgumentException e) {
      // A badge (or a group that must share a term) larger than a term: the options are at fault.
      throw ExitException.usage(e.getMessage());
    }
    if (common().json()) {
      List<List<String>> terms = new ArrayList<>();
      plan.terms().forEach(t -> terms.add(t.stream().sorted().toList()));
      printJson(Json.obj()
          .put("terms", terms)
          .put("lowerBound", plan.lowerBound())
          .put("goal", Learners.goalJson(target))
          .put("reachable", plan.reachable())
          .put("optimal", plan.optimal())
          .put("reason", plan.reason().orElse(null)));
      return plan.reachable() ? ExitCodes.OK : ExitCodes.FAILED;
    }
    Style s = style();
    out().println(s.bold(record.learner()) + " on " + date + " · goal: "
        + Learners.goalText(pathway, target) + s.dim(" · at most " + Text.plural(perTerm, "badge")
        + (creditsPerTerm == null ? "" : " and " + Json.write(creditsPerTerm) + " credits")
        + " per term"));
    if (!plan.reachable()) {
      out().println(s.red("✗ cannot be reached") + plan.reason().map(x -> ": " + x).orElse(""));
      return ExitCodes.FAILED;
    }
    if (plan.terms().isEmpty()) {
      out().println(s.green("✓ already reached"));
      return ExitCodes.OK;
    }
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < plan.terms().size(); i++) {
      List<String> titled = new ArrayList<>();
      for (String id : plan.terms().get(i).stream().sorted().toList()) {
        titled.add(id + (inProgress.contains(id) ? s.dim(" (in progress)") : ""));
      }
      rows.add(List.of(s.bold("Term " + (i + 1)), String.join(", ", titled)));
    }
    Text.table(rows, "  ").forEach(out()::println);
    out().println(Text.plural(plan.termCount(), "term") + (plan.optimal()
        ? s.dim(" (as few as possible)")
        : s.dim(" (no plan has fewer than " + plan.lowerBound() + ")")));
    return ExitCodes.OK;
  }
}
