/**
 * Pathway and learner files: YAML and JSON, and the formats users already hold. Readers never throw for
 * bad input: they return every problem with its file, line and column.
 */
package org.pathwayengine.io;
