package org.pathwayengine.cli.internal;

import java.nio.file.Path;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.io.ReadResult;

/**
 * The one place where the command reads its inputs, so that every command reads every format the same
 * way and tests can hand commands pathways built in Java. Implementations never throw for bad content:
 * they return problems; a file that cannot be opened at all is {@link ExitException#usage}.
 */
public interface Inputs {
  /**
   * Reads a pathway file (imports resolved) and validates it: the problems include the validator's,
   * located in the file where the reader can.
   */
  ReadResult<Pathway> pathway(Path file, InputFormat format);

  /**
   * As {@link #pathway}, for a command that uses the pathway rather than reviews it: the problems
   * need only be its errors, so the analyses that can only warn may be skipped.
   */
  default ReadResult<Pathway> pathwayForUse(Path file, InputFormat format) {
    return pathway(file, format);
  }

  /** Reads a learner record. */
  ReadResult<LearnerRecord> learner(Path file, LearnerFormat format);
}
