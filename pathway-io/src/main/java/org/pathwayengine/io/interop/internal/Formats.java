package org.pathwayengine.io.interop.internal;

import java.util.Locale;
import java.util.Optional;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.io.ReadResult;
import org.pathwayengine.io.interop.CredentialFormat;
import org.pathwayengine.io.interop.InteropFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Dispatch from the public entry point to the format classes. */
public final class Formats {
  private static final JsonMapper PRETTY = JsonMapper.builder()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .build();

  private Formats() {}

  /** Reads a parsed document as a pathway of the given format. */
  public static ReadResult<Pathway> readPathway(JsonDoc doc, InteropFormat format) {
    switch (format) {
      case CTDL:
        return Ctdl.read(doc);
      case BADGR:
        return Badgr.read(doc);
      case OPEN_BADGES:
        return OpenBadges.read(doc);
      default:
        throw new AssertionError(format);
    }
  }

  /** The format the content shows, else the one the extension suggests ({@code .jsonld}: CTDL). */
  public static Optional<InteropFormat> detect(JsonNode root, String fileName) {
    if (Badgr.looks(root)) {
      return Optional.of(InteropFormat.BADGR);
    }
    if (OpenBadges.isDefinition(root)
        || (root.isArray() && !root.isEmpty() && OpenBadges.isDefinition(root.get(0)))) {
      return Optional.of(InteropFormat.OPEN_BADGES);
    }
    if (Ctdl.looks(root)) {
      return Optional.of(InteropFormat.CTDL);
    }
    if (fileName.toLowerCase(Locale.ROOT).endsWith(".jsonld")) {
      return Optional.of(InteropFormat.CTDL);
    }
    return Optional.empty();
  }

  /** The award format the content shows. */
  public static Optional<CredentialFormat> detectCredential(JsonNode root) {
    return Credentials.kind(root).map(k -> {
      switch (k) {
        case OB2_ASSERTION:
          return CredentialFormat.OPEN_BADGES_2_ASSERTION;
        case OB3_CREDENTIAL:
          return CredentialFormat.OPEN_BADGES_3_CREDENTIAL;
        case CLR2:
          return CredentialFormat.CLR_2;
        case PRESENTATION:
          return CredentialFormat.VERIFIABLE_PRESENTATION;
        case ARRAY:
          return CredentialFormat.ARRAY;
        default:
          throw new AssertionError(k);
      }
    });
  }

  /** Reads a parsed document as a learner record. */
  public static ReadResult<LearnerRecord> readLearner(JsonDoc doc) {
    return Credentials.read(doc);
  }

  /** The pathway as pretty-printed CTDL JSON-LD. */
  public static String writeCtdl(Pathway pathway) {
    return PRETTY.writeValueAsString(Ctdl.write(pathway)) + "\n";
  }

  /** The pathway's badges as pretty-printed Open Badges 3.0 Achievements. */
  public static String writeOpenBadges(Pathway pathway) {
    return PRETTY.writeValueAsString(OpenBadges.write(pathway)) + "\n";
  }
}
