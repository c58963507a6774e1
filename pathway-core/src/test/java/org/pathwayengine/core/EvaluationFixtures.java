package org.pathwayengine.core;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;

/**
 * The social-innovation pathway of SPEC section 2, shared by the evaluation tests, with the imported
 * design-thinking badge under its {@code dt:} prefix.
 *
 * <pre>
 * si-101 (validFor P3Y, alias .../si101)      foundation
 * theory-of-change   requires si-101          core
 * leadership, crowdfunding, storytelling       core
 * social-finance-lab
 * social-finance     requires crowdfunding, coRequires social-finance-lab
 * dt:narrative-design  (equivalent to storytelling)
 * si-nanodegree      stack: si-101 and 2 of [leadership, crowdfunding, storytelling, theory-of-change]
 * si-master          stack: si-nanodegree and social-finance   (a credential of credentials)
 * </pre>
 */
final class EvaluationFixtures {
  static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);
  static final String SI101_ALIAS = "https://badges.example.org/achievements/si101";

  private EvaluationFixtures() {}

  static Pathway socialInnovation() {
    return Pathway.builder("social-innovation", "1.2.0")
        .title("Social Innovation Pathway")
        .badge(Badge.builder("si-101", "Social Innovation 101").credits(1).hours(10)
            .tags("foundation").aliases(SI101_ALIAS).validFor(Period.ofYears(3)).build())
        .badge(Badge.builder("theory-of-change", "Theory of Change").requires("si-101")
            .credits(1).hours(8).tags("core").recommends("storytelling").build())
        .badge(Badge.builder("leadership", "Leadership").credits(1).hours(6).tags("core").build())
        .badge(Badge.builder("crowdfunding", "Crowdfunding").credits(1).hours(5).tags("core").build())
        .badge(Badge.builder("storytelling", "Storytelling").credits(1).hours(4).tags("core").build())
        .badge(Badge.builder("social-finance-lab", "Social Finance Lab").credits(1).hours(3).build())
        .badge(Badge.builder("social-finance", "Social Finance").requires("crowdfunding")
            .coRequires(Requirement.badge("social-finance-lab")).credits(2).hours(12).build())
        .badge(Badge.builder("dt:narrative-design", "Narrative Design").credits(1).hours(6).build())
        .badge(Badge.builder("si-nanodegree", "Social Innovation Nanodegree")
            .stack(Requirement.allOf(Requirement.badge("si-101"), Requirement.atLeast(2,
                Requirement.badges("leadership", "crowdfunding", "storytelling",
                    "theory-of-change"))))
            .build())
        .badge(Badge.builder("si-master", "Social Innovation Master")
            .stack(Requirement.allOf(Requirement.badges("si-nanodegree", "social-finance")))
            .build())
        .equivalence(List.of("storytelling", "dt:narrative-design"))
        .build();
  }

  /** A record with the given badges earned on 2025-01-01. */
  static LearnerRecord holding(String... badges) {
    LearnerRecord.Builder b = LearnerRecord.builder("learner");
    for (String id : badges) {
      b.earned(id, LocalDate.of(2025, 1, 1));
    }
    return b.build();
  }
}
