package org.pathwayengine.cli.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.PathwayValidator;
import org.pathwayengine.core.Problem;
import org.pathwayengine.io.PathwayFiles;
import org.pathwayengine.io.ReadResult;
import org.pathwayengine.io.curricular.CurricularCsvReader;
import org.pathwayengine.io.curricular.CurricularDocument;
import org.pathwayengine.io.interop.Interop;
import org.pathwayengine.io.interop.InteropFormat;

/**
 * Reads inputs from files with the readers of pathway-io: native pathways with their imports (the
 * reader validates and places every problem at its token), CurricularAnalytics CSV, CTDL, Badgr and
 * Open Badges pathways (validated here: their problems name the file but no line), and learner records
 * in the native, Open Badges and CLR formats.
 *
 * <p>{@link InputFormat#AUTO}: {@code .yaml}/{@code .yml} are native, {@code .csv} is
 * CurricularAnalytics, anything else is recognised by content (CTDL, Badgr, Open Badges), and is
 * otherwise native. {@link LearnerFormat#AUTO}: {@code .yaml}/{@code .yml} are native, anything else
 * with Open Badges or CLR content is read as such, and is otherwise native.
 */
public final class FileInputs implements Inputs {
  private final PathwayFiles files = PathwayFiles.create();
  private final PathwayFiles filesForUse = files.errorsOnly();

  @Override
  public ReadResult<Pathway> pathway(Path file, InputFormat format) {
    return pathway(file, format, true);
  }

  @Override
  public ReadResult<Pathway> pathwayForUse(Path file, InputFormat format) {
    return pathway(file, format, false);
  }

  private ReadResult<Pathway> pathway(Path file, InputFormat format, boolean warnings) {
    checkReadable(file, "pathway");
    InputFormat f = format == InputFormat.AUTO ? detectPathway(file) : format;
    switch (f) {
      case NATIVE:
        return (warnings ? files : filesForUse).readWithImports(file);
      case CA_CSV: {
        ReadResult<CurricularDocument> r = CurricularCsvReader.read(file);
        return validated(new ReadResult<>(r.value().map(CurricularDocument::pathway),
            r.problems()), warnings);
      }
      case CTDL:
        return validated(Interop.readPathway(file, InteropFormat.CTDL), warnings);
      case BADGR:
        return validated(Interop.readPathway(file, InteropFormat.BADGR), warnings);
      case OB:
        return validated(Interop.readPathway(file, InteropFormat.OPEN_BADGES), warnings);
      default:
        throw new AssertionError("format " + f);
    }
  }

  @Override
  public ReadResult<LearnerRecord> learner(Path file, LearnerFormat format) {
    checkReadable(file, "learner record");
    LearnerFormat f = format;
    if (f == LearnerFormat.AUTO) {
      f = extension(file).matches("ya?ml") || Interop.detectLearnerFormat(head(file)).isEmpty()
          ? LearnerFormat.NATIVE : LearnerFormat.OB;
    }
    return f == LearnerFormat.NATIVE ? files.readLearner(file) : Interop.readLearner(file);
  }

  private static InputFormat detectPathway(Path file) {
    String ext = extension(file);
    if (ext.equals("yaml") || ext.equals("yml")) {
      return InputFormat.NATIVE;
    }
    if (ext.equals("csv")) {
      return InputFormat.CA_CSV;
    }
    Optional<InteropFormat> other = Interop.detectPathwayFormat(head(file), file.toString());
    if (other.isEmpty()) {
      return InputFormat.NATIVE;
    }
    switch (other.get()) {
      case CTDL:
        return InputFormat.CTDL;
      case BADGR:
        return InputFormat.BADGR;
      case OPEN_BADGES:
        return InputFormat.OB;
      default:
        throw new AssertionError("format " + other.get());
    }
  }

  /**
   * The readers of other formats do not validate: the core validator adds its problems (its errors
   * alone without {@code warnings}).
   */
  private static ReadResult<Pathway> validated(ReadResult<Pathway> r, boolean warnings) {
    if (r.value().isEmpty() || !r.isValid()) {
      return r;
    }
    List<Problem> all = new ArrayList<>(r.problems());
    all.addAll(warnings
        ? PathwayValidator.validate(r.value().get())
        : PathwayValidator.errors(r.value().get()));
    return new ReadResult<>(r.value(), all);
  }

  /** The file's bytes for recognising its format; the readers enforce their own size limits. */
  private static byte[] head(Path file) {
    try {
      if (Files.size(file) > 16L * 1024 * 1024) {
        // Too large to sniff; the native reader reports the limit.
        return new byte[0];
      }
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw ExitException.usage("cannot read " + file + ": " + e.getMessage());
    }
  }

  private static String extension(Path file) {
    Path name = file.getFileName();
    String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1);
  }

  /** Ends with 2 when {@code file} is not a readable regular file. */
  static void checkReadable(Path file, String what) {
    if (!Files.exists(file)) {
      throw ExitException.usage("cannot read " + file + ": no such file");
    }
    if (Files.isDirectory(file)) {
      throw ExitException.usage("cannot read " + what + " " + file + ": it is a folder");
    }
    if (!Files.isReadable(file)) {
      throw ExitException.usage("cannot read " + file + ": permission denied");
    }
  }
}
