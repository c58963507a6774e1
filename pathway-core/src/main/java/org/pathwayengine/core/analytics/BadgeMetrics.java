package org.pathwayengine.core.analytics;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;

/**
 * The CurricularAnalytics metrics of one badge of a pathway (SPEC section 10).
 *
 * @param badge the badge id
 * @param blockingFactor the number of badges reachable from this one
 * @param delayFactor the number of badges on the longest source-to-sink path through this one; 1 for a
 *     badge on no path
 * @param centrality the sum of the vertex counts of the source-to-sink paths of at least 3 badges that
 *     contain this one neither first nor last; exact
 * @param complexity delay factor plus blocking factor (scale 0); on a quarter system 2/3 of that,
 *     rounded half up to one decimal (scale 1)
 */
public record BadgeMetrics(String badge, int blockingFactor, int delayFactor, BigInteger centrality,
    BigDecimal complexity) {
  /** Checks the arguments. */
  public BadgeMetrics {
    requireNonNull(badge, "badge");
    checkArgument(blockingFactor >= 0, "blockingFactor of %s must be >= 0, was %s", badge,
        blockingFactor);
    checkArgument(delayFactor >= 1, "delayFactor of %s must be >= 1, was %s", badge, delayFactor);
    requireNonNull(centrality, "centrality");
    requireNonNull(complexity, "complexity");
  }
}
