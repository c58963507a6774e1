package org.pathwayengine.cli;

import static org.pathwayengine.core.Requirement.allOf;
import static org.pathwayengine.core.Requirement.atLeast;
import static org.pathwayengine.core.Requirement.badge;
import static org.pathwayengine.core.Requirement.badges;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Map;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.core.Scenario;
import org.pathwayengine.core.Scenario.ExpectedRemaining;
import org.pathwayengine.core.Scenario.Expectation;
import org.pathwayengine.core.SourceLocation;

/** Tiny pathways and learners built with the Java API, with results worked out by hand. */
final class Fixtures {
  private Fixtures() {}

  /**
   * Three credentials, each "2 of a, b, c, d"; a and b need a prerequisite each, c and d share q: the
   * fewest badges are c, d and q, which a search of one node does not find (it takes a, b, p1, p2).
   */
  static Pathway sharedPrerequisite() {
    Pathway.Builder b = Pathway.builder("shared", "1.0").title("Shared Prerequisite");
    for (String id : List.of("p1", "p2", "q")) {
      b.badge(Badge.builder(id, id.toUpperCase(java.util.Locale.ROOT)).build());
    }
    b.badge(Badge.builder("a", "A").requires("p1").build())
        .badge(Badge.builder("b", "B").requires("p2").build())
        .badge(Badge.builder("c", "C").requires("q").build())
        .badge(Badge.builder("d", "D").requires("q").build());
    for (int i = 1; i <= 3; i++) {
      b.badge(Badge.builder("cred-" + i, "Credential " + i)
          .stack(atLeast(2, badges("a", "b", "c", "d"))).build());
    }
    return b.build();
  }

  /**
   * The "mini" pathway: alpha; beta requires alpha; gamma requires alpha and co-requires beta; delta
   * expires after a year; the credential stacks alpha and one of beta, delta.
   */
  static Pathway mini(Scenario... scenarios) {
    Pathway.Builder b = Pathway.builder("mini", "1.0")
        .title("Mini Pathway")
        .badge(Badge.builder("alpha", "Alpha").credits(1).hours(5).build())
        .badge(Badge.builder("beta", "Beta").requires("alpha").hours(8).build())
        .badge(Badge.builder("gamma", "Gamma").requires("alpha").coRequires(badge("beta"))
            .hours(3).build())
        .badge(Badge.builder("delta", "Delta").validFor(Period.ofYears(1)).hours(2).build())
        .badge(Badge.builder("cred", "Mini Credential")
            .stack(allOf(badge("alpha"), atLeast(1, badges("beta", "delta")))).build());
    for (Scenario s : scenarios) {
      b.scenario(s);
    }
    return b.build();
  }

  /** Holds alpha (2025-03-01); delta expired (earned 2024-06-01, valid one year). */
  static LearnerRecord ann() {
    return LearnerRecord.builder("ann")
        .earned("alpha", LocalDate.of(2025, 3, 1))
        .earned("delta", LocalDate.of(2024, 6, 1))
        .build();
  }

  /** A scenario that passes: alpha held gives beta and gamma eligible, cred one badge away. */
  static Scenario passing() {
    return new Scenario("alpha opens beta and gamma", LocalDate.of(2026, 1, 1),
        LearnerRecord.builder("s1").earned("alpha", LocalDate.of(2025, 1, 1)).build(),
        new Expectation(List.of("alpha"), List.of("beta", "gamma"), List.of(),
            Map.of("cred", ExpectedRemaining.count(1))));
  }

  /** A scenario that fails: it expects the credential held with alpha alone. */
  static Scenario failing() {
    return new Scenario("alpha alone completes the credential", LocalDate.of(2026, 1, 1),
        LearnerRecord.builder("s2").earned("alpha", LocalDate.of(2025, 1, 1)).build(),
        new Expectation(List.of("cred"), List.of(), List.of(), Map.of()));
  }

  /** An error located in {@code file}. */
  static Problem error(ProblemCode code, String message, String file, int line, int column,
      String badge) {
    return Problem.of(code, message).withBadge(badge)
        .withLocation(new SourceLocation(file, line, column));
  }
}
