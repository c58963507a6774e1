package org.pathwayengine.io.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.io.FileFormat;
import org.pathwayengine.io.ReadLimits;

class TreeReaderTest {
  private final TreeReader reader = new TreeReader(ReadLimits.defaults());

  private TreeReader.Result yaml(String s) {
    return reader.read(s.getBytes(StandardCharsets.UTF_8), FileFormat.YAML, "f.yaml");
  }

  private TreeReader.Result json(String s) {
    return reader.read(s.getBytes(StandardCharsets.UTF_8), FileFormat.JSON, "f.json");
  }

  private static void assertOne(TreeReader.Result r, ProblemCode code, int line, int column) {
    assertEquals(1, r.problems().size(), () -> r.problems().toString());
    Problem p = r.problems().get(0);
    assertEquals(code, p.code(), p::toString);
    assertEquals(line, p.location().orElseThrow().line(), p::toString);
    assertEquals(column, p.location().orElseThrow().column(), p::toString);
  }

  @Test
  void yamlTreeHasKeysInOrderWithPlaces() {
    var r = yaml("pathway: p\nbadges:\n  - id: a\n    credits: 1.50\n");
    assertTrue(r.problems().isEmpty());
    var root = assertInstanceOf(Node.MapNode.class, r.root().orElseThrow());
    assertEquals("pathway", root.entries().get(0).key());
    var badges = assertInstanceOf(Node.ListNode.class, root.entry("badges").orElseThrow().value());
    var badge = assertInstanceOf(Node.MapNode.class, badges.items().get(0));
    assertEquals(3, badge.line());
    assertEquals(5, badge.column());
    var credits = badge.entry("credits").orElseThrow();
    assertEquals(4, credits.line());
    assertEquals(5, credits.column());
    var value = assertInstanceOf(Node.ScalarNode.class, credits.value());
    assertEquals(Node.ScalarKind.DECIMAL, value.kind());
    assertEquals("1.50", value.text());
    assertEquals(4, value.line());
    assertEquals(14, value.column());
  }

  @Test
  void jsonSyntaxErrorHasItsPlace() {
    assertOne(json("{\n  \"a\": [1,\n  \"b\": 2\n}"), ProblemCode.PARSE_ERROR, 3, 6);
  }

  @Test
  void yamlSyntaxErrorHasItsPlace() {
    assertOne(yaml("a: [1, 2\nb: c\n"), ProblemCode.PARSE_ERROR, 2, 2);
  }

  @Test
  void duplicateKeyIsReportedAtItsSecondOccurrence() {
    var r = yaml("a: 1\nb: 2\na: 3\n");
    assertOne(r, ProblemCode.PARSE_ERROR, 3, 1);
    var root = (Node.MapNode) r.root().orElseThrow();
    assertEquals("1", ((Node.ScalarNode) root.entry("a").orElseThrow().value()).text());
  }

  @Test
  void billionLaughsStopsAtTheAliasLimit() {
    StringBuilder sb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      char p = (char) (c - 1);
      sb.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        sb.append(i == 0 ? "" : ",").append('*').append(p);
      }
      sb.append("]\n");
    }
    var r = Assertions.assertTimeoutPreemptively(Duration.ofSeconds(5), () -> yaml(sb.toString()));
    assertEquals(ProblemCode.LIMIT_EXCEEDED, r.problems().get(0).code());
    assertTrue(r.problems().get(0).message().contains("maxAliasExpansion"));
    assertTrue(r.root().isEmpty());
  }

  @Test
  void smallAliasesAreExpanded() {
    var r = yaml("a: &x [p, q]\nb: *x\n");
    assertTrue(r.problems().isEmpty(), r.problems()::toString);
    var root = (Node.MapNode) r.root().orElseThrow();
    assertEquals(root.entry("a").orElseThrow().value(), root.entry("b").orElseThrow().value());
  }

  @Test
  void aliasOfAScalarIsAParseErrorNotAWrongValue() {
    assertOne(yaml("a: &s x\nb: *s\n"), ProblemCode.PARSE_ERROR, 2, 4);
  }

  @Test
  void unknownAliasIsAParseError() {
    assertOne(yaml("a: *nope\n"), ProblemCode.PARSE_ERROR, 1, 4);
  }

  @Test
  void deepJsonIsALimitNotAStackOverflow() {
    String deep = "[".repeat(5000) + "]".repeat(5000);
    var r = json(deep);
    assertOne(r, ProblemCode.LIMIT_EXCEEDED, 1, 257);
    assertTrue(r.problems().get(0).message().contains("maxNestingDepth"));
  }

  @Test
  void deepYamlIsALimit() {
    var r = yaml("- ".repeat(5000) + "x\n");
    assertEquals(ProblemCode.LIMIT_EXCEEDED, r.problems().get(0).code());
    assertTrue(r.problems().get(0).message().contains("maxNestingDepth"));
  }

  @Test
  void invalidUtf8HasItsPlace() {
    byte[] b = "a: 1\nb: x\n".getBytes(StandardCharsets.UTF_8);
    b[8] = (byte) 0xC3; // a lead byte followed by '\n': malformed
    var r = reader.read(b, FileFormat.YAML, "f.yaml");
    assertOne(r, ProblemCode.PARSE_ERROR, 2, 4);
    assertTrue(r.problems().get(0).message().contains("UTF-8"));
  }

  @Test
  void nulByteHasItsPlace() {
    var r = yaml("a: 1\nbb: x\0y\n");
    assertOne(r, ProblemCode.PARSE_ERROR, 2, 6);
    assertTrue(r.problems().get(0).message().contains("NUL"));
  }

  @Test
  void fileSizeLimit() {
    var small = new TreeReader(ReadLimits.builder().maxFileBytes(10).build());
    var r = small.read("a: 12345678901\n".getBytes(StandardCharsets.UTF_8), FileFormat.YAML, "f");
    assertOne(r, ProblemCode.LIMIT_EXCEEDED, 1, 1);
    assertTrue(r.problems().get(0).message().contains("maxFileBytes"));
  }

  @Test
  void stringLengthLimitInBothFormats() {
    var small = new TreeReader(ReadLimits.builder().maxStringLength(5).build());
    var y = small.read("a: abcdefghij\n".getBytes(StandardCharsets.UTF_8), FileFormat.YAML, "f");
    assertOne(y, ProblemCode.LIMIT_EXCEEDED, 1, 4);
    var j = small.read("{\"a\": \"abcdefghijklmnop\"}".getBytes(StandardCharsets.UTF_8),
        FileFormat.JSON, "f");
    assertOne(j, ProblemCode.LIMIT_EXCEEDED, 1, 7);
    assertTrue(j.problems().get(0).message().contains("maxStringLength"), j.problems()::toString);
  }

  @Test
  void secondDocumentIsAParseError() {
    assertOne(yaml("a: b\n---\nc: d\n"), ProblemCode.PARSE_ERROR, 3, 1);
  }

  @Test
  void emptyFileIsAParseError() {
    assertOne(yaml("# nothing\n"), ProblemCode.PARSE_ERROR, 1, 1);
  }
}
