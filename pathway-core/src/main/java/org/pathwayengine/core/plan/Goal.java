package org.pathwayengine.core.plan;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Set;
import java.util.TreeSet;

/** What a learner wants to reach: a badge (or stacked credential), or a set of skills. */
public sealed interface Goal permits Goal.OfBadge, Goal.OfSkills {

  /**
   * Hold this badge or stacked credential.
   *
   * @param badge the badge id
   */
  record OfBadge(String badge) implements Goal {
    /** Checks the argument. */
    public OfBadge {
      requireNonNull(badge, "badge");
    }
  }

  /**
   * Hold badges that together carry every one of these skills.
   *
   * @param skills the skill ids or URIs, sorted
   */
  record OfSkills(Set<String> skills) implements Goal {
    /** Checks and copies the argument. */
    public OfSkills {
      checkArgument(!skills.isEmpty(), "a skills goal needs at least one skill");
      skills = java.util.Collections.unmodifiableSet(new TreeSet<>(skills));
    }
  }

  /** The goal of holding {@code badge}. */
  static Goal badge(String badge) {
    return new OfBadge(badge);
  }

  /** The goal of covering {@code skills}. */
  static Goal skills(Set<String> skills) {
    return new OfSkills(skills);
  }
}
