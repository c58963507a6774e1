package org.pathwayengine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pathwayengine.cli.internal.FileInputs;

/** {@code analyze} on CurricularAnalytics files (copied from /work/shared/data/curricula). */
class AnalyzeCommandTest {
  private static final String UBW = "src/test/resources/files/UBW_curriculum.csv";
  private static final String UKY_PLAN = "src/test/resources/files/UKY_EE_plan.csv";

  private final CliRunner cli = new CliRunner().fallback(new FileInputs());

  @Test
  void aCurriculumAsATableMostComplexFirst() {
    CliRunner.Run r = cli.run("analyze", UBW);
    assertEquals(0, r.code(), r.err());
    Golden.check("analyze-ubw.txt", r.out());
  }

  @Test
  void jsonHasTheFieldsOfTheContractWithBadgesSortedById() {
    CliRunner.Run r = cli.run("analyze", UBW, "--format", "json");
    assertEquals(0, r.code(), r.err());
    Golden.check("analyze-ubw.json", r.out());
    assertTrue(r.out().contains("\"totalBlockingFactor\": 10,\n  \"totalDelayFactor\": 26,\n"
        + "  \"totalCentrality\": 9,\n  \"totalComplexity\": 36,\n"
        + "  \"longestPath\": [\"1\", \"7\", \"8\"],"), r.out());
  }

  @Test
  void aDegreePlanAddsItsTermMetrics() {
    CliRunner.Run r = cli.run("analyze", UKY_PLAN);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Degree plan (8 terms)\n  credits per term: [15, 16, 17, 18, 17, 15, "
        + "15, 18], mean 16.38, standard deviation 1.22\n"), r.out());
    CliRunner.Run j = cli.run("analyze", UKY_PLAN, "--format", "json");
    assertTrue(j.out().contains("\"degreePlan\": {\n    \"terms\": 8,"), j.out());
  }

  @Test
  void aPathwayBuiltInJava() {
    CliRunner.Run r = new CliRunner().pathway("mini.yaml", Fixtures.mini())
        .run("analyze", "mini.yaml", "--format", "json");
    assertEquals(0, r.code(), r.err());
    // alpha -> beta -> gamma, beta -> gamma (co), alpha/beta/delta -> cred: alpha reaches beta,
    // gamma and cred.
    assertTrue(r.out().contains("{\n      \"badge\": \"alpha\",\n      \"blockingFactor\": 3,"),
        r.out());
  }
}
