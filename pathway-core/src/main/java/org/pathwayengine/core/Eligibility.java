package org.pathwayengine.core;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * A badge the learner can start now, with the co-requisites still missing (listed, not blocking).
 *
 * @param badge the badge id
 * @param coRequisitesMissing the badges of its {@code coRequires} not yet held, sorted
 */
public record Eligibility(String badge, List<String> coRequisitesMissing) {
  /** Checks and copies the arguments. */
  public Eligibility {
    requireNonNull(badge, "badge");
    coRequisitesMissing = List.copyOf(coRequisitesMissing);
  }
}
