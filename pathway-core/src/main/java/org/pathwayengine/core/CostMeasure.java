package org.pathwayengine.core;

/** What a plan or a remaining set minimises. */
public enum CostMeasure {
  /** The number of badges. */
  COUNT,
  /** The total expected effort, {@link Badge#hours()} (a badge without hours costs 0). */
  HOURS,
  /** The total {@link Badge#credits()} (a badge without credits costs 0). */
  CREDITS
}
