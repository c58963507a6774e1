package org.pathwayengine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExplainCommandTest {
  private final CliRunner cli = new CliRunner()
      .pathway("mini.yaml", Fixtures.mini())
      .learner("ann.yaml", Fixtures.ann());

  @Test
  void aStackedCredentialShowsItsMarkedTree() {
    CliRunner.Run r = cli.run("explain", "mini.yaml", "cred", "--learner", "ann.yaml", "--as-of",
        "2026-01-01");
    assertEquals(0, r.code(), r.err());
    Golden.check("explain-cred.txt", r.out());
  }

  @Test
  void anEligibleBadgeShowsItsPrerequisitesAndCoRequisites() {
    CliRunner.Run r = cli.run("explain", "mini.yaml", "gamma", "--learner", "ann.yaml", "--as-of",
        "2026-01-01");
    assertEquals(0, r.code(), r.err());
    Golden.check("explain-gamma.txt", r.out());
  }

  @Test
  void jsonTreesHaveOpHoldsSatisfiedByChildren() {
    CliRunner.Run r = cli.run("explain", "mini.yaml", "cred", "--learner", "ann.yaml", "--as-of",
        "2026-01-01", "--format", "json");
    assertEquals(0, r.code(), r.err());
    Golden.check("explain-cred.json", r.out());
    assertTrue(r.out().startsWith("{\n  \"badge\": \"cred\",\n  \"held\": false,\n"
        + "  \"eligible\": false,\n  \"requires\": null,\n  \"stack\": {\n    \"op\": \"allOf\","),
        r.out());
  }
}
