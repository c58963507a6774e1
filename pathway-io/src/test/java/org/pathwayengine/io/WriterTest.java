package org.pathwayengine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Requirement;

class WriterTest {
  private final PathwayFiles files = PathwayFiles.create();

  static byte[] resource(String name) throws IOException {
    try (InputStream in = WriterTest.class.getResourceAsStream("/pathways/" + name)) {
      return in.readAllBytes();
    }
  }

  private Pathway read(String text, FileFormat format) {
    var r = files.read(text.getBytes(StandardCharsets.UTF_8), format, "w");
    assertTrue(ReaderChecks.readerProblems(r).isEmpty(), r.problems()::toString);
    return r.value().orElseThrow();
  }

  @Test
  void canonicalFileRewritesByteIdentical() throws IOException {
    byte[] canonical = resource("canonical.yaml");
    Pathway p = read(new String(canonical, StandardCharsets.UTF_8), FileFormat.YAML);
    assertEquals(new String(canonical, StandardCharsets.UTF_8), files.write(p, FileFormat.YAML));
    byte[] canonicalJson = resource("canonical.json");
    Pathway pj = read(new String(canonicalJson, StandardCharsets.UTF_8), FileFormat.JSON);
    assertEquals(p, pj, "the YAML and JSON files hold the same pathway");
    assertEquals(new String(canonicalJson, StandardCharsets.UTF_8), files.write(pj, FileFormat.JSON));
  }

  @Test
  void exampleRoundTripsInBothFormats() throws IOException {
    Pathway p = read(new String(resource("social-innovation.yaml"), StandardCharsets.UTF_8),
        FileFormat.YAML);
    for (FileFormat f : FileFormat.values()) {
      String once = files.write(p, f);
      Pathway again = read(once, f);
      assertEquals(p, again);
      assertEquals(once, files.write(again, f), "writing is stable");
    }
  }

  @Test
  void keysInSpecOrderAndExtensionsLast() {
    Pathway p = read("badges:\n  - x-note: hi\n    requires: b\n    title: A\n    id: a\n"
        + "  - {title: B, id: b}\nversion: 1\npathway: p\n", FileFormat.YAML);
    // a version written as a number is kept as text, and quoted so that it stays text
    assertEquals("pathway: p\nversion: \"1\"\nbadges:\n  - id: a\n    title: A\n    requires: b\n"
        + "    x-note: hi\n  - id: b\n    title: B\n", files.write(p, FileFormat.YAML));
  }

  @Test
  void stringsThatLookLikeOtherScalarsAreQuoted() {
    Badge b = Badge.builder("101", "true").description("no").issuer("1.5")
        .tags("null", "on", "x: y", "#hash", "a, b", " lead", "multi\nline", "2025-01-01",
            "1.2.0", "caf\u00e9", "tab\there", "quote\"d", "back\\slash", "0x1F", "1_000", "~")
        .extension("x-empty", "").build();
    Pathway p = Pathway.builder("p", "1.0").badge(b).build();
    for (FileFormat f : FileFormat.values()) {
      String text = files.write(p, f);
      assertEquals(p, read(text, f), text);
    }
    String yaml = files.write(p, FileFormat.YAML);
    assertTrue(yaml.contains("id: \"101\"\n    title: \"true\"\n    description: \"no\"\n"), yaml);
    assertTrue(yaml.contains("2025-01-01, 1.2.0, caf\u00e9"), yaml);
  }

  @Test
  void everyRequirementFormRoundTrips() {
    Requirement r = Requirement.allOfDistinct(List.of(
        Requirement.badge("a"),
        Requirement.anyOf(Requirement.badge("b"), Requirement.allOf(Requirement.badge("c"))),
        Requirement.atLeast(1, List.of(Requirement.badge("a"), Requirement.badge("b"))),
        Requirement.atLeastDistinct(2, List.of(Requirement.badge("a"), Requirement.badge("b"))),
        Requirement.atLeastTagged(2, "elective"),
        Requirement.credits(2.5, List.of("a", "b")),
        Requirement.creditsTagged(3, "elective")));
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("a", "A").tags("elective").credits(2).build())
        .badge(Badge.builder("b", "B").tags("elective").credits(0.5).build())
        .badge(Badge.builder("c", "C").build())
        .badge(Badge.builder("s", "S").stack(r)
            .coRequires(Requirement.badge("c")).build())
        .build();
    for (FileFormat f : FileFormat.values()) {
      assertEquals(p, read(files.write(p, f), f));
    }
    assertTrue(files.write(p, FileFormat.YAML).contains("    stack:\n      allOf:\n"
        + "        - a\n        - anyOf:\n            - b\n            - [c]\n"));
  }

  @Test
  void extensionValuesAreKept() {
    Map<String, Object> nested = Map.of("k", List.of(1L, 2.5, true, "s"));
    Pathway p = Pathway.builder("p", "1")
        .extension("x-owner", "design team")
        .extension("x-nested", nested)
        .extension("x-null", null)
        .extension("x-big", new java.math.BigInteger("123456789012345678901234567890"))
        .badge(Badge.builder("a", "A").extension("x-list", List.of()).build())
        .build();
    for (FileFormat f : FileFormat.values()) {
      assertEquals(p, read(files.write(p, f), f), files.write(p, f));
    }
  }

  @Test
  void learnerRecordRoundTrips() throws IOException {
    var r = files.readLearner(resource("alice.yaml"), FileFormat.YAML, "alice.yaml");
    assertTrue(r.problems().isEmpty(), r.problems()::toString);
    LearnerRecord alice = r.value().orElseThrow();
    assertEquals(3, alice.entries().size());
    assertEquals(new LearnerRecord.Entry("https://badges.example.org/achievements/si101",
        LocalDate.of(2024, 1, 10), Optional.of(LocalDate.of(2027, 1, 10)), Optional.empty()),
        alice.entries().get(1));
    assertEquals(Map.of("crowdfunding", "social-finance-lab"), alice.substitutions());
    for (FileFormat f : FileFormat.values()) {
      String text = files.write(alice, f);
      var again = files.readLearner(text.getBytes(StandardCharsets.UTF_8), f, "again");
      assertEquals(alice, again.value().orElseThrow(), text);
      assertEquals(text, files.write(again.value().get(), f));
    }
    assertTrue(files.write(alice, FileFormat.YAML).startsWith(
        "learner: alice\nearned:\n  - {badge: si-101, on: 2025-03-01}\n"));
  }

  @Test
  void learnerRecordProblemsAreLocated() {
    var r = files.readLearner(("learner: bob\nearned:\n  - {badge: a, on: 2025-02-30}\n"
        + "  - {badge: b}\nwaived: a\nfoo: 1\n").getBytes(StandardCharsets.UTF_8),
        FileFormat.YAML, "bob.yaml");
    assertEquals(List.of("bob.yaml:3:20: INVALID_VALUE", "bob.yaml:4:5: SCHEMA_ERROR",
        "bob.yaml:5:9: SCHEMA_ERROR", "bob.yaml:6:1: SCHEMA_ERROR"),
        r.problems().stream().map(p -> p.location().orElseThrow() + ": " + p.code()).toList());
  }
}
