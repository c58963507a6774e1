package org.pathwayengine.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.BatchEvaluator;
import org.pathwayengine.core.Dependency;
import org.pathwayengine.core.LearnerOutcome;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code pathway render FILE --to dot|mermaid [--learner REC]}: the pathway's graph as text, with a
 * learner's held, eligible and blocked badges styled apart.
 */
@Command(name = "render", sortOptions = false,
    description = "Draw the pathway's graph as Graphviz dot or Mermaid; with a learner, held, "
        + "eligible and blocked badges are styled apart.",
    footer = {"", "Exit codes: 0 done, 1 the pathway is invalid, 2 bad usage or unreadable input."})
public final class RenderCommand extends BaseCommand {
  /** The graph languages. */
  enum To {
    DOT, MERMAID
  }

  @Parameters(index = "0", paramLabel = "FILE", description = "The pathway file.")
  Path file;

  @Option(names = "--to", required = true, paramLabel = "dot|mermaid", converter = ToConverter.class,
      description = "The graph language: dot (Graphviz) or mermaid.")
  To to;

  @Option(names = "--learner", paramLabel = "REC", description = "Style the badges for this learner.")
  Path learnerFile;

  @Mixin
  DatedInputOptions inputs = new DatedInputOptions();

  @Override
  public Integer call() {
    Pathway pathway = validPathway(file, inputs.inputFormat);
    Optional<Map<String, GraphText.State>> states = Optional.empty();
    if (learnerFile != null) {
      LearnerRecord record = learner(learnerFile, inputs.learnerFormat);
      // Held and eligible only: the compiled evaluator, not a full status that plans every credential.
      LearnerOutcome outcome = BatchEvaluator.of(pathway).evaluate(record, dateOr(inputs.asOf));
      Map<String, GraphText.State> map = new HashMap<>();
      for (Badge b : GraphText.badges(pathway)) {
        map.put(b.id(), outcome.isHeld(b.id()) ? GraphText.State.HELD
            : outcome.isEligible(b.id()) ? GraphText.State.ELIGIBLE : GraphText.State.BLOCKED);
      }
      states = Optional.of(map);
    }
    String text = to == To.DOT ? GraphText.dot(pathway, states) : GraphText.mermaid(pathway, states);
    if (!common().json()) {
      out().print(text);
      return ExitCodes.OK;
    }
    List<Json.Obj> nodes = new ArrayList<>();
    for (Badge b : GraphText.badges(pathway)) {
      Json.Obj n = Json.obj().put("badge", b.id()).put("title", b.title())
          .put("stacked", b.isStacked());
      Optional<Map<String, GraphText.State>> st = states;
      st.ifPresent(m -> n.put("state", m.get(b.id()).label()));
      nodes.add(n);
    }
    List<Json.Obj> edges = new ArrayList<>();
    for (Dependency d : GraphText.edges(pathway)) {
      edges.add(Json.obj().put("from", d.from()).put("to", d.to())
          .put("kind", d.kind().name().toLowerCase(Locale.ROOT).replace('_', '-')));
    }
    printJson(Json.obj()
        .put("to", to.name().toLowerCase(Locale.ROOT))
        .put("nodes", nodes)
        .put("edges", edges)
        .put("text", text));
    return ExitCodes.OK;
  }

  /** {@code dot} or {@code mermaid}. */
  static final class ToConverter implements ITypeConverter<To> {
    @Override
    public To convert(String value) {
      for (To t : To.values()) {
        if (t.name().equalsIgnoreCase(value)) {
          return t;
        }
      }
      throw new TypeConversionException("'" + value + "' is not a graph language; use dot or mermaid");
    }
  }
}
