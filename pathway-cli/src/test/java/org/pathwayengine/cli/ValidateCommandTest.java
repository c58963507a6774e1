package org.pathwayengine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathwayengine.cli.internal.InputFormat;
import org.pathwayengine.cli.internal.Inputs;
import org.pathwayengine.cli.internal.LearnerFormat;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.io.ReadResult;

class ValidateCommandTest {
  private static final Problem UNKNOWN = Fixtures.error(ProblemCode.UNKNOWN_BADGE,
      "beta requires 'alfa', which is no badge of this pathway; did you mean 'alpha'?",
      "bad.yaml", 7, 15, "beta");
  private static final Problem CYCLE = Fixtures.error(ProblemCode.CYCLE,
      "alpha and beta require each other: alpha -> beta -> alpha", "bad.yaml", 3, 5, "alpha")
      .withCycle(List.of("alpha", "beta"));
  private static final Problem UNREFERENCED = Problem.of(ProblemCode.UNREFERENCED_BADGE,
          "delta is not part of any rule and needs nothing; is it missing from a stack?")
      .withBadge("delta")
      .withLocation(new org.pathwayengine.core.SourceLocation("warn.yaml", 12, 5));

  @Test
  void validFileExitsZeroWithSummary() {
    CliRunner.Run r = new CliRunner().pathway("good.yaml", Fixtures.mini()).run("validate",
        "good.yaml");
    assertEquals(0, r.code(), r.err());
    assertEquals("1 file checked: 0 errors, 0 warnings\n", r.out());
    assertEquals("", r.err());
  }

  @Test
  void warningsKeepAFileValid() {
    CliRunner.Run r = new CliRunner().pathway("warn.yaml", Fixtures.mini(), UNREFERENCED)
        .run("validate", "warn.yaml");
    assertEquals(0, r.code());
    assertTrue(r.out().startsWith("warn.yaml:12:5: warning UNREFERENCED_BADGE: delta is not"),
        r.out());
  }

  @Test
  void errorsPrintLikeACompilerAndExitOne() {
    CliRunner.Run r = new CliRunner()
        .pathway("bad.yaml", Fixtures.mini(), CYCLE, UNKNOWN)
        .pathway("warn.yaml", Fixtures.mini(), UNREFERENCED)
        .pathway("good.yaml", Fixtures.mini())
        .run("validate", "bad.yaml", "warn.yaml", "good.yaml");
    assertEquals(1, r.code());
    Golden.check("validate-errors.txt", r.out());
    assertEquals("", r.err());
  }

  @Test
  void jsonListsEveryProblemWithItsPlace() {
    CliRunner.Run r = new CliRunner()
        .pathway("bad.yaml", Fixtures.mini(), CYCLE, UNKNOWN)
        .pathway("good.yaml", Fixtures.mini())
        .run("validate", "--format", "json", "bad.yaml", "good.yaml");
    assertEquals(1, r.code());
    Golden.check("validate-errors.json", r.out());
  }

  @Test
  void jsonOfAValidFile() {
    CliRunner.Run r = new CliRunner().pathway("good.yaml", Fixtures.mini())
        .run("validate", "good.yaml", "--format=json");
    assertEquals(0, r.code());
    assertEquals("{\n  \"valid\": true,\n  \"files\": [\"good.yaml\"],\n  \"unreadable\": [],\n"
        + "  \"problems\": []\n}\n", r.out());
  }

  @Test
  void aProblemWithoutPlaceNamesItsFile() {
    Problem p = Problem.of(ProblemCode.PARSE_ERROR, "not YAML");
    CliRunner.Run r = new CliRunner().pathway("x.yaml", null, p).run("validate", "x.yaml");
    assertEquals(1, r.code());
    assertTrue(r.out().startsWith("x.yaml: error PARSE_ERROR: not YAML\n"), r.out());
    CliRunner.Run j = new CliRunner().pathway("x.yaml", null, p)
        .run("validate", "x.yaml", "--format", "json");
    assertTrue(j.out().contains("\"file\": \"x.yaml\",\n      \"line\": null,\n"
        + "      \"column\": null"), j.out());
  }

  @Test
  void anUnreadableFileExitsTwoButTheOthersAreStillChecked() {
    CliRunner.Run r = new CliRunner()
        .pathway("bad.yaml", Fixtures.mini(), UNKNOWN)
        .run("validate", "missing.yaml", "bad.yaml");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("pathway: cannot read missing.yaml: no such file"), r.err());
    assertTrue(r.out().contains("bad.yaml:7:15: error UNKNOWN_BADGE"), r.out());
    assertTrue(r.out().endsWith("1 file checked: 1 error, 0 warnings; 1 could not be read\n"),
        r.out());
  }

  @Test
  void aFolderStandsForThePathwayFilesUnderIt(@TempDir Path dir) throws IOException {
    Files.createDirectories(dir.resolve("sub"));
    Files.writeString(dir.resolve("b.yaml"), "pathway: b\nversion: 1\nbadges: []\n");
    Files.writeString(dir.resolve("sub/a.json"), "{\"version\": \"1\", \"pathway\": \"a\"}");
    Files.writeString(dir.resolve("sub/c.yml"), "pathway: c\n");
    Files.writeString(dir.resolve("learner.yaml"), "learner: alice\nearned: []\n");
    Files.writeString(dir.resolve("notes.txt"), "pathway: not a pathway file\n");
    List<String> read = new ArrayList<>();
    CliRunner.Run r = new CliRunner().fallback(recording(read)).run("validate", dir.toString());
    assertEquals(0, r.code(), r.err());
    assertEquals(List.of(dir.resolve("b.yaml").toString(), dir.resolve("sub/a.json").toString(),
        dir.resolve("sub/c.yml").toString()), read);
    assertEquals("3 files checked: 0 errors, 0 warnings\n", r.out());
  }

  @Test
  void aFolderWithoutPathwaysIsBadUsage(@TempDir Path dir) throws IOException {
    Files.writeString(dir.resolve("learner.yaml"), "learner: alice\n");
    CliRunner.Run r = new CliRunner().run("validate", dir.toString());
    assertEquals(2, r.code());
    assertTrue(r.err().startsWith("pathway: no pathway files"), r.err());
    assertEquals("", r.out());
  }

  @Test
  void noFileIsBadUsage() {
    CliRunner.Run r = new CliRunner().run("validate");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("Missing required parameter: 'FILE'"), r.err());
    assertTrue(r.err().contains("Usage: pathway validate"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
  }

  private static Inputs recording(List<String> read) {
    return new Inputs() {
      @Override
      public ReadResult<Pathway> pathway(Path file, InputFormat format) {
        read.add(file.toString());
        return new ReadResult<>(Optional.of(Fixtures.mini()), List.of());
      }

      @Override
      public ReadResult<LearnerRecord> learner(Path file, LearnerFormat format) {
        throw new AssertionError("validate reads no learner");
      }
    };
  }
}
