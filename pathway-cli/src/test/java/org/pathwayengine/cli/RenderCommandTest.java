package org.pathwayengine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Pathway;

class RenderCommandTest {
  private final CliRunner cli = new CliRunner().pathway("mini.yaml", Fixtures.mini());

  @Test
  void dotDrawsEachKindOfEdgeItsOwnWay() {
    CliRunner.Run r = cli.run("render", "mini.yaml", "--to", "dot");
    assertEquals(0, r.code(), r.err());
    Golden.check("render-mini.dot", r.out());
    assertTrue(r.out().contains("\"alpha\" -> \"beta\";\n"), r.out());
    assertTrue(r.out().contains("\"beta\" -> \"gamma\" [style=dotted"), r.out());
    assertTrue(r.out().contains("\"alpha\" -> \"cred\" [style=dashed"), r.out());
  }

  @Test
  void mermaidDrawsEachKindOfEdgeItsOwnWay() {
    CliRunner.Run r = cli.run("render", "mini.yaml", "--to", "mermaid");
    assertEquals(0, r.code(), r.err());
    Golden.check("render-mini.mmd", r.out());
    assertTrue(r.out().contains("  b0 --> b1\n"), r.out());
    assertTrue(r.out().contains("  b1 -. co-requisite .-> b2\n"), r.out());
    assertTrue(r.out().contains("  b0 ==> b4\n"), r.out());
  }

  @Test
  void labelsAreEscaped() {
    Pathway p = Pathway.builder("q", "1")
        .badge(Badge.builder("x:a.b", "Say \"hi\" \\ now").build()).build();
    CliRunner.Run dot = new CliRunner().pathway("q.yaml", p).run("render", "q.yaml", "--to", "dot");
    assertTrue(dot.out().contains("\"x:a.b\" [label=\"Say \\\"hi\\\" \\\\ now\\nx:a.b\"]"),
        dot.out());
    CliRunner.Run mmd = new CliRunner().pathway("q.yaml", p)
        .run("render", "q.yaml", "--to", "mermaid");
    assertTrue(mmd.out().contains("  b0(\"Say #quot;hi#quot; \\ now\")\n"), mmd.out());
  }

  @Test
  void jsonHasNodesEdgesAndTheText() {
    CliRunner.Run r = cli.run("render", "mini.yaml", "--to", "mermaid", "--format", "json");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("{\n  \"to\": \"mermaid\",\n  \"nodes\": [\n    {\n"
        + "      \"badge\": \"alpha\",\n      \"title\": \"Alpha\",\n      \"stacked\": false\n"
        + "    },"), r.out());
    assertTrue(r.out().contains("{\n      \"from\": \"beta\",\n      \"to\": \"gamma\",\n"
        + "      \"kind\": \"co-requisite\"\n    }"), r.out());
    assertTrue(r.out().contains("\"text\": \"flowchart LR\\n"), r.out());
  }
}
