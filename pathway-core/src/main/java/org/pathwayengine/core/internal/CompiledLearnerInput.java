package org.pathwayengine.core.internal;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.LearnerRecord.Entry;

/**
 * Turns a learner record into the base bitset of a {@link CompiledPathway}: the badges that count at
 * a date before stacking (SPEC sections 4 and 7).
 *
 * <ul>
 *   <li>An entry names a badge by id (import-prefixed ids included) or by alias; a name that matches
 *       no badge counts for nothing (the evaluator reports it as unmatched).
 *   <li>It counts at D when {@code earned <= D < expiry}, expiry being the entry's {@code expires}, else
 *       {@code earned + validFor} of the badge it counts for, else never.
 *   <li>When the badge (else the pathway) lists {@code trustedIssuers}, only entries whose issuer is
 *       listed count; an entry without an issuer is then not trusted.
 *   <li>Waived badges count and never expire.
 *   <li>A substitution {@code {badge: substitute}} lets an entry naming {@code substitute} (by the
 *       name in the record, or the badge it resolves to) count as {@code badge} too, judged by the
 *       rules above for {@code badge}; the substitute itself still counts as itself.
 * </ul>
 *
 * <p>Equivalences and stacking are not applied here: the compiled pass does that. O(entries +
 * waivers + substitutions) hash look-ups per record. Thread-safe (stateless).
 */
public final class CompiledLearnerInput {
  private CompiledLearnerInput() {}

  /** The badges of {@code record} that count on {@code asOf}, as a bitset over {@code cp}. */
  public static long[] base(CompiledPathway cp, LearnerRecord record, LocalDate asOf) {
    requireNonNull(cp, "compiled pathway");
    requireNonNull(record, "record");
    requireNonNull(asOf, "asOf");
    long[] bits = new long[cp.words()];
    Map<String, String> subs = record.substitutions();
    for (Entry e : record.entries()) {
      int b = cp.indexOf(e.badge());
      if (b >= 0 && counts(cp, b, e, asOf)) {
        bits[b >>> 6] |= 1L << b;
      }
      if (!subs.isEmpty()) {
        String resolved = b >= 0 ? cp.badgeId(b) : null;
        for (Map.Entry<String, String> s : subs.entrySet()) {
          if (s.getValue().equals(e.badge()) || s.getValue().equals(resolved)) {
            int k = cp.indexOf(s.getKey());
            if (k >= 0 && counts(cp, k, e, asOf)) {
              bits[k >>> 6] |= 1L << k;
            }
          }
        }
      }
    }
    for (String w : record.waived()) {
      int b = cp.indexOf(w);
      if (b >= 0) {
        bits[b >>> 6] |= 1L << b;
      }
    }
    return bits;
  }

  /** Whether entry {@code e} makes badge {@code b} count on {@code asOf}. */
  static boolean counts(CompiledPathway cp, int b, Entry e, LocalDate asOf) {
    if (e.earned().isAfter(asOf)) {
      return false;
    }
    Badge badge = cp.badge(b);
    LocalDate expiry = e.expires().orElse(null);
    if (expiry == null && badge.validFor().isPresent()) {
      expiry = e.earned().plus(badge.validFor().get());
    }
    if (expiry != null && !asOf.isBefore(expiry)) {
      return false;
    }
    List<String> trusted = badge.trustedIssuers().isEmpty()
        ? cp.pathway().trustedIssuers()
        : badge.trustedIssuers();
    return trusted.isEmpty() || (e.issuer().isPresent() && trusted.contains(e.issuer().get()));
  }
}
