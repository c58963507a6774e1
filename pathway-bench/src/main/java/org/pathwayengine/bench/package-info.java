/**
 * JMH benchmarks of the pathway engine and the seeded generator of synthetic pathways and learners
 * they run on ({@link org.pathwayengine.bench.SyntheticPathways}). Every benchmark measures a baseline
 * in the same run and reports its ratio; {@code docs/PERFORMANCE.md} has the results and the command
 * that reproduces them.
 */
package org.pathwayengine.bench;
