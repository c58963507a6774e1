package org.pathwayengine.core;

import java.util.List;
import org.pathwayengine.core.internal.CompiledPathway;

/**
 * What one learner holds, can start and has completed at a date, as computed by
 * {@link BatchEvaluator} or {@link LearnerState}: the fast, explanation-free subset of a
 * {@link LearnerStatus}.
 *
 * <p>Held compactly as bitsets over the pathway's badges; the id lists are built on demand and are
 * sorted. Immutable and thread-safe.
 */
public final class LearnerOutcome {
  private final String learner;
  private final CompiledPathway cp;
  private final long[] held;
  private final long[] eligible;

  LearnerOutcome(String learner, CompiledPathway cp, long[] held, long[] eligible) {
    this.learner = learner;
    this.cp = cp;
    this.held = held;
    this.eligible = eligible;
  }

  /** The learner's id, as in the record. */
  public String learner() {
    return learner;
  }

  /** The badges held, stacked credentials included, sorted. */
  public List<String> held() {
    return cp.idsOf(held);
  }

  /** The badges the learner can start now (not held, prerequisites held, no stack rule), sorted. */
  public List<String> eligible() {
    return cp.idsOf(eligible);
  }

  /** The stacked credentials held (complete), sorted. */
  public List<String> complete() {
    long[] stacked = cp.stackedBits();
    long[] bits = new long[held.length];
    for (int w = 0; w < bits.length; w++) {
      bits[w] = held[w] & stacked[w];
    }
    return cp.idsOf(bits);
  }

  /** How many badges are held. */
  public int heldCount() {
    int n = 0;
    for (long w : held) {
      n += Long.bitCount(w);
    }
    return n;
  }

  /** How many badges the learner can start now. */
  public int eligibleCount() {
    int n = 0;
    for (long w : eligible) {
      n += Long.bitCount(w);
    }
    return n;
  }

  /** Whether {@code badge} (an id or alias) is held; false for names the pathway does not have. */
  public boolean isHeld(String badge) {
    return test(held, badge);
  }

  /** Whether {@code badge} (an id or alias) can be started now. */
  public boolean isEligible(String badge) {
    return test(eligible, badge);
  }

  private boolean test(long[] bits, String badge) {
    int b = cp.indexOf(badge);
    return b >= 0 && (bits[b >>> 6] & (1L << b)) != 0;
  }

  @Override
  public String toString() {
    return "LearnerOutcome[" + learner + ", held=" + held() + ", eligible=" + eligible() + "]";
  }
}
