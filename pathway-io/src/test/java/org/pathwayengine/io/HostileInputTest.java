package org.pathwayengine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pathwayengine.io.ProblemLocationTest.only;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.ProblemCode;

/** Files written to hurt: each gives problems, quickly, never an exception. */
class HostileInputTest {
  private final PathwayFiles files = PathwayFiles.create();
  @TempDir Path dir;

  private ReadResult<Pathway> read(byte[] bytes, FileFormat format) {
    return assertTimeoutPreemptively(Duration.ofSeconds(10),
        () -> files.read(bytes, format, "h"));
  }

  @Test
  void billionLaughs() {
    StringBuilder sb = new StringBuilder("pathway: lol\nversion: 1\n");
    sb.append("x-a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for (char c = 'b'; c <= 'i'; c++) {
      sb.append("x-").append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 9; i++) {
        sb.append(i == 0 ? "" : ", ").append('*').append((char) (c - 1));
      }
      sb.append("]\n");
    }
    sb.append("badges: []\n");
    var r = read(sb.toString().getBytes(StandardCharsets.UTF_8), FileFormat.YAML);
    // the expansion passes 100 000 at the first alias of the sixth level (x-f, line 8)
    Problem p = only(r, ProblemCode.LIMIT_EXCEEDED, 8, 10);
    assertTrue(p.message().contains("maxAliasExpansion"), p.message());
    assertTrue(r.value().isEmpty());
  }

  @Test
  void fiveThousandDeepJson() {
    String deep = "{\"pathway\": \"p\", \"version\": \"1\", \"x-deep\": " + "[".repeat(5000)
        + "]".repeat(5000) + "}";
    var r = read(deep.getBytes(StandardCharsets.UTF_8), FileFormat.JSON);
    // the first '[' is at column 44 and depth 2; the 256th, at depth 257, passes the limit
    Problem p = only(r, ProblemCode.LIMIT_EXCEEDED, 1, 44 + 255);
    assertTrue(p.message().contains("maxNestingDepth"), p.message());
  }

  @Test
  void fiveThousandDeepYaml() {
    String deep = "pathway: p\nversion: 1\nx-deep: " + "[".repeat(5000) + "]".repeat(5000) + "\n";
    var r = read(deep.getBytes(StandardCharsets.UTF_8), FileFormat.YAML);
    only(r, ProblemCode.LIMIT_EXCEEDED, 3, 9 + 255);
  }

  @Test
  void fileOverTheSizeLimitGeneratedOnTheFly() throws IOException {
    Path big = dir.resolve("big.yaml");
    byte[] line = "  - {id: b, title: padding padding padding padding padding}\n"
        .getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(big))) {
      out.write("pathway: big\nversion: 1\nbadges:\n".getBytes(StandardCharsets.UTF_8));
      for (long n = 0; n <= ReadLimits.DEFAULT_MAX_FILE_BYTES / line.length; n++) {
        out.write(line);
      }
    }
    assertTrue(Files.size(big) > ReadLimits.DEFAULT_MAX_FILE_BYTES);
    var r = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> files.read(big));
    Problem p = only(r, ProblemCode.LIMIT_EXCEEDED, 1, 1);
    assertTrue(p.message().contains("maxFileBytes"), p.message());
  }

  @Test
  void invalidUtf8() {
    byte[] b = "pathway: p\nversion: 1\ntitle: caf\u00e9\n".getBytes(StandardCharsets.UTF_8);
    byte[] broken = java.util.Arrays.copyOf(b, b.length);
    broken[b.length - 2] = (byte) 0x28; // the second byte of 'é' replaced: a lone lead byte
    var r = read(broken, FileFormat.YAML);
    Problem p = only(r, ProblemCode.PARSE_ERROR, 3, 11);
    assertTrue(p.message().contains("UTF-8"), p.message());
  }

  @Test
  void nulByte() {
    var r = read("pathway: p\nversion: 1\0\n".getBytes(StandardCharsets.UTF_8), FileFormat.YAML);
    Problem p = only(r, ProblemCode.PARSE_ERROR, 2, 11);
    assertTrue(p.message().contains("NUL"), p.message());
  }

  @Test
  void tenThousandCharacterId() {
    String id = "a".repeat(10_000);
    var r = read(("pathway: p\nversion: 1\nbadges:\n  - id: " + id + "\n    title: Long\n")
        .getBytes(StandardCharsets.UTF_8), FileFormat.YAML);
    Problem p = only(r, ProblemCode.INVALID_VALUE, 4, 9);
    assertTrue(p.message().contains("10000 characters"), p.message());
    assertTrue(p.message().length() < 300, "the message does not repeat the whole id");
  }

  @Test
  void importOfEtcPasswd() throws IOException {
    Path main = dir.resolve("a/b/main.yaml");
    Files.createDirectories(main.getParent());
    Files.writeString(main, "pathway: m\nversion: 1\nimports:\n  - {file: ../../etc/passwd, as: pw}\n"
        + "badges: []\n");
    var r = files.readWithImports(main);
    only(r, ProblemCode.IMPORT_ERROR, 4, 12);
    assertEquals(1, r.problems().size());
  }

  @Test
  void binaryGarbage() {
    byte[] b = new byte[4096];
    new java.util.Random(7).nextBytes(b);
    var r = read(b, FileFormat.YAML);
    assertEquals(ProblemCode.PARSE_ERROR, r.problems().get(0).code());
  }

  @Test
  void recursiveAlias() {
    var r = read("pathway: p\nversion: 1\nx-a: &a [*a]\n".getBytes(StandardCharsets.UTF_8),
        FileFormat.YAML);
    only(r, ProblemCode.PARSE_ERROR, 3, 10);
  }
}
