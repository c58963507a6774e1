package org.pathwayengine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.BatchEvaluator;
import org.pathwayengine.core.LearnerOutcome;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.LearnerState;
import org.pathwayengine.core.Pathway;

/**
 * One newly earned badge on a large synthetic pathway: the incremental update of a
 * {@link LearnerState} ({@code incremental}: earn a badge, then expire it again so that the state
 * stays put; two updates per invocation) against the baseline, a full re-evaluation of the record with
 * the badge added ({@code full}, compiled evaluator). The badges cycle through 256 that the learner
 * does not hold.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class IncrementalBenchmark {
  private static final int BADGES = 256;

  /** Badges in the pathway. */
  @Param("100000")
  public int badges;

  private BatchEvaluator batch;
  private LearnerState state;
  private String[] candidates;
  private LearnerRecord[] withOne;
  private int next;

  /** Builds the pathway, the learner's state and the records with one more badge. */
  @Setup(Level.Trial)
  public void setUp() {
    Pathway p = SyntheticPathways.pathway(SyntheticPathways.Shape.of(badges), 42);
    batch = BatchEvaluator.of(p);
    LearnerRecord learner = SyntheticPathways.learner(p, 7);
    state = batch.state(learner, SyntheticPathways.AS_OF);
    List<String> free = new ArrayList<>();
    List<Badge> all = p.badges();
    for (int i = 0; free.size() < BADGES && i < all.size(); i += 1 + all.size() / (4 * BADGES)) {
      Badge b = all.get(i);
      if (!b.isStacked() && !state.counts(b.id())) {
        free.add(b.id());
      }
    }
    candidates = free.toArray(new String[0]);
    withOne = new LearnerRecord[candidates.length];
    for (int i = 0; i < candidates.length; i++) {
      withOne[i] = learner.withEarned(List.of(candidates[i]), SyntheticPathways.AS_OF.minusDays(1));
    }
  }

  private int nextBadge() {
    next = next + 1 == candidates.length ? 0 : next + 1;
    return next;
  }

  /** Earn one badge, then expire it: two incremental updates. */
  @Benchmark
  @OperationsPerInvocation(2)
  public boolean incremental() {
    String id = candidates[nextBadge()];
    boolean a = state.earn(id);
    boolean b = state.expire(id);
    return a & b;
  }

  /** Baseline: evaluate the whole record, with the newly earned badge, again. */
  @Benchmark
  public LearnerOutcome full() {
    return batch.evaluate(withOne[nextBadge()], SyntheticPathways.AS_OF);
  }
}
