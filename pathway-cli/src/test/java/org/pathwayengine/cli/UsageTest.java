package org.pathwayengine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad usage exits 2 with a message and the usage on standard error, never a stack trace. */
class UsageTest {
  private final CliRunner cli = new CliRunner()
      .pathway("p.yaml", Fixtures.mini())
      .learner("ann.yaml", Fixtures.ann());

  @Test
  void noCommandShowsTheCommands() {
    CliRunner.Run r = cli.run();
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("Missing a command"), r.err());
    for (String c : new String[] {"validate", "status", "explain", "test", "render", "recommend",
        "plan", "analyze"}) {
      assertTrue(r.err().contains("  " + c + " "), c + " in " + r.err());
    }
    assertEquals("", r.out());
  }

  @Test
  void helpAndVersionSucceedOnStandardOutput() {
    CliRunner.Run help = cli.run("--help");
    assertEquals(0, help.code());
    assertTrue(help.out().startsWith("Usage: pathway"), help.out());
    assertTrue(help.out().contains("Exit codes: 0 success"), help.out());
    CliRunner.Run sub = cli.run("status", "--help");
    assertEquals(0, sub.code());
    assertTrue(sub.out().contains("--what-if=ID"), sub.out());
    CliRunner.Run version = cli.run("--version");
    assertEquals(0, version.code());
    assertTrue(version.out().matches("pathway \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\n"), version.out());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "frobnicate|Unmatched argument at index 0: 'frobnicate'",
      "validate p.yaml --format yaml|'yaml' is not a format; use text or json",
      "validate p.yaml --bogus|Unknown option: '--bogus'",
      "validate p.yaml --input-format xml|'xml' is not an input format",
      "status p.yaml|Missing required option: '--learner=REC'",
      "status p.yaml --learner ann.yaml --as-of 2026-13-01|'2026-13-01' is not a date",
      "status p.yaml --learner ann.yaml --cost euros|'euros' is not a cost",
      "status p.yaml --learner ann.yaml --learner-format pdf|'pdf' is not a learner format",
      "explain p.yaml --learner ann.yaml|Missing required parameter: 'BADGE'",
      "test|Missing required parameter: 'FILE'",
      "render p.yaml|Missing required option: '--to=dot|mermaid'",
      "render p.yaml --to svg|'svg' is not a graph language; use dot or mermaid",
  })
  void badUsageExitsTwo(String args, String message) {
    CliRunner.Run r = cli.run(args.split(" "));
    assertEquals(2, r.code(), r.err());
    assertTrue(r.err().contains(message), r.err());
    assertTrue(r.err().contains("Usage: pathway") || r.err().contains("Did you mean: pathway"),
        r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    assertEquals("", r.out());
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', value = {
      "status missing.yaml --learner ann.yaml|pathway: cannot read missing.yaml: no such file",
      "status p.yaml --learner missing.yaml|pathway: cannot read missing.yaml: no such file",
      "status p.yaml --learner ann.yaml --what-if alpha,omega|pathway: --what-if names 'omega', "
          + "which is no badge of mini",
      "explain p.yaml omega --learner ann.yaml|pathway: 'omega' is no badge of mini",
      "status p.yaml --learner ann.yaml --budget 0|pathway: --budget must be at least 1, was 0",
      "status p.yaml --learner ann.yaml --total-budget 0|pathway: --total-budget must be at least 1,"
          + " was 0",
      "test missing.yaml|pathway: cannot read missing.yaml: no such file",
      "render missing.yaml --to dot|pathway: cannot read missing.yaml: no such file",
      "render p.yaml --to dot --learner missing.yaml|pathway: cannot read missing.yaml: no such file",
  })
  void unreadableInputExitsTwoWithOneLine(String args, String message) {
    for (String format : new String[] {"text", "json"}) {
      CliRunner.Run r = cli.run((args + " --format " + format).split(" "));
      assertEquals(2, r.code(), r.err());
      assertEquals(message + "\n", r.err());
      assertEquals("", r.out());
    }
  }
}
