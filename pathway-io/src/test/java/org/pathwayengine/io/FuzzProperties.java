package org.pathwayengine.io;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.pathwayengine.core.Problem;

/**
 * Mutates valid files (delete, duplicate or swap lines, truncate, flip bytes, insert bytes) and
 * checks that the reader answers with problems or a pathway, never another exception, in bounded
 * time, and that every problem has a place inside the file.
 */
class FuzzProperties {
  private static final PathwayFiles FILES = PathwayFiles.create();
  private static final List<String> SEEDS = List.of("social-innovation.yaml", "canonical.yaml",
      "canonical.json", "design-thinking.yaml", "alice.yaml");

  /** One mutation of a file: its kind and two random numbers that place it. */
  record Mutation(String kind, int a, int b) {}

  @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
  void mutatedFilesGiveProblemsOrAPathway(@ForAll("seeds") String seed,
      @ForAll("mutations") List<Mutation> mutations) {
    byte[] bytes = mutate(load(seed), mutations);
    Statistics.label("mutations").collect(mutations.get(0).kind());
    for (FileFormat format : FileFormat.values()) {
      ReadResult<?> r = assertTimeoutPreemptively(Duration.ofSeconds(5),
          () -> seed.startsWith("alice")
              ? FILES.readLearner(bytes, format, "fuzz")
              : FILES.read(bytes, format, "fuzz"));
      assertTrue(r.value().isPresent() || !r.isValid(),
          "no value comes with at least one error: " + r.problems());
      int lines = new String(bytes, StandardCharsets.ISO_8859_1).split("\n", -1).length;
      for (Problem p : r.problems()) {
        assertTrue(p.location().isPresent(), p::toString);
        assertTrue(p.location().get().line() <= lines + 1, p::toString);
        assertFalse(p.message().isBlank(), p::toString);
      }
    }
  }

  @Provide
  Arbitrary<String> seeds() {
    return Arbitraries.of(SEEDS);
  }

  @Provide
  Arbitrary<List<Mutation>> mutations() {
    Arbitrary<Mutation> one = Combinators.combine(
        Arbitraries.of("delete", "duplicate", "swap", "truncate", "flip", "insert"),
        Arbitraries.integers().between(0, Integer.MAX_VALUE),
        Arbitraries.integers().between(0, Integer.MAX_VALUE)).as(Mutation::new);
    return one.list().ofMinSize(1).ofMaxSize(4);
  }

  static byte[] load(String name) {
    try {
      return WriterTest.resource(name);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] mutate(byte[] original, List<Mutation> mutations) {
    byte[] bytes = original;
    for (Mutation m : mutations) {
      bytes = apply(bytes, m);
    }
    return bytes;
  }

  private static byte[] apply(byte[] bytes, Mutation m) {
    if (bytes.length == 0) {
      return bytes;
    }
    List<byte[]> lines = splitLines(bytes);
    int i = m.a() % lines.size();
    int j = m.b() % lines.size();
    switch (m.kind()) {
      case "delete":
        lines.remove(i);
        return join(lines);
      case "duplicate":
        lines.add(i, lines.get(i));
        return join(lines);
      case "swap": {
        byte[] t = lines.get(i);
        lines.set(i, lines.get(j));
        lines.set(j, t);
        return join(lines);
      }
      case "truncate":
        return Arrays.copyOf(bytes, m.a() % bytes.length);
      case "flip": {
        byte[] out = bytes.clone();
        out[m.a() % out.length] ^= (byte) (1 << (m.b() % 8));
        return out;
      }
      default: {
        // insert a byte that often matters to YAML or JSON, or any byte
        byte[] special = ":-[]{}#&*!|>'\"%@`,\t \n\0\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        byte ins = m.b() % 3 == 0 ? (byte) m.b() : special[m.b() % special.length];
        int at = m.a() % (bytes.length + 1);
        byte[] out = new byte[bytes.length + 1];
        System.arraycopy(bytes, 0, out, 0, at);
        out[at] = ins;
        System.arraycopy(bytes, at, out, at + 1, bytes.length - at);
        return out;
      }
    }
  }

  private static List<byte[]> splitLines(byte[] bytes) {
    List<byte[]> lines = new ArrayList<>();
    int start = 0;
    for (int k = 0; k < bytes.length; k++) {
      if (bytes[k] == '\n') {
        lines.add(Arrays.copyOfRange(bytes, start, k + 1));
        start = k + 1;
      }
    }
    if (start < bytes.length) {
      lines.add(Arrays.copyOfRange(bytes, start, bytes.length));
    }
    return lines;
  }

  private static byte[] join(List<byte[]> lines) {
    int n = 0;
    for (byte[] l : lines) {
      n += l.length;
    }
    byte[] out = new byte[n];
    int at = 0;
    for (byte[] l : lines) {
      System.arraycopy(l, 0, out, at, l.length);
      at += l.length;
    }
    return out;
  }
}
