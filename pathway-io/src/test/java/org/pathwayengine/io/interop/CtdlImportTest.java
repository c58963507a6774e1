package org.pathwayengine.io.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pathwayengine.io.interop.Resources.CTDL_COMPTIA;
import static org.pathwayengine.io.interop.Resources.CTDL_PROGRESSION;
import static org.pathwayengine.io.interop.Resources.CTDL_SNIPPET;
import static org.pathwayengine.io.interop.Resources.badge;
import static org.pathwayengine.io.interop.Resources.json;
import static org.pathwayengine.io.interop.Resources.path;
import static org.pathwayengine.io.interop.Resources.valueOf;
import static org.pathwayengine.io.interop.Resources.withCode;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.PathwayValidator;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.core.SourceLocation;
import org.pathwayengine.io.ReadResult;

class CtdlImportTest {
  private static final String R = "https://credentialengineregistry.org/resources/";

  @Test
  void compTiaPathwayImportsWithItsComponentsAndConditions() {
    ReadResult<Pathway> r = Interop.readPathway(path(CTDL_COMPTIA), InteropFormat.CTDL);
    assertTrue(r.isValid(), r.problems()::toString);
    Pathway p = valueOf(r);
    assertEquals("it-networking-specialist-pathway", p.id());
    assertEquals("IT Networking Specialist Pathway", p.title().orElseThrow());
    assertEquals(List.of("it-networking-specialist", "comptia-cloud", "comptia-server", "comptia-linux",
            "comptia-cloud-essentials", "comptia-project", "comptia-security", "comptia-network",
            "comptia-a"),
        p.badges().stream().map(Badge::id).toList());

    // the destination is a BasicComponent: its condition is its stack rule
    Badge destination = badge(p, "it-networking-specialist");
    assertEquals(Requirement.atLeast(1, List.of(Requirement.badge("comptia-cloud"))),
        destination.stack().orElseThrow());
    assertEquals(List.of("Career Path"), destination.tags());
    assertEquals(List.of(R + "ce-ca103e61-73f1-4179-a870-4d7667d3ba0f"), destination.aliases());

    // certifications are taken, not awarded by stacking: their conditions are prerequisites
    Badge cloud = badge(p, "comptia-cloud");
    assertFalse(cloud.isStacked());
    assertEquals(Requirement.atLeast(1, List.of(Requirement.badge("comptia-server"))),
        cloud.requires().orElseThrow());
    assertEquals("CompTIA Cloud+", cloud.title());
    assertTrue(cloud.description().orElseThrow().startsWith("Cloud+ gives"));
    assertEquals(List.of(R + "ce-1369d357-ac4f-49f9-8af2-c47376278896",
        "https://credentialengineregistry.org/graph/ce-652f6f2c-4fff-45d0-9b2f-44a5bb61f826"), cloud.aliases());
    assertEquals("CompTIA Cloud Essentials+", badge(p, "comptia-cloud-essentials").title(), "trimmed");
    assertTrue(badge(p, "comptia-a").requires().isEmpty());
    assertEquals("comptia-a", p.resolve(R + "ce-b040010e-06b4-4d2f-8e16-7fcf3408ebf7").orElseThrow());

    assertEquals(List.of(), PathwayValidator.validate(p), "the import validates without a problem");

    // what has no place in the model is reported once per property, with a place
    Problem levels = r.problems().stream()
        .filter(x -> x.message().contains("asn:hasProgressionLevel")).findFirst().orElseThrow();
    assertFalse(levels.isError());
    assertTrue(levels.message().contains("8 nodes"), levels.message());
    assertEquals(61, levels.location().orElseThrow().line());
  }

  @Test
  void brokenSnippetIsAParseErrorAtItsLine() {
    ReadResult<Pathway> r = Interop.readPathway(path(CTDL_SNIPPET), InteropFormat.CTDL);
    assertTrue(r.value().isEmpty());
    assertEquals(1, r.problems().size());
    Problem p = r.problems().get(0);
    assertEquals(ProblemCode.PARSE_ERROR, p.code());
    // the trailing comma ends line 57; the ']' it leaves without a value is line 58, column 8
    SourceLocation at = p.location().orElseThrow();
    assertEquals(58, at.line());
    assertEquals(8, at.column());
    assertTrue(at.file().endsWith(CTDL_SNIPPET));
  }

  @Test
  void aProgressionModelIsNotAPathway() {
    ReadResult<Pathway> r = Interop.readPathway(path(CTDL_PROGRESSION), InteropFormat.CTDL);
    assertTrue(r.value().isEmpty());
    assertEquals(1, r.errors().size());
    assertEquals(ProblemCode.SCHEMA_ERROR, r.errors().get(0).code());
  }

  /** A small graph with every condition form. */
  private static final String GRAPH = "{'@context': 'https://example.org/unknown-context',"
      + " '@graph': ["
      + "  {'@id': 'urn:p', '@type': 'ceterms:Pathway', 'ceterms:name': {'en': 'Tiny'}},"
      + "  {'@id': 'urn:a', '@type': 'ceterms:CourseComponent', 'ceterms:name': 'A',"
      + "      'ceterms:creditValue': [{'@type': 'schema:QuantitativeValue', 'schema:value': 3}],"
      + "      'ceterms:precedes': 'urn:b'},"
      + "  {'@id': 'urn:b', '@type': 'ceterms:CourseComponent', 'ceterms:name': 'B', 'ceterms:creditValue': 2},"
      + "  {'@id': 'urn:c', '@type': 'ceterms:CourseComponent', 'ceterms:name': 'C'},"
      + "  {'@id': 'urn:or', '@type': 'ceterms:CredentialComponent', 'ceterms:name': 'Either',"
      + "      'ceterms:hasCondition': [{'@type': 'ceterms:ComponentCondition',"
      + "          'ceterms:logicalOperator': 'logic:Or', 'ceterms:targetComponent': ['urn:a'],"
      + "          'ceterms:hasCondition': [{'ceterms:requiredNumber': 2,"
      + "              'ceterms:targetComponent': ['urn:b', 'urn:c', 'urn:missing']}]}]},"
      + "  {'@id': 'urn:credits', '@type': 'ceterms:CredentialComponent', 'ceterms:name': 'Credits',"
      + "      'ceterms:hasCondition': {'ceterms:targetComponent': ['urn:a', 'urn:b'],"
      + "          'ceterms:hasConstraint': [{'ceterms:leftSource': ['ceterms:creditValue'],"
      + "              'ceterms:comparator': 'compare:GTE', 'ceterms:rightSource': ['4']},"
      + "            {'ceterms:leftSource': ['grade'], 'ceterms:comparator': 'compare:GT',"
      + "              'ceterms:rightSource': ['C']}]}},"
      + "  {'@id': 'urn:kids', '@type': 'ceterms:BasicComponent', 'ceterms:name': 'Kids',"
      + "      'ceasn:hasChild': ['urn:a', 'urn:c']},"
      + "  {'@id': 'urn:both', '@type': 'ceterms:BasicComponent', 'ceterms:name': 'Both',"
      + "      'ceterms:hasCondition': [{'ceterms:requiredNumber': 1, 'ceterms:logicalOperator': 'logic:And',"
      + "          'ceterms:targetComponent': ['urn:a', 'urn:c']}, {'ceterms:requiredNumber': 0,"
      + "          'ceterms:targetComponent': ['urn:b']}]}"
      + "]}";

  @Test
  void conditionsNestAndMapToExpressions() {
    ReadResult<Pathway> r = Interop.readPathway(json(GRAPH), "tiny.jsonld", InteropFormat.CTDL);
    Pathway p = valueOf(r);
    assertEquals("tiny", p.id());
    assertEquals(3.0, badge(p, "a").credits().getAsDouble());
    assertEquals(2.0, badge(p, "b").credits().getAsDouble());
    assertEquals(List.of("a"), badge(p, "b").recommends(), "A precedes B");
    // Or over A and a nested 2-of (the unknown target left out and reported)
    assertEquals(Requirement.anyOf(Requirement.badge("a"),
            Requirement.atLeast(2, Requirement.badges("b", "c"))),
        badge(p, "either").stack().orElseThrow());
    List<Problem> unknown = withCode(r, ProblemCode.UNKNOWN_BADGE);
    assertEquals(1, unknown.size());
    assertTrue(unknown.get(0).message().startsWith(
        "at /@graph/4/ceterms:hasCondition/0/ceterms:hasCondition/0/ceterms:targetComponent/2:"),
        unknown.get(0).message());
    assertEquals(1, unknown.get(0).location().orElseThrow().line());
    assertEquals("either", unknown.get(0).badge().orElseThrow(), "the badge the problem is about");
    // a credit constraint over the targets; the grade constraint is reported, not dropped
    assertEquals(Requirement.credits(4, List.of("a", "b")), badge(p, "credits").stack().orElseThrow());
    assertTrue(r.problems().stream().anyMatch(x -> x.message().startsWith(
        "at /@graph/5/ceterms:hasCondition/ceterms:hasConstraint/1:") && !x.isError()), r.problems()::toString);
    // hasChild without conditions: all children
    assertEquals(Requirement.allOf(Requirement.badges("a", "c")), badge(p, "kids").stack().orElseThrow());
    // requiredNumber beats logicalOperator (warned); requiredNumber 0 requires nothing (warned)
    assertEquals(Requirement.allOf(Requirement.atLeast(1, Requirement.badges("a", "c")),
            Requirement.badge("b")),
        badge(p, "both").stack().orElseThrow());
    assertTrue(r.problems().stream().anyMatch(x -> x.message().startsWith(
        "at /@graph/7/ceterms:hasCondition/0/ceterms:logicalOperator:")));
    assertTrue(r.problems().stream().anyMatch(x -> x.message().startsWith(
        "at /@graph/7/ceterms:hasCondition/1/ceterms:requiredNumber:") && !x.isError()));
    // an unknown context is not an error and is never fetched
    assertEquals(Set.of(ProblemCode.UNKNOWN_BADGE), Set.copyOf(r.errors().stream().map(Problem::code).toList()));
  }

  @Test
  void locationsPointIntoMultiLineFiles() {
    String text = "{\n  \"@graph\": [\n    {\"@type\": \"ceterms:BasicComponent\", \"@id\": \"urn:x\",\n"
        + "     \"ceterms:name\": \"X\",\n     \"ceterms:creditValue\": \"lots\"}\n  ]\n}\n";
    ReadResult<Pathway> r = Interop.readPathway(Resources.utf8(text), "x.jsonld", InteropFormat.CTDL);
    Problem bad = withCode(r, ProblemCode.INVALID_VALUE).get(0);
    assertTrue(bad.message().startsWith("at /@graph/0/ceterms:creditValue:"), bad.message());
    assertEquals(new SourceLocation("x.jsonld", 5, 29), bad.location().orElseThrow());
  }

  @Test
  void deepNestingAndHugeFilesAreRefused() {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    ReadResult<Pathway> r = Interop.readPathway(Resources.utf8(deep), "deep.json", InteropFormat.CTDL);
    assertEquals(ProblemCode.LIMIT_EXCEEDED, r.problems().get(0).code());
    assertTrue(r.value().isEmpty());

    byte[] huge = new byte[16 * 1024 * 1024 + 1];
    java.util.Arrays.fill(huge, (byte) ' ');
    ReadResult<Pathway> h = Interop.readPathway(huge, "huge.json", InteropFormat.CTDL);
    assertEquals(ProblemCode.LIMIT_EXCEEDED, h.problems().get(0).code());
  }

  @Test
  void compTiaWrittenAsCtdlReadsBackEqual() {
    Pathway p = valueOf(Interop.readPathway(path(CTDL_COMPTIA), InteropFormat.CTDL));
    String ctdl = Interop.writeCtdl(p);
    ReadResult<Pathway> back = Interop.readPathway(Resources.utf8(ctdl), "back.jsonld",
        InteropFormat.CTDL);
    assertEquals(List.of(), back.problems());
    // written as components, the certifications' prerequisites stay prerequisites
    assertEquals(p, valueOf(back));
  }
}
