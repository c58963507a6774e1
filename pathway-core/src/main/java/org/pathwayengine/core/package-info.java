/**
 * The pathway model and its semantics: badges, requirement expressions, learner records, evaluation,
 * explanations, scenarios and validation. Every type here is immutable and null-hostile unless its
 * javadoc says otherwise; the core knows nothing of file formats.
 */
package org.pathwayengine.core;
