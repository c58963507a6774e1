package org.pathwayengine.core.analytics;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Dependency;
import org.pathwayengine.core.DependencyKind;
import org.pathwayengine.core.Pathway;

/**
 * Metrics of a degree plan, as CurricularAnalytics defines them ({@code requisite_distance},
 * {@code basic_metrics}): how far apart requisites are scheduled, and how credits spread over terms.
 *
 * <p>The requisite distance of a badge is the sum, over its distinct prerequisites and co-requisites
 * that have a term, of its term minus theirs. Terms run from 1 to the last term used; a term without
 * badges has 0 credits. A badge without credits counts 0. The standard deviation is the population
 * one, {@code sqrt(Σ (c_i - mean)² / terms)}.
 *
 * @param requisiteDistance the requisite distance of each badge that has a term, in pathway order
 * @param totalRequisiteDistance the sum of the requisite distances
 * @param creditsPerTerm the credits of term 1, 2, ... up to the last term used
 * @param meanCredits the mean credits per term
 * @param minCredits the fewest credits in a term
 * @param minCreditTerm the earliest term with the fewest credits
 * @param maxCredits the most credits in a term
 * @param maxCreditTerm the earliest term with the most credits
 * @param creditStandardDeviation the population standard deviation of the credits per term
 */
public record DegreePlanMetrics(
    Map<String, Integer> requisiteDistance,
    long totalRequisiteDistance,
    List<Double> creditsPerTerm,
    double meanCredits,
    double minCredits,
    int minCreditTerm,
    double maxCredits,
    int maxCreditTerm,
    double creditStandardDeviation) {

  /** Checks and copies the arguments. */
  public DegreePlanMetrics {
    requisiteDistance = Collections.unmodifiableMap(
        new LinkedHashMap<>(requireNonNull(requisiteDistance, "requisiteDistance")));
    creditsPerTerm = List.copyOf(creditsPerTerm);
    checkArgument(!creditsPerTerm.isEmpty(), "a degree plan has at least one term");
  }

  /** The number of terms: the last term used. */
  public int termCount() {
    return creditsPerTerm.size();
  }

  /**
   * Computes the metrics of a plan of {@code pathway}.
   *
   * @param pathway the pathway
   * @param terms the term (at least 1) of each planned badge; badges not in the map are not planned
   * @return the metrics
   * @throws IllegalArgumentException if {@code terms} is empty or holds a term below 1
   */
  public static DegreePlanMetrics compute(Pathway pathway, Map<String, Integer> terms) {
    requireNonNull(pathway, "pathway");
    requireNonNull(terms, "terms");
    checkArgument(!terms.isEmpty(), "a degree plan needs the term of at least one badge");
    int last = 0;
    for (Map.Entry<String, Integer> e : terms.entrySet()) {
      checkArgument(e.getValue() != null && e.getValue() >= 1, "term of badge %s must be >= 1, was %s",
          e.getKey(), e.getValue());
      last = Math.max(last, e.getValue());
    }
    var graph = pathway.dependencyGraph();
    Map<String, Integer> distance = new LinkedHashMap<>();
    long total = 0;
    double[] credits = new double[last];
    Set<String> seen = new LinkedHashSet<>();
    for (Badge b : pathway.badges()) {
      Integer term = terms.get(b.id());
      if (term == null || !seen.add(b.id())) {
        continue;
      }
      credits[term - 1] += b.credits().orElse(0);
      Set<String> requisites = new LinkedHashSet<>();
      for (Dependency d : graph.incomingEdgesOf(b.id())) {
        if (d.kind() != DependencyKind.STACKING && terms.containsKey(d.from())) {
          requisites.add(d.from());
        }
      }
      int sum = 0;
      for (String r : requisites) {
        sum += term - terms.get(r);
      }
      distance.put(b.id(), sum);
      total += sum;
    }
    List<Double> perTerm = new ArrayList<>();
    double sum = 0;
    int minTerm = 1;
    int maxTerm = 1;
    for (int t = 0; t < last; t++) {
      perTerm.add(credits[t]);
      sum += credits[t];
      if (credits[t] < credits[minTerm - 1]) {
        minTerm = t + 1;
      }
      if (credits[t] > credits[maxTerm - 1]) {
        maxTerm = t + 1;
      }
    }
    double mean = sum / last;
    double squares = 0;
    for (double c : credits) {
      squares += (c - mean) * (c - mean);
    }
    return new DegreePlanMetrics(distance, total, perTerm, mean, credits[minTerm - 1], minTerm,
        credits[maxTerm - 1], maxTerm, Math.sqrt(squares / last));
  }
}
