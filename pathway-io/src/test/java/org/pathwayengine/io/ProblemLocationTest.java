package org.pathwayengine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.ProblemCode;

/** One example per problem code the reader finds, with the exact line and column asserted. */
class ProblemLocationTest {
  private final PathwayFiles files = PathwayFiles.create();

  private ReadResult<Pathway> yaml(String text) {
    return files.read(text.getBytes(StandardCharsets.UTF_8), FileFormat.YAML, "p.yaml");
  }

  private ReadResult<Pathway> json(String text) {
    return files.read(text.getBytes(StandardCharsets.UTF_8), FileFormat.JSON, "p.json");
  }

  /** The only problem with this code; asserts its place. */
  static Problem only(ReadResult<?> r, ProblemCode code, int line, int column) {
    List<Problem> withCode = r.problems().stream().filter(p -> p.code() == code).toList();
    assertEquals(1, withCode.size(), () -> "problems: " + r.problems());
    Problem p = withCode.get(0);
    assertEquals(line, p.location().orElseThrow().line(), p::toString);
    assertEquals(column, p.location().orElseThrow().column(), p::toString);
    return p;
  }

  private static final String HEAD = "pathway: p\nversion: 1.0.0\nbadges:\n";

  @Test
  void validFileHasNoProblems() {
    var r = yaml(HEAD + "  - id: a\n    title: A\n  - id: b\n    title: B\n    requires: a\n");
    assertTrue(r.problems().isEmpty(), r.problems()::toString);
    assertEquals(2, r.value().orElseThrow().badges().size());
  }

  @Test
  void parseErrorInYaml() {
    var r = yaml(HEAD + "  - id: a\n    title: [A\n  - id: b\n");
    // SnakeYAML stops at the ':' of the next line, where the unclosed flow list cannot go on
    Problem p = only(r, ProblemCode.PARSE_ERROR, 6, 7);
    assertTrue(p.location().orElseThrow().file().equals("p.yaml"));
    assertFalse(r.value().isPresent());
  }

  @Test
  void parseErrorInJson() {
    var r = json("{\"pathway\": \"p\",\n \"version\": \"1\",\n \"badges\": [}\n");
    only(r, ProblemCode.PARSE_ERROR, 3, 13);
  }

  @Test
  void unknownFieldListsTheKnownOnes() {
    var r = yaml(HEAD + "  - id: a\n    titel: A\n");
    Problem p = r.errors().stream().filter(e -> e.message().contains("titel")).findFirst().orElseThrow(() -> new AssertionError(r.problems()));
    assertEquals(5, p.location().orElseThrow().line());
    assertEquals(5, p.location().orElseThrow().column());
    assertTrue(p.message().contains("'titel'"), p.message());
    assertTrue(p.message().contains("id, title, description"), p.message());
    assertEquals("a", p.badge().orElseThrow());
    // the missing title is a second problem, at the badge, reported first (file order)
    assertEquals(2, r.errors().size(), r.problems()::toString);
    assertEquals(4, r.problems().get(0).location().orElseThrow().line());
  }

  @Test
  void unknownTopLevelField() {
    only(yaml("pathway: p\nversion: 1\nbadgez: []\n"), ProblemCode.SCHEMA_ERROR, 3, 1);
  }

  @Test
  void wrongType() {
    Problem p = only(yaml(HEAD + "  - id: a\n    title: A\n    credits: [1]\n"),
        ProblemCode.SCHEMA_ERROR, 6, 14);
    assertTrue(p.message().contains("expected a number, found a list"), p.message());
  }

  @Test
  void missingRequiredField() {
    Problem p = only(yaml(HEAD + "  - id: a\n    credits: 1\n"), ProblemCode.SCHEMA_ERROR, 4, 5);
    assertTrue(p.message().contains("'title'"), p.message());
  }

  @Test
  void missingVersionGivesNoValue() {
    var r = yaml("pathway: p\nbadges: []\n");
    only(r, ProblemCode.SCHEMA_ERROR, 1, 1);
    assertFalse(r.value().isPresent());
  }

  @Test
  void invalidIdAtTheId() {
    Problem p = only(yaml(HEAD + "  - id: bad id!\n    title: A\n"), ProblemCode.INVALID_VALUE, 4,
        9);
    assertTrue(p.message().contains("id rule"), p.message());
  }

  @Test
  void negativeCredits() {
    only(yaml(HEAD + "  - id: a\n    title: A\n    credits: -2\n"), ProblemCode.INVALID_VALUE, 6,
        14);
  }

  @Test
  void badPeriod() {
    only(yaml(HEAD + "  - id: a\n    title: A\n    validFor: 3 years\n"),
        ProblemCode.INVALID_VALUE, 6, 15);
  }

  @Test
  void badDateInScenario() {
    var r = yaml(HEAD + "  - id: a\n    title: A\nscenarios:\n  - name: s\n    asOf: 2026-13-01\n"
        + "    learner: {earned: []}\n");
    only(r, ProblemCode.INVALID_VALUE, 8, 11);
  }

  @Test
  void atLeastBelowOne() {
    only(yaml(HEAD + "  - id: a\n    title: A\n  - id: b\n    title: B\n"
        + "    stack: {atLeast: 0, of: [a]}\n"), ProblemCode.INVALID_VALUE, 8, 22);
  }

  @Test
  void emptyGroup() {
    only(yaml(HEAD + "  - id: a\n    title: A\n    requires:\n      anyOf: []\n"),
        ProblemCode.EMPTY_GROUP, 7, 14);
  }

  @Test
  void depthExceededAtTheSixtyFifthLevel() {
    StringBuilder expr = new StringBuilder("a");
    for (int i = 0; i < 64; i++) {
      expr.insert(0, "{anyOf: [").append("]}");
    }
    // level 1 is the outermost map (column 15); level 65 is "a", after 64 "{anyOf: [" of 9 chars
    var r = yaml(HEAD + "  - id: a\n    title: A\n  - id: b\n    title: B\n    requires: " + expr
        + "\n");
    only(r, ProblemCode.DEPTH_EXCEEDED, 8, 15 + 64 * 9);
    var ok = yaml(HEAD + "  - id: a\n    title: A\n  - id: b\n    title: B\n    requires: "
        + expr.substring(9, expr.length() - 2) + "\n");
    assertTrue(ok.problems().stream().noneMatch(p -> p.code() == ProblemCode.DEPTH_EXCEEDED));
  }

  @Test
  void duplicateIdAtTheSecondOccurrence() {
    Problem p = only(yaml(HEAD + "  - id: a\n    title: A\n  - id: a\n    title: Again\n"),
        ProblemCode.DUPLICATE_ID, 6, 9);
    assertEquals("a", p.badge().orElseThrow());
    assertTrue(p.message().contains("line 4"), p.message());
  }

  @Test
  void unknownBadgeInAnEquivalence() {
    Problem p = only(yaml(HEAD + "  - id: a\n    title: A\nequivalences:\n  - [a, ghost]\n"),
        ProblemCode.UNKNOWN_BADGE, 7, 9);
    assertEquals("ghost", p.badge().orElseThrow());
  }

  @Test
  void errorsOnlyReportsTheErrorsAtTheirTokensAndNoWarning() {
    String text = HEAD + "  - {id: a, title: A}\n  - {id: b, title: B, requires: a}\n"
        + "  - {id: c, title: C, requires: [a, b, ghost]}\n";
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    ReadResult<Pathway> all = files.read(bytes, FileFormat.YAML, "p.yaml");
    ReadResult<Pathway> errors = files.errorsOnly().read(bytes, FileFormat.YAML, "p.yaml");
    // c's 'a' is redundant (b requires it): a warning, left out
    assertEquals(1, all.problems().stream()
        .filter(p -> p.code() == ProblemCode.REDUNDANT_PREREQUISITE).count(), all.problems()::toString);
    assertEquals(all.errors(), errors.problems());
    only(errors, ProblemCode.UNKNOWN_BADGE, 6, 40);
    assertFalse(errors.isValid());
  }

  @Test
  void badgeCountLimit() {
    var small = PathwayFiles.create(ReadLimits.builder().maxBadges(2).build());
    var r = small.read((HEAD + "  - {id: a, title: A}\n  - {id: b, title: B}\n  - {id: c, title: C}\n")
        .getBytes(StandardCharsets.UTF_8), FileFormat.YAML, "p.yaml");
    Problem p = only(r, ProblemCode.LIMIT_EXCEEDED, 4, 3);
    assertTrue(p.message().contains("maxBadges"), p.message());
  }

  @Test
  void everyProblemOfAFileInOneRunInFileOrder() {
    var r = yaml(HEAD
        + "  - id: a\n    title: A\n    credits: -1\n"          // 4-6
        + "  - id: a\n    title: B\n    colour: red\n"          // 7-9
        + "  - id: c\n    title: C\n    requires: {allOf: []}\n" // 10-12
        + "  - id: d\n    title: D\n    validFor: forever\n");  // 13-15
    List<ProblemCode> codes = r.errors().stream().map(Problem::code).toList();
    assertEquals(List.of(ProblemCode.INVALID_VALUE, ProblemCode.DUPLICATE_ID,
        ProblemCode.SCHEMA_ERROR, ProblemCode.EMPTY_GROUP, ProblemCode.INVALID_VALUE), codes,
        r.problems()::toString);
    List<Integer> lines = r.errors().stream()
        .map(p -> p.location().orElseThrow().line()).toList();
    assertEquals(List.of(6, 7, 9, 12, 15), lines);
    assertTrue(r.value().isPresent(), "an invalid but understood pathway is still returned");
  }

  @Test
  void extensionFieldsAreKeptAndOthersRefused() {
    var r = yaml("pathway: p\nversion: 1\nx-owner: {team: design, since: 2024}\nbadges:\n"
        + "  - id: a\n    title: A\n    x-color: teal\n");
    assertTrue(r.errors().isEmpty(), r.problems()::toString);
    Pathway p = r.value().orElseThrow();
    assertEquals("teal", p.badges().get(0).extensions().get("x-color"));
    assertEquals(java.util.Map.of("team", "design", "since", 2024L), p.extensions().get("x-owner"));
  }

  // ------------------------------------------------ core validator problems, placed by pointer

  @Test
  void ghostInARequiresListPointsAtThatItem() {
    var r = yaml(HEAD + "  - id: a\n    title: A\n  - id: b\n    title: B\n"
        + "    requires: [a, ghost]\n");
    Problem p = only(r, ProblemCode.UNKNOWN_BADGE, 8, 19);
    assertTrue(p.message().contains("ghost"), p.message());
    assertEquals("b", p.badge().orElseThrow());
  }

  @Test
  void ghostDeepInAnExpression() {
    var r = yaml(HEAD + "  - id: a\n    title: A\n  - id: b\n    title: B\n    stack:\n"
        + "      anyOf:\n        - a\n        - atLeast: 1\n          of: [a, ghost]\n");
    only(r, ProblemCode.UNKNOWN_BADGE, 12, 19);
  }

  @Test
  void cycleAtTheFirstBadgeOfTheCycle() {
    var r = yaml(HEAD + "  - id: x\n    title: X\n"
        + "  - id: a\n    title: A\n    requires: c\n"
        + "  - id: b\n    title: B\n    requires: a\n"
        + "  - id: c\n    title: C\n    requires: [x, b]\n");
    Problem p = only(r, ProblemCode.CYCLE, 8, 15);
    assertEquals("a", p.badge().orElseThrow());
    assertEquals(List.of("a", "b", "c"), p.cycle().stream().sorted().toList());
  }

  @Test
  void cycleLocationsInJson() {
    var r = json("{\"pathway\": \"p\", \"version\": \"1\", \"badges\": [\n"
        + "  {\"id\": \"a\", \"title\": \"A\", \"requires\": \"b\"},\n"
        + "  {\"id\": \"b\", \"title\": \"B\", \"stack\": [\"a\"]}]}\n");
    Problem p = only(r, ProblemCode.CYCLE, 2, 41);
    assertEquals("a", p.badge().orElseThrow());
  }

  @Test
  void unsatisfiableAtTheRule() {
    var r = yaml(HEAD + "  - id: a\n    title: A\n  - id: b\n    title: B\n"
        + "    stack: {atLeast: 3, of: [a]}\n");
    assertTrue(r.problems().stream().anyMatch(p -> p.code() == ProblemCode.UNSATISFIABLE
        && p.location().orElseThrow().line() == 8), r.problems()::toString);
  }

  @Test
  void duplicateIdIsReportedOnce() {
    var r = yaml(HEAD + "  - id: a\n    title: A\n  - id: a\n    title: Again\n");
    assertEquals(1, r.problems().stream().filter(p -> p.code() == ProblemCode.DUPLICATE_ID)
        .count(), r.problems()::toString);
  }
}
