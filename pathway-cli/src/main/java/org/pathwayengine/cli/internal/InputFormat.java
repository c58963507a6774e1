package org.pathwayengine.cli.internal;

import java.util.Locale;

/**
 * The {@code --input-format} of a pathway file (SPEC section 9); {@link #AUTO} decides by the file's
 * extension and content.
 */
public enum InputFormat {
  /** By extension and content. */
  AUTO,
  /** The pathway format of SPEC section 2, YAML or JSON. */
  NATIVE,
  /** A CurricularAnalytics curriculum or degree-plan CSV. */
  CA_CSV,
  /** A CTDL Pathway (JSON-LD). */
  CTDL,
  /** A Badgr pathway export. */
  BADGR,
  /** Open Badges BadgeClass or Achievement definitions. */
  OB;

  /** The name users type: {@code native}, {@code ca-csv}, ... */
  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The format a user typed.
   *
   * @throws IllegalArgumentException naming the formats there are
   */
  public static InputFormat parse(String s) {
    for (InputFormat f : values()) {
      if (f.label().equals(s)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "'" + s + "' is not an input format; use native, ca-csv, ctdl, badgr or ob");
  }
}
