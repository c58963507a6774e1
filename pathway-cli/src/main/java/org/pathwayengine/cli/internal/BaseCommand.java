package org.pathwayengine.cli.internal;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Problem;
import org.pathwayengine.io.ReadResult;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/**
 * What every subcommand shares: the common options, the environment, and reading inputs with the exit
 * codes of SPEC section 8 (a pathway that cannot be read at all: 2; one that reads but is invalid: 1;
 * a learner record with errors: 2).
 */
public abstract class BaseCommand implements Callable<Integer> {
  @Mixin
  CommonOptions common = new CommonOptions();

  @ParentCommand
  EnvHolder parent;

  private Style style;

  /** The common options. */
  public CommonOptions common() {
    return common;
  }

  /** The environment of this run. */
  protected Env env() {
    return parent.env();
  }

  /** Standard output. */
  protected PrintWriter out() {
    return env().out();
  }

  /** Standard error. */
  protected PrintWriter err() {
    return env().err();
  }

  /** The styles for text output. */
  protected Style style() {
    if (style == null) {
      style = env().style(common.noColor());
    }
    return style;
  }

  /** The styles for messages on standard error: colour only where standard output may colour too. */
  protected Style errStyle() {
    return style();
  }

  /** {@code asOf}, or today when it was not given. */
  protected LocalDate dateOr(LocalDate asOf) {
    return asOf != null ? asOf : env().today().get();
  }

  /**
   * The pathway in {@code file}, valid. Problems go to standard error; a file that cannot be read ends
   * the command with 2, an invalid pathway with 1.
   */
  protected Pathway validPathway(Path file, InputFormat format) {
    // Warnings are not shown here (only validate shows them), so they are not looked for.
    ReadResult<Pathway> r = env().inputs().pathwayForUse(file, format);
    String name = file.toString();
    if (r.value().isEmpty()) {
      Problems.print(err(), r.problems(), name, errStyle());
      throw ExitException.usage("cannot read the pathway in " + name);
    }
    if (!r.isValid()) {
      Problems.print(err(), r.errors(), name, errStyle());
      int n = r.errors().size();
      throw new ExitException(ExitCodes.FAILED, name + " is not a valid pathway ("
          + Text.plural(n, "error") + "); fix it first: pathway validate " + name);
    }
    return r.value().get();
  }

  /** The learner record in {@code file}; a record with errors ends the command with 2. */
  protected LearnerRecord learner(Path file, LearnerFormat format) {
    ReadResult<LearnerRecord> r = env().inputs().learner(file, format);
    String name = file.toString();
    if (r.value().isEmpty() || !r.isValid()) {
      Problems.print(err(), r.value().isEmpty() ? r.problems() : r.errors(), name, errStyle());
      throw ExitException.usage("cannot read the learner record in " + name);
    }
    for (Problem p : r.problems()) {
      err().println(Problems.line(p, name, errStyle()));
    }
    return r.value().get();
  }

  /** Prints {@code value} as JSON on standard output. */
  protected void printJson(Object value) {
    out().println(Json.write(value));
  }
}
