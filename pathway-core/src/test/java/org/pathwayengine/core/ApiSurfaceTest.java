package org.pathwayengine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The public API of pathway-core, pinned: a public type added by accident, or one leaking out of an
 * {@code internal} package's purpose, fails here and has to be added on purpose.
 */
class ApiSurfaceTest {
  private static final Map<String, Set<String>> API = Map.of(
      "org.pathwayengine.core", Set.of("Badge", "BatchEvaluator", "CostMeasure", "Dependency",
          "DependencyKind", "Eligibility", "EvaluationOptions", "Explanation", "ExplanationNode",
          "LearnerOutcome", "LearnerRecord", "LearnerState", "LearnerStatus", "ModelPointer",
          "Pathway", "PathwayEvaluator", "PathwayImport", "PathwayValidator", "Problem",
          "ProblemCode", "Progress", "Requirement", "Scenario", "ScenarioResult", "ScenarioRunner",
          "Severity", "SourceLocation"),
      "org.pathwayengine.core.plan", Set.of("Goal", "GoalPlan", "GoalPlanner", "Recommender",
          "TermPlan", "TermPlanner"),
      "org.pathwayengine.core.analytics", Set.of("AnalysisOptions", "BadgeMetrics",
          "BlockingFactor", "CurriculumAnalytics", "CurriculumReport", "DegreePlanMetrics",
          "GraphMetrics", "RedundantRequisite", "RedundantRequisites", "VertexMetrics"));

  @Test
  void publicTopLevelTypesOutsideInternalPackagesAreExactlyTheApi() throws Exception {
    Path classes = Path.of(Pathway.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    Map<String, Set<String>> found = new TreeMap<>();
    try (Stream<Path> files = Files.walk(classes)) {
      for (Path f : (Iterable<Path>) files::iterator) {
        String rel = classes.relativize(f).toString().replace('\\', '/');
        if (!rel.endsWith(".class") || rel.contains("$") || rel.endsWith("package-info.class")) {
          continue;
        }
        String name = rel.substring(0, rel.length() - ".class".length()).replace('/', '.');
        Class<?> type = Class.forName(name, false, getClass().getClassLoader());
        String pkg = type.getPackageName();
        if (Modifier.isPublic(type.getModifiers()) && !pkg.endsWith(".internal")) {
          found.computeIfAbsent(pkg, k -> new TreeSet<>()).add(type.getSimpleName());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Map<String, Set<String>> expected = new TreeMap<>();
    API.forEach((k, v) -> expected.put(k, new TreeSet<>(v)));
    assertEquals(expected, found);
  }

  @Test
  void theApiNamesNoGuavaTypes() {
    // Guava stays an implementation detail: no public method of the API returns or takes its types.
    for (Map.Entry<String, Set<String>> e : API.entrySet()) {
      for (String simple : e.getValue()) {
        Class<?> type;
        try {
          type = Class.forName(e.getKey() + "." + simple);
        } catch (ClassNotFoundException ex) {
          throw new AssertionError(ex);
        }
        for (var m : type.getMethods()) {
          Stream.concat(Stream.of(m.getReturnType()), Stream.of(m.getParameterTypes()))
              .forEach(t -> assertEquals(false, t.getName().startsWith("com.google.common"),
                  () -> type.getName() + "." + m.getName() + " uses " + t.getName()));
        }
      }
    }
  }
}
