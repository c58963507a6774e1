package org.pathwayengine.cli.internal;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.analytics.BadgeMetrics;
import org.pathwayengine.core.analytics.CurriculumAnalytics;
import org.pathwayengine.core.analytics.CurriculumReport;
import org.pathwayengine.core.analytics.DegreePlanMetrics;
import org.pathwayengine.core.analytics.RedundantRequisite;
import org.pathwayengine.io.curricular.CurricularDocument;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pathway analyze FILE}: the CurricularAnalytics metrics of every badge (SPEC section 10), their
 * totals and one longest path; for a CurricularAnalytics file, its system type (quarter or semester)
 * and degree-plan terms are used as that tool would.
 */
@Command(name = "analyze", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Curriculum metrics of every badge: blocking factor, delay factor, centrality, "
        + "complexity; their totals, the longest path and redundant requisites.",
    footer = {"", "Exit codes: 0 done, 1 the pathway is invalid, 2 bad usage or unreadable input."})
public final class AnalyzeCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "The pathway or curriculum file.")
  Path file;

  @Option(names = "--input-format", paramLabel = "FORMAT", converter = Converters.Input.class,
      description = "native, ca-csv, ctdl, badgr or ob (default: by extension and content).")
  InputFormat inputFormat = InputFormat.AUTO;

  @Override
  public Integer call() {
    Pathway pathway = validPathway(file, inputFormat);
    CurricularDocument doc = CurricularDocument.of(pathway);
    CurriculumReport report = CurriculumAnalytics.analyze(pathway, doc.analysisOptions());
    if (common().json()) {
      printJson(json(report));
      return ExitCodes.OK;
    }
    Style s = style();
    out().println(s.bold(doc.curriculum()) + s.dim(" (" + pathway.id() + " " + pathway.version()
        + ", " + (report.quarterSystem() ? "quarter" : "semester") + " system, "
        + Text.plural(report.badges().size(), "badge") + ")"));
    out().println();
    List<List<String>> rows = new ArrayList<>();
    rows.add(List.of(s.bold("badge"), s.bold("complexity"), s.bold("blocking"), s.bold("delay"),
        s.bold("centrality"), s.bold("title")));
    for (BadgeMetrics m : report.byComplexity()) {
      rows.add(List.of(m.badge(), plain(m.complexity()), Integer.toString(m.blockingFactor()),
          Integer.toString(m.delayFactor()), m.centrality().toString(),
          StatusCommand.title(pathway, m.badge())));
    }
    rows.add(List.of(s.bold("total"), plain(report.totalComplexity()),
        Long.toString(report.totalBlockingFactor()), Long.toString(report.totalDelayFactor()),
        report.totalCentrality().toString()));
    Text.table(rows, "  ").forEach(out()::println);
    out().println();
    out().println(s.bold("Longest path") + s.dim(" (" + report.longestPath().size() + " badges)")
        + (report.longestPath().isEmpty() ? ": none"
            : ": " + String.join(" → ", report.longestPath())));
    if (!report.redundantRequisites().isEmpty()) {
      out().println(s.bold("Redundant requisites") + s.dim(" (implied by another path)"));
      for (RedundantRequisite r : report.redundantRequisites()) {
        out().println("  " + r.badge() + " " + kind(r) + " " + r.requisite());
      }
    }
    report.degreePlan().ifPresent(d -> {
      out().println(s.bold("Degree plan") + s.dim(" (" + Text.plural(d.termCount(), "term") + ")"));
      out().println("  credits per term: " + d.creditsPerTerm().stream().map(AnalyzeCommand::num)
          .toList() + String.format(Locale.ROOT, ", mean %.2f, standard deviation %.2f",
              d.meanCredits(), d.creditStandardDeviation()));
      out().println("  total requisite distance: " + d.totalRequisiteDistance());
    });
    return ExitCodes.OK;
  }

  /** The JSON of SPEC section 8, badges sorted by id; longestPath in path order. */
  static Json.Obj json(CurriculumReport report) {
    List<Json.Obj> badges = new ArrayList<>();
    for (BadgeMetrics m : report.badges().stream()
        .sorted(Comparator.comparing(BadgeMetrics::badge)).toList()) {
      badges.add(Json.obj()
          .put("badge", m.badge())
          .put("blockingFactor", m.blockingFactor())
          .put("delayFactor", m.delayFactor())
          .put("centrality", m.centrality())
          .put("complexity", m.complexity()));
    }
    Json.Obj o = Json.obj()
        .put("badges", badges)
        .put("totalBlockingFactor", report.totalBlockingFactor())
        .put("totalDelayFactor", report.totalDelayFactor())
        .put("totalCentrality", report.totalCentrality())
        .put("totalComplexity", report.totalComplexity())
        .put("longestPath", report.longestPath())
        .put("pathCount", report.pathCount())
        .put("quarterSystem", report.quarterSystem())
        .put("redundantRequisites", report.redundantRequisites().stream()
            .map(r -> Json.obj().put("badge", r.badge()).put("requisite", r.requisite())
                .put("kind", r.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')))
            .toList());
    report.degreePlan().ifPresent(d -> o.put("degreePlan", plan(d)));
    return o;
  }

  private static Json.Obj plan(DegreePlanMetrics d) {
    return Json.obj()
        .put("terms", d.termCount())
        .put("creditsPerTerm", d.creditsPerTerm())
        .put("meanCredits", d.meanCredits())
        .put("minCredits", d.minCredits())
        .put("minCreditTerm", d.minCreditTerm())
        .put("maxCredits", d.maxCredits())
        .put("maxCreditTerm", d.maxCreditTerm())
        .put("creditStandardDeviation", d.creditStandardDeviation())
        .put("totalRequisiteDistance", d.totalRequisiteDistance());
  }

  private static String kind(RedundantRequisite r) {
    switch (r.kind()) {
      case PREREQUISITE:
        return "requires";
      case CO_REQUISITE:
        return "co-requires";
      default:
        return "stacks";
    }
  }

  private static String plain(BigDecimal d) {
    return d.toPlainString();
  }

  private static String num(double d) {
    return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
  }
}
