package org.pathwayengine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Large pathways: no stack overflow, linear time. Wall and CPU times are printed; the bound is on the
 * validating thread's CPU time, generous, so that a loaded CI machine stays green.
 */
class PathwayValidatorScaleTest {
  private static final int N = 100_000;
  /** Far above the measured CPU time (well under a second once warm). */
  private static final long CPU_LIMIT_MILLIS = 10_000;

  private static List<Problem> timed(String what, Pathway p) {
    var mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long start = System.nanoTime();
    long cpuStart = mx.getCurrentThreadCpuTime();
    List<Problem> problems = PathwayValidator.validate(p);
    long millis = (System.nanoTime() - start) / 1_000_000;
    long cpu = (mx.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
    System.out.println("validate " + what + ": " + millis + " ms (" + cpu + " ms cpu), " + problems.size() + " problems");
    assertTrue(cpu < CPU_LIMIT_MILLIS, what + " took " + cpu + " ms of CPU");
    return problems;
  }

  private static Pathway chain(int n, boolean reversed, String firstRequires) {
    Pathway.Builder p = Pathway.builder("chain", "1");
    List<Badge> badges = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Badge.Builder b = Badge.builder("b" + i, "Badge " + i);
      if (i > 0) {
        b.requires("b" + (i - 1));
      } else if (firstRequires != null) {
        b.requires(firstRequires);
      }
      badges.add(b.build());
    }
    if (reversed) {
      java.util.Collections.reverse(badges);
    }
    return p.badges(badges).build();
  }

  @Test
  void chainOf100000BadgesIsValid() {
    assertEquals(List.of(), timed("chain", chain(N, false, null)));
    assertEquals(List.of(), timed("reversed chain", chain(N, true, null)));
  }

  @Test
  void chainFromAnUnknownBadgeMakesEveryBadgeUnsatisfiable() {
    List<Problem> problems = timed("chain from ghost", chain(N, true, "ghost"));
    assertEquals(N + 1, problems.size());
    assertEquals(N, problems.stream().filter(x -> x.code() == ProblemCode.UNSATISFIABLE).count());
    Problem unknown = problems.stream().filter(x -> x.code() == ProblemCode.UNKNOWN_BADGE)
        .findFirst().orElseThrow();
    assertEquals(new ModelPointer(N - 1, "requires", List.of()), unknown.pointer().orElseThrow());
  }

  @Test
  void cycleOf100000BadgesIsOneCycle() {
    List<Problem> problems = timed("ring", chain(N, false, "b" + (N - 1)));
    List<Problem> cycles = problems.stream().filter(x -> x.code() == ProblemCode.CYCLE).toList();
    assertEquals(1, cycles.size());
    assertEquals(N, cycles.get(0).cycle().size());
    assertEquals("b0", cycles.get(0).cycle().get(0));
    assertEquals("b1", cycles.get(0).cycle().get(1));
    // and every badge of the ring is unattainable
    assertEquals(N, problems.stream().filter(x -> x.code() == ProblemCode.UNSATISFIABLE).count());
  }

  @Test
  void randomLayered100000BadgesValidateQuickly() {
    Random random = new Random(42);
    Pathway.Builder p = Pathway.builder("random", "1");
    for (int i = 0; i < N; i++) {
      boolean stacked = i % 500 == 499;
      Badge.Builder b = Badge.builder("b" + i, "Badge " + i).credits(1);
      if (!stacked) {
        b.tags("t" + (i % 100));
      }
      if (i < 100) {
        b.tags("base");
      }
      if (i >= 10) {
        List<Requirement> pre = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
          pre.add(Requirement.badge("b" + (i - 1 - random.nextInt(Math.min(i, 1000)))));
        }
        b.requires(i % 7 == 0 ? Requirement.atLeast(2, pre) : Requirement.allOf(pre));
      }
      if (stacked) {
        b.stack(Requirement.anyOf(Requirement.credits(3, List.of("b" + (i - 1), "b" + (i - 2),
            "b" + (i - 3))), Requirement.atLeastTagged(2, "base")));
      }
      p.badge(b.build());
    }
    Pathway pathway = p.build();
    List<Problem> problems = timed("random", pathway);
    assertEquals(List.of(), problems.stream().filter(Problem::isError).toList());
    // the random prerequisites imply one another now and then
    assertTrue(problems.stream().allMatch(x -> x.code() == ProblemCode.REDUNDANT_PREREQUISITE));
  }
}
