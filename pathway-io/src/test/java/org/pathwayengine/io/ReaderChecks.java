package org.pathwayengine.io;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.pathwayengine.core.PathwayValidator;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.ProblemCode;

/** Separates what the reader found from what the core validator finds in the model. */
final class ReaderChecks {
  private static final Set<ProblemCode> ONLY_READER = Set.of(ProblemCode.PARSE_ERROR,
      ProblemCode.SCHEMA_ERROR, ProblemCode.LIMIT_EXCEEDED, ProblemCode.IMPORT_ERROR);
  private static final Set<ProblemCode> BOTH = Set.of(ProblemCode.INVALID_VALUE,
      ProblemCode.EMPTY_GROUP, ProblemCode.DEPTH_EXCEEDED, ProblemCode.DUPLICATE_ID,
      ProblemCode.UNKNOWN_BADGE);

  private ReaderChecks() {}

  /**
   * The problems of a read that the core validator does not find in the model read: a file that
   * was written from a model must give none.
   */
  static List<Problem> readerProblems(ReadResult<Pathway> r) {
    if (r.value().isEmpty()) {
      return r.problems();
    }
    Set<String> core = PathwayValidator.validate(r.value().get()).stream()
        .map(ReaderChecks::key).collect(Collectors.toSet());
    return r.problems().stream()
        .filter(p -> ONLY_READER.contains(p.code())
            || (BOTH.contains(p.code()) && !core.contains(key(p))))
        .toList();
  }

  /** Reader and validator word a problem differently; they agree on its code and badge. */
  private static String key(Problem p) {
    return p.code() + " " + p.badge().orElse("");
  }
}
