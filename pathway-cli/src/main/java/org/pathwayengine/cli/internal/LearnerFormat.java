package org.pathwayengine.cli.internal;

import java.util.Locale;

/**
 * The {@code --learner-format} of a learner record; {@link #AUTO} decides by content (SPEC section 8).
 */
public enum LearnerFormat {
  /** By content: a native record has {@code learner:}, Open Badges and CLR have {@code @context}. */
  AUTO,
  /** The learner record of SPEC section 7, YAML or JSON. */
  NATIVE,
  /** Open Badges 2.0 assertions or 3.0 credentials. */
  OB,
  /** A CLR 2.0 credential. */
  CLR;

  /** The name users type. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * The format a user typed.
   *
   * @throws IllegalArgumentException naming the formats there are
   */
  public static LearnerFormat parse(String s) {
    for (LearnerFormat f : values()) {
      if (f.label().equals(s)) {
        return f;
      }
    }
    throw new IllegalArgumentException("'" + s + "' is not a learner format; use native, ob or clr");
  }
}
