package org.pathwayengine.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.pathwayengine.cli.internal.Cli;
import org.pathwayengine.cli.internal.Env;
import org.pathwayengine.cli.internal.ExitException;
import org.pathwayengine.cli.internal.InputFormat;
import org.pathwayengine.cli.internal.Inputs;
import org.pathwayengine.cli.internal.LearnerFormat;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Problem;
import org.pathwayengine.io.ReadResult;

/** Runs the command in-process through picocli with captured output and inputs given in Java. */
final class CliRunner {
  /** What a run printed and returned. */
  record Run(int code, String out, String err) {}

  private final Map<String, ReadResult<Pathway>> pathways = new HashMap<>();
  private final Map<String, ReadResult<LearnerRecord>> learners = new HashMap<>();
  private Inputs fallback;
  private boolean terminal;
  private final Map<String, String> environment = new HashMap<>();

  /** Serves {@code pathway} for the file name {@code name} with the given problems. */
  CliRunner pathway(String name, Pathway pathway, Problem... problems) {
    pathways.put(name, new ReadResult<>(java.util.Optional.ofNullable(pathway), List.of(problems)));
    return this;
  }

  /** Serves {@code record} for the file name {@code name}. */
  CliRunner learner(String name, LearnerRecord record, Problem... problems) {
    learners.put(name, new ReadResult<>(java.util.Optional.ofNullable(record), List.of(problems)));
    return this;
  }

  /** Files not served above are read by {@code inputs}. */
  CliRunner fallback(Inputs inputs) {
    this.fallback = inputs;
    return this;
  }

  /** Pretends standard output is a terminal. */
  CliRunner terminal(boolean value) {
    this.terminal = value;
    return this;
  }

  /** Sets an environment variable. */
  CliRunner env(String name, String value) {
    environment.put(name, value);
    return this;
  }

  Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    Inputs inputs = new Inputs() {
      @Override
      public ReadResult<Pathway> pathway(Path file, InputFormat format) {
        return serve(pathways, file, p -> fallback.pathway(p, format));
      }

      @Override
      public ReadResult<LearnerRecord> learner(Path file, LearnerFormat format) {
        return serve(learners, file, p -> fallback.learner(p, format));
      }
    };
    Env env = new Env(new PrintWriter(out), new PrintWriter(err), terminal, environment,
        () -> LocalDate.of(2026, 1, 1), inputs);
    int code = Cli.execute(env, args);
    return new Run(code, out.toString(), err.toString());
  }

  private <T> ReadResult<T> serve(Map<String, ReadResult<T>> served, Path file,
      Function<Path, ReadResult<T>> otherwise) {
    ReadResult<T> r = served.get(file.toString());
    if (r != null) {
      return r;
    }
    if (fallback == null) {
      throw ExitException.usage("cannot read " + file + ": no such file");
    }
    return otherwise.apply(file);
  }
}
