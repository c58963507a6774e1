package org.pathwayengine.core.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.DependencyKind;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Requirement;

class CurriculumAnalyticsTest {

  /**
   * The "Underwater Basket Weaving" curriculum of CurricularAnalytics.jl (test/curriculum.csv), built
   * by hand: 4 requires 1 and strictly co-requires 5; 6 requires 4 and 5 and co-requires 3; 7 requires
   * 1; 8 requires 2 and co-requires 7; 9 to 12 stand alone.
   */
  static Pathway basketWeaving() {
    return Pathway.builder("ubw", "1")
        .badge(course("1", 3).build())
        .badge(course("2", 3).build())
        .badge(course("3", 4).build())
        .badge(course("4", 3).requires("1").coRequires(Requirement.badge("5")).build())
        .badge(course("5", 1).build())
        .badge(course("6", 3).requires("4", "5").coRequires(Requirement.badge("3")).build())
        .badge(course("7", 3).requires("1").build())
        .badge(course("8", 3).requires("2").coRequires(Requirement.badge("7")).build())
        .badge(course("9", 3).build())
        .badge(course("10", 3).build())
        .badge(course("11", 3).build())
        .badge(course("12", 3).build())
        .build();
  }

  private static Badge.Builder course(String id, double credits) {
    return Badge.builder(id, "Course " + id).credits(credits);
  }

  /**
   * Edges 1>4, 5>4, 4>6, 5>6, 3>6, 1>7, 2>8, 7>8. Sources 1, 2, 3, 5; sinks 6, 8; 9..12 on no path.
   * Paths: 1-4-6, 1-7-8, 5-4-6 (3 vertices); 2-8, 3-6, 5-6 (2 vertices).
   * Blocking: 1 reaches 4, 6, 7, 8 (4); 5 reaches 4, 6 (2); 2, 3, 4, 7 reach one each; total 10.
   * Delay: 2 and 3 only lie on 2-vertex paths (2); 1, 4, 5, 6, 7, 8 on 3-vertex paths (3); 9..12: 1;
   * total 2*2 + 6*3 + 4 = 26. Complexity total 36: 1 -> 7, 5 -> 5, 4 and 7 -> 4, 2, 3, 6, 8 -> 3,
   * 9..12 -> 1. Centrality: 4 is inside 1-4-6 and 5-4-6 (3 + 3 = 6), 7 inside 1-7-8 (3); total 9.
   */
  @Test
  void basketWeavingCurriculumByHand() {
    CurriculumReport r = CurriculumAnalytics.analyze(basketWeaving());

    assertEquals(10, r.totalBlockingFactor());
    assertEquals(26, r.totalDelayFactor());
    assertEquals(BigInteger.valueOf(9), r.totalCentrality());
    assertEquals(new BigDecimal("36"), r.totalComplexity());
    assertEquals(new BadgeMetrics("1", 4, 3, BigInteger.ZERO, new BigDecimal("7")),
        r.badge("1").orElseThrow());
    assertEquals(new BadgeMetrics("4", 1, 3, BigInteger.valueOf(6), new BigDecimal("4")),
        r.badge("4").orElseThrow());
    assertEquals(new BadgeMetrics("7", 1, 3, BigInteger.valueOf(3), new BigDecimal("4")),
        r.badge("7").orElseThrow());
    assertEquals(new BadgeMetrics("2", 1, 2, BigInteger.ZERO, new BigDecimal("3")),
        r.badge("2").orElseThrow());
    assertEquals(new BadgeMetrics("12", 0, 1, BigInteger.ZERO, new BigDecimal("1")),
        r.badge("12").orElseThrow());
    assertEquals(List.of("1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12"),
        r.badges().stream().map(BadgeMetrics::badge).toList());
    assertEquals(3, r.longestPath().size());
    assertTrue(List.of(List.of("1", "4", "6"), List.of("1", "7", "8"), List.of("5", "4", "6"))
        .contains(r.longestPath()), r.longestPath().toString());
    assertEquals(BigInteger.valueOf(6), r.pathCount());
    // 5>6 is implied by 5>4>6, but 5 is only a (strict) co-requisite of 4: not redundant.
    assertEquals(List.of(), r.redundantRequisites());
    assertEquals(List.of("1", "5", "4", "7"),
        r.byComplexity().subList(0, 4).stream().map(BadgeMetrics::badge).toList());
  }

  /**
   * On a quarter system each complexity h becomes round(2h/3, 1): 7 -> 4.7, 5 -> 3.3, 4 -> 2.7,
   * 3 -> 2.0, 1 -> 0.7. Total: 4.7 + 3.3 + 2 * 2.7 + 4 * 2.0 + 4 * 0.7 = 24.2 (not 2/3 of 36 = 24.0,
   * because the rounded values are summed).
   */
  @Test
  void quarterSystemRoundsEachComplexityThenSums() {
    CurriculumReport r = CurriculumAnalytics.analyze(basketWeaving(),
        AnalysisOptions.defaults().withQuarterSystem(true));
    assertEquals(new BigDecimal("4.7"), r.badge("1").orElseThrow().complexity());
    assertEquals(new BigDecimal("3.3"), r.badge("5").orElseThrow().complexity());
    assertEquals(new BigDecimal("2.0"), r.badge("2").orElseThrow().complexity());
    assertEquals(new BigDecimal("0.7"), r.badge("9").orElseThrow().complexity());
    assertEquals(new BigDecimal("24.2"), r.totalComplexity());
    assertTrue(r.quarterSystem());
  }

  /** Prerequisites a > b > c and c requires a too: a > c is redundant; stacking edges count. */
  @Test
  void redundantPrerequisiteAndStackingEdges() {
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("a", "A").build())
        .badge(Badge.builder("b", "B").requires("a").build())
        .badge(Badge.builder("c", "C").requires("a", "b").build())
        .badge(Badge.builder("cred", "Credential")
            .stack(Requirement.allOf(Requirement.badges("b", "c"))).build())
        .build();
    CurriculumReport r = CurriculumAnalytics.analyze(p);
    assertEquals(List.of(new RedundantRequisite("a", "c", DependencyKind.PREREQUISITE),
            new RedundantRequisite("b", "cred", DependencyKind.STACKING)),
        r.redundantRequisites());
    // a reaches b, c, cred; longest a-b-c-cred.
    assertEquals(3, r.badge("a").orElseThrow().blockingFactor());
    assertEquals(List.of("a", "b", "c", "cred"), r.longestPath());
  }

  /**
   * A 4-term plan of the basket-weaving courses: terms 1: {2, 5}, 2: {1, 4, 12}, 3: {3, 6, 7, 10},
   * 4: {8, 9, 11}. Requisite distances: 4 (term 2) <- 1 (2), 5 (1): 0 + 1 = 1; 6 (3) <- 4 (2), 5 (1),
   * 3 (3): 1 + 2 + 0 = 3; 7 (3) <- 1 (2): 1; 8 (4) <- 2 (1), 7 (3): 3 + 1 = 4; total 9.
   * Credits: term 1: 3 + 1 = 4; term 2: 3 + 3 + 3 = 9; term 3: 4 + 3 + 3 + 3 = 13; term 4: 9. Mean
   * 35/4 = 8.75; deviations -4.75, 0.25, 4.25, 0.25; squares 22.5625 + 0.0625 + 18.0625 + 0.0625 =
   * 40.75; population standard deviation sqrt(40.75 / 4) = sqrt(10.1875).
   */
  @Test
  void degreePlanMetricsByHand() {
    Map<String, Integer> terms = Map.ofEntries(Map.entry("2", 1), Map.entry("5", 1),
        Map.entry("1", 2), Map.entry("4", 2), Map.entry("12", 2), Map.entry("3", 3),
        Map.entry("6", 3), Map.entry("7", 3), Map.entry("10", 3), Map.entry("8", 4),
        Map.entry("9", 4), Map.entry("11", 4));
    CurriculumReport r = CurriculumAnalytics.analyze(basketWeaving(),
        AnalysisOptions.defaults().withTerms(terms));
    DegreePlanMetrics plan = r.degreePlan().orElseThrow();
    assertEquals(1, plan.requisiteDistance().get("4"));
    assertEquals(3, plan.requisiteDistance().get("6"));
    assertEquals(1, plan.requisiteDistance().get("7"));
    assertEquals(4, plan.requisiteDistance().get("8"));
    assertEquals(0, plan.requisiteDistance().get("1"));
    assertEquals(9, plan.totalRequisiteDistance());
    assertEquals(List.of(4.0, 9.0, 13.0, 9.0), plan.creditsPerTerm());
    assertEquals(4, plan.termCount());
    assertEquals(8.75, plan.meanCredits(), 1e-12);
    assertEquals(4.0, plan.minCredits());
    assertEquals(1, plan.minCreditTerm());
    assertEquals(13.0, plan.maxCredits());
    assertEquals(3, plan.maxCreditTerm());
    assertEquals(Math.sqrt(10.1875), plan.creditStandardDeviation(), 1e-12);
  }

  /** 300 badges, each requiring up to three earlier ones: windows of 64 give the same report. */
  @Test
  void windowWidthDoesNotChangeTheReport() {
    java.util.Random random = new java.util.Random(5);
    Pathway.Builder b = Pathway.builder("p", "1");
    for (int i = 0; i < 300; i++) {
      Badge.Builder badge = Badge.builder("b" + i, "B" + i);
      if (i > 0) {
        java.util.Set<String> req = new java.util.LinkedHashSet<>();
        for (int k = 0; k < 3; k++) {
          req.add("b" + random.nextInt(i));
        }
        badge.requires(req.toArray(String[]::new));
        if (i % 7 == 0) {
          badge.coRequires(Requirement.badge("b" + random.nextInt(i)));
        }
      }
      b.badge(badge.build());
    }
    Pathway p = b.build();
    CurriculumReport wide = CurriculumAnalytics.analyze(p);
    CurriculumReport narrow =
        CurriculumAnalytics.analyze(p, AnalysisOptions.defaults().withWindowColumns(1));
    assertEquals(wide, narrow);
    assertTrue(!wide.redundantRequisites().isEmpty());
    assertEquals(GraphMetrics.compute(p.dependencyGraph()).totalCentrality(), wide.totalCentrality());
  }

  @Test
  void cyclicPathwayIsRejected() {
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("a", "A").requires("b").build())
        .badge(Badge.builder("b", "B").coRequires(Requirement.badge("a")).build())
        .build();
    assertThrows(IllegalArgumentException.class, () -> CurriculumAnalytics.analyze(p));
  }

  @Test
  void emptyPathwayHasZeroTotals() {
    CurriculumReport r = CurriculumAnalytics.analyze(Pathway.builder("p", "1").build());
    assertEquals(0, r.totalBlockingFactor());
    assertEquals(BigDecimal.ZERO, r.totalComplexity());
    assertEquals(List.of(), r.longestPath());
    assertTrue(r.degreePlan().isEmpty());
  }
}
