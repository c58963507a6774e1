package org.pathwayengine.cli.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Problem;
import org.pathwayengine.io.ReadResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pathway validate FILE...}: every problem of every file, the way compilers print them, and a
 * summary line. A folder stands for the pathway files under it, recursively.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Check pathway files and report every problem with its file, line and column.",
        "A folder stands for every .yaml, .yml and .json file under it that declares a pathway."},
    footer = {"", "Exit codes: 0 valid (warnings allowed), 1 some file has errors, "
        + "2 a file or folder cannot be read."})
public final class ValidateCommand extends BaseCommand {
  // A pathway file declares its id at the top level; learner records and other YAML do not.
  private static final Pattern DECLARES_PATHWAY =
      Pattern.compile("(?m)^pathway\\s*:|[\"']pathway[\"']\\s*:");

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "Pathway files or folders.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--input-format", paramLabel = "FORMAT", converter = Converters.Input.class,
      description = "native, ca-csv, ctdl, badgr or ob (default: by extension and content).")
  InputFormat inputFormat = InputFormat.AUTO;

  @Override
  public Integer call() {
    List<Path> expanded = new ArrayList<>();
    for (Path f : files) {
      if (Files.isDirectory(f)) {
        List<Path> found = pathwayFilesUnder(f);
        if (found.isEmpty()) {
          throw ExitException.usage("no pathway files (.yaml, .yml, .json declaring a pathway) in "
              + f);
        }
        expanded.addAll(found);
      } else {
        expanded.add(f);
      }
    }
    int errors = 0;
    int warnings = 0;
    List<String> unreadable = new ArrayList<>();
    List<Json.Obj> json = new ArrayList<>();
    for (Path f : expanded) {
      String name = f.toString();
      ReadResult<Pathway> r;
      try {
        r = env().inputs().pathway(f, inputFormat);
      } catch (ExitException e) {
        // One unreadable file does not hide the problems of the others.
        err().println("pathway: " + e.getMessage());
        unreadable.add(name);
        continue;
      }
      for (Problem p : r.problems()) {
        if (p.isError()) {
          errors++;
        } else {
          warnings++;
        }
        if (common().json()) {
          json.add(Problems.json(p, name));
        } else {
          out().println(Problems.line(p, name, style()));
        }
      }
    }
    boolean valid = errors == 0 && unreadable.isEmpty();
    if (common().json()) {
      printJson(Json.obj()
          .put("valid", valid)
          .put("files", expanded.stream().map(Path::toString).toList())
          .put("unreadable", unreadable)
          .put("problems", json));
    } else {
      String summary = Text.plural(expanded.size() - unreadable.size(), "file") + " checked: "
          + Text.plural(errors, "error") + ", " + Text.plural(warnings, "warning")
          + (unreadable.isEmpty() ? "" : "; " + unreadable.size() + " could not be read");
      out().println(valid ? style().green(summary) : style().red(summary));
    }
    if (!unreadable.isEmpty()) {
      return ExitCodes.USAGE;
    }
    return valid ? ExitCodes.OK : ExitCodes.FAILED;
  }

  private List<Path> pathwayFilesUnder(Path folder) {
    try (Stream<Path> walk = Files.walk(folder)) {
      return walk.filter(Files::isRegularFile)
          .filter(this::hasPathwayExtension)
          .sorted()
          .filter(p -> inputFormat == InputFormat.CA_CSV || declaresPathway(p))
          .toList();
    } catch (IOException | UncheckedIOException e) {
      throw ExitException.usage("cannot read folder " + folder + ": " + e.getMessage());
    }
  }

  private boolean hasPathwayExtension(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    if (inputFormat == InputFormat.CA_CSV) {
      return n.endsWith(".csv");
    }
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  private static boolean declaresPathway(Path p) {
    try {
      // Latin-1 never fails to decode, and the key is ASCII.
      String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
      return DECLARES_PATHWAY.matcher(text).find();
    } catch (IOException e) {
      // Unreadable files are kept: reading them reports the problem properly.
      return true;
    }
  }
}
