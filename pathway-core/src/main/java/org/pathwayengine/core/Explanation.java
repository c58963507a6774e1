package org.pathwayengine.core;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * Why a badge is or is not held and eligible for a learner: its requirement trees, each node marked.
 *
 * @param badge the badge id
 * @param held whether the learner holds it
 * @param eligible whether the learner can start it now
 * @param requires the explained {@code requires}, if the badge has one
 * @param coRequires the explained {@code coRequires}, if the badge has one
 * @param stack the explained {@code stack}, if the badge is a stacked credential
 */
public record Explanation(String badge, boolean held, boolean eligible,
    Optional<ExplanationNode> requires, Optional<ExplanationNode> coRequires,
    Optional<ExplanationNode> stack) {
  /** Checks the arguments. */
  public Explanation {
    requireNonNull(badge, "badge");
    requireNonNull(requires, "requires");
    requireNonNull(coRequires, "coRequires");
    requireNonNull(stack, "stack");
  }
}
