package org.pathwayengine.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.PathwayValidator;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.core.Severity;

class SyntheticPathwaysTest {

  @Test
  void theSameSeedGivesTheSamePathwayAndLearners() {
    SyntheticPathways.Shape shape = SyntheticPathways.Shape.of(300);
    assertEquals(SyntheticPathways.pathway(shape, 5), SyntheticPathways.pathway(shape, 5));
    assertNotEquals(SyntheticPathways.pathway(shape, 5), SyntheticPathways.pathway(shape, 6));
    Pathway p = SyntheticPathways.pathway(shape, 5);
    assertEquals(SyntheticPathways.learner(p, 9), SyntheticPathways.learner(p, 9));
    List<LearnerRecord> ls = SyntheticPathways.learners(p, 9, 3).toList();
    assertEquals(3, ls.size());
    assertEquals(SyntheticPathways.learner(p, 10), ls.get(1));
  }

  @Test
  void pathwaysHaveTheAskedShapeAndValidate() {
    SyntheticPathways.Shape shape = new SyntheticPathways.Shape(600, 6, 3, 0.5, 0.3, 0.1);
    Pathway p = SyntheticPathways.pathway(shape, 11);
    assertEquals(600, p.badges().size());
    List<Problem> errors = PathwayValidator.validate(p).stream()
        .filter(x -> x.severity() == Severity.ERROR).toList();
    assertEquals(List.of(), errors);
    long stacked = p.badges().stream().filter(Badge::isStacked).count();
    assertTrue(stacked > 20 && stacked < 120, "stacked " + stacked);
    // Credentials nest: some stack rule names another stacked credential.
    assertTrue(p.badges().stream().filter(Badge::isStacked).anyMatch(b ->
        b.stack().get().referencedBadges().stream()
            .anyMatch(id -> p.badge(id).map(Badge::isStacked).orElse(false))));
    assertTrue(p.badges().stream().anyMatch(b -> b.requires().orElse(Requirement.badge("x"))
        instanceof Requirement.Credits));
    assertTrue(p.badges().stream().anyMatch(b -> b.requires().orElse(Requirement.badge("x"))
        instanceof Requirement.AtLeast));
  }

  @Test
  void learnersHoldOnlyBadgesThatAreNotStackedAndCountAtTheDate() {
    Pathway p = SyntheticPathways.pathway(SyntheticPathways.Shape.of(500), 3);
    int total = 0;
    for (LearnerRecord r : SyntheticPathways.learners(p, 1, 50).toList()) {
      for (LearnerRecord.Entry e : r.entries()) {
        assertTrue(e.earned().isBefore(SyntheticPathways.AS_OF));
        assertTrue(!p.badge(e.badge()).orElseThrow().isStacked());
      }
      total += r.entries().size();
    }
    assertTrue(total > 50 * 500 * 0.02 && total < 50 * 500 * 0.3, "entries " + total);
  }

  @Test
  void learnersHoldEachBadgeWithTheDocumentedProbability() {
    // Badge i of n (not stacked) is held with probability E[s] (1 - i / 2n), E[s] = 0.15.
    Pathway p = SyntheticPathways.pathway(SyntheticPathways.Shape.of(300), 8);
    int n = p.badges().size();
    int learners = 4000;
    java.util.Map<String, Integer> position = new java.util.HashMap<>();
    for (int i = 0; i < n; i++) {
      position.put(p.badges().get(i).id(), i);
    }
    double[] expected = new double[2];
    double[] seen = new double[2];
    for (int i = 0; i < n; i++) {
      if (!p.badges().get(i).isStacked()) {
        expected[i < n / 2 ? 0 : 1] += learners * 0.15 * (1 - i / (2.0 * n));
      }
    }
    for (LearnerRecord r : SyntheticPathways.learners(p, 77, learners).toList()) {
      java.util.Set<String> distinct = new java.util.HashSet<>();
      for (LearnerRecord.Entry e : r.entries()) {
        assertTrue(distinct.add(e.badge()), "held twice: " + e.badge());
        seen[position.get(e.badge()) < n / 2 ? 0 : 1]++;
      }
    }
    for (int half = 0; half < 2; half++) {
      assertEquals(1.0, seen[half] / expected[half], 0.03,
          "half " + half + ": " + seen[half] + " held, " + expected[half] + " expected");
    }
  }

  @Test
  void badShapesAreRejected() {
    assertThrows(IllegalArgumentException.class, () -> new SyntheticPathways.Shape(0, 1, 1, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new SyntheticPathways.Shape(5, 6, 1, 0, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> new SyntheticPathways.Shape(5, 2, 1, 2, 0, 0));
  }
}
