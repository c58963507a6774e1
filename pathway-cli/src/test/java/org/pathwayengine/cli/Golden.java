package org.pathwayengine.cli;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Golden files for text output, under {@code src/test/resources/golden/}. A mismatch fails with a line
 * diff. To rewrite them after a deliberate change, run with {@code -Dgolden.update=true} and review
 * the diff in git.
 */
final class Golden {
  private static final Path DIR = Path.of("src", "test", "resources", "golden");

  private Golden() {}

  static void check(String name, String actual) {
    Path file = DIR.resolve(name);
    try {
      if (Boolean.getBoolean("golden.update")) {
        Files.createDirectories(DIR);
        Files.writeString(file, actual, StandardCharsets.UTF_8);
        return;
      }
      if (!Files.exists(file)) {
        fail("no golden file " + file + "; run with -Dgolden.update=true to write it from:\n"
            + actual);
      }
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      if (!expected.equals(actual)) {
        fail("output differs from " + file + " (-Dgolden.update=true rewrites it):\n"
            + diff(expected, actual));
      }
    } catch (IOException e) {
      throw new AssertionError("cannot use golden file " + file, e);
    }
  }

  /** A line diff: "-" expected, "+" actual, " " same (lines around the first difference). */
  static String diff(String expected, String actual) {
    List<String> a = expected.lines().toList();
    List<String> b = actual.lines().toList();
    StringBuilder out = new StringBuilder();
    int n = Math.max(a.size(), b.size());
    for (int i = 0; i < n; i++) {
      String x = i < a.size() ? a.get(i) : null;
      String y = i < b.size() ? b.get(i) : null;
      if (x != null && x.equals(y)) {
        out.append("  ").append(x).append('\n');
        continue;
      }
      if (x != null) {
        out.append("- ").append(x).append('\n');
      }
      if (y != null) {
        out.append("+ ").append(y).append('\n');
      }
    }
    if (expected.endsWith("\n") != actual.endsWith("\n")) {
      out.append("(the final newline differs)\n");
    }
    return out.toString();
  }
}
