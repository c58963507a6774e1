package org.pathwayengine.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.LearnerStatus;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.PathwayEvaluator;
import org.pathwayengine.core.PathwayValidator;

class SocialInnovationExampleTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);
  private final Pathway pathway = SocialInnovationPathway.build();
  private final Map<String, LearnerStatus> status = SocialInnovationExample.learners().stream()
      .collect(Collectors.toMap(LearnerRecord::learner,
          l -> PathwayEvaluator.of(pathway).evaluate(l, AS_OF)));

  @Test
  void theJavaBuiltPathwayValidatesWithoutProblems() {
    assertEquals(List.of(), PathwayValidator.validate(pathway));
  }

  @Test
  void aliceCountsHerAliasedFoundationBadge() {
    LearnerStatus alice = status.get("alice");
    assertEquals(List.of("leadership", "si-101", "storytelling"), alice.held());
    assertEquals(List.of("crowdfunding", "sustainability-101"),
        alice.progressOf("social-innovation").orElseThrow().remaining());
  }

  @Test
  void bobsTwoYearFabricationBadgesFromTwentyTwentyThreeHaveExpired() {
    LearnerStatus bob = status.get("bob");
    assertEquals(List.of("3d-printing", "cad-basics"), bob.expired());
    assertEquals(List.of("3d-printing", "cad-basics"),
        bob.progressOf("fabrication-nanodegree").orElseThrow().remaining());
  }

  @Test
  void carolsWaiverCompletesTheCredentialOfCredentials() {
    LearnerStatus carol = status.get("carol");
    assertTrue(carol.isHeld("social-tech-innovator"), carol::toString);
    assertTrue(carol.progress().stream().allMatch(p -> p.complete()), carol::toString);
  }

  @Test
  void theProgramPrintsEachLearnersProgress() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    SocialInnovationExample.report(pathway, AS_OF, new PrintStream(out, true, StandardCharsets.UTF_8));
    String text = out.toString(StandardCharsets.UTF_8);
    Function<String, Boolean> has = text::contains;
    assertTrue(has.apply("bob on 2026-01-01"), text);
    assertTrue(has.apply("expired   3d-printing, cad-basics"), text);
    assertTrue(text.matches("(?s).*Social Tech Innovator\\s+complete.*"), text);
  }
}
