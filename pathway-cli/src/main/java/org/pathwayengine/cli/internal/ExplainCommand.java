package org.pathwayengine.cli.internal;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Explanation;
import org.pathwayengine.core.ExplanationNode;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.PathwayEvaluator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pathway explain FILE BADGE --learner REC}: why a badge is or is not held and eligible, as
 * requirement trees with each node marked ✓ or ✗.
 */
@Command(name = "explain", sortOptions = false,
    description = "Why a badge is or is not held and eligible: its requirement trees, each node "
        + "marked ✓ (holds) or ✗ (does not).",
    footer = {"", "Exit codes: 0 done, 1 the pathway is invalid, "
        + "2 bad usage, unknown badge or unreadable input."})
public final class ExplainCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "The pathway file.")
  Path file;

  @Parameters(index = "1", paramLabel = "BADGE", description = "The badge id (or alias).")
  String badge;

  @Option(names = "--learner", required = true, paramLabel = "REC",
      description = "The learner record.")
  Path learnerFile;

  @Mixin
  DatedInputOptions inputs = new DatedInputOptions();

  @Override
  public Integer call() {
    Pathway pathway = validPathway(file, inputs.inputFormat);
    LearnerRecord record = learner(learnerFile, inputs.learnerFormat);
    String id = pathway.resolve(badge).orElseThrow(() -> ExitException.usage(
        "'" + badge + "' is no badge of " + pathway.id()));
    LocalDate date = dateOr(inputs.asOf);
    Explanation e = PathwayEvaluator.of(pathway).explain(record, date, id);
    if (common().json()) {
      printJson(Json.obj()
          .put("badge", e.badge())
          .put("held", e.held())
          .put("eligible", e.eligible())
          .put("requires", e.requires().map(ExplainCommand::tree).orElse(null))
          .put("stack", e.stack().map(ExplainCommand::tree).orElse(null))
          .put("coRequires", e.coRequires().map(ExplainCommand::tree).orElse(null)));
      return ExitCodes.OK;
    }
    Style s = style();
    Badge b = pathway.badge(id).orElseThrow();
    out().println(s.bold(b.title()) + " (" + id + ") for " + record.learner() + " on " + date);
    String held = e.held() ? s.green("✓ held") : s.red("✗ not held");
    String eligible;
    if (b.isStacked()) {
      eligible = s.dim("stacked credential: awarded when its stack rule holds, never taken");
    } else if (e.held()) {
      eligible = s.dim("already held");
    } else {
      eligible = e.eligible() ? s.green("✓ eligible") : s.red("✗ not eligible");
    }
    out().println("  " + held + "   " + eligible);
    printTree("requires", e.requires(), s);
    printTree("coRequires", e.coRequires(), s);
    printTree("stack", e.stack(), s);
    return ExitCodes.OK;
  }

  private void printTree(String heading, Optional<ExplanationNode> root, Style s) {
    if (root.isEmpty()) {
      if (heading.equals("requires")) {
        out().println(s.bold(heading) + s.dim(": none"));
      }
      return;
    }
    out().println(s.bold(heading));
    // Depth-first with an explicit stack: each entry is a node and the prefix of its line.
    Deque<Object[]> stack = new ArrayDeque<>();
    stack.push(new Object[] {root.get(), "  ", "  "});
    while (!stack.isEmpty()) {
      Object[] top = stack.pop();
      ExplanationNode n = (ExplanationNode) top[0];
      String first = (String) top[1];
      String rest = (String) top[2];
      String mark = n.holds() ? s.green("✓") : s.red("✗");
      StringBuilder line = new StringBuilder(first).append(mark).append(' ').append(n.label());
      if (!n.children().isEmpty() || !n.op().equals("badge")) {
        if (!n.satisfiedBy().isEmpty()) {
          line.append(s.dim("  by " + String.join(", ", n.satisfiedBy().stream().sorted().toList())));
        }
      }
      out().println(line);
      List<ExplanationNode> ch = n.children();
      for (int i = ch.size() - 1; i >= 0; i--) {
        boolean last = i == ch.size() - 1;
        stack.push(new Object[] {ch.get(i), rest + (last ? "└─ " : "├─ "),
            rest + (last ? "   " : "│  ")});
      }
    }
  }

  /** The TREE of SPEC section 8: op, holds, satisfiedBy, children (and a label for people). */
  static Json.Obj tree(ExplanationNode root) {
    // Built bottom-up without recursion: children are finished before their parent.
    Map<ExplanationNode, Json.Obj> done = new IdentityHashMap<>();
    Deque<ExplanationNode> stack = new ArrayDeque<>();
    Deque<Boolean> expanded = new ArrayDeque<>();
    stack.push(root);
    expanded.push(false);
    while (!stack.isEmpty()) {
      ExplanationNode n = stack.pop();
      boolean ready = expanded.pop();
      if (!ready) {
        stack.push(n);
        expanded.push(true);
        for (ExplanationNode c : n.children()) {
          stack.push(c);
          expanded.push(false);
        }
        continue;
      }
      List<Json.Obj> children = new ArrayList<>();
      for (ExplanationNode c : n.children()) {
        children.add(done.get(c));
      }
      done.put(n, Json.obj()
          .put("op", n.op())
          .put("label", n.label())
          .put("holds", n.holds())
          .put("satisfiedBy", n.satisfiedBy().stream().sorted().toList())
          .put("children", children));
    }
    return done.get(root);
  }
}
