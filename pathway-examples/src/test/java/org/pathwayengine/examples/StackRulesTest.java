package org.pathwayengine.examples;

import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.pathwayengine.junit.PathwayScenarios;

/**
 * How an application checks its stack rules in its own test suite: the scenarios kept beside the
 * bundled example pathway run as JUnit tests, one per scenario.
 */
class StackRulesTest {
  @TestFactory
  Stream<DynamicTest> socialInnovationScenarios() {
    return PathwayScenarios.dynamicTests(Path.of("..", "examples", "social-innovation.yaml"));
  }
}
