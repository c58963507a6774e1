package org.pathwayengine.bench;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jgrapht.Graph;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.pathwayengine.core.Dependency;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.analytics.BlockingFactor;
import org.pathwayengine.core.analytics.CurriculumAnalytics;
import org.pathwayengine.core.analytics.CurriculumReport;
import org.pathwayengine.core.analytics.GraphMetrics;

/**
 * Curriculum analytics on a generated pathway of 10 000 badges (100 levels of 100) and about 40 000
 * edges, with more than 3^99 source-to-sink paths ({@link AnalyticsPathways#layered}).
 *
 * <p>{@code analyzePathway} is the whole report (every metric, totals, longest path, redundant
 * requisites); {@code graphMetrics} the per-badge metrics alone; {@code blockingFactor*} the bitset
 * blocking factors, all at once and in windows of 1024 badges. The baseline, measured in the same run,
 * is {@code baselineBlockingFactorBfs}: blocking factors by a breadth-first search from every badge,
 * O(n * m), the direct reading of the definition (path enumeration, CurricularAnalytics' method for
 * delay and centrality, would not finish). The dependency graph is built once in setup (a pathway
 * caches it). The baseline costs seconds per operation at 10 000 badges; {@code -p levels=10} runs
 * every method on the 10x smaller pathway (1 000 badges) for a quick comparison.
 *
 * <pre>{@code
 * java -jar pathway-bench/target/benchmarks.jar AnalyticsBenchmark -f 1 -wi 2 -i 3
 * java -jar pathway-bench/target/benchmarks.jar AnalyticsBenchmark -p levels=10 -f 1 -wi 2 -i 3
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 2)
@Measurement(iterations = 3)
public class AnalyticsBenchmark {
  /** Levels of the generated pathway. */
  @Param("100")
  public int levels = 100;

  /** Badges per level. */
  @Param("100")
  public int width = 100;

  private Pathway pathway;
  private Graph<String, Dependency> graph;

  /** Generates the pathway and its graph. */
  @Setup
  public void setUp() {
    pathway = AnalyticsPathways.layered(levels, width, 42);
    graph = pathway.dependencyGraph();
  }

  /** The whole report. */
  @Benchmark
  public CurriculumReport analyzePathway() {
    return CurriculumAnalytics.analyze(pathway);
  }

  /** Per-badge metrics, longest path and path count. */
  @Benchmark
  public GraphMetrics<String> graphMetrics() {
    return GraphMetrics.compute(graph);
  }

  /** Blocking factors, one bitset per badge over all badges. */
  @Benchmark
  public Map<String, Integer> blockingFactorBitsets() {
    return BlockingFactor.compute(graph);
  }

  /** Blocking factors in windows of 1024 badges. */
  @Benchmark
  public Map<String, Integer> blockingFactorChunked() {
    return BlockingFactor.computeChunked(graph, 1024);
  }

  /** Baseline: a breadth-first search from every badge. */
  @Benchmark
  public Map<String, Integer> baselineBlockingFactorBfs() {
    return blockingFactorsByBfs(graph);
  }

  /** Blocking factors by one breadth-first search per vertex: O(n * m). */
  static <V, E> Map<V, Integer> blockingFactorsByBfs(Graph<V, E> graph) {
    Map<V, Integer> result = new HashMap<>();
    for (V start : graph.vertexSet()) {
      Set<V> seen = new HashSet<>();
      ArrayDeque<V> queue = new ArrayDeque<>();
      queue.add(start);
      while (!queue.isEmpty()) {
        V v = queue.poll();
        for (E e : graph.outgoingEdgesOf(v)) {
          V t = graph.getEdgeTarget(e);
          if (seen.add(t)) {
            queue.add(t);
          }
        }
      }
      result.put(start, seen.size());
    }
    return result;
  }
}
