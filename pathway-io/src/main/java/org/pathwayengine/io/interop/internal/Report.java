package org.pathwayengine.io.interop.internal;

import java.util.ArrayList;
import java.util.List;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.core.Severity;

/**
 * The problems of one import, each with the JSON pointer of the node it is about (in the message) and
 * that node's line and column. Not thread-safe; one per read.
 */
final class Report {
  private final JsonDoc doc;
  private final List<Problem> problems = new ArrayList<>();
  private String badge;

  Report(JsonDoc doc) {
    this.doc = doc;
  }

  JsonDoc doc() {
    return doc;
  }

  /** Names the badge that the following problems are about, until {@link #noBadge()}. */
  void inBadge(String badgeId) {
    badge = badgeId;
  }

  /** The following problems are about no one badge. */
  void noBadge() {
    badge = null;
  }

  /** An error about the node at {@code pointer}. */
  void error(ProblemCode code, String pointer, String message) {
    add(Severity.ERROR, code, pointer, message);
  }

  /** A warning about the node at {@code pointer}: something was not mapped, or read by a decision. */
  void warn(ProblemCode code, String pointer, String message) {
    add(Severity.WARNING, code, pointer, message);
  }

  private void add(Severity severity, ProblemCode code, String pointer, String message) {
    String where = pointer.isEmpty() ? "/" : pointer;
    Problem p = Problem.of(code, "at " + where + ": " + message)
        .withSeverity(severity)
        .withLocation(doc.locate(pointer));
    problems.add(badge == null ? p : p.withBadge(badge));
  }

  List<Problem> problems() {
    return List.copyOf(problems);
  }

  boolean hasErrors() {
    return problems.stream().anyMatch(Problem::isError);
  }
}
