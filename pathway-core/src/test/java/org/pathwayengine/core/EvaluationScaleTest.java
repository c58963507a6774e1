package org.pathwayengine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Long chains must evaluate without deep recursion (no stack overflow) and in linear time. */
class EvaluationScaleTest {
  private static final int N = 100_000;
  private static final LocalDate ON = LocalDate.of(2026, 1, 1);

  @Test
  void aPrerequisiteChainOf100000BadgesEvaluates() {
    Pathway.Builder b = Pathway.builder("chain", "1");
    b.badge(Badge.builder("b0", "B0").build());
    for (int i = 1; i < N; i++) {
      b.badge(Badge.builder("b" + i, "B" + i).requires("b" + (i - 1)).build());
    }
    LearnerRecord.Builder r = LearnerRecord.builder("l");
    for (int i = 0; i < N / 2; i++) {
      r.earned("b" + i, ON.minusDays(1));
    }
    LearnerStatus s = PathwayEvaluator.of(b.build()).evaluate(r.build(), ON);
    assertEquals(N / 2, s.held().size());
    assertEquals(List.of(new Eligibility("b" + N / 2, List.of())), s.eligible());
  }

  @Test
  void aChainOf100000CredentialsStackedOnCredentialsIsAwardedInDependencyOrder() {
    Pathway.Builder b = Pathway.builder("stacks", "1");
    // Declared top-down, so that only a dependency order (not file order) awards them in one pass.
    for (int i = N - 1; i >= 1; i--) {
      b.badge(Badge.builder("c" + i, "C" + i).stack(Requirement.badge("c" + (i - 1))).build());
    }
    b.badge(Badge.builder("c0", "C0").stack(Requirement.badge("base")).build());
    b.badge(Badge.builder("base", "Base").build());
    PathwayEvaluator evaluator = PathwayEvaluator.of(b.build());
    LearnerRecord learner = LearnerRecord.builder("l").earned("base", ON.minusDays(1)).build();
    LearnerStatus s = evaluator.evaluate(learner, ON);
    assertEquals(N + 1, s.held().size());
    assertTrue(s.isHeld("c" + (N - 1)));
    assertEquals(N, s.progress().size());
    assertTrue(s.progress().stream().allMatch(Progress::complete));
    assertTrue(evaluator.explain(learner, ON, "c" + (N - 1)).held());
    assertFalse(evaluator.explain(LearnerRecord.builder("none").build(), ON, "c" + (N - 1)).held());
  }
}
