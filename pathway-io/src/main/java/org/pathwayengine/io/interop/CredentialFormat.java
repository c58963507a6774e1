package org.pathwayengine.io.interop;

/** The award formats that {@link Interop#readLearner(java.nio.file.Path)} recognises by content. */
public enum CredentialFormat {
  /** An Open Badges 2.0 Assertion. */
  OPEN_BADGES_2_ASSERTION,
  /** An Open Badges 3.0 OpenBadgeCredential (or AchievementCredential). */
  OPEN_BADGES_3_CREDENTIAL,
  /** A CLR 2.0 ClrCredential. */
  CLR_2,
  /** A Verifiable Presentation that holds credentials. */
  VERIFIABLE_PRESENTATION,
  /** A JSON array of any of the above. */
  ARRAY
}
