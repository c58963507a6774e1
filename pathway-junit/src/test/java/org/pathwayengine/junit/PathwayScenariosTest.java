package org.pathwayengine.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.pathwayengine.core.Requirement.allOf;
import static org.pathwayengine.core.Requirement.atLeast;
import static org.pathwayengine.core.Requirement.badge;
import static org.pathwayengine.core.Requirement.badges;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.opentest4j.AssertionFailedError;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Scenario;
import org.pathwayengine.core.Scenario.ExpectedRemaining;
import org.pathwayengine.core.Scenario.Expectation;

class PathwayScenariosTest {
  private static final LocalDate ON = LocalDate.of(2026, 1, 1);

  /** alpha; beta requires alpha; cred stacks alpha and beta. */
  static Pathway pathway(Scenario... scenarios) {
    Pathway.Builder b = Pathway.builder("tiny", "1")
        .badge(Badge.builder("alpha", "Alpha").build())
        .badge(Badge.builder("beta", "Beta").requires("alpha").build())
        .badge(Badge.builder("gamma", "Gamma").build())
        .badge(Badge.builder("cred", "Credential")
            .stack(allOf(badge("alpha"), atLeast(1, badges("beta", "gamma")))).build());
    for (Scenario s : scenarios) {
      b.scenario(s);
    }
    return b.build();
  }

  static Scenario holdsAlpha(String name, Expectation e) {
    return new Scenario(name, ON,
        LearnerRecord.builder("l").earned("alpha", LocalDate.of(2025, 1, 1)).build(), e);
  }

  static final Scenario PASSES = holdsAlpha("alpha opens beta",
      new Expectation(List.of("alpha"), List.of("beta", "gamma"), List.of(),
          Map.of("cred", ExpectedRemaining.count(1))));
  static final Scenario FAILS = holdsAlpha("alpha alone completes the credential",
      new Expectation(List.of("cred"), List.of(), List.of(), Map.of()));

  /** The adapter as an application uses it: one line in a test factory. */
  @TestFactory
  Stream<DynamicTest> scenariosOfAPassingPathway() {
    return PathwayScenarios.dynamicTests(pathway(PASSES,
        holdsAlpha("a credential is awarded, never started",
            new Expectation(List.of(), List.of(), List.of("cred"), Map.of()))));
  }

  @Test
  void oneTestPerScenarioNamedAfterIt() {
    List<DynamicTest> tests = PathwayScenarios.dynamicTests(pathway(PASSES, FAILS)).toList();
    assertEquals(List.of("alpha opens beta", "alpha alone completes the credential"),
        tests.stream().map(DynamicTest::getDisplayName).toList());
  }

  @Test
  void aFailingScenarioSaysWhatWasExpectedAndFound() throws Throwable {
    DynamicTest failing = PathwayScenarios.dynamicTests(pathway(PASSES, FAILS)).toList().get(1);
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> failing.getExecutable().execute());
    assertTrue(e.getMessage().startsWith("scenario 'alpha alone completes the credential' failed:\n  "
        + "expected cred to be held"), e.getMessage());
  }

  @Test
  void anInvalidPathwayGivesOneFailingTestListingItsErrors() {
    Pathway broken = Pathway.builder("broken", "1")
        .badge(Badge.builder("a", "A").requires("missing").build())
        .scenario(PASSES)
        .build();
    List<DynamicTest> tests = PathwayScenarios.dynamicTests(broken).toList();
    assertEquals(1, tests.size());
    assertEquals("broken is a valid pathway", tests.get(0).getDisplayName());
    AssertionFailedError e = assertThrows(AssertionFailedError.class,
        () -> tests.get(0).getExecutable().execute());
    assertTrue(e.getMessage().contains("UNKNOWN_BADGE"), e.getMessage());
    assertTrue(e.getMessage().contains("missing"), e.getMessage());
  }

  /** What a build tool sees: the JUnit Platform runs a factory with one passing, one failing scenario. */
  @Test
  void theJunitPlatformReportsEachScenario() {
    Launcher launcher = LauncherFactory.create();
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    launcher.execute(LauncherDiscoveryRequestBuilder.request()
        .selectors(selectClass(MixedSuite.class))
        .configurationParameter(MixedSuite.LAUNCHED, "true")
        .build(), listener);
    TestExecutionSummary summary = listener.getSummary();
    assertEquals(2, summary.getTestsFoundCount());
    assertEquals(1, summary.getTestsSucceededCount());
    assertEquals(1, summary.getTestsFailedCount());
    Throwable failure = summary.getFailures().get(0).getException();
    assertTrue(failure instanceof AssertionFailedError, failure.toString());
    assertTrue(failure.getMessage().contains("expected cred to be held"), failure.getMessage());
  }

  /**
   * A suite with a failing scenario, run only through the launcher above: elsewhere (a build that
   * selects nested classes too) it is disabled.
   */
  @ExtendWith(MixedSuite.OnlyFromLauncher.class)
  static class MixedSuite {
    static final String LAUNCHED = "pathway.junit.mixedSuite";

    static final class OnlyFromLauncher implements ExecutionCondition {
      @Override
      public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return context.getConfigurationParameter(LAUNCHED).isPresent()
            ? ConditionEvaluationResult.enabled("launched by theJunitPlatformReportsEachScenario")
            : ConditionEvaluationResult.disabled("a sample with a failing scenario");
      }
    }

    @TestFactory
    Stream<DynamicTest> scenarios() {
      return PathwayScenarios.dynamicTests(pathway(PASSES, FAILS));
    }
  }
}
