package org.pathwayengine.io.interop;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.core.SourceLocation;
import org.pathwayengine.io.ReadResult;
import org.pathwayengine.io.interop.internal.Formats;
import org.pathwayengine.io.interop.internal.JsonDoc;

/**
 * Reads pathways and learner records from the formats of other tools, and writes pathways to them
 * (SPEC section 9). Every reader returns a {@link ReadResult} and never throws for bad input: a file
 * that is not JSON gives {@code PARSE_ERROR} with its line and column; a file over 16 MiB or nested
 * deeper than 200 levels gives {@code LIMIT_EXCEEDED}; what a reader could not map is a problem whose
 * message starts with the JSON pointer of the node. Nothing is fetched: JSON-LD contexts and
 * referenced documents are never loaded, and an unknown context is not an error. Thread-safe.
 *
 * <pre>{@code
 * ReadResult<Pathway> p = Interop.readPathway(Path.of("comptia.jsonld"), InteropFormat.CTDL);
 * ReadResult<LearnerRecord> alice = Interop.readLearner(Path.of("alice-clr.json"));
 * String ctdl = Interop.writeCtdl(p.value().orElseThrow());
 * }</pre>
 */
public final class Interop {
  private Interop() {}

  /**
   * Reads a pathway in the given format.
   *
   * @param file the file; its name (as given) is the file of every problem's location
   * @param format the format, as chosen by the user ({@code --input-format}) or by
   *     {@link #detectPathwayFormat(byte[], String)}
   */
  public static ReadResult<Pathway> readPathway(Path file, InteropFormat format) {
    requireNonNull(format, "format");
    return read(file, bytes -> readPathway(bytes, file.toString(), format));
  }

  /**
   * Reads a pathway whose format is recognised by content (then by the file name's extension).
   * A file of no known format gives a {@code SCHEMA_ERROR}.
   */
  public static ReadResult<Pathway> readPathway(Path file) {
    return read(file, bytes -> readPathway(bytes, file.toString()));
  }

  /** Reads a pathway held in memory, in the given format; {@code fileName} names it in problems. */
  public static ReadResult<Pathway> readPathway(byte[] content, String fileName,
      InteropFormat format) {
    requireNonNull(content, "content");
    requireNonNull(fileName, "fileName");
    requireNonNull(format, "format");
    JsonDoc.Parsed parsed = JsonDoc.parse(content, fileName);
    if (parsed.doc().isEmpty()) {
      return new ReadResult<>(Optional.empty(), List.of(parsed.problem().orElseThrow()));
    }
    return Formats.readPathway(parsed.doc().get(), format);
  }

  /** Reads a pathway held in memory, recognising its format by content (then by extension). */
  public static ReadResult<Pathway> readPathway(byte[] content, String fileName) {
    requireNonNull(content, "content");
    requireNonNull(fileName, "fileName");
    JsonDoc.Parsed parsed = JsonDoc.parse(content, fileName);
    if (parsed.doc().isEmpty()) {
      return new ReadResult<>(Optional.empty(), List.of(parsed.problem().orElseThrow()));
    }
    Optional<InteropFormat> format = Formats.detect(parsed.doc().get().root(), fileName);
    if (format.isEmpty()) {
      return new ReadResult<>(Optional.empty(), List.of(Problem.of(ProblemCode.SCHEMA_ERROR,
              "not a CTDL pathway, a Badgr pathway export or Open Badges definitions; name the format "
                  + "with --input-format ctdl|badgr|ob if it is one of them")
          .withLocation(new SourceLocation(fileName, 1, 1))));
    }
    return Formats.readPathway(parsed.doc().get(), format.get());
  }

  /**
   * The pathway format of a file, recognised by its content: CTDL ({@code @graph}, or nodes typed
   * {@code ceterms:...}), a Badgr export (an element with {@code elementId} and
   * {@code requirements}), Open Badges definitions (type {@code BadgeClass} or {@code Achievement}).
   * When the content is not JSON or says nothing, the extension decides ({@code .jsonld} is CTDL).
   * Empty when neither tells: the file may be a native pathway or something else.
   */
  public static Optional<InteropFormat> detectPathwayFormat(byte[] content, String fileName) {
    requireNonNull(content, "content");
    requireNonNull(fileName, "fileName");
    JsonDoc.Parsed parsed = JsonDoc.parse(content, fileName);
    if (parsed.doc().isEmpty()) {
      return fileName.toLowerCase(Locale.ROOT).endsWith(".jsonld")
          ? Optional.of(InteropFormat.CTDL) : Optional.empty();
    }
    return Formats.detect(parsed.doc().get().root(), fileName);
  }

  /**
   * The award format of a learner file, recognised by content ({@code type} Assertion,
   * OpenBadgeCredential / AchievementCredential, ClrCredential, VerifiablePresentation, or an array);
   * empty when it is none of these (for example a native record with {@code learner:}).
   */
  public static Optional<CredentialFormat> detectLearnerFormat(byte[] content) {
    requireNonNull(content, "content");
    JsonDoc.Parsed parsed = JsonDoc.parse(content, "-");
    return parsed.doc().flatMap(d -> Formats.detectCredential(d.root()));
  }

  /**
   * Reads a learner record from Open Badges 2.0 Assertions, Open Badges 3.0 credentials (one or an
   * array), a CLR 2.0 ClrCredential (every contained credential) or a Verifiable Presentation. Each
   * entry names the achievement (or BadgeClass) URI, which the evaluator matches to a badge through
   * its aliases; an award that cannot be read (no achievement id, no date) is reported, not dropped
   * silently.
   */
  public static ReadResult<LearnerRecord> readLearner(Path file) {
    return read(file, bytes -> readLearner(bytes, file.toString()));
  }

  /** Reads a learner record held in memory; {@code fileName} names it in problems. */
  public static ReadResult<LearnerRecord> readLearner(byte[] content, String fileName) {
    requireNonNull(content, "content");
    requireNonNull(fileName, "fileName");
    JsonDoc.Parsed parsed = JsonDoc.parse(content, fileName);
    if (parsed.doc().isEmpty()) {
      return new ReadResult<>(Optional.empty(), List.of(parsed.problem().orElseThrow()));
    }
    return Formats.readLearner(parsed.doc().get());
  }

  /**
   * The pathway as CTDL JSON-LD: a {@code ceterms:Pathway} and one {@code ceterms:CredentialComponent}
   * per badge, stack rules as ComponentConditions, {@code recommends} as {@code ceterms:precededBy},
   * and what CTDL has no property for under {@code pwe:} terms, so that
   * {@link #readPathway(byte[], String, InteropFormat)} gives back an equal pathway (imports and
   * scenarios are not written, and of duplicated ids only the first badge is).
   *
   * @throws IllegalArgumentException if a requirement is nested deeper than 64 (validate first)
   */
  public static String writeCtdl(Pathway pathway) {
    requireNonNull(pathway, "pathway");
    return Formats.writeCtdl(pathway);
  }

  /**
   * The pathway's badges as a JSON array of Open Badges 3.0 Achievements: the first URI alias (or
   * {@code urn:pathwayengine:PATHWAY:BADGE}) is the id, the badge id the {@code humanCode}, credits
   * {@code creditsAvailable}, skills alignments, the first tag the {@code achievementType} when it is
   * one of the Open Badges types, and the rules a criteria narrative.
   */
  public static String writeOpenBadgesAchievements(Pathway pathway) {
    requireNonNull(pathway, "pathway");
    return Formats.writeOpenBadges(pathway);
  }

  private interface BytesReader<T> {
    ReadResult<T> read(byte[] bytes);
  }

  private static <T> ReadResult<T> read(Path file, BytesReader<T> reader) {
    requireNonNull(file, "file");
    String name = file.toString();
    try {
      long size = Files.size(file);
      if (size > JsonDoc.MAX_BYTES) {
        return new ReadResult<>(Optional.empty(), List.of(Problem.of(ProblemCode.LIMIT_EXCEEDED,
                "the file has " + size + " bytes, more than the limit of " + JsonDoc.MAX_BYTES
                    + " (16 MiB); split it or shrink it")
            .withLocation(new SourceLocation(name, 1, 1))));
      }
      return reader.read(Files.readAllBytes(file));
    } catch (IOException | SecurityException e) {
      return new ReadResult<>(Optional.empty(), List.of(Problem.of(ProblemCode.PARSE_ERROR,
              "cannot read the file: " + e.getMessage())
          .withLocation(new SourceLocation(name, 1, 1))));
    }
  }
}
