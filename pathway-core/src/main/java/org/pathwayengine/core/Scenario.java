package org.pathwayengine.core;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A test of a pathway's stack rules, kept beside the pathway (SPEC section 6): a learner at a date,
 * and what must (or must not) follow.
 *
 * @param name what the scenario shows, for people
 * @param asOf the evaluation date
 * @param learner the learner's record
 * @param expect what must follow
 */
public record Scenario(String name, LocalDate asOf, LearnerRecord learner, Expectation expect) {
  /** Checks the arguments. */
  public Scenario {
    requireNonNull(name, "scenario name");
    requireNonNull(asOf, "asOf of scenario " + name);
    requireNonNull(learner, "learner of scenario " + name);
    requireNonNull(expect, "expect of scenario " + name);
  }

  /**
   * The expectations of a scenario; every key is optional, and a listed badge must (or must not) be in
   * the set.
   *
   * @param held badges that must be held
   * @param eligible badges that must be eligible
   * @param notEligible badges that must not be eligible
   * @param remaining for a stacked credential, its expected remaining badges
   */
  public record Expectation(List<String> held, List<String> eligible, List<String> notEligible,
      Map<String, ExpectedRemaining> remaining) {
    /** Checks and copies the arguments. */
    public Expectation {
      held = List.copyOf(held);
      eligible = List.copyOf(eligible);
      notEligible = List.copyOf(notEligible);
      requireNonNull(remaining, "remaining");
      remaining = Collections.unmodifiableMap(new LinkedHashMap<>(remaining));
    }

    /** An expectation that checks nothing. */
    public static Expectation none() {
      return new Expectation(List.of(), List.of(), List.of(), Map.of());
    }
  }

  /**
   * The expected remaining badges of one stacked credential: either the exact minimum count, or the
   * exact set (where the minimum is unique).
   *
   * @param count the minimum number of badges still to earn, if that is what is expected
   * @param badges the exact set still to earn, if that is what is expected
   */
  public record ExpectedRemaining(OptionalInt count, Optional<List<String>> badges) {
    /** Checks that exactly one of the two is given. */
    public ExpectedRemaining {
      requireNonNull(count, "count");
      requireNonNull(badges, "badges");
      checkArgument(count.isPresent() != badges.isPresent(),
          "expected remaining is either a count or a list of badges, not %s",
          count.isPresent() ? "both" : "neither");
      count.ifPresent(c -> checkArgument(c >= 0, "expected remaining count must be >= 0, was %s", c));
      badges = badges.map(List::copyOf);
    }

    /** Exactly {@code n} badges remain. */
    public static ExpectedRemaining count(int n) {
      return new ExpectedRemaining(OptionalInt.of(n), Optional.empty());
    }

    /** Exactly these badges remain. */
    public static ExpectedRemaining badges(List<String> ids) {
      return new ExpectedRemaining(OptionalInt.empty(), Optional.of(ids));
    }
  }
}
