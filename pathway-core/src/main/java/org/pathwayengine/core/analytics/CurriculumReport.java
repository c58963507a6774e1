package org.pathwayengine.core.analytics;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@link CurriculumAnalytics} found in a pathway: the metrics of every badge, their totals, one
 * longest path, the redundant requisites and, for a degree plan, its plan metrics (SPEC section 10).
 *
 * @param badges the metrics of every badge, in pathway order (a duplicated id once)
 * @param quarterSystem whether complexities were scaled for a quarter system
 * @param totalBlockingFactor the sum of the blocking factors
 * @param totalDelayFactor the sum of the delay factors
 * @param totalCentrality the sum of the centralities
 * @param totalComplexity the sum of the (rounded, on a quarter system) complexities
 * @param longestPath one longest source-to-sink path, empty when the pathway has no dependency
 * @param pathCount the number of source-to-sink paths
 * @param redundantRequisites requisites implied by another path, ordered along a topological order
 * @param degreePlan the degree-plan metrics, when terms were given
 */
public record CurriculumReport(
    List<BadgeMetrics> badges,
    boolean quarterSystem,
    long totalBlockingFactor,
    long totalDelayFactor,
    BigInteger totalCentrality,
    BigDecimal totalComplexity,
    List<String> longestPath,
    BigInteger pathCount,
    List<RedundantRequisite> redundantRequisites,
    Optional<DegreePlanMetrics> degreePlan) {

  /** Checks and copies the arguments. */
  public CurriculumReport {
    badges = List.copyOf(badges);
    requireNonNull(totalCentrality, "totalCentrality");
    requireNonNull(totalComplexity, "totalComplexity");
    longestPath = List.copyOf(longestPath);
    requireNonNull(pathCount, "pathCount");
    redundantRequisites = List.copyOf(redundantRequisites);
    requireNonNull(degreePlan, "degreePlan");
  }

  /** The metrics of one badge; a linear search, see {@link #byBadge()} for many look-ups. */
  public Optional<BadgeMetrics> badge(String badgeId) {
    requireNonNull(badgeId, "badgeId");
    return badges.stream().filter(b -> b.badge().equals(badgeId)).findFirst();
  }

  /** The metrics by badge id, in pathway order: a new unmodifiable map, built in O(n). */
  public Map<String, BadgeMetrics> byBadge() {
    Map<String, BadgeMetrics> m = new LinkedHashMap<>();
    badges.forEach(b -> m.put(b.badge(), b));
    return Collections.unmodifiableMap(m);
  }

  /**
   * The badges from the most complex down, ties broken by blocking factor (higher first), then by id:
   * the order of a table for curriculum designers.
   */
  public List<BadgeMetrics> byComplexity() {
    return badges.stream()
        .sorted(Comparator.comparing(BadgeMetrics::complexity).reversed()
            .thenComparing(Comparator.comparingInt(BadgeMetrics::blockingFactor).reversed())
            .thenComparing(BadgeMetrics::badge))
        .toList();
  }
}
