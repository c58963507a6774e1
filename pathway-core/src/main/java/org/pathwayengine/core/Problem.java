package org.pathwayengine.core;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One problem found in a pathway or its file: a stable code, a message for people, and where it is.
 *
 * <p>Problems are data, not exceptions: validation returns all of them at once. The core fills
 * {@link #pointer()}; a file reader translates it into {@link #location()}.
 *
 * @param severity error or warning
 * @param code the stable code
 * @param message what is wrong and what to do, for people
 * @param badge the badge involved, if one is
 * @param cycle for {@link ProblemCode#CYCLE}, the badges of the cycle in order, the first repeated last
 *     is not included; empty otherwise
 * @param pointer where in the model, if known
 * @param location where in a file, if known
 */
public record Problem(
    Severity severity,
    ProblemCode code,
    String message,
    Optional<String> badge,
    List<String> cycle,
    Optional<ModelPointer> pointer,
    Optional<SourceLocation> location) {

  /** Checks and copies the arguments. */
  public Problem {
    requireNonNull(severity, "severity");
    requireNonNull(code, "code");
    requireNonNull(message, "message");
    requireNonNull(badge, "badge");
    cycle = List.copyOf(cycle);
    requireNonNull(pointer, "pointer");
    requireNonNull(location, "location");
  }

  /** A problem of the code's default severity, with no badge, pointer or location yet. */
  public static Problem of(ProblemCode code, String message) {
    return new Problem(code.defaultSeverity(), code, message, Optional.empty(), List.of(),
        Optional.empty(), Optional.empty());
  }

  /** This problem about the given badge. */
  public Problem withBadge(String badgeId) {
    return new Problem(severity, code, message, Optional.of(badgeId), cycle, pointer, location);
  }

  /** This problem with the cycle it found. */
  public Problem withCycle(List<String> badgesInCycle) {
    return new Problem(severity, code, message, badge, badgesInCycle, pointer, location);
  }

  /** This problem at the given place in the model. */
  public Problem withPointer(ModelPointer where) {
    return new Problem(severity, code, message, badge, cycle, Optional.of(where), location);
  }

  /** This problem at the given place in a file. */
  public Problem withLocation(SourceLocation where) {
    return new Problem(severity, code, message, badge, cycle, pointer, Optional.of(where));
  }

  /** This problem with another severity. */
  public Problem withSeverity(Severity newSeverity) {
    return new Problem(newSeverity, code, message, badge, cycle, pointer, location);
  }

  /** True for {@link Severity#ERROR}. */
  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:column: error CODE: message}, or without the place when it is unknown. */
  @Override
  public String toString() {
    String where = location.map(l -> l + ": ").orElse("");
    return where + severity.label() + " " + code + ": " + message;
  }
}
