package org.pathwayengine.cli.internal;

import java.time.LocalDate;
import picocli.CommandLine.Option;

/** The options of every command that evaluates a learner: the date and the formats of the inputs. */
final class DatedInputOptions {
  @Option(names = "--as-of", paramLabel = "DATE", converter = Converters.Date.class,
      description = "Evaluate on this date, YYYY-MM-DD (default: today).")
  LocalDate asOf;

  @Option(names = "--input-format", paramLabel = "FORMAT", converter = Converters.Input.class,
      description = "native, ca-csv, ctdl, badgr or ob (default: by extension and content).")
  InputFormat inputFormat = InputFormat.AUTO;

  @Option(names = "--learner-format", paramLabel = "FORMAT", converter = Converters.Learner.class,
      description = "native, ob or clr (default: by content).")
  LearnerFormat learnerFormat = LearnerFormat.AUTO;
}
