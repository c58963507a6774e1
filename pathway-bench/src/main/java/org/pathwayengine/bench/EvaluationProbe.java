package org.pathwayengine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntFunction;
import org.pathwayengine.core.BatchEvaluator;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.internal.CompiledPathway;

/**
 * The four measurements of {@link EvaluationBenchmark} timed in thread CPU time instead of wall
 * time, so that other work on a shared machine disturbs them less (though not the caches it
 * shares). Rounds alternate between the compiled evaluator and the baseline; the median round is
 * reported, in microseconds per learner.
 *
 * <p>Run with {@code java -cp benchmarks.jar org.pathwayengine.bench.EvaluationProbe [badges]
 * [rounds] [only]} (default 10 000 badges, 15 rounds, all four measurements; name one, e.g.
 * {@code compiledCore}, to run only it, as under a profiler).
 */
public final class EvaluationProbe {
  private static final int LEARNERS = 64;
  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private EvaluationProbe() {}

  /** Runs the probe: {@code [badges] [rounds] [only]}. */
  @SuppressWarnings("unchecked")
  public static void main(String[] args) {
    int badges = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 15;
    String only = args.length > 2 ? args[2] : null;
    Pathway p = SyntheticPathways.pathway(SyntheticPathways.Shape.of(badges), 42);
    NaiveEvaluator naive = new NaiveEvaluator(p);
    BatchEvaluator batch = BatchEvaluator.of(p);
    CompiledPathway compiled = CompiledPathway.compile(p);
    CompiledPathway.Scratch scratch = compiled.newScratch();
    List<LearnerRecord> ls = SyntheticPathways.learners(p, 1000, LEARNERS).toList();
    LearnerRecord[] records = ls.toArray(new LearnerRecord[0]);
    Set<String>[] counting = new Set[LEARNERS];
    long[][] bits = new long[LEARNERS][];
    for (int i = 0; i < LEARNERS; i++) {
      counting[i] = naive.counting(records[i], SyntheticPathways.AS_OF);
      bits[i] = compiled.bitsOf(counting[i]);
    }
    String[] names = {"naive", "compiled", "naiveCore", "compiledCore"};
    IntFunction<Object>[] runs = new IntFunction[] {
        i -> naive.evaluate(records[i], SyntheticPathways.AS_OF),
        i -> batch.evaluate(records[i], SyntheticPathways.AS_OF),
        i -> naive.evaluate(counting[i]),
        i -> compiled.evaluate(bits[i], scratch)};
    int[] reps = {4, 40, 4, 40};
    double[][] perLearner = new double[runs.length][rounds];
    long sink = 0;
    for (int r = -3; r < rounds; r++) {
      for (int k = 0; k < runs.length; k++) {
        if (only != null && !only.equals(names[k])) {
          continue;
        }
        long t0 = THREADS.getCurrentThreadCpuTime();
        for (int rep = 0; rep < reps[k]; rep++) {
          for (int i = 0; i < LEARNERS; i++) {
            sink += runs[k].apply(i) == null ? 1 : 0;
          }
        }
        long t = THREADS.getCurrentThreadCpuTime() - t0;
        if (r >= 0) {
          perLearner[k][r] = t / 1e3 / (reps[k] * (double) LEARNERS);
        }
      }
    }
    double[] median = new double[runs.length];
    for (int k = 0; k < runs.length; k++) {
      if (only != null && !only.equals(names[k])) {
        continue;
      }
      double[] v = perLearner[k].clone();
      Arrays.sort(v);
      median[k] = v[v.length / 2];
      System.out.printf(Locale.ROOT, "%-13s %10.2f us/learner (CPU, median of %d; min %.2f, max %.2f)%n",
          names[k], median[k], rounds, v[0], v[v.length - 1]);
    }
    if (only == null) {
      System.out.printf(Locale.ROOT, "from the record: %.1fx; from the counting badges: %.1fx%n",
          median[0] / median[1], median[2] / median[3]);
    }
    // keeps the results alive (they are never null)
    if (sink != 0) {
      throw new AssertionError("an evaluation returned null");
    }
  }
}
