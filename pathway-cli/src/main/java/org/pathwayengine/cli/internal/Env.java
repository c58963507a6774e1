package org.pathwayengine.cli.internal;

import static java.util.Objects.requireNonNull;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Everything a command touches outside its arguments: the two output streams, whether standard output
 * is a terminal, the environment variables, today's date and the readers of input files. The real
 * process builds one from the system; tests build their own.
 *
 * @param out standard output: the result (JSON, tables, graphs)
 * @param err standard error: messages for people
 * @param terminal whether standard output is a terminal (colour is allowed)
 * @param environment the environment variables (for {@code NO_COLOR})
 * @param today the default {@code --as-of} date
 * @param inputs reads pathways and learner records
 */
public record Env(PrintWriter out, PrintWriter err, boolean terminal, Map<String, String> environment,
    Supplier<LocalDate> today, Inputs inputs) {

  /** Checks and copies the arguments. */
  public Env {
    requireNonNull(out, "out");
    requireNonNull(err, "err");
    environment = Map.copyOf(environment);
    requireNonNull(today, "today");
    requireNonNull(inputs, "inputs");
  }

  /** The styles to use: colour only on a terminal, without {@code NO_COLOR} and without {@code --no-color}. */
  public Style style(boolean noColorFlag) {
    String noColor = environment.get("NO_COLOR");
    boolean colour = terminal && !noColorFlag && (noColor == null || noColor.isEmpty());
    return new Style(colour);
  }
}
