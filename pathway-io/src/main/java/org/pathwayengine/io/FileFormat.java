package org.pathwayengine.io;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The two text formats of pathway files and learner records: the same tree, two syntaxes (SPEC §2). */
public enum FileFormat {
  /** YAML 1.2, the format people write; {@code .yaml} or {@code .yml}. */
  YAML,
  /** JSON, the format programs exchange; {@code .json}. */
  JSON;

  /**
   * The format a file name's extension stands for: {@code .json} is JSON, {@code .yaml} and
   * {@code .yml} are YAML (case-insensitive).
   *
   * @param file a file path
   * @return the format, or empty for any other extension
   */
  public static Optional<FileFormat> fromExtension(Path file) {
    requireNonNull(file, "file");
    Path name = file.getFileName();
    String n = name == null ? "" : name.toString().toLowerCase(Locale.ROOT);
    if (n.endsWith(".json")) {
      return Optional.of(JSON);
    }
    if (n.endsWith(".yaml") || n.endsWith(".yml")) {
      return Optional.of(YAML);
    }
    return Optional.empty();
  }

  /**
   * The format of a file: by its extension, else JSON when its first non-blank character is
   * <code>&#123;</code> or {@code [}, else YAML. (Every JSON text is also YAML, but the JSON reader
   * reports JSON syntax errors more precisely.)
   *
   * @param file the file's path, for its extension
   * @param content the file's first bytes (any number)
   * @return the format to read it with
   */
  public static FileFormat detect(Path file, byte[] content) {
    requireNonNull(content, "content");
    Optional<FileFormat> byName = fromExtension(file);
    if (byName.isPresent()) {
      return byName.get();
    }
    for (byte b : content) {
      if (b == '{' || b == '[') {
        return JSON;
      }
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n' && (b & 0xFF) != 0xEF
          && (b & 0xFF) != 0xBB && (b & 0xFF) != 0xBF) {
        return YAML;
      }
    }
    return YAML;
  }
}
