package org.pathwayengine.examples;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import org.pathwayengine.core.Eligibility;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.LearnerStatus;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.PathwayEvaluator;
import org.pathwayengine.core.PathwayValidator;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.Progress;

/**
 * Evaluates a few learners against the {@link SocialInnovationPathway} and prints what they hold, what
 * they can start now, and how far they are from each stacked credential.
 *
 * <p>Run it with {@code mvn -q -pl pathway-examples -am compile exec:java}.
 */
public final class SocialInnovationExample {
  private SocialInnovationExample() {}

  /** The learners of the example, as an application would load them from its own store. */
  public static List<LearnerRecord> learners() {
    LearnerRecord alice = LearnerRecord.builder("alice")
        .earned("https://badges.example.org/achievements/si101", LocalDate.of(2025, 1, 10))
        .earned("leadership", LocalDate.of(2025, 2, 1))
        .earned("storytelling", LocalDate.of(2025, 3, 1))
        .inProgress("sustainability-101")
        .build();
    // Bob's CAD badge from 2023 has expired by 2026; his other maker badges still count.
    LearnerRecord bob = LearnerRecord.builder("bob")
        .earned("cad-basics", LocalDate.of(2023, 6, 1))
        .earned("3d-printing", LocalDate.of(2023, 9, 1))
        .earned("electronics-basics", LocalDate.of(2025, 1, 15))
        .earned("microcontrollers", LocalDate.of(2025, 6, 1))
        .build();
    LearnerRecord carol = LearnerRecord.builder("carol")
        .earned("si-101", LocalDate.of(2024, 9, 1))
        .earned("sustainability-101", LocalDate.of(2024, 9, 1))
        .earned("crowdfunding", LocalDate.of(2025, 1, 5))
        .earned("theory-of-change", LocalDate.of(2025, 2, 5))
        .earned("social-finance", LocalDate.of(2025, 5, 5))
        .earned("cad-basics", LocalDate.of(2025, 6, 1))
        .earned("laser-cutting", LocalDate.of(2025, 7, 1))
        .waived("3d-printing")
        .build();
    return List.of(alice, bob, carol);
  }

  /** Prints the example's report for {@code asOf} to {@code out}. */
  public static void report(Pathway pathway, LocalDate asOf, PrintStream out) {
    List<Problem> problems = PathwayValidator.validate(pathway);
    problems.forEach(p -> out.println("  " + p));
    PathwayEvaluator evaluator = PathwayEvaluator.of(pathway);
    for (LearnerRecord learner : learners()) {
      LearnerStatus status = evaluator.evaluate(learner, asOf);
      out.println(learner.learner() + " on " + asOf);
      out.println("  holds     " + String.join(", ", status.held()));
      if (!status.expired().isEmpty()) {
        out.println("  expired   " + String.join(", ", status.expired()));
      }
      out.println("  can start " + String.join(", ",
          status.eligible().stream().map(Eligibility::badge).toList()));
      for (Progress p : status.progress()) {
        String title = pathway.badge(p.credential()).orElseThrow().title();
        String state = p.complete() ? "complete"
            : !p.reachable() ? "cannot be completed"
            : p.remaining().size() + " to go: " + String.join(", ", p.remaining());
        out.printf("  %-32s %s%n", title, state);
      }
    }
  }

  /** Runs the example on 2026-01-01. */
  public static void main(String[] args) {
    report(SocialInnovationPathway.build(), LocalDate.of(2026, 1, 1), System.out);
  }
}
