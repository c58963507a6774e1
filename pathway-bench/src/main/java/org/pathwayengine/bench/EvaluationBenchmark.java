package org.pathwayengine.bench;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pathwayengine.core.BatchEvaluator;
import org.pathwayengine.core.LearnerOutcome;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.internal.CompiledPathway;

/**
 * Full evaluation of one learner (held, eligible, complete) on a synthetic pathway: the compiled
 * evaluator against the {@link NaiveEvaluator} baseline, both from a {@link LearnerRecord}
 * ({@code compiled} / {@code naive}) and from the learner's counting badges already resolved
 * ({@code compiledCore}, a bitset / {@code naiveCore}, a {@code HashSet<String>}). Learners cycle
 * through 64 generated records.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EvaluationBenchmark {
  private static final int LEARNERS = 64;

  /** Badges in the pathway. */
  @Param("10000")
  public int badges;

  private NaiveEvaluator naive;
  private BatchEvaluator batch;
  private CompiledPathway compiled;
  private CompiledPathway.Scratch scratch;
  private LearnerRecord[] records;
  private Set<String>[] counting;
  private long[][] bits;
  private int next;

  /** Builds the pathway, both evaluators and the learners. */
  @Setup(Level.Trial)
  @SuppressWarnings("unchecked")
  public void setUp() {
    Pathway p = SyntheticPathways.pathway(SyntheticPathways.Shape.of(badges), 42);
    naive = new NaiveEvaluator(p);
    batch = BatchEvaluator.of(p);
    compiled = CompiledPathway.compile(p);
    scratch = compiled.newScratch();
    List<LearnerRecord> ls = SyntheticPathways.learners(p, 1000, LEARNERS).toList();
    records = ls.toArray(new LearnerRecord[0]);
    counting = new Set[LEARNERS];
    bits = new long[LEARNERS][];
    for (int i = 0; i < LEARNERS; i++) {
      counting[i] = naive.counting(records[i], SyntheticPathways.AS_OF);
      bits[i] = compiled.bitsOf(counting[i]);
    }
  }

  private int nextLearner() {
    next = (next + 1) & (LEARNERS - 1);
    return next;
  }

  /** Baseline: from the record, recursively over a {@code HashSet<String>}. */
  @Benchmark
  public NaiveEvaluator.Result naive() {
    return naive.evaluate(records[nextLearner()], SyntheticPathways.AS_OF);
  }

  /** The compiled evaluator, from the record (public API). */
  @Benchmark
  public LearnerOutcome compiled() {
    return batch.evaluate(records[nextLearner()], SyntheticPathways.AS_OF);
  }

  /** Baseline from the counting badges. */
  @Benchmark
  public NaiveEvaluator.Result naiveCore() {
    return naive.evaluate(counting[nextLearner()]);
  }

  /** The compiled pass from the counting badges as a bitset. */
  @Benchmark
  public CompiledPathway.Result compiledCore() {
    return compiled.evaluate(bits[nextLearner()], scratch);
  }
}
