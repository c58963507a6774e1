package org.pathwayengine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.ProblemCode;

/**
 * Characters outside the Basic Multilingual Plane (an emoji is two Java chars) are read wherever they
 * fall, including across the YAML scanner's 1 024-char reads.
 */
class SupplementaryCharactersTest {
  private final PathwayFiles files = PathwayFiles.create();

  @Test
  void anEmojiStraddlingTheScannersReadBoundaryIsRead() {
    String emoji = "\uD83D\uDE00";
    for (int pad = 0; pad < 12; pad++) {
      String head = "pathway: p\nversion: 1\nbadges:\n  - id: a\n    title: \"";
      // Place the emoji's first half at chars 1 018..1 029, so one run splits it at 1 024.
      String title = "x".repeat(1018 - head.length() + pad) + emoji + " end";
      String yaml = head + title + "\"\n";
      ReadResult<Pathway> r = files.read(yaml.getBytes(StandardCharsets.UTF_8), FileFormat.YAML, "e");
      int at = pad;
      assertTrue(r.problems().stream().noneMatch(p -> p.code() == ProblemCode.PARSE_ERROR),
          () -> "offset " + at + ": " + r.problems());
      assertEquals(title, r.value().orElseThrow().badge("a").orElseThrow().title());
    }
  }
}
