package org.pathwayengine.core.internal;

import com.google.common.collect.Lists;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.pathwayengine.core.Eligibility;

/**
 * What a learner holds at a date, before progress toward credentials is planned.
 *
 * @param direct the badges held by the learner's own counting entries, waivers, substitutions and
 *     awarded credentials, not expanded by equivalence: what requirement evaluation and planning take
 * @param held {@code direct} expanded by equivalence: the badges the learner holds (SPEC section 4),
 *     sorted
 * @param expired badges with an expired trusted entry that are not otherwise held, sorted
 * @param untrusted badges whose entries all come from untrusted issuers (or none, where issuers are
 *     listed), sorted
 * @param unmatched names in the record that match no badge, sorted
 * @param eligible the badges the learner can start now, sorted by id
 */
public record LearnerState(Set<String> direct, List<String> held, List<String> expired,
    List<String> untrusted, List<String> unmatched, List<Eligibility> eligible) {
  /** Copies the arguments, sorting {@code eligible}. */
  public LearnerState {
    direct = Set.copyOf(direct);
    held = List.copyOf(held);
    expired = List.copyOf(expired);
    untrusted = List.copyOf(untrusted);
    unmatched = List.copyOf(unmatched);
    List<Eligibility> byId = new ArrayList<>(eligible);
    byId.sort(Comparator.comparing(Eligibility::badge));
    eligible = List.copyOf(byId);
  }

  /** Whether the learner holds {@code badge} (directly or through an equivalent). */
  public boolean isHeld(String badge) {
    return java.util.Collections.binarySearch(held, badge) >= 0;
  }

  /** Whether the learner can start {@code badge} now. */
  public boolean isEligible(String badge) {
    // A status explains every credential, and a large pathway leaves thousands of badges eligible:
    // a search by halves over the ids, which the constructor sorted.
    return Collections.binarySearch(Lists.transform(eligible, Eligibility::badge), badge) >= 0;
  }
}
