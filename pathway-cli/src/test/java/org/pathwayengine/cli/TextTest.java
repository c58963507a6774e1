package org.pathwayengine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pathwayengine.cli.internal.Style;
import org.pathwayengine.cli.internal.Text;

class TextTest {
  @Test
  void tablesAlignColumnsIgnoringColour() {
    Style c = new Style(true);
    List<String> lines = Text.table(List.of(
        List.of(c.green("si-101"), "Social Innovation 101"),
        List.of("x", "X", "extra"),
        List.of("theory-of-change", "Theory of Change")), "  ");
    assertEquals(List.of(
        "  " + c.green("si-101") + "            Social Innovation 101",
        "  x                 X                      extra",
        "  theory-of-change  Theory of Change"), lines);
  }

  @Test
  void barsFillInProportionAndNeverLookCompleteEarly() {
    assertEquals("████████░░", Text.bar(4, 5, 10));
    assertEquals("░░░░░░░░░░", Text.bar(0, 3, 10));
    assertEquals("██████████", Text.bar(3, 3, 10));
    assertEquals("█████████░", Text.bar(99, 100, 10));
    assertEquals("██████████", Text.bar(0, 0, 10));
  }

  @Test
  void stylesColourOnlyWhenAsked() {
    assertEquals("x", new Style(false).red("x"));
    assertEquals("\u001b[31mx\u001b[0m", new Style(true).red("x"));
    assertEquals(1, Text.width(new Style(true).bold("█")));
  }

  @Test
  void plurals() {
    assertEquals("1 error", Text.plural(1, "error"));
    assertEquals("0 errors", Text.plural(0, "error"));
  }
}
