package org.pathwayengine.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.io.PathwayFiles;

/**
 * Writes a synthetic pathway and one of its learners as YAML files, for timing the command line end
 * to end: {@code java -cp benchmarks.jar org.pathwayengine.bench.SyntheticFiles DIR [badges]} writes
 * {@code DIR/synthetic-BADGES.yaml} and {@code DIR/learner.yaml} (default 100 000 badges).
 */
public final class SyntheticFiles {
  private SyntheticFiles() {}

  /** Writes the two files. */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : ".");
    int badges = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
    Files.createDirectories(dir);
    Pathway p = SyntheticPathways.pathway(SyntheticPathways.Shape.of(badges), 42);
    LearnerRecord learner = SyntheticPathways.learner(p, 7);
    PathwayFiles files = PathwayFiles.create();
    Path pathwayFile = dir.resolve("synthetic-" + badges + ".yaml");
    files.write(p, pathwayFile);
    files.write(learner, dir.resolve("learner.yaml"));
    System.out.println(pathwayFile + " (" + Files.size(pathwayFile) + " bytes), "
        + dir.resolve("learner.yaml") + " (" + learner.entries().size() + " entries)");
  }
}
