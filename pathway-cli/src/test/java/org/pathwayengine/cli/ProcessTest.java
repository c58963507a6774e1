package org.pathwayengine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The command as a real process: exit codes, standard output and standard error as a shell sees them.
 * Runs the main class on the test class path (so it works before {@code package}), and the
 * {@code ./pathway} launcher too when the shaded jar has been built.
 */
class ProcessTest {
  record Result(int code, String out, String err) {}

  static Result run(List<String> command, String... env) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command);
    for (int i = 0; i < env.length; i += 2) {
      pb.environment().put(env[i], env[i + 1]);
    }
    pb.environment().remove("NO_COLOR");
    Path out = Files.createTempFile("pathway-out", ".txt");
    Path err = Files.createTempFile("pathway-err", ".txt");
    try {
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      Process p = pb.start();
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pathway did not finish: " + command);
      return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
          Files.readString(err, StandardCharsets.UTF_8));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }

  static Result cli(String... args) throws IOException, InterruptedException {
    String cp = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", cp,
        PathwayCommand.class.getName()));
    command.addAll(List.of(args));
    return run(command);
  }

  @Test
  void successPrintsTheResultOnStandardOutput() throws Exception {
    Result r = cli("test", FilesTest.EXAMPLE);
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().endsWith("\n4 passed, 0 failed\n"), r.out());
    assertTrue(r.out().contains("✓ two credentials stack"), "UTF-8 whatever the locale: " + r.out());
    assertEquals("", r.err());
  }

  @Test
  void jsonGoesToStandardOutputAndMessagesToStandardError() throws Exception {
    Result r = cli("test", FilesTest.FAILING, "--format", "json");
    assertEquals(1, r.code(), r.err());
    assertTrue(r.out().startsWith("{\n  \"passed\": 1,\n  \"failed\": 1,"), r.out());
    assertEquals("1 passed, 1 failed\n", r.err());
  }

  @Test
  void badUsageExitsTwoWithoutAStackTrace() throws Exception {
    Result r = cli("status", FilesTest.EXAMPLE, "--learner", "no-such-learner.yaml");
    assertEquals(2, r.code());
    assertEquals("", r.out());
    assertEquals("pathway: cannot read no-such-learner.yaml: no such file\n", r.err());
  }

  /** {@code ./pathway} itself, when the jar exists (mvn verify tests before it packages). */
  @Test
  void theLauncherRunsTheJar() throws Exception {
    Path root = Path.of("..").toAbsolutePath().normalize();
    boolean jar;
    try (Stream<Path> files = Files.list(root.resolve("pathway-cli").resolve("target"))) {
      jar = files.anyMatch(p -> p.getFileName().toString().matches("pathway-cli-.*-all\\.jar"));
    } catch (IOException e) {
      jar = false;
    }
    assumeTrue(jar, "no shaded jar yet: run mvn package, then this test runs the launcher");
    Result r = run(List.of("bash", root.resolve("pathway").toString(), "validate",
        root.resolve("examples").toString()), "PATHWAY_SKIP_BUILD", "1");
    assertEquals(0, r.code(), r.err());
    assertEquals("1 file checked: 0 errors, 0 warnings\n", r.out());
    Result bad = run(List.of("bash", root.resolve("pathway").toString(), "render",
        root.resolve("examples").resolve("social-innovation.yaml").toString()),
        "PATHWAY_SKIP_BUILD", "1");
    assertEquals(2, bad.code());
    assertTrue(bad.err().startsWith("Missing required option: '--to=dot|mermaid'"), bad.err());
  }
}
