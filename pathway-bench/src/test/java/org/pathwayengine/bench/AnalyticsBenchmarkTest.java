package org.pathwayengine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.analytics.BadgeMetrics;
import org.pathwayengine.core.analytics.CurriculumReport;

/** Runs the benchmark's generator and every benchmark method at a tiny size. */
class AnalyticsBenchmarkTest {

  @Test
  void generatorIsDeterministicAndLayered() {
    Pathway a = AnalyticsPathways.layered(5, 4, 7);
    assertEquals(a, AnalyticsPathways.layered(5, 4, 7));
    assertEquals(20, a.badges().size());
    // 16 badges below the first level, 4 prerequisites each, plus a few co-requisites.
    int edges = a.dependencyGraph().edgeSet().size();
    assertTrue(edges >= 16 * 4 && edges <= 16 * 5, "edges: " + edges);
  }

  @Test
  void benchmarkMethodsAgreeWithTheBaseline() {
    AnalyticsBenchmark bench = new AnalyticsBenchmark();
    bench.levels = 45;
    bench.width = 6;
    bench.setUp();
    Map<String, Integer> bfs = bench.baselineBlockingFactorBfs();
    assertEquals(bfs, bench.blockingFactorBitsets());
    assertEquals(bfs, bench.blockingFactorChunked());
    CurriculumReport r = bench.analyzePathway();
    assertEquals(45 * 6, r.badges().size());
    for (BadgeMetrics m : r.badges()) {
      assertEquals(bfs.get(m.badge()), m.blockingFactor(), m.badge());
    }
    assertEquals(45, r.longestPath().size());
    // Every badge below the first level has 3 distinct parents on the level above: >= 3^44 paths,
    // more than a long holds.
    assertTrue(r.pathCount().compareTo(BigInteger.valueOf(3).pow(44)) >= 0);
    assertTrue(r.pathCount().bitLength() > 64);
    assertEquals(r.totalCentrality(), bench.graphMetrics().totalCentrality());
  }
}
