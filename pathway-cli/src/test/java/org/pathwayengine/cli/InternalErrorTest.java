package org.pathwayengine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.pathwayengine.cli.internal.InputFormat;
import org.pathwayengine.cli.internal.Inputs;
import org.pathwayengine.cli.internal.LearnerFormat;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.io.ReadResult;

/** A bug never shows a user a stack trace unless they ask with --debug. */
class InternalErrorTest {
  private static final Inputs BROKEN = new Inputs() {
    @Override
    public ReadResult<Pathway> pathway(Path file, InputFormat format) {
      throw new IllegalStateException("reader bug");
    }

    @Override
    public ReadResult<LearnerRecord> learner(Path file, LearnerFormat format) {
      throw new IllegalStateException("reader bug");
    }
  };

  @Test
  void oneLineWithoutDebug() {
    CliRunner.Run r = new CliRunner().fallback(BROKEN).run("test", "p.yaml");
    assertEquals(2, r.code());
    assertEquals("pathway: internal error: java.lang.IllegalStateException: reader bug "
        + "(run again with --debug to see where)\n", r.err());
    assertEquals("", r.out());
  }

  @Test
  void theTraceWithDebug() {
    CliRunner.Run r = new CliRunner().fallback(BROKEN).run("test", "p.yaml", "--debug");
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("pathway: internal error: java.lang.IllegalStateException: "
        + "reader bug\njava.lang.IllegalStateException: reader bug\n\tat "), r.err());
  }
}
