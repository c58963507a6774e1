package org.pathwayengine.bench;

import static com.google.common.base.Preconditions.checkArgument;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.concurrent.atomic.AtomicLong;
import org.pathwayengine.core.BatchEvaluator;
import org.pathwayengine.core.Pathway;

/**
 * Batch evaluation: a stream of synthetic learners against one synthetic pathway on all cores, held,
 * eligible and complete badges for each, timed end to end (learner records are generated on the fly
 * inside the timed run, by the worker threads from a parallel stream: the input costs count). The
 * baseline in the same run is the
 * {@link NaiveEvaluator} on the same number of threads over a sample of the learners, extrapolated.
 * Peak heap is the sum of the heap pools' peaks since the start of the run (an upper bound).
 *
 * <p>Run with {@code java -Xmx2g -cp benchmarks.jar org.pathwayengine.bench.BatchBenchmark
 * [learners] [badges]} (default 1 000 000 learners, 1 000 badges).
 */
public final class BatchBenchmark {
  private BatchBenchmark() {}

  /**
   * The figures of one run.
   *
   * @param learners learners evaluated
   * @param badges badges in the pathway
   * @param threads worker threads
   * @param seconds wall time of the batch, learner generation included
   * @param cpuSeconds CPU time this JVM spent during the batch, all threads (on a shared machine,
   *     divided by the cores it is a fairer estimate of the wall time on an idle one)
   * @param peakHeapBytes the heap pools' peak usage during the batch, summed
   * @param maxHeapBytes the heap limit of this JVM
   * @param baselineLearners learners in the baseline sample
   * @param baselineSeconds the baseline's wall time for its sample
   * @param checksum the sum of held, eligible and complete counts (to compare runs)
   * @param generationSeconds wall time of generating the same records alone, on the same number of
   *     threads, without evaluating them (the part of {@code seconds} that is input)
   * @param generationCpuSeconds CPU time of that generation
   */
  public record Figures(long learners, int badges, int threads, double seconds, double cpuSeconds,
      long peakHeapBytes,
      long maxHeapBytes, long baselineLearners, double baselineSeconds, long checksum,
      double generationSeconds, double generationCpuSeconds) {
    /** The baseline's time scaled to {@link #learners()}. */
    public double baselineExtrapolatedSeconds() {
      return baselineSeconds * learners / Math.max(1, baselineLearners);
    }

    /** How many times faster than the baseline. */
    public double speedup() {
      return baselineExtrapolatedSeconds() / seconds;
    }
  }

  /** Runs the batch and its baseline. */
  public static Figures run(long learners, int badges, int threads, long baselineLearners) {
    checkArgument(learners >= 1 && badges >= 1 && threads >= 1 && baselineLearners >= 1,
        "learners, badges, threads and baselineLearners must be >= 1");
    Pathway p = SyntheticPathways.pathway(SyntheticPathways.Shape.of(badges), 42);
    BatchEvaluator batch = BatchEvaluator.of(p);
    NaiveEvaluator naive = new NaiveEvaluator(p);

    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      pool.resetPeakUsage();
    }
    AtomicLong checksum = new AtomicLong();
    long cpu0 = processCpuNanos();
    long t0 = System.nanoTime();
    long[] sum = new long[1];
    // A parallel stream, as the baseline's below: the batch's workers generate the records they
    // evaluate (BatchEvaluator splits parallel sized streams), instead of the calling thread alone.
    batch.evaluateAll(SyntheticPathways.learners(p, 1, learners).parallel(), SyntheticPathways.AS_OF,
        threads,
        o -> sum[0] += o.heldCount() + o.eligibleCount() + o.complete().size());
    double seconds = (System.nanoTime() - t0) / 1e9;
    double cpuSeconds = (processCpuNanos() - cpu0) / 1e9;
    checksum.set(sum[0]);
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }

    // The input alone: the same records generated on the same number of threads, not evaluated.
    long cpu1 = processCpuNanos();
    long t1 = System.nanoTime();
    onThreads(threads, () -> SyntheticPathways.learners(p, 1, learners).parallel()
        .mapToLong(r -> r.entries().size()).sum());
    double generationSeconds = (System.nanoTime() - t1) / 1e9;
    double generationCpuSeconds = (processCpuNanos() - cpu1) / 1e9;

    long sample = Math.min(baselineLearners, learners);
    long t2 = System.nanoTime();
    onThreads(threads, () -> SyntheticPathways.learners(p, 1, sample).parallel()
        .mapToLong(r -> {
          NaiveEvaluator.Result res = naive.evaluate(r, SyntheticPathways.AS_OF);
          return res.held().size() + res.eligible().size();
        }).sum());
    double baseline = (System.nanoTime() - t2) / 1e9;
    return new Figures(learners, badges, threads, seconds, cpuSeconds, peak, Runtime.getRuntime().maxMemory(),
        sample, baseline, checksum.get(), generationSeconds, generationCpuSeconds);
  }

  private static long onThreads(int threads, java.util.concurrent.Callable<Long> work) {
    java.util.concurrent.ForkJoinPool fj = new java.util.concurrent.ForkJoinPool(threads);
    try {
      return fj.submit(work).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      fj.shutdown();
    }
  }

  private static long processCpuNanos() {
    java.lang.management.OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /** Runs the batch benchmark: {@code [learners] [badges] [threads] [baselineLearners]}. */
  public static void main(String[] args) {
    long learners = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
    int badges = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
    int threads = args.length > 2 ? Integer.parseInt(args[2])
        : Runtime.getRuntime().availableProcessors();
    long sample = args.length > 3 ? Long.parseLong(args[3]) : 50_000;
    Figures f = run(learners, badges, threads, sample);
    System.out.println(describe(f));
  }

  /** One line per figure, for people. */
  public static String describe(Figures f) {
    return String.format(java.util.Locale.ROOT,
        "batch: %,d learners x %,d badges on %d threads: %.2f s (%.0f learners/s), CPU %.2f s,"
            + " peak heap %.0f MiB of %.0f MiB max%nbaseline (naive, %d threads, %,d learners sampled): %.2f s,"
            + " extrapolated %.1f s; speedup %.1fx; checksum %d%n"
            + "of which input: generating the same records alone on %d threads takes %.2f s, CPU %.2f s",
        f.learners(), f.badges(), f.threads(), f.seconds(), f.learners() / f.seconds(),
        f.cpuSeconds(), f.peakHeapBytes() / 1048576.0, f.maxHeapBytes() / 1048576.0, f.threads(),
        f.baselineLearners(), f.baselineSeconds(), f.baselineExtrapolatedSeconds(), f.speedup(),
        f.checksum(), f.threads(), f.generationSeconds(), f.generationCpuSeconds());
  }
}
