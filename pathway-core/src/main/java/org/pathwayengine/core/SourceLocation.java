package org.pathwayengine.core;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * A place in a file: its name as the user gave it, and a 1-based line and column.
 *
 * @param file the file name as the user gave it; never null
 * @param line 1-based line
 * @param column 1-based column
 */
public record SourceLocation(String file, int line, int column) {
  /** Checks the arguments. */
  public SourceLocation {
    requireNonNull(file, "file");
    checkArgument(line >= 1, "line must be >= 1, was %s", line);
    checkArgument(column >= 1, "column must be >= 1, was %s", column);
  }

  /** {@code file:line:column}, the way compilers print a place. */
  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
