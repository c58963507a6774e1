package org.pathwayengine.core.analytics;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.math.BigInteger;

/**
 * The CurricularAnalytics metrics of one vertex (SPEC section 10).
 *
 * @param blockingFactor the number of vertices reachable from this one
 * @param delayFactor the number of vertices on the longest source-to-sink path through this one; 1 for
 *     a vertex on no path
 * @param centrality the sum of the vertex counts of the source-to-sink paths with at least 3 vertices
 *     that contain this one neither first nor last; exact, however many paths there are
 */
public record VertexMetrics(int blockingFactor, int delayFactor, BigInteger centrality) {
  /** Checks the arguments. */
  public VertexMetrics {
    checkArgument(blockingFactor >= 0, "blockingFactor must be >= 0, was %s", blockingFactor);
    checkArgument(delayFactor >= 1, "delayFactor must be >= 1, was %s", delayFactor);
    requireNonNull(centrality, "centrality");
    checkArgument(centrality.signum() >= 0, "centrality must be >= 0, was %s", centrality);
  }

  /** The structural complexity on a semester system: delay factor plus blocking factor. */
  public int complexity() {
    return delayFactor + blockingFactor;
  }
}
