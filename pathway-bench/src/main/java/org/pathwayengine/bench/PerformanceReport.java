package org.pathwayengine.bench;

import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs every benchmark of {@code docs/PERFORMANCE.md} once and prints its table: each measured
 * against its baseline in the same run, with the ratio.
 *
 * <p>{@code java -Xmx2g -cp pathway-bench/target/benchmarks.jar
 * org.pathwayengine.bench.PerformanceReport [iterations] [learners]}: JMH with one fork, two warm-up
 * and {@code iterations} (default 3) measurement iterations of one second, then the batch of
 * {@code learners} (default 1 000 000) in this JVM.
 */
public final class PerformanceReport {
  private PerformanceReport() {}

  /** Runs the benchmarks and prints the table. */
  public static void main(String[] args) throws RunnerException {
    int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 3;
    long learners = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
    Options opt = new OptionsBuilder()
        .include(EvaluationBenchmark.class.getSimpleName())
        .include(IncrementalBenchmark.class.getSimpleName())
        .forks(1)
        .warmupIterations(2)
        .warmupTime(TimeValue.seconds(1))
        .measurementIterations(iterations)
        .measurementTime(TimeValue.seconds(1))
        .jvmArgsAppend("-Xmx2g")
        .build();
    Collection<RunResult> results = new Runner(opt).run();
    Map<String, Double> us = new HashMap<>();
    for (RunResult r : results) {
      String name = r.getParams().getBenchmark();
      us.put(name.substring(name.lastIndexOf('.') + 1), r.getPrimaryResult().getScore());
    }
    StringBuilder out = new StringBuilder();
    out.append("| benchmark | measured | baseline (same run) | ratio | goal |\n");
    out.append("|---|---|---|---|---|\n");
    row(out, "full evaluation, 10 000 badges, from the record", us.get("compiled"),
        "naive " + fmt(us.get("naive")), us.get("naive") / us.get("compiled"), ">= 50x");
    row(out, "full evaluation, 10 000 badges, from counting badges", us.get("compiledCore"),
        "naive " + fmt(us.get("naiveCore")), us.get("naiveCore") / us.get("compiledCore"),
        ">= 50x");
    row(out, "incremental update, 100 000 badges, one badge earned", us.get("incremental"),
        "full re-evaluation " + fmt(us.get("full")), us.get("full") / us.get("incremental"),
        ">= 1000x");
    BatchBenchmark.Figures f = BatchBenchmark.run(learners, 1_000,
        Runtime.getRuntime().availableProcessors(), 50_000);
    out.append(String.format(Locale.ROOT, "| batch, %,d learners x 1 000 badges, %d threads | %.2f s"
            + " wall (CPU %.1f s; generating the records alone %.1f s wall, CPU %.1f s), peak heap"
            + " %.0f MiB (max %.0f MiB) | naive, same threads, extrapolated %.1f s | %.1fx"
            + " | < 10 s, < 2 GiB |%n",
        f.learners(), f.threads(), f.seconds(), f.cpuSeconds(), f.generationSeconds(),
        f.generationCpuSeconds(), f.peakHeapBytes() / 1048576.0, f.maxHeapBytes() / 1048576.0,
        f.baselineExtrapolatedSeconds(), f.speedup()));
    System.out.println();
    System.out.print(out);
  }

  private static void row(StringBuilder out, String what, Double measured, String baseline,
      double ratio, String goal) {
    out.append(String.format(Locale.ROOT, "| %s | %s | %s | %.1fx | %s |%n", what, fmt(measured),
        baseline, ratio, goal));
  }

  private static String fmt(Double us) {
    return us == null ? "n/a" : String.format(Locale.ROOT, "%.3f us", us);
  }
}
