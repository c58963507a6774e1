package org.pathwayengine.cli.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.ScenarioResult;
import org.pathwayengine.core.ScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code pathway test FILE}: runs the scenarios kept beside a pathway (SPEC section 6), prints each
 * failure with what was expected and what was found, and ends with {@code N passed, N failed}.
 */
@Command(name = "test", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Run the pathway's scenarios (tests of its stack rules) and report each failure.",
    footer = {"", "Exit codes: 0 every scenario passed, 1 a scenario failed or the pathway is "
        + "invalid, 2 bad usage or unreadable input."})
public final class TestCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "FILE", description = "The pathway file.")
  Path file;

  @Option(names = "--input-format", paramLabel = "FORMAT", converter = Converters.Input.class,
      description = "native, ca-csv, ctdl, badgr or ob (default: by extension and content).")
  InputFormat inputFormat = InputFormat.AUTO;

  @Override
  public Integer call() {
    Pathway pathway = validPathway(file, inputFormat);
    List<ScenarioResult> results = ScenarioRunner.run(pathway);
    int passed = 0;
    int failed = 0;
    List<Json.Obj> failures = new ArrayList<>();
    Style s = style();
    for (ScenarioResult r : results) {
      if (r.passed()) {
        passed++;
      } else {
        failed++;
      }
      if (common().json()) {
        for (String message : r.failures()) {
          failures.add(Json.obj().put("scenario", r.scenario()).put("message", message));
        }
        continue;
      }
      if (r.passed()) {
        out().println(s.green("✓") + " " + r.scenario());
      } else {
        out().println(s.red("✗") + " " + r.scenario());
        for (String message : r.failures()) {
          out().println("    " + message);
        }
      }
    }
    String summary = passed + " passed, " + failed + " failed";
    if (common().json()) {
      printJson(Json.obj().put("passed", passed).put("failed", failed).put("failures", failures));
      // The plain line is for people: on standard error, so that standard output stays JSON.
      err().println(summary);
    } else {
      out().println(summary);
    }
    return failed == 0 ? ExitCodes.OK : ExitCodes.FAILED;
  }
}
