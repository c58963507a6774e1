package org.pathwayengine.core.analytics;

import static java.util.Objects.requireNonNull;

import org.pathwayengine.core.DependencyKind;

/**
 * A requisite that another path already implies (see {@link RedundantRequisites}): {@code badge} names
 * {@code requisite} directly although it needs it anyway through another of its requisites.
 *
 * @param requisite the badge that is required
 * @param badge the badge whose rule names it
 * @param kind the rule that names it: {@link DependencyKind#PREREQUISITE} or {@link
 *     DependencyKind#STACKING} (co-requisites are never redundant)
 */
public record RedundantRequisite(String requisite, String badge, DependencyKind kind) {
  /** Checks the arguments. */
  public RedundantRequisite {
    requireNonNull(requisite, "requisite");
    requireNonNull(badge, "badge");
    requireNonNull(kind, "kind");
  }
}
