package org.pathwayengine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.ProblemCode;

class ReadLimitsTest {
  @Test
  void defaultsAreTheDocumentedOnes() {
    ReadLimits d = ReadLimits.defaults();
    assertEquals(16L * 1024 * 1024, d.maxFileBytes());
    assertEquals(1_000_000, d.maxBadges());
    assertEquals(100_000, d.maxAliasExpansion());
    assertEquals(256, d.maxNestingDepth());
    assertEquals(1024 * 1024, d.maxStringLength());
    assertEquals(d, d.toBuilder().build());
  }

  @Test
  void badLimitsAreRefusedWithTheirName() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> ReadLimits.builder().maxBadges(0).build());
    assertTrue(e.getMessage().contains("maxBadges"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ReadLimits.builder().maxNestingDepth(-1).build());
  }

  @Test
  void everyLimitIsConfigurable() {
    PathwayFiles files = PathwayFiles.create(ReadLimits.builder().maxNestingDepth(3)
        .maxAliasExpansion(0).build());
    var deep = files.read("pathway: p\nversion: 1\nx-a: [[[1]]]\n"
        .getBytes(StandardCharsets.UTF_8), FileFormat.YAML, "d");
    assertEquals(ProblemCode.LIMIT_EXCEEDED, deep.problems().get(0).code());
    var alias = files.read("pathway: p\nversion: 1\nx-a: &a [x]\nx-b: *a\n"
        .getBytes(StandardCharsets.UTF_8), FileFormat.YAML, "a");
    assertTrue(alias.problems().get(0).message().contains("maxAliasExpansion"),
        alias.problems()::toString);
  }

  @Test
  void formatFromExtensionOrContent() {
    assertEquals(Optional.of(FileFormat.JSON), FileFormat.fromExtension(Path.of("a/p.JSON")));
    assertEquals(Optional.of(FileFormat.YAML), FileFormat.fromExtension(Path.of("p.yml")));
    assertEquals(Optional.empty(), FileFormat.fromExtension(Path.of("p.txt")));
    assertEquals(FileFormat.JSON, FileFormat.detect(Path.of("p"), " \n{\"a\":1}".getBytes()));
    assertEquals(FileFormat.YAML, FileFormat.detect(Path.of("p"), "a: 1".getBytes()));
  }
}
