package org.pathwayengine.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.opentest4j.AssertionFailedError;

/** The adapter on pathway files, the way an application's test suite uses it. */
class PathwayFileScenariosTest {
  private static final Path DIR = Path.of("src", "test", "resources", "pathways");

  /** One line in an application's test suite. */
  @TestFactory
  Stream<DynamicTest> stackRules() {
    return PathwayScenarios.dynamicTests(DIR.resolve("passing.yaml"));
  }

  @Test
  void eachScenarioIsATestWithTheFileAsItsSource() {
    List<DynamicTest> tests = PathwayScenarios.dynamicTests(DIR.resolve("passing.yaml")).toList();
    assertEquals(List.of("alpha opens beta", "alpha and gamma complete the credential"),
        tests.stream().map(DynamicTest::getDisplayName).toList());
    assertEquals(DIR.resolve("passing.yaml").toUri(), tests.get(0).getTestSourceUri().orElseThrow());
  }

  @Test
  void aFailingScenarioListsEveryUnmetExpectation() {
    List<DynamicTest> tests =
        PathwayScenarios.dynamicTests(DIR.resolve("failing-scenario.yaml")).toList();
    assertEquals(2, tests.size());
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> tests.get(1).getExecutable().execute());
    assertEquals("scenario 'alpha alone completes the credential' failed:\n"
        + "  expected cred to be held, but it is not; held: [alpha]\n"
        + "  expected beta not to be eligible, but it is; eligible: [beta]\n"
        + "  expected 0 remaining badge(s) for cred, but found 1: [beta]", e.getMessage());
  }

  @Test
  void anInvalidFileGivesOneFailingTestWithItsProblemsInPlace() {
    Path broken = DIR.resolve("broken.yaml");
    List<DynamicTest> tests = PathwayScenarios.dynamicTests(broken).toList();
    assertEquals(1, tests.size());
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> tests.get(0).getExecutable().execute());
    assertTrue(e.getMessage().startsWith(broken + " is not a valid pathway, so its scenarios cannot "
        + "run:\n  " + broken + ":6:15: error CYCLE: "), e.getMessage());
    assertTrue(e.getMessage().contains(broken + ":9:15: error UNKNOWN_BADGE"), e.getMessage());
  }

  @Test
  void aMissingFileGivesOneFailingTest() {
    List<DynamicTest> tests = PathwayScenarios.dynamicTests(DIR.resolve("nope.yaml")).toList();
    assertEquals(1, tests.size());
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> tests.get(0).getExecutable().execute());
    assertTrue(e.getMessage().contains("nope.yaml"), e.getMessage());
  }
}
