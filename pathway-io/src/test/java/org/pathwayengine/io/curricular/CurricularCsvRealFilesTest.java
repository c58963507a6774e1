package org.pathwayengine.io.curricular;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.analytics.BadgeMetrics;
import org.pathwayengine.core.analytics.CurriculumAnalytics;
import org.pathwayengine.core.analytics.CurriculumReport;
import org.pathwayengine.core.analytics.DegreePlanMetrics;
import org.pathwayengine.io.ReadResult;

/**
 * The real curricula of {@code src/test/resources/curricula} (see the project's data README for their
 * origins). The totals asserted here are justified in each test: derived by hand for the small
 * basket-weaving files, and equal to the values that CurricularAnalytics.py's own test suite
 * (SheepTester-forks/CurricularAnalytics.py, tests/test_analytics.py: test_uh_ee, _assert_uky_ee,
 * _assert_uh_ee_dp) asserts for the Kentucky and Houston files.
 */
class CurricularCsvRealFilesTest {

  static Path resource(String name) {
    try {
      return Path.of(CurricularCsvRealFilesTest.class.getResource("/curricula/" + name).toURI());
    } catch (URISyntaxException e) {
      throw new AssertionError(e);
    }
  }

  static CurricularDocument read(String name) {
    ReadResult<CurricularDocument> r = CurricularCsvReader.read(resource(name));
    assertEquals(List.of(), r.problems(), name);
    return r.value().orElseThrow();
  }

  static CurriculumReport analyze(CurricularDocument doc) {
    return CurriculumAnalytics.analyze(doc.pathway(), doc.analysisOptions());
  }

  /** Hand-derived in core's CurriculumAnalyticsTest.basketWeavingCurriculumByHand, from this file. */
  @Test
  void basketWeavingCurriculum() {
    CurricularDocument doc = read("UBW_curriculum.csv");
    assertEquals(12, doc.pathway().badges().size());
    assertEquals("Underwater Basket Weaving", doc.curriculum());
    assertEquals("ACME State University", doc.header().get("Institution"));
    assertEquals("AA", doc.header().get("Degree Type"));
    assertEquals("445786", doc.header().get("CIP"));
    assertTrue(!doc.isDegreePlan() && !doc.isQuarterSystem());
    CurriculumReport r = analyze(doc);
    assertEquals(10, r.totalBlockingFactor());
    assertEquals(26, r.totalDelayFactor());
    assertEquals(BigInteger.valueOf(9), r.totalCentrality());
    assertEquals(new BigDecimal("36"), r.totalComplexity());
    assertEquals(List.of(), r.redundantRequisites());
    assertTrue(r.degreePlan().isEmpty());
  }

  /**
   * The plan adds courses 13 (requires 14, required by 3), 14 (strict co-requisite 15), 15 and 16
   * (co-requires 6). Edges 15>14, 14>13, 13>3, 1>4, 5>4, 4>6, 5>6, 3>6, 1>7, 2>8, 7>8, 6>16.
   * Paths: 15-14-13-3-6-16 (6), 1-4-6-16 and 5-4-6-16 (4), 1-7-8 and 5-6-16 (3), 2-8 (2).
   * Delay: 6 for the six on the long path, 4 for 1, 4, 5, 3 for 7, 8, 2 for 2, 1 for 9..12: 60.
   * Blocking: 1:5, 15:5, 14:4, 5:3, 13:3, 3:2, 4:2, 2:1, 6:1, 7:1: 27. Complexity 87.
   * Centrality: 4: 4 + 4; 6: 4 + 4 + 3 + 6; 7: 3; 14, 13, 3: 6 each; total 46.
   * Terms 1: {2, 14, 15} 7 credits; 2: {1, 4, 5, 12, 13} 13; 3: {3, 6, 7, 10} 13; 4: {8, 9, 11, 16}
   * 12. Requisite distance: 3<-13: 1; 6<-4, 5, 3: 1 + 1 + 0; 7<-1: 1; 8<-2, 7: 3 + 1; 13<-14: 1;
   * 16<-6: 1; others 0; total 10.
   */
  @Test
  void basketWeavingDegreePlan() {
    CurricularDocument doc = read("UBW_degree_plan.csv");
    assertEquals(16, doc.pathway().badges().size());
    assertEquals(Optional.of("4-Term Plan"), doc.degreePlan());
    assertEquals(java.util.Set.of("13", "14", "15", "16"), doc.additionalCourses());
    assertEquals(3, doc.terms().get("3"));
    CurriculumReport r = analyze(doc);
    assertEquals(27, r.totalBlockingFactor());
    assertEquals(60, r.totalDelayFactor());
    assertEquals(BigInteger.valueOf(46), r.totalCentrality());
    assertEquals(new BigDecimal("87"), r.totalComplexity());
    assertEquals(List.of("15", "14", "13", "3", "6", "16"), r.longestPath());
    DegreePlanMetrics plan = r.degreePlan().orElseThrow();
    assertEquals(10, plan.totalRequisiteDistance());
    assertEquals(4, plan.requisiteDistance().get("8"));
    assertEquals(List.of(7.0, 13.0, 13.0, 12.0), plan.creditsPerTerm());
    assertEquals(11.25, plan.meanCredits());
  }

  /** CurricularAnalytics.py asserts these for this file (_assert_uky_ee). */
  @Test
  void kentuckyElectricalEngineeringCurriculum() {
    CurricularDocument doc = read("UKY_EE_curric.csv");
    assertEquals(43, doc.pathway().badges().size());
    CurriculumReport r = analyze(doc);
    assertEquals(150, r.totalDelayFactor());
    assertEquals(81, r.totalBlockingFactor());
    assertEquals(BigInteger.valueOf(727), r.totalCentrality());
    assertEquals(new BigDecimal("231"), r.totalComplexity());
    assertEquals(8, r.longestPath().size());
  }

  /**
   * The same curriculum as an 8-term plan: the curriculum totals are unchanged, and
   * CurricularAnalytics.py asserts 131 credits, mean 16.375, min 15 (term 1), max 18 (term 4),
   * standard deviation 1.2183492931011204.
   */
  @Test
  void kentuckyElectricalEngineeringPlan() {
    CurricularDocument doc = read("UKY_EE_plan.csv");
    CurriculumReport r = analyze(doc);
    assertEquals(new BigDecimal("231"), r.totalComplexity());
    assertEquals(BigInteger.valueOf(727), r.totalCentrality());
    DegreePlanMetrics plan = r.degreePlan().orElseThrow();
    assertEquals(8, plan.termCount());
    assertEquals(131.0, plan.creditsPerTerm().stream().mapToDouble(Double::doubleValue).sum());
    assertEquals(16.375, plan.meanCredits());
    assertEquals(15.0, plan.minCredits());
    assertEquals(1, plan.minCreditTerm());
    assertEquals(18.0, plan.maxCredits());
    assertEquals(4, plan.maxCreditTerm());
    assertEquals(1.2183492931011204, plan.creditStandardDeviation(), 1e-9);
  }

  /**
   * CurricularAnalytics.py asserts these for this plan (test_uh_ee, _assert_uh_ee_dp), per course in
   * file order too: delay 301, blocking 208, centrality 5717, complexity 509; 129 credits over 8
   * terms, mean 16.125, min 15 (term 1), max 17 (term 2), deviation 0.5994789404140899.
   */
  @Test
  void houstonElectricalEngineeringPlan() {
    CurricularDocument doc = read("UH_EE_plan.csv");
    assertEquals(49, doc.pathway().badges().size());
    assertEquals("26.0101", doc.header().get("CIP"));
    assertEquals("", doc.header().get("Institution"));
    CurriculumReport r = analyze(doc);
    assertEquals(301, r.totalDelayFactor());
    assertEquals(208, r.totalBlockingFactor());
    assertEquals(BigInteger.valueOf(5717), r.totalCentrality());
    assertEquals(new BigDecimal("509"), r.totalComplexity());
    assertEquals(List.of(0, 0, 85, 0, 0, 0, 0, 13, 160, 607, 217, 0, 0, 93, 677, 292, 426, 250, 159,
            152, 295, 393, 154, 171, 0, 359, 266, 0, 77, 0, 0, 16, 0, 0, 76, 0, 0, 779, 0, 0, 0, 0, 0,
            0, 0, 0, 0, 0, 0),
        r.badges().stream().map(b -> b.centrality().intValueExact()).toList());
    assertEquals(List.of(0, 6, 15, 23, 1, 0, 0, 5, 14, 20, 16, 0, 0, 13, 12, 15, 14, 13, 4, 4, 5, 8,
            4, 2, 0, 3, 2, 0, 2, 0, 0, 2, 0, 0, 2, 0, 2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0),
        r.badges().stream().map(BadgeMetrics::blockingFactor).toList());
    DegreePlanMetrics plan = r.degreePlan().orElseThrow();
    assertEquals(129.0, plan.creditsPerTerm().stream().mapToDouble(Double::doubleValue).sum());
    assertEquals(16.125, plan.meanCredits());
    assertEquals(1, plan.minCreditTerm());
    assertEquals(17.0, plan.maxCredits());
    assertEquals(2, plan.maxCreditTerm());
    assertEquals(0.5994789404140899, plan.creditStandardDeviation(), 1e-9);
  }

  /**
   * The basket-weaving curriculum on a quarter system: each complexity becomes round(2h/3, 1), total
   * 24.2 (derived in core's CurriculumAnalyticsTest), and the metric column shows one decimal.
   */
  @Test
  void quarterSystemComplexitiesAreWrittenWithOneDecimal() throws java.io.IOException {
    String text = java.nio.file.Files.readString(resource("UBW_curriculum.csv"))
        .replace("System Type,semester", "System Type,quarter");
    CurricularDocument doc = CurricularCsvReader.read(text, "quarter.csv").value().orElseThrow();
    assertTrue(doc.isQuarterSystem());
    CurriculumReport r = analyze(doc);
    assertEquals(new BigDecimal("24.2"), r.totalComplexity());
    List<String> lines = CurricularCsvWriter.toString(doc, Optional.of(r)).lines().toList();
    assertEquals("System Type,quarter,,,,,,,,,,,,", lines.get(3));
    assertEquals("1,Introduction to Baskets,BW,110,,,,3,ACME State University,Baskets I,4.7,4,3,0",
        lines.get(7));
  }

  /** Read, write, read again: the same pathway and document; writing again gives the same text. */
  @ParameterizedTest
  @ValueSource(strings = {"UBW_curriculum.csv", "UBW_degree_plan.csv", "UH_EE_plan.csv",
      "UKY_EE_curric.csv", "UKY_EE_plan.csv"})
  void readWriteReadKeepsEverything(String name) {
    CurricularDocument first = read(name);
    String written = CurricularCsvWriter.toString(first, Optional.empty());
    ReadResult<CurricularDocument> again = CurricularCsvReader.read(written, name + " (written)");
    assertEquals(List.of(), again.problems());
    CurricularDocument second = again.value().orElseThrow();
    assertEquals(first, second);
    assertEquals(first.pathway(), second.pathway());
    assertEquals(written, CurricularCsvWriter.toString(second, Optional.empty()));
  }

  /** With a report, the metric columns come last and the file still reads back the same. */
  @Test
  void metricColumnsAreWrittenAndIgnoredOnRead() {
    CurricularDocument doc = read("UBW_curriculum.csv");
    String written = CurricularCsvWriter.toString(doc, Optional.of(analyze(doc)));
    List<String> lines = written.lines().toList();
    assertEquals("Course ID,Course Name,Prefix,Number,Prerequisites,Corequisites,"
        + "Strict-Corequisites,Credit Hours,Institution,Canonical Name,Complexity,Blocking,Delay,"
        + "Centrality", lines.get(6));
    assertEquals("1,Introduction to Baskets,BW,110,,,,3,ACME State University,Baskets I,7,4,3,0",
        lines.get(7));
    assertEquals("4,Basic Basket Forms,BW,111,1,,5,3,ACME State University,Baskets II,4,1,3,6",
        lines.get(10));
    assertEquals("Curriculum,Underwater Basket Weaving,,,,,,,,,,,,", lines.get(0));
    ReadResult<CurricularDocument> again = CurricularCsvReader.read(written, "with-metrics.csv");
    assertEquals(List.of(), again.problems());
    assertEquals(doc, again.value().orElseThrow());
  }
}
