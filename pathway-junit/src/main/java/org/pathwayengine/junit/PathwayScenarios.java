package org.pathwayengine.junit;

import static java.util.Objects.requireNonNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.PathwayValidator;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.Scenario;
import org.pathwayengine.core.ScenarioResult;
import org.pathwayengine.core.ScenarioRunner;
import org.pathwayengine.io.PathwayFiles;
import org.pathwayengine.io.ReadResult;

/**
 * A pathway's scenarios (SPEC section 6) as JUnit 5 dynamic tests, so that an application's own test
 * suite checks its stack rules in one line:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> stackRules() {
 *   return PathwayScenarios.dynamicTests(Path.of("pathways/social-innovation.yaml"));
 * }
 * }</pre>
 *
 * <p>One test per scenario, named after it; a failing scenario fails with what was expected and what
 * was found. A file that cannot be read, or a pathway that does not validate, gives a single failing
 * test that lists its problems ({@code file:line:column: error CODE: message}).
 */
public final class PathwayScenarios {
  private PathwayScenarios() {}

  /**
   * One dynamic test per scenario of the pathway file (YAML or JSON, imports included), in order; a
   * single failing test if the file cannot be read or the pathway has errors. The tests' source is the
   * file, so that an IDE can open it.
   *
   * @param file the pathway file
   * @return the tests, to return from a {@code @TestFactory} method
   */
  public static Stream<DynamicTest> dynamicTests(Path file) {
    requireNonNull(file, "file");
    ReadResult<Pathway> read = PathwayFiles.create().readWithImports(file);
    URI source = file.toUri();
    return tests(read.value().orElse(null), read.problems(), file.toString(), source);
  }

  /**
   * One dynamic test per scenario of {@code pathway}, in order; a single failing test if the pathway
   * has validation errors.
   *
   * @param pathway the pathway, with its scenarios
   * @return the tests, to return from a {@code @TestFactory} method
   */
  public static Stream<DynamicTest> dynamicTests(Pathway pathway) {
    requireNonNull(pathway, "pathway");
    return tests(pathway, PathwayValidator.validate(pathway), pathway.id(), null);
  }

  static Stream<DynamicTest> tests(Pathway pathway, List<Problem> problems, String name, URI source) {
    List<Problem> errors = problems.stream().filter(Problem::isError).toList();
    if (pathway == null || !errors.isEmpty()) {
      String listed = (errors.isEmpty() ? problems : errors).stream()
          .map(Problem::toString)
          .collect(Collectors.joining("\n  ", "\n  ", ""));
      return Stream.of(DynamicTest.dynamicTest(name + " is a valid pathway", source,
          () -> fail(name + " is not a valid pathway, so its scenarios cannot run:" + listed)));
    }
    return pathway.scenarios().stream().map(s -> test(pathway, s, source));
  }

  private static DynamicTest test(Pathway pathway, Scenario scenario, URI source) {
    return DynamicTest.dynamicTest(scenario.name(), source, () -> {
      ScenarioResult r = ScenarioRunner.run(pathway, scenario);
      if (!r.passed()) {
        fail("scenario '" + scenario.name() + "' failed:\n  " + String.join("\n  ", r.failures()));
      }
    });
  }
}
