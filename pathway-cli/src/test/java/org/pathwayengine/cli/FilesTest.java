package org.pathwayengine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pathwayengine.cli.internal.FileInputs;

/** The commands on real files read by pathway-io: the bundled examples and broken fixtures. */
class FilesTest {
  static final String EXAMPLE = "../examples/social-innovation.yaml";
  static final String ALICE = "../examples/alice.yaml";
  static final String BROKEN = "src/test/resources/files/broken.yaml";
  static final String NOT_YAML = "src/test/resources/files/not-yaml.yaml";
  static final String FAILING = "src/test/resources/files/failing-scenario.yaml";

  private final CliRunner cli = new CliRunner().fallback(new FileInputs());

  @Test
  void theReadmeStatus() {
    CliRunner.Run r = cli.run("status", EXAMPLE, "--learner", ALICE, "--as-of", "2026-01-01");
    assertEquals(0, r.code(), r.err());
    Golden.check("example-status.txt", r.out());
    assertTrue(r.out().contains("  Social Innovation               ████████░░  4/5  "
        + "remaining: "), r.out());
  }

  @Test
  void theReadmeStatusAsJson() {
    CliRunner.Run r = cli.run("status", EXAMPLE, "--learner", ALICE, "--as-of", "2026-01-01",
        "--format", "json");
    assertEquals(0, r.code(), r.err());
    Golden.check("example-status.json", r.out());
  }

  @Test
  void whatIfCrowdfundingCompletesSocialInnovation() {
    CliRunner.Run r = cli.run("status", EXAMPLE, "--learner", ALICE, "--as-of", "2026-01-01",
        "--what-if", "crowdfunding");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("  Social Innovation               ██████████  5/5  complete"),
        r.out());
  }

  @Test
  void theReadmeExplain() {
    CliRunner.Run r = cli.run("explain", EXAMPLE, "social-innovation", "--learner", ALICE,
        "--as-of", "2026-01-01");
    assertEquals(0, r.code(), r.err());
    Golden.check("example-explain.txt", r.out());
  }

  @Test
  void theExampleScenariosPass() {
    CliRunner.Run r = cli.run("test", EXAMPLE);
    assertEquals(0, r.code(), r.err());
    Golden.check("example-test.txt", r.out());
  }

  @Test
  void theExampleRendersWithALearner() {
    CliRunner.Run r = cli.run("render", EXAMPLE, "--learner", ALICE, "--as-of", "2026-01-01",
        "--to", "mermaid");
    assertEquals(0, r.code(), r.err());
    Golden.check("example-render.mmd", r.out());
    CliRunner.Run dot = cli.run("render", EXAMPLE, "--learner", ALICE, "--as-of", "2026-01-01",
        "--to", "dot");
    assertEquals(0, dot.code(), dot.err());
    Golden.check("example-render.dot", dot.out());
  }

  @Test
  void theExamplesFolderValidatesAndSkipsTheLearner() {
    CliRunner.Run r = cli.run("validate", "../examples");
    assertEquals(0, r.code(), r.err());
    assertEquals("1 file checked: 0 errors, 0 warnings\n", r.out());
  }

  @Test
  void brokenFilesReportEveryProblemWithItsPlace() {
    CliRunner.Run r = cli.run("validate", BROKEN, NOT_YAML);
    assertEquals(1, r.code(), r.err());
    Golden.check("files-validate.txt", r.out());
    CliRunner.Run j = cli.run("validate", BROKEN, NOT_YAML, "--format", "json");
    assertEquals(1, j.code(), j.err());
    Golden.check("files-validate.json", j.out());
  }

  @Test
  void aFailingScenarioFromAFile() {
    CliRunner.Run r = cli.run("test", FAILING);
    assertEquals(1, r.code(), r.err());
    Golden.check("files-test.txt", r.out());
    CliRunner.Run j = cli.run("test", FAILING, "--format", "json");
    assertEquals(1, j.code(), j.err());
    Golden.check("files-test.json", j.out());
    assertEquals("1 passed, 1 failed\n", j.err());
  }

  @Test
  void otherCommandsRefuseBrokenInput() {
    CliRunner.Run invalid = cli.run("status", BROKEN, "--learner", ALICE);
    assertEquals(1, invalid.code());
    assertTrue(invalid.err().endsWith("pathway: " + BROKEN + " is not a valid pathway (6 errors); "
        + "fix it first: pathway validate " + BROKEN + "\n"), invalid.err());
    CliRunner.Run unreadable = cli.run("test", NOT_YAML);
    assertEquals(2, unreadable.code());
    assertTrue(unreadable.err().endsWith("pathway: cannot read the pathway in " + NOT_YAML + "\n"),
        unreadable.err());
    CliRunner.Run badLearner = cli.run("status", EXAMPLE, "--learner", EXAMPLE);
    assertEquals(2, badLearner.code());
    assertTrue(badLearner.err().endsWith("pathway: cannot read the learner record in " + EXAMPLE
        + "\n"), badLearner.err());
  }
}
