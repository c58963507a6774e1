package org.pathwayengine.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.io.PathwayFiles;
import org.pathwayengine.io.ReadResult;

/**
 * Reading and validating a generated pathway file (issue goal: 100 000 badges, about 8 MB of YAML,
 * under 3 s and under 1 GiB). Run with JMH
 * ({@code java -jar pathway-bench/target/benchmarks.jar ReadBenchmark}) or, for one timed read with
 * the heap used, {@code java -Xmx1g -cp ... org.pathwayengine.bench.ReadBenchmark 100000}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
public class ReadBenchmark {
  /** How many badges the generated file has. */
  @Param({"100000"})
  public int badges;

  private Path file;
  private final PathwayFiles files = PathwayFiles.create();

  /** Writes the generated file to a temporary folder. */
  @Setup(Level.Trial)
  public void generate() throws IOException {
    file = Files.createTempFile("pathway-bench-", ".yaml");
    Files.writeString(file, generate(badges, 42), StandardCharsets.UTF_8);
  }

  /** Removes the file. */
  @TearDown(Level.Trial)
  public void remove() throws IOException {
    Files.deleteIfExists(file);
  }

  /** Reads, maps and validates the whole file. */
  @Benchmark
  public ReadResult<Pathway> readAndValidate() {
    ReadResult<Pathway> r = files.read(file);
    if (r.value().isEmpty() || !r.isValid()) {
      throw new IllegalStateException("the generated pathway must be valid: "
          + r.errors().stream().limit(5).toList());
    }
    return r;
  }

  /**
   * A valid pathway of {@code n} badges in canonical YAML: every tenth badge has a prerequisite on
   * one or two earlier badges, every hundredth is a stacked credential over earlier ones; seeded, so
   * the same {@code n} and seed give the same file.
   */
  public static String generate(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    StringBuilder sb = new StringBuilder(n * 90);
    sb.append("pathway: generated\nversion: 1.0.0\ntitle: Generated pathway\nbadges:\n");
    for (int i = 0; i < n; i++) {
      sb.append("  - id: b").append(i).append('\n');
      sb.append("    title: Badge number ").append(i).append('\n');
      if (i % 100 == 99) {
        sb.append("    stack: {atLeast: 2, of: [b").append(i - 1).append(", b").append(i - 2)
            .append(", b").append(i - 3).append("]}\n");
        continue;
      }
      sb.append("    credits: ").append(1 + random.nextInt(4)).append('\n');
      sb.append("    tags: [t").append(random.nextInt(50)).append("]\n");
      if (i > 10 && i % 10 == 0) {
        int a = random.nextInt(i - 1);
        sb.append("    requires: [b").append(a).append(", b").append(i - 1).append("]\n");
      } else if (i > 0) {
        sb.append("    requires: b").append(i - 1).append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * One timed read with the heap it used, for a quick figure without JMH.
   *
   * @param args the number of badges (default 100 000)
   */
  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    ReadBenchmark b = new ReadBenchmark();
    b.badges = n;
    b.generate();
    try {
      System.out.printf("file: %d badges, %.1f MB%n", n, Files.size(b.file) / 1e6);
      for (int run = 1; run <= 3; run++) {
        System.gc();
        resetPeaks();
        long t = System.nanoTime();
        ReadResult<Pathway> r = b.readAndValidate();
        long ms = (System.nanoTime() - t) / 1_000_000;
        System.out.printf("run %d: %d ms, %d badges, %d problems, peak heap %d MB%n", run, ms,
            r.value().orElseThrow().badges().size(), r.problems().size(), peakHeap() >> 20);
      }
    } finally {
      b.remove();
    }
  }

  private static void resetPeaks() {
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
  }

  private static long peakHeap() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }
}
