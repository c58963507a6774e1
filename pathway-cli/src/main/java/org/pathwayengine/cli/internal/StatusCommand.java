package org.pathwayengine.cli.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.CostMeasure;
import org.pathwayengine.core.Eligibility;
import org.pathwayengine.core.ExplanationNode;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.LearnerStatus;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.PathwayEvaluator;
import org.pathwayengine.core.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code pathway status FILE --learner REC}: what a learner holds, what has expired, what they can
 * start, and how far each stacked credential is.
 */
@Command(name = "status", sortOptions = false,
    description = "Where a learner stands: held, expired and eligible badges, and progress toward "
        + "each stacked credential.",
    footer = {"", "Exit codes: 0 done, 1 the pathway is invalid, 2 bad usage or unreadable input."})
public final class StatusCommand extends BaseCommand {
  private static final int BAR_WIDTH = 10;

  @Parameters(index = "0", paramLabel = "FILE", description = "The pathway file.")
  Path file;

  @Option(names = "--learner", required = true, paramLabel = "REC",
      description = "The learner record.")
  Path learnerFile;

  @Option(names = "--what-if", paramLabel = "ID", split = ",",
      description = "Badges to pretend the learner earned on the as-of date, comma-separated.")
  List<String> whatIf = new ArrayList<>();

  @Option(names = "--cost", paramLabel = "count|hours", converter = CostConverter.class,
      description = "Minimise the remaining badges by count (default) or by hours.")
  CostMeasure cost = CostMeasure.COUNT;

  @Mixin
  DatedInputOptions inputs = new DatedInputOptions();

  @Mixin
  BudgetOption search = new BudgetOption();

  @Mixin
  TotalBudgetOption total = new TotalBudgetOption();

  @Override
  public Integer call() {
    Pathway pathway = validPathway(file, inputs.inputFormat);
    LearnerRecord record = learner(learnerFile, inputs.learnerFormat);
    LocalDate date = dateOr(inputs.asOf);
    List<String> hypothetical = new ArrayList<>();
    for (String name : whatIf) {
      String id = pathway.resolve(name.strip()).orElseThrow(() -> ExitException.usage(
          "--what-if names '" + name.strip() + "', which is no badge of " + pathway.id()));
      hypothetical.add(id);
    }
    if (!hypothetical.isEmpty()) {
      record = record.withEarned(hypothetical, date);
    }
    PathwayEvaluator evaluator = PathwayEvaluator.of(pathway);
    LearnerStatus status = evaluator.evaluate(record, date,
        total.applyTo(Learners.options(cost, search.budget)));
    List<Progress> progress = status.progress().stream()
        .sorted(Comparator.comparing(Progress::credential)).toList();
    if (common().json()) {
      printJson(Json.obj()
          .put("learner", record.learner())
          .put("asOf", date.toString())
          .put("whatIf", sorted(hypothetical))
          .put("held", sorted(status.held()))
          .put("expired", sorted(status.expired()))
          .put("untrusted", sorted(status.untrusted()))
          .put("unmatched", sorted(status.unmatched()))
          .put("eligible", status.eligible().stream()
              .sorted(Comparator.comparing(Eligibility::badge))
              .map(e -> Json.obj()
                  .put("badge", e.badge())
                  .put("coRequisitesMissing", sorted(e.coRequisitesMissing())))
              .toList())
          .put("progress", progress.stream()
              .map(p -> Json.obj()
                  .put("credential", p.credential())
                  .put("complete", p.complete())
                  .put("remaining", sorted(p.remaining()))
                  .put("optimal", p.optimal())
                  .put("reachable", p.reachable())
                  .put("cost", p.cost()))
              .toList()));
      return ExitCodes.OK;
    }
    printText(pathway, evaluator, record, date, hypothetical, status, progress);
    return ExitCodes.OK;
  }

  private void printText(Pathway pathway, PathwayEvaluator evaluator, LearnerRecord record,
      LocalDate date, List<String> hypothetical, LearnerStatus status, List<Progress> progress) {
    Style s = style();
    out().println(s.bold(record.learner()) + " on " + date + " · "
        + pathway.title().orElse(pathway.id()) + " " + s.dim("(" + pathway.id() + " "
        + pathway.version() + ")"));
    if (!hypothetical.isEmpty()) {
      out().println(s.yellow("what if " + String.join(", ", sorted(hypothetical))
          + " were earned on " + date));
    }
    section("Held", badgeRows(pathway, status.held(), s::green), s);
    section("Expired", badgeRows(pathway, status.expired(), s::red), s);
    List<List<String>> eligible = new ArrayList<>();
    for (Eligibility e : status.eligible().stream()
        .sorted(Comparator.comparing(Eligibility::badge)).toList()) {
      List<String> row = new ArrayList<>(List.of(s.yellow(e.badge()), title(pathway, e.badge())));
      if (!e.coRequisitesMissing().isEmpty()) {
        row.add(s.dim("co-requisites missing: " + String.join(", ",
            sorted(e.coRequisitesMissing()))));
      }
      eligible.add(row);
    }
    section("Eligible", eligible, s);
    if (!status.untrusted().isEmpty()) {
      section("Untrusted issuer", badgeRows(pathway, status.untrusted(), s::red), s);
    }
    if (!status.unmatched().isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      for (String n : sorted(status.unmatched())) {
        rows.add(List.of(s.red(n), "no badge of this pathway"));
      }
      section("Unmatched", rows, s);
    }
    if (progress.isEmpty()) {
      return;
    }
    List<List<String>> rows = new ArrayList<>();
    for (Progress p : progress) {
      int done = countingToward(evaluator, record, date, p.credential());
      String title = title(pathway, p.credential());
      if (p.complete()) {
        int n = Math.max(done, 1);
        rows.add(List.of(title, s.green(Text.bar(n, n, BAR_WIDTH)), n + "/" + n,
            s.green("complete")));
      } else if (!p.reachable()) {
        rows.add(List.of(title, s.red(Text.bar(0, 1, BAR_WIDTH)), done + "/?",
            s.red("cannot be completed")));
      } else {
        int total = done + p.remaining().size();
        rows.add(List.of(title, s.yellow(Text.bar(done, total, BAR_WIDTH)), done + "/" + total,
            "remaining: " + String.join(", ", sorted(p.remaining()))
                + (p.optimal() ? "" : s.dim(" (best found, not proven minimal)"))));
      }
    }
    out().println();
    out().println(s.bold("Stacked credentials"));
    Text.table(rows, "  ").forEach(out()::println);
  }

  /** The held badges that count toward a credential's stack rule. */
  private static int countingToward(PathwayEvaluator evaluator, LearnerRecord record,
      LocalDate date, String credential) {
    Optional<ExplanationNode> stack = evaluator.explain(record, date, credential).stack();
    return stack.map(n -> n.satisfiedBy().size()).orElse(0);
  }

  private void section(String heading, List<List<String>> rows, Style s) {
    out().println();
    out().println(s.bold(heading) + s.dim(" (" + rows.size() + ")"));
    if (rows.isEmpty()) {
      out().println(s.dim("  none"));
    } else {
      Text.table(rows, "  ").forEach(out()::println);
    }
  }

  private static List<List<String>> badgeRows(Pathway pathway, List<String> ids,
      java.util.function.UnaryOperator<String> colour) {
    List<List<String>> rows = new ArrayList<>();
    for (String id : sorted(ids)) {
      rows.add(List.of(colour.apply(id), title(pathway, id)));
    }
    return rows;
  }

  static String title(Pathway pathway, String id) {
    return pathway.badge(id).map(Badge::title).orElse(id);
  }

  static List<String> sorted(List<String> ids) {
    return ids.stream().sorted().toList();
  }

  /** {@code count} or {@code hours}. */
  static final class CostConverter implements ITypeConverter<CostMeasure> {
    @Override
    public CostMeasure convert(String value) {
      String v = value.toLowerCase(Locale.ROOT);
      if (v.equals("count")) {
        return CostMeasure.COUNT;
      }
      if (v.equals("hours")) {
        return CostMeasure.HOURS;
      }
      throw new TypeConversionException("'" + value + "' is not a cost; use count or hours");
    }
  }
}
