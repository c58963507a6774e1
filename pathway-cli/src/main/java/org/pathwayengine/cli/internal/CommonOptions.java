package org.pathwayengine.cli.internal;

import picocli.CommandLine.Option;

/** The options every command takes. */
public final class CommonOptions {
  /** The output format. */
  public enum Format {
    /** For people (the default). */
    TEXT,
    /** For programs (SPEC section 8). */
    JSON
  }

  @Option(names = "--format", paramLabel = "text|json", defaultValue = "text",
      converter = FormatConverter.class,
      description = "Output for people (text, the default) or for programs (json).")
  Format format = Format.TEXT;

  @Option(names = "--no-color", description = "Never colour the output (NO_COLOR does the same).")
  boolean noColor;

  @Option(names = "--debug", description = "Show the stack trace of an internal error.")
  boolean debug;

  /** The chosen output format. */
  public Format format() {
    return format;
  }

  /** Whether JSON was asked for. */
  public boolean json() {
    return format == Format.JSON;
  }

  /** Whether {@code --no-color} was given. */
  public boolean noColor() {
    return noColor;
  }

  /** Whether {@code --debug} was given. */
  public boolean debug() {
    return debug;
  }

  /** Reads {@code text} or {@code json}. */
  static final class FormatConverter implements picocli.CommandLine.ITypeConverter<Format> {
    @Override
    public Format convert(String value) {
      if (value.equals("text")) {
        return Format.TEXT;
      }
      if (value.equals("json")) {
        return Format.JSON;
      }
      throw new picocli.CommandLine.TypeConversionException(
          "'" + value + "' is not a format; use text or json");
    }
  }
}
