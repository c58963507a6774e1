package org.pathwayengine.io.interop.internal;

/** Values the importers use where a format has none. */
final class Defaults {
  /** The version of an imported pathway whose format carries none. */
  static final String VERSION = "imported";

  private Defaults() {}
}
