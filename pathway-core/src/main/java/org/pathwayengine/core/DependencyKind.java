package org.pathwayengine.core;

/** The kind of a {@link Dependency} edge. */
public enum DependencyKind {
  /** The target {@code requires} the source: the source must be held before the target is started. */
  PREREQUISITE,
  /** The target {@code coRequires} the source: held, or taken in the same term. */
  CO_REQUISITE,
  /** The source appears in the target's stack rule: it counts toward the stacked credential. */
  STACKING
}
