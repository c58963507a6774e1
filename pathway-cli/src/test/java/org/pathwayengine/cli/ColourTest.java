package org.pathwayengine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Colour only on a terminal, never with NO_COLOR or --no-color. */
class ColourTest {
  private static final String ESC = "\u001b[";

  private CliRunner cli() {
    return new CliRunner().pathway("good.yaml", Fixtures.mini());
  }

  @Test
  void aTerminalGetsColour() {
    CliRunner.Run r = cli().terminal(true).run("validate", "good.yaml");
    assertEquals(ESC + "32m1 file checked: 0 errors, 0 warnings" + ESC + "0m\n", r.out());
  }

  @Test
  void aPipeGetsNone() {
    assertFalse(cli().terminal(false).run("validate", "good.yaml").out().contains(ESC));
  }

  @Test
  void noColorWins() {
    assertFalse(cli().terminal(true).env("NO_COLOR", "1").run("validate", "good.yaml").out()
        .contains(ESC));
    assertFalse(cli().terminal(true).run("validate", "good.yaml", "--no-color").out().contains(ESC));
    // NO_COLOR set but empty does not count (no-color.org).
    assertTrue(cli().terminal(true).env("NO_COLOR", "").run("validate", "good.yaml").out()
        .contains(ESC));
  }

  @Test
  void jsonNeverHasColour() {
    assertFalse(cli().terminal(true).run("validate", "good.yaml", "--format", "json").out()
        .contains(ESC));
  }
}
