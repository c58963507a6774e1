package org.pathwayengine.core;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

/**
 * An import of another pathway file (SPEC section 2): its badges are referenced as {@code prefix:id}.
 * The core keeps imports as declared; resolving the file is a reader's job.
 *
 * @param file the file, relative to the importing file
 * @param prefix the prefix its badges take
 */
public record PathwayImport(String file, String prefix) {
  /** Checks the arguments. */
  public PathwayImport {
    requireNonNull(file, "import file");
    requireNonNull(prefix, "import prefix");
    checkArgument(!prefix.isBlank(), "import prefix must not be blank for file '%s'", file);
  }
}
