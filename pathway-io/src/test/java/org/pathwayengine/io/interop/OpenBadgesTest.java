package org.pathwayengine.io.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pathwayengine.io.interop.Resources.OB20_BADGECLASS;
import static org.pathwayengine.io.interop.Resources.OB30_CREDENTIAL;
import static org.pathwayengine.io.interop.Resources.badge;
import static org.pathwayengine.io.interop.Resources.path;
import static org.pathwayengine.io.interop.Resources.valueOf;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.io.ReadResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class OpenBadgesTest {
  private static final JsonMapper MAPPER = JsonMapper.shared();

  @Test
  void badgeClass20IsABadge() {
    ReadResult<Pathway> r = Interop.readPathway(path(OB20_BADGECLASS), InteropFormat.OPEN_BADGES);
    assertTrue(r.isValid(), r.problems()::toString);
    Pathway p = valueOf(r);
    assertEquals("ob20-badgeclass-robotics", p.id());
    Badge b = badge(p, "awesome-robotics-badge");
    assertEquals("Awesome Robotics Badge", b.title());
    assertEquals(List.of("https://example.org/robotics-badge.json"), b.aliases());
    assertEquals("https://example.org/organization.json", b.issuer().orElseThrow());
    assertTrue(b.description().orElseThrow().startsWith("For doing awesome things"));
  }

  @Test
  void achievement30FromARealCredentialIsABadge() throws Exception {
    JsonNode credential = MAPPER.readTree(Resources.bytes(OB30_CREDENTIAL));
    byte[] achievement = MAPPER.writeValueAsBytes(credential.get("credentialSubject").get("achievement"));
    ReadResult<Pathway> r = Interop.readPathway(achievement, "degree.json", InteropFormat.OPEN_BADGES);
    Badge b = valueOf(r).badges().get(0);
    assertEquals("R1", b.id(), "humanCode");
    assertEquals("1EdTech University Degree", b.title());
    assertEquals(36.0, b.credits().getAsDouble());
    assertEquals(List.of("Degree", "research", "computer science"), b.tags(), "achievementType, tags");
    assertEquals(List.of("https://1edtech.edu/catalog/degree",
        "https://credentialengineregistry.org/resources/ce-98cb027b-95ef-4494-908d-6f7790ec6b6b"), b.skills());
    assertEquals("https://1edtech.edu/issuers/565049", b.issuer().orElseThrow(), "creator");
    assertEquals(List.of("https://1edtech.edu/achievements/degree"), b.aliases());
    assertEquals(List.of(), r.problems(), "every field is mapped or descriptive");
  }

  @Test
  void unknownFieldsAndBadValuesAreReported() {
    ReadResult<Pathway> r = Interop.readPathway(Resources.json("{'type': 'BadgeClass', 'id': 'urn:b',"
        + " 'creditsAvailable': -1, 'prerequisite': 'urn:a'}"), "b.json", InteropFormat.OPEN_BADGES);
    assertEquals(List.of(ProblemCode.SCHEMA_ERROR, ProblemCode.INVALID_VALUE, ProblemCode.SCHEMA_ERROR),
        r.problems().stream().map(p -> p.code()).toList(), r.problems()::toString);
    assertTrue(r.problems().get(0).message().startsWith("at /name:"));
    assertTrue(r.problems().get(2).message().startsWith("at /prerequisite:"));
    assertEquals("b", valueOf(r).badges().get(0).id(), "the last segment of its id");
  }

  @Test
  void writtenAchievementsReadBackAsTheSameBadges() throws Exception {
    Pathway p = Pathway.builder("si", "1.0.0")
        .badge(Badge.builder("si-101", "Social Innovation 101").description("Basics").credits(1.5)
            .tags("Course", "foundation").skills("systems-thinking", "https://skills.example/empathy")
            .aliases("https://badges.example.org/achievements/si101").issuer("https://college.example/")
            .build())
        .badge(Badge.builder("si-nano", "Nanodegree").aliases("https://badges.example.org/nano")
            .stack(Requirement.allOf(Requirement.badge("si-101"))).build())
        .build();
    String written = Interop.writeOpenBadgesAchievements(p);
    JsonNode tree = MAPPER.readTree(written);
    assertEquals(2, tree.size());
    assertEquals("Course", tree.get(0).get("achievementType").stringValue());
    assertEquals("Awarded when all of (si-101).",
        tree.get(1).get("criteria").get("narrative").stringValue());
    ReadResult<Pathway> back = Interop.readPathway(Resources.utf8(written), "si.json",
        InteropFormat.OPEN_BADGES);
    assertTrue(back.isValid(), back.problems()::toString);
    assertEquals(p.badges().get(0), valueOf(back).badges().get(0));
    assertEquals(p.badges().get(1).toBuilder().build().aliases(), valueOf(back).badges().get(1).aliases());
    assertEquals("si-nano", valueOf(back).badges().get(1).id());
  }
}
