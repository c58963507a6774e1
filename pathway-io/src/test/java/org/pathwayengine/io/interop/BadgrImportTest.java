package org.pathwayengine.io.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pathwayengine.io.interop.Resources.BADGR;
import static org.pathwayengine.io.interop.Resources.CTDL_FROM_BADGR;
import static org.pathwayengine.io.interop.Resources.badge;
import static org.pathwayengine.io.interop.Resources.heldClosure;
import static org.pathwayengine.io.interop.Resources.json;
import static org.pathwayengine.io.interop.Resources.path;
import static org.pathwayengine.io.interop.Resources.valueOf;
import static org.pathwayengine.io.interop.Resources.withCode;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.PathwayEvaluator;
import org.pathwayengine.core.PathwayValidator;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.core.Severity;
import org.pathwayengine.io.ReadResult;

class BadgrImportTest {
  private static final String BADGES = "https://api.badgr.io/public/badges/";

  private static Pathway ete() {
    ReadResult<Pathway> r = Interop.readPathway(path(BADGR), InteropFormat.BADGR);
    assertTrue(r.isValid(), () -> r.problems().toString());
    return valueOf(r);
  }

  /** The count rules of each element, as the export states them. */
  @Test
  void elementRulesMatchTheExport() {
    Pathway p = ete();
    assertEquals("ete-pathways", p.id());
    assertEquals(15, p.badges().stream().filter(Badge::isStacked).count(), "15 elements");
    assertEquals(103, p.badges().size(), "15 elements and 88 distinct badges");

    // "4 of 21" and the teaching scholar certificate as a non-child element
    assertEquals(Requirement.allOf(Requirement.badge("teaching-scholar-certificate"),
            Requirement.atLeast(4, badgeRefs(p, "master-contribute-level", 21))),
        badge(p, "master-contribute-level").stack().orElseThrow());
    assertCount(p, "master-implement-level", 6, 32);
    assertCount(p, "master-engage-level", 10, 31);
    assertCount(p, "scholar-contribute-level", 1, 21);
    assertCount(p, "scholar-implement-level", 3, 31);
    assertCount(p, "scholar-engage-level", 6, 31);
    assertCount(p, "explore-college-teaching-certificate", 5, 23);
    assertCount(p, "graduate-student-track", 3, 3);

    // children with countRule all, then the non-child element
    assertEquals(Requirement.allOf(
            Requirement.allOf(Requirement.badges("master-contribute-level", "master-implement-level",
                "master-engage-level")),
            Requirement.badge("teaching-scholar-certificate")),
        badge(p, "master-teacher-certificate").stack().orElseThrow());
    // atLeastN 3 over its 3 children, 1 of 4 non-child tracks, and its one required badge
    Requirement tsc = badge(p, "teaching-scholar-certificate").stack().orElseThrow();
    assertEquals(Requirement.allOf(
            Requirement.atLeast(3, Requirement.badges("scholar-contribute-level",
                "scholar-implement-level", "scholar-engage-level")),
            Requirement.atLeast(1, Requirement.badges("foundations-of-college-teaching-track",
                "individualized-teaching-improvement-track", "digital-age-teaching-track",
                "evidence-based-teaching-track")),
            Requirement.badge("ZATmw9fLRLGsVwX8yH7DXw")),
        tsc);
    // 1 of 5 children (the certificate and four tracks) and 3 of 31 badges
    Requirement sil = badge(p, "scholar-implement-level").stack().orElseThrow();
    assertEquals(Requirement.atLeast(1, Requirement.badges("explore-college-teaching-certificate",
            "individualized-teaching-improvement-track", "foundations-of-college-teaching-track",
            "evidence-based-teaching-track", "digital-age-teaching-track")),
        sil.children().get(0));
    // the root: its one child; the empty atLeastN 0 badge group is left out
    assertEquals(Requirement.badge("master-teacher-certificate"),
        badge(p, "ete-pathways").stack().orElseThrow());
  }

  @Test
  void completionBadgesAreAliasesAndBadgesKeepTheirUrls() {
    Pathway p = ete();
    assertEquals(List.of(BADGES + "79lPoyTJQDaj3jDGGXIeow"),
        badge(p, "master-teacher-certificate").aliases());
    assertEquals("master-teacher-certificate", p.resolve(BADGES + "79lPoyTJQDaj3jDGGXIeow").orElseThrow());
    assertEquals(List.of(), badge(p, "master-contribute-level").aliases());
    assertEquals("5d6ef1741f92425cfb9c7a69",
        badge(p, "master-contribute-level").extensions().get("x-badgr-elementId"));
    Badge leaf = badge(p, "ZATmw9fLRLGsVwX8yH7DXw");
    assertEquals(List.of(BADGES + "ZATmw9fLRLGsVwX8yH7DXw"), leaf.aliases());
    assertFalse(leaf.isStacked());
  }

  @Test
  void countZeroIsReportedWithItsPlace() {
    ReadResult<Pathway> r = Interop.readPathway(path(BADGR), InteropFormat.BADGR);
    List<Problem> warnings = withCode(r, ProblemCode.INVALID_VALUE);
    assertEquals(1, warnings.size(), warnings::toString);
    Problem w = warnings.get(0);
    assertEquals(Severity.WARNING, w.severity());
    assertTrue(w.message().startsWith("at /requirements/badgeRequirements/countRule/requiredCount:"),
        w.message());
    assertEquals(21, w.location().orElseThrow().line());
    assertEquals("ete-pathways", w.badge().orElseThrow());
  }

  /**
   * Credential Engine's CTDL conversion of the same Badgr pathway: on learners who hold random sets
   * of its badges, both imports award the same credentials (matched by their Badgr badge URLs, or by
   * name for elements without a completion badge).
   */
  @Test
  void ctdlConversionAgreesWithTheBadgrImportOnGeneratedLearners() {
    Pathway badgr = ete();
    ReadResult<Pathway> cr = Interop.readPathway(path(CTDL_FROM_BADGR), InteropFormat.CTDL);
    assertTrue(cr.isValid(), () -> cr.problems().toString());
    Pathway ctdl = valueOf(cr);

    Map<String, String> badgrKeys = keys(badgr);
    Map<String, String> ctdlKeys = keys(ctdl);
    List<String> leafUrls = new ArrayList<>();
    for (Badge b : badgr.badges()) {
      if (!b.isStacked()) {
        leafUrls.add(b.aliases().get(0));
        assertTrue(ctdl.resolve(b.aliases().get(0)).isPresent(), "CTDL lacks " + b.aliases());
      }
    }
    assertEquals(List.of(), PathwayValidator.validate(badgr));
    assertEquals(List.of(), PathwayValidator.validate(ctdl));
    Set<String> elementKeys = new HashSet<>(badgrKeys.values());
    assertEquals(elementKeys, new HashSet<>(ctdlKeys.values()), "the same 15 credentials");

    Random random = new Random(20261201L);
    Set<String> everHeld = new HashSet<>();
    Set<String> everMissed = new HashSet<>();
    for (int learner = 0; learner < 400; learner++) {
      double share = random.nextDouble();
      Set<String> holds = new HashSet<>();
      for (String url : leafUrls) {
        if (random.nextDouble() < share) {
          holds.add(url);
        }
      }
      Set<String> a = keysOf(heldClosure(badgr, holds), badgrKeys);
      Set<String> b = keysOf(heldClosure(ctdl, holds), ctdlKeys);
      assertEquals(a, b, "learner " + learner + " holding " + holds.size() + " badges");
      if (learner % 40 == 0) {
        // the core evaluator, on learner records that name the badges by their Badgr URLs, agrees
        LearnerRecord.Builder record = LearnerRecord.builder("l" + learner);
        holds.forEach(u -> record.earned(u, LocalDate.of(2025, 1, 1)));
        LearnerRecord rec = record.build();
        LocalDate asOf = LocalDate.of(2026, 1, 1);
        assertEquals(a, keysOf(Set.copyOf(PathwayEvaluator.of(badgr).evaluate(rec, asOf).held()), badgrKeys));
        assertEquals(b, keysOf(Set.copyOf(PathwayEvaluator.of(ctdl).evaluate(rec, asOf).held()), ctdlKeys));
      }
      everHeld.addAll(a);
      Set<String> missed = new HashSet<>(elementKeys);
      missed.removeAll(a);
      everMissed.addAll(missed);
    }
    assertEquals(elementKeys, everHeld, "every credential is earned by some learner");
    assertEquals(elementKeys, everMissed, "every credential is missed by some learner");
  }

  /** Stacked badges by a key both formats share: the completion badge URL, else the name. */
  private static Map<String, String> keys(Pathway p) {
    Map<String, String> out = new LinkedHashMap<>();
    for (Badge b : p.badges()) {
      if (b.isStacked()) {
        out.put(b.id(), b.aliases().stream().filter(a -> a.startsWith(BADGES)).findFirst()
            .orElse(b.title()));
      }
    }
    return out;
  }

  private static Set<String> keysOf(Set<String> held, Map<String, String> keys) {
    Set<String> out = new HashSet<>();
    held.forEach(h -> {
      if (keys.containsKey(h)) {
        out.add(keys.get(h));
      }
    });
    return out;
  }

  @Test
  void shortcutsUnknownElementsAndEmptyElements() {
    String export = "{'elementId': 'root', 'name': 'Root', 'completionBadge': {'badgeUrl': 'https://b.example/root'},"
        + " 'requirements': {"
        + "   'childElementRequirements': {'countRule': {'@type': 'all'}},"
        + "   'nonChildElementRequirements': {'countRule': {'@type': 'all'}, 'elementIds': ['nowhere']},"
        + "   'badgeRequirements': {'countRule': {'@type': 'atLeastN', 'requiredCount': 1},"
        + "       'requiredBadges': [{'badgeUrl': 'https://b.example/x'}, {'badgeUrl': 'https://b.example/y'}]},"
        + "   'shortcutBadges': [{'badgeUrl': 'https://b.example/fast'}],"
        + "   'allowCompletionBadgeShortcut': false},"
        + " 'children': [{'elementId': 'e1', 'name': 'Empty', 'completionBadge': null,"
        + "   'requirements': {'childElementRequirements': {'countRule': {'@type': 'all'}},"
        + "     'badgeRequirements': {'countRule': {'@type': 'anyN'}, 'requiredBadges': []}},"
        + "   'requiredForParentCompletion': false, 'children': []}]}";
    ReadResult<Pathway> r = Interop.readPathway(json(export), "x.json", InteropFormat.BADGR);
    Pathway p = valueOf(r);
    // the child is not required for the parent; the unknown element is left out; x or y, or the shortcut
    assertEquals(Requirement.anyOf(
            Requirement.atLeast(1, Requirement.badges("x", "y")), Requirement.badge("fast")),
        badge(p, "root").stack().orElseThrow());
    assertFalse(badge(p, "empty").isStacked());
    Map<ProblemCode, Integer> counts = new HashMap<>();
    r.problems().forEach(x -> counts.merge(x.code(), 1, Integer::sum));
    assertEquals(1, counts.get(ProblemCode.UNKNOWN_BADGE), r.problems()::toString);
    assertTrue(withCode(r, ProblemCode.UNKNOWN_BADGE).get(0).message()
        .startsWith("at /requirements/nonChildElementRequirements/elementIds/0:"));
    assertTrue(r.problems().stream().anyMatch(x -> x.message().contains("countRule @type must be")
        && x.isError()), r.problems()::toString);
    assertTrue(r.problems().stream().anyMatch(x -> x.message().contains("allowCompletionBadgeShortcut")
        && !x.isError()));
    assertTrue(r.problems().stream().anyMatch(x -> x.message().startsWith("at /children/0/requirements:")
        && x.message().contains("requires nothing")));
  }

  private static List<Requirement> badgeRefs(Pathway p, String element, int expected) {
    Requirement.AtLeast a = Resources.atLeastOf(badge(p, element).stack().orElseThrow(),
        countOf(element)).orElseThrow();
    assertEquals(expected, a.children().size());
    return a.children();
  }

  private static int countOf(String element) {
    return element.equals("master-contribute-level") ? 4 : 0;
  }

  private static void assertCount(Pathway p, String element, int n, int size) {
    Requirement.AtLeast a = Resources.atLeastOf(badge(p, element).stack().orElseThrow(), n)
        .orElseThrow(() -> new AssertionError(element + " has no atLeast " + n));
    assertEquals(size, a.children().size(), element + ": " + n + " of " + size);
    a.children().forEach(c -> assertTrue(c instanceof Requirement.BadgeRef));
  }
}
