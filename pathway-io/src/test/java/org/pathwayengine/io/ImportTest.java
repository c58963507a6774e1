package org.pathwayengine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pathwayengine.io.ProblemLocationTest.only;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.core.Requirement;

class ImportTest {
  private final PathwayFiles files = PathwayFiles.create();
  @TempDir Path dir;

  private Path write(String name, String text) throws IOException {
    Path p = dir.resolve(name);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  private static String importing(String file) {
    return "pathway: main\nversion: 1\nimports:\n  - file: " + file + "\n    as: lib\n"
        + "badges:\n  - id: a\n    title: A\n    requires: lib:x\n";
  }

  @Test
  void importedBadgesJoinWithTheirPrefix() throws IOException {
    write("lib/core.yaml", "pathway: lib\nversion: 1\nbadges:\n  - id: y\n    title: Y\n"
        + "  - id: x\n    title: X\n    requires: y\n    tags: [t]\n"
        + "equivalences:\n  - [x, y]\n");
    Path main = write("main.yaml", importing("lib/core.yaml"));
    var r = files.readWithImports(main);
    assertTrue(r.problems().isEmpty(), r.problems()::toString);
    Pathway p = r.value().orElseThrow();
    assertEquals(List.of("a", "lib:y", "lib:x"), p.badges().stream().map(Badge::id).toList());
    assertEquals(new Requirement.BadgeRef("lib:y"), p.badge("lib:x").orElseThrow().requires()
        .orElseThrow());
    assertEquals(List.of("t"), p.badge("lib:x").orElseThrow().tags());
    assertEquals(List.of(List.of("lib:x", "lib:y")), p.equivalences());
    // read alone, the import is kept as declared and the reference stays unresolved
    Pathway alone = files.read(main).value().orElseThrow();
    assertEquals(1, alone.badges().size());
    assertEquals("lib", alone.imports().get(0).prefix());
    // a pathway read whole writes back its own badges only (the import's equivalence is kept, as
    // it is valid in the importing file too)
    Pathway rewritten = files.read(files.write(p, FileFormat.YAML).getBytes(
        java.nio.charset.StandardCharsets.UTF_8), FileFormat.YAML, "w.yaml").value().orElseThrow();
    assertEquals(alone.badges(), rewritten.badges());
    assertEquals(alone.imports(), rewritten.imports());
  }

  @Test
  void problemsOfAnImportedFileNameThatFile() throws IOException {
    write("lib.yaml", "pathway: lib\nversion: 1\nbadges:\n  - id: x\n    title: X\n"
        + "    hours: -3\n");
    var r = files.readWithImports(write("main.yaml", importing("lib.yaml")));
    Problem p = only(r, ProblemCode.INVALID_VALUE, 6, 12);
    assertTrue(p.location().orElseThrow().file().endsWith("lib.yaml"), p::toString);
  }

  @Test
  void missingFileNamesTheChain() throws IOException {
    var r = files.readWithImports(write("main.yaml", importing("nope.yaml")));
    Problem p = only(r, ProblemCode.IMPORT_ERROR, 4, 11);
    assertTrue(p.message().contains("main.yaml -> nope.yaml"), p.message());
  }

  @Test
  void escapeWithDotDotIsRefused() throws IOException {
    Path main = write("sub/main.yaml", importing("../../etc/passwd"));
    Problem p = only(files.readWithImports(main), ProblemCode.IMPORT_ERROR, 4, 11);
    assertTrue(p.message().contains(".."), p.message());
  }

  @Test
  void absolutePathAndUrlAreRefused() throws IOException {
    only(files.readWithImports(write("a.yaml", importing("/etc/passwd"))),
        ProblemCode.IMPORT_ERROR, 4, 11);
    only(files.readWithImports(write("b.yaml", importing("https://example.org/p.yaml"))),
        ProblemCode.IMPORT_ERROR, 4, 11);
  }

  @Test
  void importCycleNamesTheChain() throws IOException {
    write("b.yaml", "pathway: b\nversion: 1\nimports:\n  - {file: c.yaml, as: c}\nbadges: []\n");
    write("c.yaml", "pathway: c\nversion: 1\nimports:\n  - {file: b.yaml, as: b}\nbadges: []\n");
    var r = files.readWithImports(write("a.yaml",
        "pathway: a\nversion: 1\nimports:\n  - {file: b.yaml, as: b}\nbadges: []\n"));
    Problem p = only(r, ProblemCode.IMPORT_ERROR, 4, 12);
    assertTrue(p.message().contains("import cycle: a.yaml -> b.yaml -> c.yaml -> b.yaml"),
        p.message());
    assertTrue(p.location().orElseThrow().file().endsWith("c.yaml"), p::toString);
  }

  @Test
  void selfImportIsACycle() throws IOException {
    var r = files.readWithImports(write("self.yaml",
        "pathway: s\nversion: 1\nimports:\n  - {file: self.yaml, as: s}\nbadges: []\n"));
    only(r, ProblemCode.IMPORT_ERROR, 4, 12);
  }

  @Test
  void missingRootFileIsAProblemNotAnException() {
    var r = files.read(dir.resolve("absent.yaml"));
    assertEquals(1, r.problems().size());
    assertTrue(r.value().isEmpty());
  }
}
