package org.pathwayengine.core;

/**
 * The stable codes of validation problems (SPEC section 5). Codes never change meaning; messages are for
 * people and may change.
 */
public enum ProblemCode {
  /** The file is not well-formed YAML or JSON, or not text at all. */
  PARSE_ERROR(Severity.ERROR),
  /** A wrong shape: an unknown field, a wrong type, a missing required field. */
  SCHEMA_ERROR(Severity.ERROR),
  /** Two badges share one id. */
  DUPLICATE_ID(Severity.ERROR),
  /** A reference names no badge of the pathway (or of its imports). */
  UNKNOWN_BADGE(Severity.ERROR),
  /** Prerequisite, co-requisite and stacking edges together form a cycle. */
  CYCLE(Severity.ERROR),
  /** A requirement can never hold for any learner. */
  UNSATISFIABLE(Severity.ERROR),
  /** A value of the right type that is out of range or malformed. */
  INVALID_VALUE(Severity.ERROR),
  /** An {@code allOf}, {@code anyOf}, {@code atLeast} or {@code credits} group without members. */
  EMPTY_GROUP(Severity.ERROR),
  /** A requirement expression nested deeper than the limit (64). */
  DEPTH_EXCEEDED(Severity.ERROR),
  /** An import is missing, cyclic, or outside the importing file's folder. */
  IMPORT_ERROR(Severity.ERROR),
  /** File size, badge count, alias expansion or nesting past the reader's limits. */
  LIMIT_EXCEEDED(Severity.ERROR),
  /** A prerequisite that another prerequisite already implies. */
  REDUNDANT_PREREQUISITE(Severity.WARNING),
  /** A credits rule names a badge that has no credits. */
  MISSING_CREDITS(Severity.WARNING),
  /** A badge that no requirement, stack or equivalence refers to and that refers to nothing. */
  UNREFERENCED_BADGE(Severity.WARNING);

  private final Severity defaultSeverity;

  ProblemCode(Severity defaultSeverity) {
    this.defaultSeverity = defaultSeverity;
  }

  /** The severity a problem with this code has unless its reporter says otherwise. */
  public Severity defaultSeverity() {
    return defaultSeverity;
  }
}
