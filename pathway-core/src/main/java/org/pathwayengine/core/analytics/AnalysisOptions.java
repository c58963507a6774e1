package org.pathwayengine.core.analytics;

import static com.google.common.base.Preconditions.checkArgument;
import static com.google.common.base.Preconditions.checkNotNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How {@link CurriculumAnalytics} analyses a pathway.
 *
 * <pre>{@code
 * AnalysisOptions o = AnalysisOptions.defaults().withQuarterSystem(true).withTerms(termOfBadge);
 * }</pre>
 *
 * @param quarterSystem whether terms are quarters: each complexity becomes round(2/3 h, 1 decimal)
 * @param terms the term (1-based) of each badge in a degree plan; empty for a curriculum, in which case
 *     no degree-plan metrics are computed
 * @param windowColumns the bitset width for blocking factors and redundant requisites: memory is
 *     n * ⌈windowColumns/64⌉ longs for n badges (see {@link BlockingFactor#computeChunked})
 */
public record AnalysisOptions(boolean quarterSystem, Map<String, Integer> terms, int windowColumns) {
  /** Checks and copies the arguments (keeping the map's order). */
  public AnalysisOptions {
    checkNotNull(terms, "terms");
    terms.forEach((badge, term) -> {
      checkNotNull(badge, "badge id in terms");
      checkNotNull(term, "term of badge %s", badge);
      checkArgument(term >= 1, "term of badge %s must be >= 1, was %s", badge, term);
    });
    terms = Collections.unmodifiableMap(new LinkedHashMap<>(terms));
    checkArgument(windowColumns >= 1, "windowColumns must be >= 1, was %s", windowColumns);
  }

  /** Semester system, no degree plan, bitset windows of 8192 badges (64 MB at 65 536 badges). */
  public static AnalysisOptions defaults() {
    return new AnalysisOptions(false, Map.of(), BlockingFactor.DEFAULT_WINDOW);
  }

  /** These options on a quarter system, or not. */
  public AnalysisOptions withQuarterSystem(boolean quarter) {
    return new AnalysisOptions(quarter, terms, windowColumns);
  }

  /** These options with a degree plan: the term of each badge in it. */
  public AnalysisOptions withTerms(Map<String, Integer> termOfBadge) {
    return new AnalysisOptions(quarterSystem, termOfBadge, windowColumns);
  }

  /** These options with another bitset width. */
  public AnalysisOptions withWindowColumns(int columns) {
    return new AnalysisOptions(quarterSystem, terms, columns);
  }
}
