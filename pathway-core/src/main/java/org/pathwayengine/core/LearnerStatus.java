package org.pathwayengine.core;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Where a learner stands at a date (SPEC section 4): every list of ids is sorted.
 *
 * @param asOf the evaluation date
 * @param held the badges held, stacked credentials included
 * @param expired badges whose only entries have expired (and that are not otherwise held)
 * @param untrusted badges whose entries come only from issuers the pathway does not trust
 * @param unmatched names in the record that match no badge, id or alias
 * @param eligible the badges the learner can start now
 * @param progress one entry per stacked credential of the pathway
 */
public record LearnerStatus(LocalDate asOf, List<String> held, List<String> expired,
    List<String> untrusted, List<String> unmatched, List<Eligibility> eligible,
    List<Progress> progress) {
  /** Checks and copies the arguments. */
  public LearnerStatus {
    requireNonNull(asOf, "asOf");
    held = List.copyOf(held);
    expired = List.copyOf(expired);
    untrusted = List.copyOf(untrusted);
    unmatched = List.copyOf(unmatched);
    eligible = List.copyOf(eligible);
    progress = List.copyOf(progress);
  }

  /** Whether the learner holds {@code badge}. */
  public boolean isHeld(String badge) {
    return java.util.Collections.binarySearch(held, badge) >= 0;
  }

  /** Whether the learner can start {@code badge} now. */
  public boolean isEligible(String badge) {
    return eligible.stream().anyMatch(e -> e.badge().equals(badge));
  }

  /** The progress toward one stacked credential, if it is one. */
  public Optional<Progress> progressOf(String credential) {
    return progress.stream().filter(p -> p.credential().equals(credential)).findFirst();
  }
}
