package org.pathwayengine.io.curricular;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.core.Severity;
import org.pathwayengine.core.SourceLocation;
import org.pathwayengine.io.ReadResult;
import org.pathwayengine.io.curricular.CsvTokenizer.Field;
import org.pathwayengine.io.curricular.CsvTokenizer.Row;

/**
 * Reads a curriculum or degree plan in the CurricularAnalytics CSV format into a {@link
 * CurricularDocument}.
 *
 * <p>The format: a header block of {@code name,value} lines (Curriculum, Degree Plan, Institution,
 * Degree Type, System Type, CIP; other names are kept too), a line {@code Courses}, a row of column
 * names, one row per course and, in a degree plan, a line {@code Additional Courses} followed by its
 * own column row and courses. Columns are found by name (case, spaces and hyphens ignored): Course ID,
 * Course Name and Credit Hours are required; Prefix, Number, Prerequisites, Corequisites,
 * Strict-Corequisites, Institution, Canonical Name and Term are optional (Term is required in a
 * degree plan); the metric columns Complexity, Blocking, Delay, Centrality, Passrate and Chain Length
 * are derived values and ignored; other columns are ignored with a warning. Requisite lists separate
 * course ids with {@code ;}. Fields may be quoted; lines starting with {@code #} are comments; blank
 * lines and trailing empty fields are ignored.
 *
 * <p>Never throws for bad input: every problem comes back with its line and column (1-based, where the
 * field starts) and, where one is involved, the course id. Files above {@link #MAX_BYTES} are refused
 * with {@code LIMIT_EXCEEDED}. Linear time in the file's size.
 *
 * <pre>{@code
 * ReadResult<CurricularDocument> r = CurricularCsvReader.read(Path.of("UKY_EE_curric.csv"));
 * r.value().ifPresent(doc -> CurriculumAnalytics.analyze(doc.pathway(), doc.analysisOptions()));
 * }</pre>
 */
public final class CurricularCsvReader {
  /** The largest file read: 32 MiB. */
  public static final long MAX_BYTES = 32L * 1024 * 1024;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
  private static final Set<String> METRIC_COLUMNS =
      Set.of("complexity", "blocking", "delay", "centrality", "passrate", "chainlength");
  private static final List<String> KNOWN_COLUMNS = List.of("courseid", "coursename", "prefix",
      "number", "prerequisites", "corequisites", "strictcorequisites", "credithours", "institution",
      "canonicalname", "term");

  private CurricularCsvReader() {}

  /**
   * Reads a file (UTF-8).
   *
   * @param file the file; its name as given appears in every problem
   * @return the document, if one could be built, and every problem
   */
  public static ReadResult<CurricularDocument> read(Path file) {
    requireNonNull(file, "file");
    String name = file.toString();
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        return failure(ProblemCode.LIMIT_EXCEEDED, "the file has " + size + " bytes, more than the "
            + MAX_BYTES + " this reader accepts; split the curriculum", name);
      }
      byte[] bytes = Files.readAllBytes(file);
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes))
          .toString();
      return read(text, name);
    } catch (CharacterCodingException e) {
      return failure(ProblemCode.PARSE_ERROR,
          "the file is not UTF-8 text; save it as CSV (UTF-8)", name);
    } catch (IOException e) {
      return failure(ProblemCode.PARSE_ERROR, "cannot read the file: " + e.getMessage(), name);
    }
  }

  /**
   * Reads CSV text.
   *
   * @param text the file's content
   * @param fileName the file name to put in problems
   * @return the document, if one could be built, and every problem
   */
  public static ReadResult<CurricularDocument> read(String text, String fileName) {
    requireNonNull(text, "text");
    requireNonNull(fileName, "fileName");
    return new Reading(fileName).run(text);
  }

  private static ReadResult<CurricularDocument> failure(ProblemCode code, String message,
      String file) {
    return new ReadResult<>(Optional.empty(),
        List.of(Problem.of(code, message).withLocation(new SourceLocation(file, 1, 1))));
  }

  /** Lower case, letters and digits only: "Strict-Corequisites" and "strict corequisites" match. */
  static String normalize(String columnName) {
    return columnName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
  }

  /** One course row with the columns it was read under. */
  private record CourseRow(Row row, Map<String, Integer> columns, boolean additional) {
    Optional<Field> get(String column) {
      Integer i = columns.get(column);
      return i == null ? Optional.empty() : Optional.of(row.field(i));
    }

    String text(String column) {
      return get(column).map(f -> f.value().trim()).orElse("");
    }
  }

  /** The state of one read. */
  private static final class Reading {
    private final String file;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, String> header = new LinkedHashMap<>();
    private final List<CourseRow> courses = new ArrayList<>();
    private boolean sawColumns;

    Reading(String file) {
      this.file = file;
    }

    private SourceLocation at(Field f) {
      return new SourceLocation(file, f.line(), f.column());
    }

    private void problem(ProblemCode code, String message, Field where, String badge) {
      Problem p = Problem.of(code, message).withLocation(at(where));
      problems.add(badge == null ? p : p.withBadge(badge));
    }

    ReadResult<CurricularDocument> run(String text) {
      List<Row> rows = CsvTokenizer.rows(text, file, problems::add);
      scan(rows);
      if (!sawColumns) {
        Field end = rows.isEmpty()
            ? new Field("", 1, 1, false)
            : rows.get(rows.size() - 1).fields().get(0);
        problem(ProblemCode.SCHEMA_ERROR, "no 'Courses' section: a CurricularAnalytics file has a"
            + " line 'Courses', then a row of column names (Course ID, Course Name, ...), then one"
            + " row per course", end, null);
        return new ReadResult<>(Optional.empty(), inFileOrder());
      }
      Pathway pathway = build();
      return new ReadResult<>(Optional.of(CurricularDocument.of(pathway)), inFileOrder());
    }

    private List<Problem> inFileOrder() {
      List<Problem> sorted = new ArrayList<>(problems);
      sorted.sort(Comparator
          .comparingInt((Problem p) -> p.location().map(SourceLocation::line).orElse(0))
          .thenComparingInt(p -> p.location().map(SourceLocation::column).orElse(0)));
      return sorted;
    }

    private void scan(List<Row> rows) {
      Map<String, Integer> columns = null;
      boolean additional = false;
      boolean expectColumns = false;
      for (Row row : rows) {
        Field first = row.fields().get(0);
        String key = first.value().trim();
        if (key.startsWith("#") || row.isBlank()) {
          continue;
        }
        if (expectColumns || (columns == null && normalize(key).equals("courseid"))) {
          columns = columns(row);
          expectColumns = false;
          sawColumns = true;
          continue;
        }
        if (key.equalsIgnoreCase("Courses") && columns == null) {
          expectColumns = true;
        } else if (key.equalsIgnoreCase("Additional Courses") && columns != null) {
          expectColumns = true;
          additional = true;
        } else if (key.equalsIgnoreCase("Learning Outcomes")) {
          problems.add(Problem.of(ProblemCode.SCHEMA_ERROR, "the 'Learning Outcomes' section is"
                  + " not supported and is ignored, with everything after it")
              .withSeverity(Severity.WARNING).withLocation(at(first)));
          return;
        } else if (columns == null) {
          if (header.containsKey(key)) {
            problem(ProblemCode.SCHEMA_ERROR, "the header line '" + key + "' appears twice; keep one",
                first, null);
          } else {
            header.put(key, row.field(1).value().trim());
          }
        } else {
          courses.add(new CourseRow(row, columns, additional));
        }
      }
      if (expectColumns) {
        problem(ProblemCode.SCHEMA_ERROR, "a section line is not followed by a row of column names",
            rows.get(rows.size() - 1).fields().get(0), null);
      }
    }

    private Map<String, Integer> columns(Row row) {
      Map<String, Integer> columns = new HashMap<>();
      for (int i = 0; i < row.fields().size(); i++) {
        Field f = row.fields().get(i);
        String name = normalize(f.value());
        if (name.isEmpty() || METRIC_COLUMNS.contains(name)) {
          continue;
        }
        if (!KNOWN_COLUMNS.contains(name)) {
          problems.add(Problem.of(ProblemCode.SCHEMA_ERROR, "the column '" + f.value().trim()
                  + "' is not part of the CurricularAnalytics format and is ignored; known columns: "
                  + "Course ID, Course Name, Prefix, Number, Prerequisites, Corequisites,"
                  + " Strict-Corequisites, Credit Hours, Institution, Canonical Name, Term")
              .withSeverity(Severity.WARNING).withLocation(at(f)));
        } else if (columns.putIfAbsent(name, i) != null) {
          problem(ProblemCode.SCHEMA_ERROR, "the column '" + f.value().trim() + "' appears twice;"
              + " keep one", f, null);
        }
      }
      for (String[] required : new String[][] {{"courseid", "Course ID"},
          {"coursename", "Course Name"}, {"credithours", "Credit Hours"}}) {
        if (!columns.containsKey(required[0])) {
          problem(ProblemCode.SCHEMA_ERROR, "the column '" + required[1] + "' is missing; add it to"
              + " the row of column names", row.fields().get(0), null);
        }
      }
      if (header.containsKey("Degree Plan") && !columns.containsKey("term")) {
        problem(ProblemCode.SCHEMA_ERROR, "a degree plan needs a 'Term' column giving each course's"
            + " term", row.fields().get(0), null);
      }
      return columns;
    }

    private Pathway build() {
      Map<String, CourseRow> byId = new LinkedHashMap<>();
      List<CourseRow> kept = new ArrayList<>();
      for (CourseRow c : courses) {
        Optional<Field> idField = c.get("courseid");
        if (idField.isEmpty()) {
          return emptyPathway(); // reported with the columns
        }
        String id = idField.get().value().trim();
        if (id.isEmpty()) {
          problem(ProblemCode.SCHEMA_ERROR, "the Course ID is empty; give every course a unique id",
              idField.get(), null);
          continue;
        }
        if (!ID.matcher(id).matches()) {
          problem(ProblemCode.INVALID_VALUE, "the Course ID '" + id + "' is not a valid id: use"
              + " letters, digits, '.', '_' and '-', starting with a letter or digit, at most 200",
              idField.get(), id);
        }
        if (byId.containsKey(id)) {
          problem(ProblemCode.DUPLICATE_ID, "the Course ID '" + id + "' is used by line "
              + byId.get(id).row().line() + " too; give every course a unique id", idField.get(), id);
        } else {
          byId.put(id, c);
        }
        kept.add(c);
      }
      Pathway.Builder p = Pathway.builder(slug(header.getOrDefault("Curriculum", "")), "1");
      String name = header.get("Curriculum");
      if (name == null) {
        problems.add(Problem.of(ProblemCode.SCHEMA_ERROR, "the header line 'Curriculum' is"
                + " missing; add a line 'Curriculum,<name of the program>' at the top")
            .withLocation(new SourceLocation(file, 1, 1)));
      } else if (!name.isEmpty()) {
        p.title(name);
      }
      p.extension(CurricularDocument.HEADER,
          Collections.unmodifiableMap(new LinkedHashMap<>(header)));
      String systemType = header.getOrDefault("System Type", "").trim();
      if (!systemType.isEmpty() && !systemType.equalsIgnoreCase("semester")
          && !systemType.equalsIgnoreCase("quarter")) {
        problems.add(Problem.of(ProblemCode.INVALID_VALUE, "the System Type '" + systemType
                + "' is neither 'semester' nor 'quarter'")
            .withLocation(new SourceLocation(file, 1, 1)));
      }
      boolean plan = header.containsKey("Degree Plan");
      for (CourseRow c : kept) {
        p.badge(badge(c, byId.keySet(), plan));
      }
      return p.build();
    }

    private Pathway emptyPathway() {
      return Pathway.builder(slug(header.getOrDefault("Curriculum", "")), "1").build();
    }

    private Badge badge(CourseRow c, Set<String> ids, boolean plan) {
      Field idField = c.get("courseid").orElseThrow();
      String id = idField.value().trim();
      Badge.Builder b = Badge.builder(id, c.text("coursename"));
      if (c.text("coursename").isEmpty()) {
        problem(ProblemCode.SCHEMA_ERROR, "the Course Name is empty; name the course",
            c.get("coursename").orElse(idField), id);
      }
      Optional<Field> credits = c.get("credithours");
      if (credits.isPresent()) {
        String text = credits.get().value().trim();
        try {
          double value = Double.parseDouble(text);
          if (!Double.isFinite(value) || value < 0) {
            throw new NumberFormatException(text);
          }
          b.credits(value);
        } catch (NumberFormatException e) {
          problem(ProblemCode.INVALID_VALUE, "the Credit Hours '" + text + "' is not a number >= 0",
              credits.get(), id);
        }
      }
      List<String> pre = requisites(c, "prerequisites", ids, id);
      List<String> co = requisites(c, "corequisites", ids, id);
      List<String> strict = requisites(c, "strictcorequisites", ids, id);
      if (!pre.isEmpty()) {
        b.requires(pre.toArray(String[]::new));
      }
      Set<String> allCo = new LinkedHashSet<>(co);
      allCo.addAll(strict);
      if (!allCo.isEmpty()) {
        b.coRequires(allCo.size() == 1
            ? Requirement.badge(allCo.iterator().next())
            : Requirement.allOf(Requirement.badges(allCo.toArray(String[]::new))));
      }
      if (!strict.isEmpty()) {
        b.extension(CurricularDocument.STRICT_COREQUISITES, List.copyOf(strict));
      }
      extension(b, CurricularDocument.PREFIX, c.text("prefix"));
      extension(b, CurricularDocument.NUMBER, c.text("number"));
      extension(b, CurricularDocument.INSTITUTION, c.text("institution"));
      extension(b, CurricularDocument.CANONICAL_NAME, c.text("canonicalname"));
      Optional<Field> term = c.get("term");
      if (term.isPresent() && !term.get().value().isBlank()) {
        String text = term.get().value().trim();
        try {
          int t = Integer.parseInt(text);
          if (t < 1) {
            throw new NumberFormatException(text);
          }
          b.extension(CurricularDocument.TERM, t);
        } catch (NumberFormatException e) {
          problem(ProblemCode.INVALID_VALUE, "the Term '" + text + "' is not a whole number >= 1",
              term.get(), id);
        }
      } else if (plan && term.isPresent()) {
        problem(ProblemCode.SCHEMA_ERROR, "the Term is empty; in a degree plan every course has"
            + " a term", term.get(), id);
      }
      if (c.additional()) {
        b.extension(CurricularDocument.ADDITIONAL, true);
      }
      return b.build();
    }

    private static void extension(Badge.Builder b, String name, String value) {
      if (!value.isEmpty()) {
        b.extension(name, value);
      }
    }

    private List<String> requisites(CourseRow c, String column, Set<String> ids, String course) {
      Optional<Field> field = c.get(column);
      if (field.isEmpty()) {
        return List.of();
      }
      Set<String> found = new LinkedHashSet<>();
      String value = field.get().value();
      int start = 0;
      for (String part : value.split(";", -1)) {
        String id = part.trim();
        int offset = start + part.indexOf(id.isEmpty() ? part : id);
        start += part.length() + 1;
        if (id.isEmpty()) {
          continue;
        }
        if (!ids.contains(id)) {
          Field f = field.get();
          problems.add(Problem.of(ProblemCode.UNKNOWN_BADGE, "course " + course + " lists '" + id
                  + "' among its " + columnTitle(column) + ", but no course has that Course ID")
              .withBadge(course)
              .withLocation(new SourceLocation(file, f.line(), f.columnOf(offset))));
        } else {
          found.add(id);
        }
      }
      return List.copyOf(found);
    }

    private static String columnTitle(String column) {
      switch (column) {
        case "prerequisites":
          return "Prerequisites";
        case "corequisites":
          return "Corequisites";
        default:
          return "Strict-Corequisites";
      }
    }
  }

  /** A pathway id from a curriculum name: lower case, runs of other characters as '-'. */
  static String slug(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (s.length() > 200) {
      s = s.substring(0, 200).replaceAll("-+$", "");
    }
    return s.isEmpty() ? "curriculum" : s;
  }
}
