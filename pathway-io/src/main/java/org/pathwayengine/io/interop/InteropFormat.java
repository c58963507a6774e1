package org.pathwayengine.io.interop;

/** The pathway formats of other tools that {@link Interop} reads (SPEC section 9). */
public enum InteropFormat {
  /** Credential Engine CTDL pathway, JSON-LD ({@code --input-format ctdl}). */
  CTDL("ctdl"),
  /** Badgr pathway export, JSON ({@code --input-format badgr}). */
  BADGR("badgr"),
  /** Open Badges 2.0 BadgeClass or 3.0 Achievement definitions, one or an array ({@code ob}). */
  OPEN_BADGES("ob");

  private final String cliName;

  InteropFormat(String cliName) {
    this.cliName = cliName;
  }

  /** The name used on the command line ({@code ctdl}, {@code badgr}, {@code ob}). */
  public String cliName() {
    return cliName;
  }
}
