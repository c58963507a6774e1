package org.pathwayengine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The batch evaluator shared by many threads, and the incremental learner state it starts. */
class BatchEvaluatorTest {
  private static final Pathway PATHWAY = CompiledFixtures.randomPathway(42, 40);

  private static List<LearnerRecord> learners(int count) {
    List<LearnerRecord> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Set<String> base = CompiledFixtures.randomBase(PATHWAY, i);
      out.add(CompiledFixtures.recordOf("learner-" + i, base));
    }
    return out;
  }

  private static String summary(LearnerOutcome o) {
    return o.learner() + " " + o.held() + " " + o.eligible() + " " + o.complete();
  }

  @Test
  void eightThreadsAtOnceAgreeWithOneThread() throws Exception {
    BatchEvaluator batch = BatchEvaluator.of(PATHWAY);
    List<LearnerRecord> records = learners(400);
    List<String> expected = new ArrayList<>();
    for (LearnerRecord r : records) {
      expected.add(summary(batch.evaluate(r, CompiledFixtures.TODAY)));
    }
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<List<String>>> jobs = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        int offset = t * 50;
        jobs.add(() -> {
          List<String> out = new ArrayList<>();
          // Each thread starts at a different learner so that the threads interleave.
          for (int i = 0; i < records.size(); i++) {
            out.add(summary(batch.evaluate(records.get((i + offset) % records.size()),
                CompiledFixtures.TODAY)));
          }
          return out;
        });
      }
      List<Future<List<String>>> results = pool.invokeAll(jobs);
      for (int t = 0; t < 8; t++) {
        List<String> got = results.get(t).get();
        for (int i = 0; i < records.size(); i++) {
          assertEquals(expected.get((i + t * 50) % records.size()), got.get(i));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    // Sanity: the fixture exercises the interesting cases.
    assertTrue(expected.stream().anyMatch(s -> !s.endsWith("[]")), "some credential completes");
  }

  @Test
  void evaluateAllOnEightWorkersStreamsOutcomesInInputOrder() {
    BatchEvaluator batch = BatchEvaluator.of(PATHWAY);
    List<LearnerRecord> records = learners(1500);
    List<String> single = new ArrayList<>();
    for (LearnerRecord r : records) {
      single.add(summary(batch.evaluate(r, CompiledFixtures.TODAY)));
    }
    List<String> parallel = new ArrayList<>();
    long n = batch.evaluateAll(records.stream(), CompiledFixtures.TODAY, 8,
        o -> parallel.add(summary(o)));
    assertEquals(1500, n);
    assertEquals(single, parallel);
    // Two workers keep at most four chunks (1 024 records) in flight: the bound is exercised.
    List<String> two = new ArrayList<>();
    batch.evaluateAll(records.stream(), CompiledFixtures.TODAY, 2, o -> two.add(summary(o)));
    assertEquals(single, two);
    List<String> defaults = new ArrayList<>();
    batch.evaluateAll(records.stream().limit(10), CompiledFixtures.TODAY, o -> defaults.add(summary(o)));
    assertEquals(single.subList(0, 10), defaults);
    assertEquals(0, batch.evaluateAll(Stream.empty(), CompiledFixtures.TODAY, 2, o -> { }));
  }

  @Test
  void parallelStreamsAreSplitAcrossWorkersAndStillDeliveredInInputOrder() {
    BatchEvaluator batch = BatchEvaluator.of(PATHWAY);
    List<LearnerRecord> records = learners(1500);
    List<String> single = new ArrayList<>();
    for (LearnerRecord r : records) {
      single.add(summary(batch.evaluate(r, CompiledFixtures.TODAY)));
    }
    Set<String> producers = java.util.concurrent.ConcurrentHashMap.newKeySet();
    Stream<LearnerRecord> generated = IntStream.range(0, 1500).parallel().mapToObj(i -> {
      producers.add(Thread.currentThread().getName());
      return records.get(i);
    });
    List<String> got = new ArrayList<>();
    assertEquals(1500, batch.evaluateAll(generated, CompiledFixtures.TODAY, 2, o -> got.add(summary(o))));
    assertEquals(single, got);
    // The records were produced by the workers, not by the calling thread.
    assertEquals(Set.of("pathway-batch"), producers);
    // A parallel list, a parallel stream of unknown size (read in order here) and a tiny one.
    for (Stream<LearnerRecord> s : List.of(records.parallelStream(),
        records.parallelStream().filter(r -> true), records.parallelStream().limit(3))) {
      List<String> out = new ArrayList<>();
      batch.evaluateAll(s, CompiledFixtures.TODAY, 3, o -> out.add(summary(o)));
      assertEquals(single.subList(0, out.size()), out);
      assertTrue(out.size() == 1500 || out.size() == 3, "size " + out.size());
    }
    Stream<LearnerRecord> withNull = IntStream.range(0, 600).parallel()
        .mapToObj(i -> i == 555 ? null : records.get(i));
    assertThrows(NullPointerException.class,
        () -> batch.evaluateAll(withNull, CompiledFixtures.TODAY, 2, o -> { }));
  }

  @Test
  void failuresStopTheRunAndAreRethrown() {
    BatchEvaluator batch = BatchEvaluator.of(PATHWAY);
    IllegalStateException boom = new IllegalStateException("sink failed");
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> batch.evaluateAll(learners(600).stream(), CompiledFixtures.TODAY, 2, o -> {
          throw boom;
        }));
    assertSame(boom, e);
    Stream<LearnerRecord> withNull = IntStream.range(0, 3)
        .mapToObj(i -> i == 1 ? null : learners(1).get(0));
    assertThrows(NullPointerException.class,
        () -> batch.evaluateAll(withNull, CompiledFixtures.TODAY, 2, o -> { }));
    assertThrows(IllegalArgumentException.class,
        () -> batch.evaluateAll(Stream.empty(), CompiledFixtures.TODAY, 0, o -> { }));
  }

  @Test
  void learnerStateFollowsEarnedAndExpiredBadges() {
    Pathway p = Pathway.builder("p", "1")
        .badge(Badge.builder("a", "A").aliases("urn:a").build())
        .badge(Badge.builder("b", "B").requires("a").build())
        .badge(Badge.builder("s", "S").stack(Requirement.allOf(Requirement.badges("a", "b"))).build())
        .build();
    LearnerState st = BatchEvaluator.of(p)
        .state(CompiledFixtures.recordOf("kim", Set.of()), CompiledFixtures.TODAY);
    assertEquals("kim", st.learner());
    assertEquals(List.of("a"), st.outcome().eligible());
    assertTrue(st.earn("urn:a"));
    assertFalse(st.earn("a"));
    assertTrue(st.counts("a"));
    assertTrue(st.isEligible("b"));
    assertTrue(st.earn("b"));
    assertTrue(st.isComplete("s"));
    assertFalse(st.isComplete("a"));
    assertEquals(List.of("s"), st.outcome().complete());
    assertTrue(st.expire("a"));
    assertFalse(st.expire("a"));
    assertFalse(st.isComplete("s"));
    assertEquals(List.of("a"), st.outcome().eligible());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> st.earn("zzz"));
    assertTrue(e.getMessage().contains("zzz"), e.getMessage());
  }
}
