package org.pathwayengine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TestCommandTest {
  @Test
  void passingScenariosExitZero() {
    CliRunner.Run r = new CliRunner().pathway("mini.yaml", Fixtures.mini(Fixtures.passing()))
        .run("test", "mini.yaml");
    assertEquals(0, r.code(), r.err());
    assertEquals("✓ alpha opens beta and gamma\n1 passed, 0 failed\n", r.out());
  }

  @Test
  void aFailingScenarioSaysWhatWasExpectedAndFoundAndExitsOne() {
    CliRunner.Run r = new CliRunner()
        .pathway("mini.yaml", Fixtures.mini(Fixtures.passing(), Fixtures.failing()))
        .run("test", "mini.yaml");
    assertEquals(1, r.code(), r.err());
    Golden.check("test-failing.txt", r.out());
    assertTrue(r.out().endsWith("\n1 passed, 1 failed\n"), r.out());
  }

  @Test
  void jsonCountsAndListsFailuresAndThePlainLineGoesToStandardError() {
    CliRunner.Run r = new CliRunner()
        .pathway("mini.yaml", Fixtures.mini(Fixtures.passing(), Fixtures.failing()))
        .run("test", "mini.yaml", "--format", "json");
    assertEquals(1, r.code(), r.err());
    Golden.check("test-failing.json", r.out());
    assertEquals("1 passed, 1 failed\n", r.err());
  }

  @Test
  void noScenariosIsNoFailure() {
    CliRunner.Run r = new CliRunner().pathway("mini.yaml", Fixtures.mini()).run("test", "mini.yaml");
    assertEquals(0, r.code());
    assertEquals("0 passed, 0 failed\n", r.out());
  }
}
