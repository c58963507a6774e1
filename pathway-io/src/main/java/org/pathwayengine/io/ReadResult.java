package org.pathwayengine.io;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import org.pathwayengine.core.Problem;

/**
 * What a reader made of a file: the value it could build, if any, and every problem it found.
 *
 * <p>A value may come with warnings; with errors, the value may be absent (the file could not be
 * understood) or present (it was understood, but is invalid). Readers never throw for bad input.
 *
 * @param <T> what was read: a pathway, a learner record, ...
 * @param value what was read, if anything could be built
 * @param problems every problem, in file order
 */
public record ReadResult<T>(Optional<T> value, List<Problem> problems) {
  /** Checks and copies the arguments. */
  public ReadResult {
    requireNonNull(value, "value");
    problems = List.copyOf(problems);
  }

  /** True when no problem is an error. */
  public boolean isValid() {
    return problems.stream().noneMatch(Problem::isError);
  }

  /** The problems that are errors. */
  public List<Problem> errors() {
    return problems.stream().filter(Problem::isError).toList();
  }
}
