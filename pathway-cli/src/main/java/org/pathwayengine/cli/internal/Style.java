package org.pathwayengine.cli.internal;

/**
 * ANSI styles for text output, or none: colour only when standard output is a terminal, {@code NO_COLOR}
 * is unset and {@code --no-color} was not given (decided once by {@link Env}).
 */
public final class Style {
  private final boolean colour;

  /** Styles that colour when {@code colour} is true and leave text unchanged otherwise. */
  public Style(boolean colour) {
    this.colour = colour;
  }

  /** Whether this style emits ANSI sequences. */
  public boolean colour() {
    return colour;
  }

  /** Bold text. */
  public String bold(String s) {
    return wrap("1", s);
  }

  /** Dim text. */
  public String dim(String s) {
    return wrap("2", s);
  }

  /** Red text: errors, failures, "not held". */
  public String red(String s) {
    return wrap("31", s);
  }

  /** Green text: success, "held". */
  public String green(String s) {
    return wrap("32", s);
  }

  /** Yellow text: warnings, "eligible". */
  public String yellow(String s) {
    return wrap("33", s);
  }

  private String wrap(String code, String s) {
    return colour ? "\u001b[" + code + "m" + s + "\u001b[0m" : s;
  }
}
