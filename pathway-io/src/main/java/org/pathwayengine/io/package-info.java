/**
 * Pathway files and learner records in YAML and JSON (SPEC sections 2, 6 and 7): {@link
 * org.pathwayengine.io.PathwayFiles} reads them, reporting every problem with its file, line and
 * column, within {@link org.pathwayengine.io.ReadLimits}, and writes them canonically. JSON Schemas
 * for both kinds of file are resources in {@code org/pathwayengine/io/schema/}. Jackson is used inside
 * this module only; no Jackson type appears in its API.
 */
package org.pathwayengine.io;
