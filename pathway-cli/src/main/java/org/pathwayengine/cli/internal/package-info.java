/**
 * The subcommands of {@code pathway}, their text and JSON output, and the one class that reads inputs
 * ({@link org.pathwayengine.cli.internal.Inputs}). Free to change; not an API.
 */
package org.pathwayengine.cli.internal;
