package org.pathwayengine.core.internal;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.LearnerRecord.Entry;

/**
 * Turns a learner record into the base bitset of a {@link CompiledPathway}: the badges that count at
 * a date before credentials are awarded (SPEC sections 4 and 7), exactly as
 * {@link EvaluationEngine#state} reads a record.
 *
 * <ul>
 *   <li>An entry names a badge by id (import-prefixed ids included) or by alias; a name that matches
 *       no badge counts for nothing (the evaluator reports it as unmatched).
 *   <li>When the badge (else the pathway) lists {@code trustedIssuers}, only entries whose issuer is
 *       listed count; an entry without an issuer is then not trusted.
 *   <li>It counts at D when {@code earned <= D < expiry}, expiry being the entry's {@code expires},
 *       else {@code earned + validFor} of its badge, else never.
 *   <li>Waived badges count and never expire.
 *   <li>A substitution {@code {badge: substitute}} (both resolved to badges of the pathway) makes
 *       {@code badge} count when {@code substitute} or an equivalent counts; applied until nothing
 *       changes, since one substitution's badge may be another's substitute.
 * </ul>
 *
 * <p>A substitute that is a stacked credential, or equivalent to one, depends on awards that only the
 * compiled pass makes; such records are left to {@link EvaluationEngine} (the result is empty).
 * Equivalences and stacking are otherwise applied by the compiled pass. O(entries + waivers +
 * substitutions squared) hash look-ups per record, substitutions being few. Thread-safe (stateless).
 */
public final class CompiledLearnerInput {
  private CompiledLearnerInput() {}

  /**
   * The badges of {@code record} that count on {@code asOf}, as a bitset over {@code cp}; empty when a
   * substitution depends on a stacked credential.
   */
  public static Optional<long[]> base(CompiledPathway cp, LearnerRecord record, LocalDate asOf) {
    requireNonNull(cp, "compiled pathway");
    requireNonNull(record, "record");
    requireNonNull(asOf, "asOf");
    long[] bits = new long[cp.words()];
    List<Entry> entries = record.entries();
    for (int i = 0, size = entries.size(); i < size; i++) {
      Entry e = entries.get(i);
      int b = cp.indexOf(e.badge());
      if (b >= 0 && (cp.plainEntries(b) ? plainCounts(e, asOf) : counts(cp, b, e, asOf))) {
        bits[b >>> 6] |= 1L << b;
      }
    }
    for (String w : record.waived()) {
      int b = cp.indexOf(w);
      if (b >= 0) {
        bits[b >>> 6] |= 1L << b;
      }
    }
    return substitute(cp, bits, record.substitutions()) ? Optional.of(bits) : Optional.empty();
  }

  /**
   * Applies substitutions {@code {badge: substitute}} (names resolved by id or alias; unknown ones
   * ignored) to {@code bits} until nothing changes.
   *
   * @return false, leaving {@code bits} unchanged, when a substitute is a stacked credential or
   *     equivalent to one
   */
  public static boolean substitute(CompiledPathway cp, long[] bits, Map<String, String> subs) {
    if (subs.isEmpty()) {
      return true;
    }
    List<int[]> pairs = new ArrayList<>();
    for (Map.Entry<String, String> s : subs.entrySet()) {
      int k = cp.indexOf(s.getKey());
      int v = cp.indexOf(s.getValue());
      if (k < 0 || v < 0) {
        continue;
      }
      int[] stand = cp.standIns(v);
      for (int x : stand) {
        if (cp.isStacked(x)) {
          return false;
        }
      }
      int[] pair = new int[stand.length + 1];
      pair[0] = k;
      System.arraycopy(stand, 0, pair, 1, stand.length);
      pairs.add(pair);
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (int[] p : pairs) {
        if (!has(bits, p[0])) {
          for (int i = 1; i < p.length; i++) {
            if (has(bits, p[i])) {
              bits[p[0] >>> 6] |= 1L << p[0];
              changed = true;
              break;
            }
          }
        }
      }
    }
    return true;
  }

  private static boolean has(long[] bits, int b) {
    return (bits[b >>> 6] & (1L << b)) != 0;
  }

  /**
   * As {@link #counts} for a badge whose entries need no issuer check and no {@code validFor}
   * ({@link CompiledPathway#plainEntries}): earned by {@code asOf} and not expired by its own date.
   */
  private static boolean plainCounts(Entry e, LocalDate asOf) {
    if (e.earned().isAfter(asOf)) {
      return false;
    }
    Optional<LocalDate> expires = e.expires();
    return expires.isEmpty() || asOf.isBefore(expires.get());
  }

  /** Whether entry {@code e} makes badge {@code b} count on {@code asOf}. */
  static boolean counts(CompiledPathway cp, int b, Entry e, LocalDate asOf) {
    Badge badge = cp.badge(b);
    List<String> trusted = badge.trustedIssuers().isEmpty()
        ? cp.pathway().trustedIssuers()
        : badge.trustedIssuers();
    if (!trusted.isEmpty() && !(e.issuer().isPresent() && trusted.contains(e.issuer().get()))) {
      return false;
    }
    if (e.earned().isAfter(asOf)) {
      return false;
    }
    LocalDate expiry = e.expires().orElse(null);
    if (expiry == null && badge.validFor().isPresent()) {
      expiry = e.earned().plus(badge.validFor().get());
    }
    return expiry == null || asOf.isBefore(expiry);
  }
}
