/**
 * Curriculum analytics: the CurricularAnalytics metrics (Heileman et al.) of a pathway's dependency
 * graph — blocking factor, delay factor, centrality, complexity, the longest path, redundant
 * requisites — and degree-plan metrics (requisite distance, credits per term).
 *
 * <p>Every metric is computed over a topological order, by dynamic programming or with bitsets; no
 * algorithm here enumerates paths, so the cost stays polynomial where the number of paths explodes.
 * Path counts and centralities are exact ({@link java.math.BigInteger}). The algorithms work on any
 * acyclic JGraphT graph ({@link org.pathwayengine.core.analytics.GraphMetrics},
 * {@link org.pathwayengine.core.analytics.BlockingFactor},
 * {@link org.pathwayengine.core.analytics.RedundantRequisites}); {@link
 * org.pathwayengine.core.analytics.CurriculumAnalytics} applies them to a pathway. Every value is
 * immutable and every method is thread-safe. Nothing here accepts or returns {@code null}.
 */
package org.pathwayengine.core.analytics;
