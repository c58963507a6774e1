package org.pathwayengine.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.io.ReadResult;

/** Reads inputs from files with the readers of pathway-io. */
public final class FileInputs implements Inputs {

  @Override
  public ReadResult<Pathway> pathway(Path file, InputFormat format) {
    checkReadable(file, "pathway");
    throw ExitException.usage("reading pathway files is not available in this build yet");
  }

  @Override
  public ReadResult<LearnerRecord> learner(Path file, LearnerFormat format) {
    checkReadable(file, "learner record");
    throw ExitException.usage("reading learner records is not available in this build yet");
  }

  /** Ends with 2 when {@code file} is not a readable regular file. */
  static void checkReadable(Path file, String what) {
    if (!Files.exists(file)) {
      throw ExitException.usage("cannot read " + what + " " + file + ": no such file");
    }
    if (Files.isDirectory(file)) {
      throw ExitException.usage("cannot read " + what + " " + file + ": it is a folder");
    }
    if (!Files.isReadable(file)) {
      throw ExitException.usage("cannot read " + what + " " + file + ": permission denied");
    }
  }
}
