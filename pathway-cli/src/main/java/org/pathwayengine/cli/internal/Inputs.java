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

  /** Reads a learner record. */
  ReadResult<LearnerRecord> learner(Path file, LearnerFormat format);
}
