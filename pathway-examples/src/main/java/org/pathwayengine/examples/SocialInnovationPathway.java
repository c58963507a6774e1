package org.pathwayengine.examples;

import static org.pathwayengine.core.Requirement.allOf;
import static org.pathwayengine.core.Requirement.atLeast;
import static org.pathwayengine.core.Requirement.badge;
import static org.pathwayengine.core.Requirement.badges;

import java.time.Period;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Pathway;

/**
 * The social-innovation pathway, built with the Java API the way an application would build a pathway
 * it keeps in its own database: eight micro-badges, a Social Innovation credential stacked from them, a
 * Digital Fabrication nanodegree stacked from micro-badges that expire, and a Social Tech Innovator
 * credential stacked from those two credentials.
 */
public final class SocialInnovationPathway {
  private SocialInnovationPathway() {}

  /** The pathway. */
  public static Pathway build() {
    return Pathway.builder("social-innovation", "1.0.0")
        .title("Social Innovation Pathway")
        .badge(Badge.builder("si-101", "Social Innovation 101")
            .credits(1).hours(10).tags("foundation").skills("systems-thinking")
            .aliases("https://badges.example.org/achievements/si101")
            .build())
        .badge(Badge.builder("sustainability-101", "Sustainability 101")
            .credits(1).hours(10).tags("foundation").skills("sustainability")
            .build())
        .badge(Badge.builder("leadership", "Leadership")
            .credits(2).hours(15).tags("elective").skills("leadership")
            .requires("si-101")
            .build())
        .badge(Badge.builder("crowdfunding", "Crowdfunding")
            .credits(2).hours(12).tags("elective").skills("fundraising")
            .requires("si-101")
            .build())
        .badge(Badge.builder("storytelling", "Storytelling")
            .credits(1).hours(6).tags("elective").skills("communication")
            .build())
        .badge(Badge.builder("theory-of-change", "Theory of Change")
            .credits(2).hours(12).tags("elective").skills("systems-thinking")
            .requires("si-101", "sustainability-101")
            .recommends("storytelling")
            .build())
        .badge(Badge.builder("social-finance", "Social Finance")
            .credits(3).hours(20).tags("elective").skills("finance")
            .requires("crowdfunding")
            .coRequires(badge("theory-of-change"))
            .build())
        .badge(Badge.builder("social-innovation", "Social Innovation")
            .description("Awarded for the foundation and three electives.")
            .stack(allOf(badge("si-101"), badge("sustainability-101"),
                atLeast(3, badges("leadership", "crowdfunding", "storytelling",
                    "theory-of-change", "social-finance"))))
            .build())
        // A technical nanodegree whose micro-badges expire: skills in fabrication go stale.
        .badge(Badge.builder("cad-basics", "CAD Basics")
            .hours(10).tags("maker").skills("cad").validFor(Period.ofYears(2))
            .build())
        .badge(Badge.builder("electronics-basics", "Electronics Basics")
            .hours(10).tags("maker").skills("electronics").validFor(Period.ofYears(2))
            .build())
        .badge(Badge.builder("3d-printing", "3D Printing")
            .hours(8).tags("maker").skills("additive-manufacturing").validFor(Period.ofYears(2))
            .requires("cad-basics")
            .build())
        .badge(Badge.builder("laser-cutting", "Laser Cutting")
            .hours(6).tags("maker").skills("subtractive-manufacturing")
            .validFor(Period.ofYears(2))
            .requires("cad-basics")
            .build())
        .badge(Badge.builder("microcontrollers", "Microcontrollers")
            .hours(16).tags("maker").skills("embedded-programming").validFor(Period.ofYears(3))
            .requires("electronics-basics")
            .build())
        .badge(Badge.builder("fabrication-nanodegree", "Digital Fabrication Nanodegree")
            .stack(allOf(badge("cad-basics"),
                atLeast(2, badges("3d-printing", "laser-cutting", "microcontrollers"))))
            .build())
        // A credential stacked from credentials.
        .badge(Badge.builder("social-tech-innovator", "Social Tech Innovator")
            .stack(allOf(badge("social-innovation"), badge("fabrication-nanodegree")))
            .build())
        .build();
  }
}
