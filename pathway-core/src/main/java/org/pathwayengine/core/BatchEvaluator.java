package org.pathwayengine.core;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Spliterator;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.pathwayengine.core.internal.CompiledLearnerInput;
import org.pathwayengine.core.internal.CompiledPathway;
import org.pathwayengine.core.internal.CompiledState;
import org.pathwayengine.core.internal.EvaluationEngine;

/**
 * Evaluates many learners against one pathway fast: what each holds, can start and has completed
 * (SPEC section 4), without explanations or remaining-badge searches (use {@link PathwayEvaluator}
 * for those).
 *
 * <p>The pathway is compiled once into arrays (dense badge indexes, requirement expressions
 * flattened in topological order, held sets as bitsets); evaluating a learner is then one pass over
 * those arrays, O(badges + expression nodes). The evaluator is immutable and thread-safe: share one
 * across threads. {@link #evaluateAll(Stream, LocalDate, Consumer)} spreads a stream of records over
 * all cores with a bounded number of records in flight, so memory stays constant however many
 * learners stream through, and hands the outcomes to the consumer in input order on the caller's
 * thread. {@link #state(LearnerRecord, LocalDate)} starts an incremental {@link LearnerState}.
 *
 * <pre>{@code
 * BatchEvaluator batch = BatchEvaluator.of(pathway);
 * batch.evaluateAll(records.stream(), LocalDate.of(2026, 1, 1),
 *     outcome -> out.println(outcome.learner() + " " + outcome.complete()));
 * }</pre>
 */
public final class BatchEvaluator {
  private static final int CHUNK = 256;

  private final CompiledPathway compiled;
  private volatile EvaluationEngine engine;
  /** Working memory per thread, so that single evaluations allocate only their result. */
  private final ThreadLocal<CompiledPathway.Scratch> scratch;

  private BatchEvaluator(CompiledPathway compiled) {
    this.compiled = compiled;
    this.scratch = ThreadLocal.withInitial(compiled::newScratch);
  }

  /**
   * An evaluator for {@code pathway}, which should validate without errors. Compiling costs
   * O(badges + expression nodes + tag memberships).
   *
   * @throws IllegalArgumentException if stacked credentials depend on themselves (a cycle)
   */
  public static BatchEvaluator of(Pathway pathway) {
    return new BatchEvaluator(CompiledPathway.compile(requireNonNull(pathway, "pathway")));
  }

  /** The pathway this evaluator serves. */
  public Pathway pathway() {
    return compiled.pathway();
  }

  /** Where {@code learner} stands on {@code asOf}: held, eligible and complete badges. */
  public LearnerOutcome evaluate(LearnerRecord learner, LocalDate asOf) {
    return evaluate(requireNonNull(learner, "learner"), requireNonNull(asOf, "asOf"),
        scratch.get());
  }

  private LearnerOutcome evaluate(LearnerRecord learner, LocalDate asOf,
      CompiledPathway.Scratch scratch) {
    Optional<long[]> base = CompiledLearnerInput.base(compiled, learner, asOf);
    if (base.isEmpty()) {
      // A substitute that is a credential: only the reference engine follows that.
      org.pathwayengine.core.internal.LearnerState s = engine().state(learner, asOf);
      return new LearnerOutcome(learner.learner(), compiled, compiled.bitsOf(s.held()),
          compiled.bitsOf(s.eligible().stream().map(Eligibility::badge).toList()));
    }
    CompiledPathway.Result r = compiled.evaluate(base.get(), scratch);
    return new LearnerOutcome(learner.learner(), compiled, r.heldBits(), r.eligibleBits());
  }

  private EvaluationEngine engine() {
    EvaluationEngine e = engine;
    if (e == null) {
      synchronized (this) {
        e = engine;
        if (e == null) {
          e = new EvaluationEngine(compiled);
          engine = e;
        }
      }
    }
    return e;
  }

  /**
   * Starts an incremental state for {@code learner} on {@code asOf}, to follow badges earned or
   * expired one at a time.
   *
   * @throws IllegalArgumentException if a substitution of the record names a stacked credential (or
   *     a badge equivalent to one) as the substitute: evaluate such records with
   *     {@link #evaluate(LearnerRecord, LocalDate)} or {@link PathwayEvaluator}
   */
  public LearnerState state(LearnerRecord learner, LocalDate asOf) {
    Optional<long[]> base =
        CompiledLearnerInput.base(compiled, requireNonNull(learner, "learner"), asOf);
    checkArgument(base.isPresent(), "learner %s substitutes a stacked credential for a badge; an "
        + "incremental state cannot follow that: evaluate the record in full", learner.learner());
    return new LearnerState(learner.learner(), compiled, new CompiledState(compiled, base.get()));
  }

  /**
   * Evaluates every record of {@code learners} on {@code asOf} on all available processors and hands
   * each outcome to {@code sink}, in input order, on the calling thread.
   *
   * @return the number of learners evaluated
   */
  public long evaluateAll(Stream<LearnerRecord> learners, LocalDate asOf,
      Consumer<? super LearnerOutcome> sink) {
    return evaluateAll(learners, asOf, Runtime.getRuntime().availableProcessors(), sink);
  }

  /**
   * As {@link #evaluateAll(Stream, LocalDate, Consumer)} on {@code parallelism} worker threads. At most
   * {@code 2 * parallelism} chunks of records are in flight at once. An exception thrown by the
   * stream, an evaluation or {@code sink} stops the run and is rethrown.
   *
   * <p>A sequential stream is read on the calling thread. A {@linkplain Stream#isParallel() parallel}
   * stream whose source splits into exactly sized parts (a list, an array, a range) is split into
   * chunks that the worker threads read themselves, so that producing the records (parsing or
   * generating them) runs on all cores too; its stages must then be stateless, as for any parallel
   * stream. Outcomes reach {@code sink} in input order either way.
   *
   * @throws IllegalArgumentException if {@code parallelism < 1}
   * @throws CancellationException if the calling thread is interrupted while waiting
   */
  public long evaluateAll(Stream<LearnerRecord> learners, LocalDate asOf, int parallelism,
      Consumer<? super LearnerOutcome> sink) {
    requireNonNull(learners, "learners");
    requireNonNull(asOf, "asOf");
    requireNonNull(sink, "sink");
    checkArgument(parallelism >= 1, "parallelism must be >= 1, was %s", parallelism);
    boolean parallelSource = learners.isParallel();
    Spliterator<LearnerRecord> source = learners.spliterator();
    boolean splits = parallelSource && source.hasCharacteristics(Spliterator.SUBSIZED);
    ExecutorService pool = Executors.newFixedThreadPool(parallelism, r -> {
      Thread t = new Thread(r, "pathway-batch");
      t.setDaemon(true);
      return t;
    });
    ArrayDeque<Future<LearnerOutcome[]>> inFlight = new ArrayDeque<>();
    // Parts of the source not yet handed out, first part on top; at most log2(size) of them.
    ArrayDeque<Spliterator<LearnerRecord>> parts = new ArrayDeque<>();
    parts.push(source);
    int maxInFlight = 2 * parallelism;
    long count = 0;
    try {
      while (!parts.isEmpty()) {
        Spliterator<LearnerRecord> part = parts.pop();
        if (splits) {
          while (part.estimateSize() > CHUNK) {
            Spliterator<LearnerRecord> prefix = part.trySplit();
            if (prefix == null) {
              break;
            }
            parts.push(part);
            part = prefix;
          }
        }
        if (splits && part.estimateSize() == 0) {
          continue;
        }
        Callable<LearnerOutcome[]> task;
        if (splits && part.estimateSize() <= CHUNK) {
          Spliterator<LearnerRecord> chunk = part;
          task = () -> evaluateChunk(chunk, asOf);
        } else {
          // Read here: a part that does not split (or its size is unknown) is consumed in order.
          List<LearnerRecord> chunk = new ArrayList<>(CHUNK);
          while (chunk.size() < CHUNK && part.tryAdvance(chunk::add)) {
            // tryAdvance added the record
          }
          if (chunk.isEmpty()) {
            continue;
          }
          parts.push(part);
          task = () -> evaluateChunk(chunk.spliterator(), asOf);
        }
        inFlight.add(pool.submit(task));
        if (inFlight.size() >= maxInFlight) {
          count += deliver(inFlight.poll(), sink);
        }
      }
      while (!inFlight.isEmpty()) {
        count += deliver(inFlight.poll(), sink);
      }
      return count;
    } finally {
      inFlight.forEach(f -> f.cancel(true));
      pool.shutdownNow();
    }
  }

  private LearnerOutcome[] evaluateChunk(Spliterator<LearnerRecord> chunk, LocalDate asOf) {
    CompiledPathway.Scratch s = scratch.get();
    List<LearnerOutcome> out = new ArrayList<>(CHUNK);
    chunk.forEachRemaining(r -> out.add(evaluate(requireNonNull(r, "learner record"), asOf, s)));
    return out.toArray(new LearnerOutcome[0]);
  }

  private static int deliver(Future<LearnerOutcome[]> f, Consumer<? super LearnerOutcome> sink) {
    LearnerOutcome[] outcomes;
    try {
      outcomes = f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("batch evaluation interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException("batch evaluation failed", cause);
    }
    for (LearnerOutcome o : outcomes) {
      sink.accept(o);
    }
    return outcomes.length;
  }
}
