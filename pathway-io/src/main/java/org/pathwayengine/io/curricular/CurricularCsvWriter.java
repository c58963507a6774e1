package org.pathwayengine.io.curricular;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Dependency;
import org.pathwayengine.core.DependencyKind;
import org.pathwayengine.core.analytics.BadgeMetrics;
import org.pathwayengine.core.analytics.CurriculumReport;

/**
 * Writes a {@link CurricularDocument} in the CurricularAnalytics CSV format, optionally with the
 * metric columns (Complexity, Blocking, Delay, Centrality) of a {@link CurriculumReport}, as
 * CurricularAnalytics' {@code write_csv} does.
 *
 * <p>Layout: the header block (Curriculum first, then the document's other lines in order), each line
 * padded with empty fields to the width of the course rows; {@code Courses}; the column row (Term
 * when the document has terms); the courses in pathway order; and, for a plan with additional
 * courses, {@code Additional Courses} with its own column row and courses. Fields are quoted only
 * when they hold a comma, a quote, a line break or surrounding spaces. Lines end with {@code \n}.
 *
 * <p>Requisite columns come from the dependency graph, so that CurricularAnalytics computes the same
 * metrics from the file: Prerequisites lists every prerequisite and stacked component (the format
 * knows only "all of"; an {@code anyOf}, {@code atLeast} or credits rule is flattened to the badges it
 * names — a lossy step for pathways not read from this format), Strict-Corequisites the co-requisites
 * the badge's {@value CurricularDocument#STRICT_COREQUISITES} lists, Corequisites the others. Credits
 * are written as integers when whole. Linear time.
 *
 * <pre>{@code
 * CurricularCsvWriter.write(doc, out);                     // the curriculum or plan
 * CurricularCsvWriter.write(doc, Optional.of(report), out); // with metric columns
 * }</pre>
 */
public final class CurricularCsvWriter {
  private static final List<String> COLUMNS = List.of("Course ID", "Course Name", "Prefix", "Number",
      "Prerequisites", "Corequisites", "Strict-Corequisites", "Credit Hours", "Institution",
      "Canonical Name");
  private static final List<String> METRIC_COLUMNS =
      List.of("Complexity", "Blocking", "Delay", "Centrality");

  private CurricularCsvWriter() {}

  /**
   * Writes the document without metrics.
   *
   * @throws UncheckedIOException if {@code out} fails
   */
  public static void write(CurricularDocument document, Appendable out) {
    write(document, Optional.empty(), out);
  }

  /**
   * Writes the document, with the metric columns of {@code report} when present.
   *
   * @param document what to write
   * @param report the analysis of the document's pathway, for the metric columns
   * @param out where to write
   * @throws UncheckedIOException if {@code out} fails
   */
  public static void write(CurricularDocument document, Optional<CurriculumReport> report,
      Appendable out) {
    requireNonNull(document, "document");
    requireNonNull(report, "report");
    requireNonNull(out, "out");
    try {
      new Writing(document, report, out).run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The document as CSV text, with the metric columns of {@code report} when present. */
  public static String toString(CurricularDocument document, Optional<CurriculumReport> report) {
    StringBuilder sb = new StringBuilder();
    write(document, report, sb);
    return sb.toString();
  }

  /** Quotes a field when it must be. */
  static String field(String value) {
    boolean quote = value.indexOf(',') >= 0 || value.indexOf('"') >= 0 || value.indexOf('\n') >= 0
        || value.indexOf('\r') >= 0 || !value.equals(value.trim()) || value.startsWith("#");
    return quote ? '"' + value.replace("\"", "\"\"") + '"' : value;
  }

  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static final class Writing {
    private final CurricularDocument doc;
    private final Optional<CurriculumReport> report;
    private final Map<String, BadgeMetrics> metrics;
    private final Appendable out;
    private final Graph<String, Dependency> graph;
    private final boolean withTerms;
    private final int width;

    Writing(CurricularDocument doc, Optional<CurriculumReport> report, Appendable out) {
      this.doc = doc;
      this.report = report;
      this.metrics = report.map(CurriculumReport::byBadge).orElse(Map.of());
      this.out = out;
      this.graph = doc.pathway().dependencyGraph();
      this.withTerms = doc.isDegreePlan();
      this.width = COLUMNS.size() + (withTerms ? 1 : 0) + (report.isPresent() ? 4 : 0);
    }

    void run() throws IOException {
      line(List.of("Curriculum", doc.curriculum()));
      for (Map.Entry<String, String> e : doc.header().entrySet()) {
        if (!e.getKey().equals("Curriculum")) {
          line(List.of(e.getKey(), e.getValue()));
        }
      }
      List<Badge> main = new ArrayList<>();
      List<Badge> additional = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (Badge b : doc.pathway().badges()) {
        if (seen.add(b.id())) {
          (doc.additionalCourses().contains(b.id()) ? additional : main).add(b);
        }
      }
      section("Courses", main);
      if (!additional.isEmpty()) {
        section("Additional Courses", additional);
      }
    }

    private void section(String title, List<Badge> badges) throws IOException {
      line(List.of(title));
      List<String> columns = new ArrayList<>(COLUMNS);
      if (withTerms) {
        columns.add("Term");
      }
      if (report.isPresent()) {
        columns.addAll(METRIC_COLUMNS);
      }
      line(columns);
      for (Badge b : badges) {
        line(row(b));
      }
    }

    private List<String> row(Badge b) {
      List<String> pre = new ArrayList<>();
      List<String> co = new ArrayList<>();
      List<String> strict = new ArrayList<>();
      List<String> strictListed = CurricularDocument.strictCoRequisites(b);
      Set<String> seen = new LinkedHashSet<>();
      for (Dependency d : graph.incomingEdgesOf(b.id())) {
        if (d.kind() == DependencyKind.CO_REQUISITE) {
          (strictListed.contains(d.from()) ? strict : co).add(d.from());
        } else if (seen.add(d.from())) {
          pre.add(d.from());
        }
      }
      List<String> r = new ArrayList<>(List.of(b.id(), b.title(), text(b, CurricularDocument.PREFIX),
          text(b, CurricularDocument.NUMBER), String.join(";", pre), String.join(";", co),
          String.join(";", strict), b.credits().isPresent() ? number(b.credits().getAsDouble()) : "",
          text(b, CurricularDocument.INSTITUTION), text(b, CurricularDocument.CANONICAL_NAME)));
      if (withTerms) {
        Integer term = doc.terms().get(b.id());
        r.add(term == null ? "" : term.toString());
      }
      if (report.isPresent()) {
        Optional<BadgeMetrics> m = Optional.ofNullable(metrics.get(b.id()));
        r.add(m.map(x -> x.complexity().toPlainString()).orElse(""));
        r.add(m.map(x -> Integer.toString(x.blockingFactor())).orElse(""));
        r.add(m.map(x -> Integer.toString(x.delayFactor())).orElse(""));
        r.add(m.map(x -> x.centrality().toString()).orElse(""));
      }
      return r;
    }

    private static String text(Badge b, String extension) {
      Object v = b.extensions().get(extension);
      return v == null ? "" : String.valueOf(v);
    }

    private void line(List<String> fields) throws IOException {
      StringBuilder sb = new StringBuilder();
      for (int i = 0; i < width; i++) {
        if (i > 0) {
          sb.append(',');
        }
        if (i < fields.size()) {
          sb.append(field(fields.get(i)));
        }
      }
      out.append(sb).append('\n');
    }
  }
}
