package org.pathwayengine.cli.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Dependency;
import org.pathwayengine.core.DependencyKind;
import org.pathwayengine.core.Pathway;

/**
 * A pathway's dependency graph as Graphviz dot or Mermaid text. Prerequisite edges are solid,
 * co-requisite edges dotted, stacking edges dashed (dot) or thick (Mermaid); stacked credentials are
 * drawn with a double border. With a learner, held, eligible and blocked badges get their own styles.
 * Output is deterministic: badges in pathway order, edges sorted. O(badges + edges).
 */
public final class GraphText {
  /** A badge's state for a learner. */
  public enum State {
    /** The learner holds it. */
    HELD,
    /** The learner can start it now. */
    ELIGIBLE,
    /** Neither held nor eligible. */
    BLOCKED;

    /** The lower-case name used in output. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private GraphText() {}

  /** The graph's edges, sorted by target badge order, then source order, then kind. */
  public static List<Dependency> edges(Pathway pathway) {
    Map<String, Integer> order = order(pathway);
    List<Dependency> edges = new ArrayList<>(pathway.dependencyGraph().edgeSet());
    edges.sort(Comparator.<Dependency>comparingInt(d -> order.getOrDefault(d.to(), -1))
        .thenComparingInt(d -> order.getOrDefault(d.from(), -1))
        .thenComparing(Dependency::kind));
    return edges;
  }

  /** The distinct badges, first of each id, in pathway order. */
  public static List<Badge> badges(Pathway pathway) {
    Set<String> seen = new LinkedHashSet<>();
    List<Badge> out = new ArrayList<>();
    for (Badge b : pathway.badges()) {
      if (seen.add(b.id())) {
        out.add(b);
      }
    }
    return out;
  }

  private static Map<String, Integer> order(Pathway pathway) {
    Map<String, Integer> order = new HashMap<>();
    for (Badge b : badges(pathway)) {
      order.put(b.id(), order.size());
    }
    return order;
  }

  /** Graphviz dot. {@code states} is empty without a learner. */
  public static String dot(Pathway pathway, Optional<Map<String, State>> states) {
    StringBuilder out = new StringBuilder();
    out.append("digraph ").append(dotId(pathway.id())).append(" {\n");
    out.append("  // ").append(pathway.title().orElse(pathway.id())).append(' ')
        .append(pathway.version()).append('\n');
    out.append("  // edges: prerequisite solid, co-requisite dotted, stacking dashed (open diamond)\n");
    if (states.isPresent()) {
      out.append("  // learner: held green, eligible yellow, blocked grey and dashed\n");
    }
    out.append("  rankdir=LR;\n");
    out.append("  node [shape=box, style=rounded, fontname=\"Helvetica\"];\n");
    out.append("  edge [fontname=\"Helvetica\", fontsize=10];\n");
    for (Badge b : badges(pathway)) {
      List<String> attrs = new ArrayList<>();
      attrs.add("label=" + dotString(b.title() + "\n" + b.id()));
      if (b.isStacked()) {
        attrs.add("peripheries=2");
      }
      if (states.isPresent()) {
        State st = states.get().getOrDefault(b.id(), State.BLOCKED);
        if (st == State.HELD) {
          attrs.add("style=\"rounded,filled\"");
          attrs.add("fillcolor=\"#c8e6c9\"");
          attrs.add("color=\"#2e7d32\"");
        } else if (st == State.ELIGIBLE) {
          attrs.add("style=\"rounded,filled\"");
          attrs.add("fillcolor=\"#fff9c4\"");
          attrs.add("color=\"#f9a825\"");
        } else {
          attrs.add("style=\"rounded,dashed\"");
          attrs.add("color=\"#9e9e9e\"");
          attrs.add("fontcolor=\"#757575\"");
        }
        attrs.add("class=" + dotString(st.label()));
      }
      out.append("  ").append(dotId(b.id())).append(" [").append(String.join(", ", attrs))
          .append("];\n");
    }
    for (Dependency d : edges(pathway)) {
      out.append("  ").append(dotId(d.from())).append(" -> ").append(dotId(d.to()));
      if (d.kind() == DependencyKind.CO_REQUISITE) {
        out.append(" [style=dotted, label=\"co-requisite\"]");
      } else if (d.kind() == DependencyKind.STACKING) {
        out.append(" [style=dashed, arrowhead=odiamond, color=\"#1565c0\"]");
      }
      out.append(";\n");
    }
    out.append("}\n");
    return out.toString();
  }

  /** Mermaid flowchart. {@code states} is empty without a learner. */
  public static String mermaid(Pathway pathway, Optional<Map<String, State>> states) {
    StringBuilder out = new StringBuilder();
    out.append("flowchart LR\n");
    out.append("  %% ").append(mermaidComment(pathway.title().orElse(pathway.id()))).append(' ')
        .append(mermaidComment(pathway.version())).append('\n');
    out.append("  %% edges: prerequisite -->, co-requisite -.->, stacking ==>\n");
    Map<String, String> ids = new HashMap<>();
    List<Badge> badges = badges(pathway);
    for (Badge b : badges) {
      // Badge ids may hold ':' and '.', which Mermaid ids cannot: number the nodes instead.
      String node = "b" + ids.size();
      ids.put(b.id(), node);
      String label = mermaidString(b.title());
      out.append("  ").append(node)
          .append(b.isStacked() ? "[[" + label + "]]" : "(" + label + ")")
          .append('\n');
    }
    for (Dependency d : edges(pathway)) {
      String arrow = d.kind() == DependencyKind.PREREQUISITE ? " --> "
          : d.kind() == DependencyKind.CO_REQUISITE ? " -. co-requisite .-> " : " ==> ";
      out.append("  ").append(ids.get(d.from())).append(arrow).append(ids.get(d.to())).append('\n');
    }
    if (states.isPresent()) {
      out.append("  classDef held fill:#c8e6c9,stroke:#2e7d32\n");
      out.append("  classDef eligible fill:#fff9c4,stroke:#f9a825\n");
      out.append("  classDef blocked fill:#eeeeee,stroke:#9e9e9e,color:#757575,"
          + "stroke-dasharray:4 4\n");
      for (State st : State.values()) {
        List<String> members = new ArrayList<>();
        for (Badge b : badges) {
          if (states.get().getOrDefault(b.id(), State.BLOCKED) == st) {
            members.add(ids.get(b.id()));
          }
        }
        if (!members.isEmpty()) {
          out.append("  class ").append(String.join(",", members)).append(' ').append(st.label())
              .append('\n');
        }
      }
    }
    return out.toString();
  }

  private static String dotId(String id) {
    return dotString(id);
  }

  private static String dotString(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c >= 0x20) {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static String mermaidString(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        out.append("#quot;");
      } else if (c >= 0x20) {
        out.append(c);
      }
    }
    return out.append('"').toString();
  }

  private static String mermaidComment(String s) {
    return s.replaceAll("[\\r\\n]", " ");
  }
}
