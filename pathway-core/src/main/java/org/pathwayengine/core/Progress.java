package org.pathwayengine.core;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * How far a learner is from a stacked credential (SPEC section 4).
 *
 * @param credential the stacked credential's id
 * @param complete whether it is held
 * @param remaining the cheapest set of further badges (their own unmet prerequisites included) whose
 *     earning would complete it, sorted; empty when complete or when it cannot be completed
 * @param reachable whether it can still be completed at all
 * @param cost the cost of {@code remaining} in the measure asked for
 * @param optimal whether {@code remaining} is proven minimal (the search finished within its budget)
 */
public record Progress(String credential, boolean complete, List<String> remaining,
    boolean reachable, double cost, boolean optimal) {
  /** Checks and copies the arguments. */
  public Progress {
    requireNonNull(credential, "credential");
    remaining = List.copyOf(remaining);
  }
}
