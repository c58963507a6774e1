package org.pathwayengine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pathwayengine.cli.internal.FileInputs;

/** {@code recommend} and {@code plan} on the bundled example, and their exit codes. */
class RecommendPlanTest {
  private static final String[] ALICE = {FilesTest.EXAMPLE, "--learner", FilesTest.ALICE,
      "--as-of", "2026-01-01"};

  private final CliRunner cli = new CliRunner().fallback(new FileInputs());

  private CliRunner.Run run(String command, String... more) {
    String[] args = new String[1 + ALICE.length + more.length];
    args[0] = command;
    System.arraycopy(ALICE, 0, args, 1, ALICE.length);
    System.arraycopy(more, 0, args, 1 + ALICE.length, more.length);
    return cli.run(args);
  }

  @Test
  void recommendTowardAGoal() {
    CliRunner.Run r = run("recommend", "--goal", "social-tech-innovator");
    assertEquals(0, r.code(), r.err());
    Golden.check("example-recommend.txt", r.out());
  }

  @Test
  void recommendJsonHasTheFieldsOfTheContract() {
    CliRunner.Run r = run("recommend", "--goal", "social-tech-innovator", "--limit", "2",
        "--format", "json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("{\n  \"goal\": \"social-tech-innovator\",\n  \"reachable\": true,\n"
        + "  \"plan\": [\"cad-basics\", \"crowdfunding\", \"3d-printing\", \"laser-cutting\"],\n"
        + "  \"cost\": 4,\n  \"optimal\": true,\n  \"reason\": null,\n  \"next\": [\n    {\n"
        + "      \"badge\": \"crowdfunding\",\n      \"score\": 145,\n      \"reasons\": ["),
        r.out());
    assertEquals(2, r.out().split("\"badge\"", -1).length - 1, r.out());
  }

  @Test
  void recommendWithoutAGoalRanksWhatCanStartNow() {
    CliRunner.Run r = run("recommend", "--format", "json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("{\n  \"goal\": null,\n  \"reachable\": null,\n  \"plan\": null,"),
        r.out());
    assertTrue(r.out().contains("\"badge\": \"crowdfunding\",\n      \"score\": 45,"), r.out());
  }

  @Test
  void anUnreachableGoalExitsOne() {
    CliRunner.Run r = run("recommend", "--skills", "underwater-welding");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().contains("✗ cannot be reached"), r.out());
    CliRunner.Run j = run("recommend", "--skills", "underwater-welding", "--format", "json");
    assertEquals(1, j.code());
    assertTrue(j.out().contains("\"reachable\": false,\n  \"plan\": [],"), j.out());
  }

  @Test
  void recommendUsageErrors() {
    assertEquals(2, run("recommend", "--goal", "nope").code());
    assertEquals(2, run("recommend", "--goal", "si-101", "--skills", "cad").code());
    assertEquals(2, run("recommend", "--limit", "0").code());
  }

  @Test
  void planSpreadsTheGoalOverTerms() {
    CliRunner.Run r = run("plan", "--goal", "social-tech-innovator", "--per-term", "2");
    assertEquals(0, r.code(), r.err());
    Golden.check("example-plan.txt", r.out());
    CliRunner.Run j = run("plan", "--goal", "social-tech-innovator", "--per-term", "2",
        "--format", "json");
    assertEquals(0, j.code(), j.err());
    assertTrue(j.out().startsWith("{\n  \"terms\": [\n    [\"cad-basics\", \"crowdfunding\"],\n"
        + "    [\"3d-printing\", \"laser-cutting\"]\n  ],\n  \"lowerBound\": 2,"), j.out());
  }

  @Test
  void oneBadgePerTermTakesAsManyTermsAsBadges() {
    CliRunner.Run j = run("plan", "--goal", "social-innovation", "--per-term", "1", "--format",
        "json");
    assertEquals(0, j.code(), j.err());
    assertTrue(j.out().startsWith("{\n  \"terms\": [\n    [\"crowdfunding\"]\n  ],\n"
        + "  \"lowerBound\": 1,"), j.out());
  }

  @Test
  void planUsageErrors() {
    assertEquals(2, run("plan", "--goal", "social-innovation").code());
    assertEquals(2, run("plan", "--goal", "social-innovation", "--per-term", "0").code());
    CliRunner.Run tooSmall = run("plan", "--goal", "social-innovation", "--per-term", "2",
        "--credits-per-term", "1");
    assertEquals(2, tooSmall.code(), tooSmall.out());
    assertTrue(tooSmall.err().startsWith("pathway: "), tooSmall.err());
  }
}
