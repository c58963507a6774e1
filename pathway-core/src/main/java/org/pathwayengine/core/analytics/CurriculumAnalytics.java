package org.pathwayengine.core.analytics;

import static java.util.Objects.requireNonNull;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jgrapht.Graph;
import org.pathwayengine.core.Dependency;
import org.pathwayengine.core.DependencyKind;
import org.pathwayengine.core.Pathway;

/**
 * Curriculum analytics of a pathway (SPEC section 10): the CurricularAnalytics metrics (Heileman,
 * Abdallah, Slim, Hickman, "Curricular Analytics: A Framework for Quantifying the Impact of Curricular
 * Reforms and Pedagogical Innovations", 2018) over the pathway's dependency graph, where every
 * prerequisite, co-requisite and stacking edge counts, as in CurricularAnalytics.jl.
 *
 * <p>Blocking factors by bitsets ({@link BlockingFactor}); delay factors, centralities and the longest
 * path by dynamic programming over a topological order ({@link GraphMetrics}); redundant requisites by
 * {@link RedundantRequisites}; degree-plan metrics by {@link DegreePlanMetrics}. No path is enumerated:
 * time O(n + m) big-integer operations plus O((n + m) * ⌈n/64⌉) word operations for n badges and m
 * edges; memory O(n + m) plus n * ⌈window/64⌉ longs. On a quarter system each complexity h becomes
 * round(2/3 h) to one decimal, computed exactly (2h/3 is never a tie), and the total is the sum of the
 * rounded values, as CurricularAnalytics does.
 *
 * <pre>{@code
 * CurriculumReport r = CurriculumAnalytics.analyze(pathway, AnalysisOptions.defaults());
 * for (BadgeMetrics m : r.byComplexity()) {
 *   System.out.println(m.badge() + " " + m.complexity());
 * }
 * }</pre>
 */
public final class CurriculumAnalytics {
  private static final BigDecimal THREE = BigDecimal.valueOf(3);

  private CurriculumAnalytics() {}

  /**
   * Analyses a pathway on a semester system, without a degree plan.
   *
   * @throws IllegalArgumentException if the dependency graph has a cycle (validation reports it as
   *     {@code CYCLE}; analyse only pathways that validate)
   */
  public static CurriculumReport analyze(Pathway pathway) {
    return analyze(pathway, AnalysisOptions.defaults());
  }

  /**
   * Analyses a pathway.
   *
   * @param pathway the pathway
   * @param options quarter system, degree-plan terms, bitset width
   * @return the report
   * @throws IllegalArgumentException if the dependency graph has a cycle (validation reports it as
   *     {@code CYCLE}; analyse only pathways that validate)
   */
  public static CurriculumReport analyze(Pathway pathway, AnalysisOptions options) {
    requireNonNull(pathway, "pathway");
    requireNonNull(options, "options");
    Graph<String, Dependency> graph = pathway.dependencyGraph();
    IndexedDag<String> dag =
        IndexedDag.of(graph, d -> d.kind() == DependencyKind.CO_REQUISITE);
    // One sweep of descendant bitsets serves both the blocking factors and the redundant requisites.
    int[] blockingFactors = new int[dag.n];
    boolean[][] redundant = RedundantRequisites.newFlags(dag);
    Reachability.forEachWindow(dag, options.windowColumns(), (lo, hi, desc) -> {
      BlockingFactor.countWindow(hi, desc, blockingFactors);
      RedundantRequisites.flagWindow(dag, lo, hi, desc, redundant);
    });
    GraphMetrics<String> metrics = GraphMetrics.of(dag, blockingFactors);

    List<BadgeMetrics> badges = new ArrayList<>();
    long blocking = 0;
    long delay = 0;
    BigInteger centrality = BigInteger.ZERO;
    BigDecimal complexity = BigDecimal.ZERO;
    for (String id : graph.vertexSet()) { // pathway order, each id once
      VertexMetrics m = metrics.vertices().get(id);
      BigDecimal h = complexity(m.complexity(), options.quarterSystem());
      badges.add(new BadgeMetrics(id, m.blockingFactor(), m.delayFactor(), m.centrality(), h));
      blocking += m.blockingFactor();
      delay += m.delayFactor();
      centrality = centrality.add(m.centrality());
      complexity = complexity.add(h);
    }

    List<RedundantRequisite> found = new ArrayList<>();
    for (Dependency d : graph.edgeSet()) {
      if (d.kind() == DependencyKind.CO_REQUISITE) {
        continue;
      }
      int u = dag.index.get(d.from());
      int v = dag.index.get(d.to());
      if (redundant[u][Arrays.binarySearch(dag.succ[u], v)]) {
        found.add(new RedundantRequisite(d.from(), d.to(), d.kind()));
      }
    }
    found.sort(Comparator.<RedundantRequisite>comparingInt(r -> dag.index.get(r.requisite()))
        .thenComparingInt(r -> dag.index.get(r.badge()))
        .thenComparing(RedundantRequisite::kind));

    Map<String, Integer> terms = options.terms();
    Optional<DegreePlanMetrics> plan = terms.isEmpty()
        ? Optional.empty()
        : Optional.of(DegreePlanMetrics.compute(pathway, terms));
    return new CurriculumReport(badges, options.quarterSystem(), blocking, delay, centrality,
        complexity, metrics.longestPath(), metrics.pathCount(), found, plan);
  }

  /** h on a semester system; round(2h/3, 1 decimal) on a quarter system. */
  static BigDecimal complexity(int h, boolean quarter) {
    return quarter
        ? BigDecimal.valueOf(2L * h).divide(THREE, 1, RoundingMode.HALF_UP)
        : BigDecimal.valueOf(h);
  }
}
