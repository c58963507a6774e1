package org.pathwayengine.io;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.io.internal.FileReading;
import org.pathwayengine.io.internal.ModelWriter;
import org.pathwayengine.io.internal.TreeWriter;

/**
 * Reads and writes pathway files (SPEC §2, §6) and learner records (SPEC §7), in YAML or JSON.
 *
 * <p>Reading never throws for bad input: every problem of a file comes back at once in the
 * {@link ReadResult}, each with its file, 1-based line and column (the offending token), and, where
 * one is involved, the badge: syntax ({@code PARSE_ERROR}), shape ({@code SCHEMA_ERROR}), values
 * ({@code INVALID_VALUE}, {@code EMPTY_GROUP}, {@code DEPTH_EXCEEDED}), {@code DUPLICATE_ID},
 * imports ({@code IMPORT_ERROR}), limits ({@code LIMIT_EXCEEDED}, see {@link ReadLimits}), and the
 * core validator's problems placed at their token. Imports are read only by
 * {@link #readWithImports(Path)}: they name files relative to the importing file, inside its folder
 * (no {@code ..}, no absolute path, no URL); their badges join the pathway as {@code prefix:id}.
 *
 * <p>Writing is canonical and stable: fields in SPEC order, badges in model order, {@code x-} fields
 * after the known fields of their map, two-space indent, {@code \n} line ends. Reading a written file
 * gives an equal pathway, and writing a canonical file again gives the same bytes. Comments and the
 * {@code $schema} key are not part of the model and are not written back. Numbers in {@code x-}
 * values read back as {@code Long} (or {@code BigInteger}) and {@code Double}.
 *
 * <pre>{@code
 * PathwayFiles files = PathwayFiles.create();
 * ReadResult<Pathway> read = files.readWithImports(Path.of("social-innovation.yaml"));
 * read.problems().forEach(System.err::println);   // file:line:column: error CODE: message
 * read.value().ifPresent(p -> System.out.print(files.write(p, FileFormat.JSON)));
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class PathwayFiles {
  private final ReadLimits limits;
  private final boolean warnings;
  private final FileReading reading;

  private PathwayFiles(ReadLimits limits, boolean warnings) {
    this.limits = limits;
    this.warnings = warnings;
    this.reading = new FileReading(limits, warnings);
  }

  /** Files read with the default {@link ReadLimits}. */
  public static PathwayFiles create() {
    return new PathwayFiles(ReadLimits.defaults(), true);
  }

  /** Files read with the given limits. */
  public static PathwayFiles create(ReadLimits limits) {
    return new PathwayFiles(requireNonNull(limits, "limits"), true);
  }

  /**
   * These files, read for use rather than for review: a pathway's problems are its errors alone
   * (what {@link ReadResult#isValid()} decides), and the validator's analyses that can only warn
   * (redundant prerequisites, unreferenced badges) are not run, which saves about a fifth of the
   * validation of a large pathway. Learner records and writing are unchanged.
   */
  public PathwayFiles errorsOnly() {
    return warnings ? new PathwayFiles(limits, false) : this;
  }

  /** The limits this instance reads with. */
  public ReadLimits limits() {
    return limits;
  }

  /**
   * Reads one pathway file alone: its imports are kept as declared, not read, and references to
   * imported badges ({@code prefix:id}) stay unresolved. The format comes from the extension
   * ({@code .yaml}, {@code .yml}, {@code .json}) or else the content.
   *
   * @param file the file; a missing or unreadable file is a problem, not an exception
   */
  public ReadResult<Pathway> read(Path file) {
    return reading.pathway(requireNonNull(file, "file"), false);
  }

  /**
   * Reads a pathway file whole: its imports, and theirs, join it, their badges (and references
   * between them) renamed {@code prefix:id}. Problems of imported files name those files.
   *
   * @param file the file; a missing or unreadable file is a problem, not an exception
   */
  public ReadResult<Pathway> readWithImports(Path file) {
    return reading.pathway(requireNonNull(file, "file"), true);
  }

  /**
   * Reads a pathway from bytes, alone (no imports are read).
   *
   * @param content the file's bytes (UTF-8)
   * @param format YAML or JSON
   * @param fileName the name problems give as their file
   */
  public ReadResult<Pathway> read(byte[] content, FileFormat format, String fileName) {
    return reading.pathway(requireNonNull(content, "content"), requireNonNull(format, "format"),
        requireNonNull(fileName, "fileName"));
  }

  /**
   * Reads a learner record file (SPEC §7).
   *
   * @param file the file; a missing or unreadable file is a problem, not an exception
   */
  public ReadResult<LearnerRecord> readLearner(Path file) {
    return reading.learner(requireNonNull(file, "file"));
  }

  /**
   * Reads a learner record from bytes.
   *
   * @param content the file's bytes (UTF-8)
   * @param format YAML or JSON
   * @param fileName the name problems give as their file
   */
  public ReadResult<LearnerRecord> readLearner(byte[] content, FileFormat format,
      String fileName) {
    return reading.learner(requireNonNull(content, "content"), requireNonNull(format, "format"),
        requireNonNull(fileName, "fileName"));
  }

  /**
   * The canonical text of a pathway. Badges whose id carries the prefix of one of the pathway's
   * imports are left out: they belong to the imported file (so a pathway read whole writes back as
   * its own file).
   *
   * @throws IllegalArgumentException if an {@code x-} value is not a String, Number, Boolean, List,
   *     Map or null, or is a non-finite number
   */
  public String write(Pathway pathway, FileFormat format) {
    return TreeWriter.write(ModelWriter.pathway(requireNonNull(pathway, "pathway")),
        requireNonNull(format, "format"));
  }

  /**
   * The canonical text of a learner record.
   *
   * @throws IllegalArgumentException if an {@code x-} value cannot be written (see
   *     {@link #write(Pathway, FileFormat)})
   */
  public String write(LearnerRecord record, FileFormat format) {
    return TreeWriter.write(ModelWriter.learner(requireNonNull(record, "record")),
        requireNonNull(format, "format"));
  }

  /**
   * Writes a pathway to a file, in the format of its extension (YAML unless {@code .json}), UTF-8.
   *
   * @throws IOException if the file cannot be written
   */
  public void write(Pathway pathway, Path file) throws IOException {
    Files.writeString(file, write(pathway, FileFormat.fromExtension(file).orElse(FileFormat.YAML)),
        StandardCharsets.UTF_8);
  }

  /**
   * Writes a learner record to a file, in the format of its extension (YAML unless {@code .json}).
   *
   * @throws IOException if the file cannot be written
   */
  public void write(LearnerRecord record, Path file) throws IOException {
    Files.writeString(file, write(record, FileFormat.fromExtension(file).orElse(FileFormat.YAML)),
        StandardCharsets.UTF_8);
  }
}
