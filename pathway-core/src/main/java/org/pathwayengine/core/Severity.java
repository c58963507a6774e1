package org.pathwayengine.core;

/** How serious a {@link Problem} is: an error makes a pathway invalid, a warning does not. */
public enum Severity {
  /** The pathway cannot be trusted until this is fixed. */
  ERROR,
  /** Worth a look; the pathway is still valid. */
  WARNING;

  /** The lower-case name used in files and JSON output ({@code error}, {@code warning}). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
