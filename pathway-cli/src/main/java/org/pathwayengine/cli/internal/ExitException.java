package org.pathwayengine.cli.internal;

/**
 * Ends a command with an exit code and, unless empty, a message for people on standard error. Not a
 * bug: expected outcomes such as an unreadable file (2) or an invalid pathway (1).
 */
public final class ExitException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int code;

  /** Ends with {@code code}, printing {@code message} (if not empty) to standard error. */
  public ExitException(int code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  /** The exit code. */
  public int code() {
    return code;
  }

  /** Exit 2: bad usage or unreadable input. */
  public static ExitException usage(String message) {
    return new ExitException(ExitCodes.USAGE, message);
  }
}
