package org.pathwayengine.core;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import org.pathwayengine.core.internal.CompiledPathway;
import org.pathwayengine.core.internal.CompiledState;

/**
 * One learner's evaluated standing that follows badges earned or expired one at a time, updating
 * held, eligible and complete badges by touching only what depends on the change (counter
 * propagation over the compiled pathway): an update costs time proportional to the expressions it
 * affects, not to the pathway's size. Always equal to a full re-evaluation of the changed record.
 *
 * <p>Start one with {@link BatchEvaluator#state(LearnerRecord, java.time.LocalDate)}. The record's dates,
 * trust, waivers and substitutions are applied once, at the start; afterwards {@link #earn(String)}
 * and {@link #expire(String)} make exactly the named badge count or stop counting. Mutable and not
 * thread-safe: one state per learner and thread; the compiled pathway behind it is shared.
 *
 * <pre>{@code
 * LearnerState alice = batch.state(aliceRecord, today);
 * alice.earn("storytelling");
 * boolean done = alice.isHeld("si-nanodegree");
 * }</pre>
 */
public final class LearnerState {
  private final String learner;
  private final CompiledPathway compiled;
  private final CompiledState state;

  LearnerState(String learner, CompiledPathway compiled, CompiledState state) {
    this.learner = learner;
    this.compiled = compiled;
    this.state = state;
  }

  /** The learner's id. */
  public String learner() {
    return learner;
  }

  /**
   * Makes {@code badge} (an id or alias) count, as if just earned.
   *
   * @return false if it already counted
   * @throws IllegalArgumentException if the pathway has no such badge
   */
  public boolean earn(String badge) {
    return state.set(index(badge), true);
  }

  /**
   * Makes {@code badge} (an id or alias) stop counting, as when its award expires. A badge held
   * through an equivalent or a stack rule may stay held.
   *
   * @return false if it did not count
   * @throws IllegalArgumentException if the pathway has no such badge
   */
  public boolean expire(String badge) {
    return state.set(index(badge), false);
  }

  /** Whether {@code badge} (an id or alias) counts by itself (earned, waived or substituted). */
  public boolean counts(String badge) {
    return state.counts(index(badge));
  }

  /** Whether {@code badge} is held (by itself, an equivalent or its stack rule). */
  public boolean isHeld(String badge) {
    return state.isHeld(index(badge));
  }

  /** Whether {@code badge} can be started now. */
  public boolean isEligible(String badge) {
    return state.isEligible(index(badge));
  }

  /** Whether the stacked credential {@code credential} is complete (held). */
  public boolean isComplete(String credential) {
    int b = index(credential);
    return compiled.isStacked(b) && state.isHeld(b);
  }

  /** A snapshot of held, eligible and complete badges now. */
  public LearnerOutcome outcome() {
    CompiledPathway.Result r = state.result();
    return new LearnerOutcome(learner, compiled, r.heldBits(), r.eligibleBits());
  }

  private int index(String badge) {
    requireNonNull(badge, "badge");
    int b = compiled.indexOf(badge);
    checkArgument(b >= 0, "pathway %s has no badge or alias '%s'", compiled.pathway().id(), badge);
    return b;
  }

  @Override
  public String toString() {
    return "LearnerState[" + learner + "]";
  }
}
