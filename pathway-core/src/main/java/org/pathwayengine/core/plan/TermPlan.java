package org.pathwayengine.core.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * A goal plan spread over terms.
 *
 * @param terms the badges of each term, in order; each term's ids sorted
 * @param lowerBound no schedule within the capacity has fewer terms: the larger of the longest chain
 *     of prerequisites (in terms) and the total divided by the capacity, rounded up
 * @param optimal whether {@code terms} is proven to be as few as possible (it meets {@code lowerBound},
 *     or it was made by Coffman–Graham, which is optimal for two unit badges per term)
 * @param reachable whether the goal can be reached; when not, {@code terms} is empty
 * @param reason why the goal is unreachable, or empty
 */
public record TermPlan(List<List<String>> terms, int lowerBound, boolean optimal, boolean reachable,
    Optional<String> reason) {
  /** Checks and copies the arguments. */
  public TermPlan {
    terms = terms.stream().map(List::copyOf).toList();
    checkArgument(lowerBound >= 0, "lowerBound must be >= 0, was %s", lowerBound);
    requireNonNull(reason, "reason");
  }

  /** The number of terms. */
  public int termCount() {
    return terms.size();
  }
}
