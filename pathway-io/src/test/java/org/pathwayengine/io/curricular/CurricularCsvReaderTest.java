package org.pathwayengine.io.curricular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.core.Severity;
import org.pathwayengine.core.SourceLocation;
import org.pathwayengine.io.ReadResult;

class CurricularCsvReaderTest {
  private static final String COLUMNS = "Course ID,Course Name,Prefix,Number,Prerequisites,"
      + "Corequisites,Strict-Corequisites,Credit Hours,Institution,Canonical Name\n";

  private static ReadResult<CurricularDocument> read(String text) {
    return CurricularCsvReader.read(text, "c.csv");
  }

  private static String curriculum(String... courses) {
    return "Curriculum,Test\nSystem Type,semester\nCourses\n" + COLUMNS + String.join("\n", courses);
  }

  private static Problem only(ReadResult<?> r) {
    assertEquals(1, r.problems().size(), r.problems().toString());
    return r.problems().get(0);
  }

  @Test
  void coursesBecomeBadgesWithRequisites() {
    ReadResult<CurricularDocument> r = read(curriculum(
        "1,Calculus I,MA,113,,,,4,,",
        "2,Lab,MA,113L,,,,1,,",
        "3,Calculus II,MA,114,1,,2,4,,Calc 2",
        "4,Physics,PHY,231,1;3,2,,4.5,UK,"));
    assertEquals(List.of(), r.problems());
    CurricularDocument doc = r.value().orElseThrow();
    Badge calc2 = doc.pathway().badge("3").orElseThrow();
    assertEquals("Calculus II", calc2.title());
    assertEquals(4.0, calc2.credits().getAsDouble());
    assertEquals(Optional.of(Requirement.badge("1")), calc2.requires());
    assertEquals(Optional.of(Requirement.badge("2")), calc2.coRequires());
    assertEquals(List.of("2"), calc2.extensions().get(CurricularDocument.STRICT_COREQUISITES));
    assertEquals("MA", calc2.extensions().get(CurricularDocument.PREFIX));
    assertEquals("Calc 2", calc2.extensions().get(CurricularDocument.CANONICAL_NAME));
    Badge physics = doc.pathway().badge("4").orElseThrow();
    assertEquals(Optional.of(Requirement.allOf(Requirement.badges("1", "3"))), physics.requires());
    assertEquals(4.5, physics.credits().getAsDouble());
    assertEquals("UK", physics.extensions().get(CurricularDocument.INSTITUTION));
    assertEquals("test", doc.pathway().id());
    assertEquals(Optional.of("Test"), doc.pathway().title());
  }

  @Test
  void unknownRequisiteIsReportedAtItsField() {
    ReadResult<CurricularDocument> r = read(curriculum("1,A,,,,,,3,,", "2,B,,,1; 9,,,3,,",
        "3,C,,,\"9\",,,3,,"));
    assertEquals(2, r.problems().size());
    // the column of the unknown id itself, inside the field, quoted or not
    assertEquals(new SourceLocation("c.csv", 7, 8), r.problems().get(1).location().orElseThrow());
    Problem p = r.problems().get(0);
    assertEquals(ProblemCode.UNKNOWN_BADGE, p.code());
    assertEquals(Optional.of(new SourceLocation("c.csv", 6, 10)), p.location());
    assertEquals(Optional.of("2"), p.badge());
    assertTrue(p.message().contains("'9'"), p.message());
    assertFalse(r.isValid());
  }

  @Test
  void quotedFieldsCommentsBlankLinesCrlfAndBom() {
    String text = "\uFEFF# exported by hand\r\nCurriculum,\"Arts, Crafts and \"\"Baskets\"\"\",,\r\n"
        + "\r\nCourses,,\r\n" + COLUMNS.replace("\n", "\r\n")
        + "# a comment, with a comma\r\n"
        + "\"1\",\"Intro, with comma\",\"BW\",\"110\",,,,\"3\",\"\",\"\"\r\n"
        + ",,,,,,,,,\r\n"
        + "2,\"Two\nlines\",BW,111,\"1\",,,3,,";
    ReadResult<CurricularDocument> r = read(text);
    assertEquals(List.of(), r.problems());
    CurricularDocument doc = r.value().orElseThrow();
    assertEquals("Arts, Crafts and \"Baskets\"", doc.curriculum());
    assertEquals("Intro, with comma", doc.pathway().badge("1").orElseThrow().title());
    assertEquals("Two\nlines", doc.pathway().badge("2").orElseThrow().title());
    assertEquals(Optional.of(Requirement.badge("1")),
        doc.pathway().badge("2").orElseThrow().requires());
  }

  @Test
  void unterminatedQuoteIsAParseError() {
    ReadResult<CurricularDocument> r = read(curriculum("1,\"Broken,,,,,,3,,"));
    Problem p = r.problems().get(0);
    assertEquals(ProblemCode.PARSE_ERROR, p.code());
    assertEquals(Optional.of(new SourceLocation("c.csv", 5, 3)), p.location());
  }

  @Test
  void missingCoursesSectionGivesNoValue() {
    ReadResult<CurricularDocument> r = read("Curriculum,Test\nInstitution,X\n");
    Problem p = only(r);
    assertEquals(ProblemCode.SCHEMA_ERROR, p.code());
    assertTrue(p.message().contains("Courses"), p.message());
    assertTrue(r.value().isEmpty());
  }

  @Test
  void badValuesAreReportedWithLineAndColumn() {
    ReadResult<CurricularDocument> r = read(curriculum(
        "1,A,,,,,,three,,",
        "1,B,,,,,,3,,",
        "x y,C,,,,,,3,,",
        ",D,,,,,,3,,"));
    assertEquals(List.of(ProblemCode.INVALID_VALUE, ProblemCode.DUPLICATE_ID,
            ProblemCode.INVALID_VALUE, ProblemCode.SCHEMA_ERROR),
        r.problems().stream().map(Problem::code).toList());
    assertEquals(new SourceLocation("c.csv", 5, 10), r.problems().get(0).location().orElseThrow());
    assertEquals(new SourceLocation("c.csv", 6, 1), r.problems().get(1).location().orElseThrow());
    assertEquals(new SourceLocation("c.csv", 7, 1), r.problems().get(2).location().orElseThrow());
    assertEquals(new SourceLocation("c.csv", 8, 1), r.problems().get(3).location().orElseThrow());
  }

  @Test
  void missingRequiredColumnAndUnknownColumn() {
    ReadResult<CurricularDocument> r =
        read("Curriculum,T\nCourses\nCourse ID,Course Name,Shoe Size\n1,A,42\n");
    assertEquals(2, r.problems().size(), r.problems().toString());
    Problem unknown = r.problems().get(1);
    assertEquals(Severity.WARNING, unknown.severity());
    assertEquals(new SourceLocation("c.csv", 3, 23), unknown.location().orElseThrow());
    Problem missing = r.problems().get(0);
    assertEquals(ProblemCode.SCHEMA_ERROR, missing.code());
    assertTrue(missing.message().contains("Credit Hours"), missing.message());
  }

  @Test
  void degreePlanTermsAndTheirProblems() {
    String plan = "Curriculum,T\nDegree Plan,P\nSystem Type,Quarter\nCourses\n"
        + COLUMNS.replace("\n", ",Term\n")
        + "1,A,,,,,,3,,,1\n2,B,,,1,,,3,,,two\n3,C,,,,,,3,,,\n";
    ReadResult<CurricularDocument> r = read(plan);
    assertEquals(List.of(ProblemCode.INVALID_VALUE, ProblemCode.SCHEMA_ERROR),
        r.problems().stream().map(Problem::code).toList());
    assertEquals(new SourceLocation("c.csv", 7, 15), r.problems().get(0).location().orElseThrow());
    CurricularDocument doc = r.value().orElseThrow();
    assertTrue(doc.isDegreePlan());
    assertTrue(doc.isQuarterSystem());
    assertTrue(doc.analysisOptions().quarterSystem());
    assertEquals(java.util.Map.of("1", 1), doc.terms());
  }

  @Test
  void degreePlanWithoutTermColumn() {
    ReadResult<CurricularDocument> r =
        read("Curriculum,T\nDegree Plan,P\nCourses\n" + COLUMNS + "1,A,,,,,,3,,\n");
    assertEquals(ProblemCode.SCHEMA_ERROR, only(r).code());
    assertTrue(only(r).message().contains("Term"));
  }

  @Test
  void unknownSystemTypeAndMissingCurriculum() {
    ReadResult<CurricularDocument> r = read("System Type,trimester\nCourses\n" + COLUMNS);
    assertEquals(List.of(ProblemCode.SCHEMA_ERROR, ProblemCode.INVALID_VALUE),
        r.problems().stream().map(Problem::code).sorted().toList());
    assertEquals("curriculum", r.value().orElseThrow().pathway().id());
  }

  @Test
  void learningOutcomesSectionIsIgnoredWithAWarning() {
    ReadResult<CurricularDocument> r = read(curriculum("1,A,,,,,,3,,",
        "Learning Outcomes", "Learning Outcome ID,Name", "1,Know things"));
    Problem p = only(r);
    assertEquals(Severity.WARNING, p.severity());
    assertTrue(r.isValid());
    assertEquals(1, r.value().orElseThrow().pathway().badges().size());
  }

  @Test
  void unreadableFiles(@TempDir Path dir) throws IOException {
    Problem missing = only(CurricularCsvReader.read(dir.resolve("none.csv")));
    assertEquals(ProblemCode.PARSE_ERROR, missing.code());
    Path latin1 = dir.resolve("latin1.csv");
    Files.write(latin1, new byte[] {'C', 'u', 'r', ',', (byte) 0xE9, '\n'});
    Problem notUtf8 = only(CurricularCsvReader.read(latin1));
    assertEquals(ProblemCode.PARSE_ERROR, notUtf8.code());
    assertTrue(notUtf8.message().contains("UTF-8"));
  }

  @Test
  void writerQuotesWhatNeedsQuoting() {
    assertEquals("plain", CurricularCsvWriter.field("plain"));
    assertEquals("\"a, b\"", CurricularCsvWriter.field("a, b"));
    assertEquals("\"say \"\"hi\"\"\"", CurricularCsvWriter.field("say \"hi\""));
    assertEquals("\" padded\"", CurricularCsvWriter.field(" padded"));
    assertEquals("\"#1\"", CurricularCsvWriter.field("#1"));
    assertEquals("3", CurricularCsvWriter.number(3.0));
    assertEquals("4.5", CurricularCsvWriter.number(4.5));
  }

  @Test
  void nativePathwayIsWrittenWithItsTitleAndGraphRequisites() {
    var p = org.pathwayengine.core.Pathway.builder("p", "1").title("Pathway, One")
        .badge(Badge.builder("a", "A").credits(1).build())
        .badge(Badge.builder("b", "B").requires(Requirement.anyOf(Requirement.badges("a")))
            .build())
        .badge(Badge.builder("c", "C").stack(Requirement.atLeast(1, Requirement.badges("a", "b")))
            .build())
        .build();
    String csv = CurricularCsvWriter.toString(CurricularDocument.of(p), Optional.empty());
    assertEquals(List.of("Curriculum,\"Pathway, One\",,,,,,,,", "Courses,,,,,,,,,",
        COLUMNS.trim(), "a,A,,,,,,1,,", "b,B,,,a,,,,,", "c,C,,,a;b,,,,,"), csv.lines().toList());
  }
}
