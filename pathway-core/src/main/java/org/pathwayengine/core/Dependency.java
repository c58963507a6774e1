package org.pathwayengine.core;

import static java.util.Objects.requireNonNull;

/**
 * An edge of a pathway's dependency graph: {@code from} is needed by {@code to}.
 *
 * @param from the prerequisite, co-requisite or stacked component
 * @param to the badge that needs it
 * @param kind which of its rules names it
 */
public record Dependency(String from, String to, DependencyKind kind) {
  /** Checks the arguments. */
  public Dependency {
    requireNonNull(from, "from");
    requireNonNull(to, "to");
    requireNonNull(kind, "kind");
  }

  @Override
  public String toString() {
    return from + " -" + kind + "-> " + to;
  }
}
