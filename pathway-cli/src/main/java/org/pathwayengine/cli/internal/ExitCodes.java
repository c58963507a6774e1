package org.pathwayengine.cli.internal;

/** The exit codes of SPEC section 8. */
public final class ExitCodes {
  /** Success. */
  public static final int OK = 0;
  /** The pathway is invalid, a scenario failed, or a goal is unreachable. */
  public static final int FAILED = 1;
  /** Bad usage or unreadable input. */
  public static final int USAGE = 2;

  private ExitCodes() {}
}
