package org.pathwayengine.core;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The badges a learner holds, with dates (SPEC section 7). Immutable; build with
 * {@link #builder(String)}.
 *
 * <pre>{@code
 * LearnerRecord alice = LearnerRecord.builder("alice")
 *     .earned("si-101", LocalDate.of(2025, 3, 1))
 *     .inProgress("storytelling")
 *     .build();
 * }</pre>
 *
 * @param learner the learner's id
 * @param entries awards, in record order; an entry names a badge by id, prefixed id or alias
 * @param inProgress badges being taken now
 * @param waived badges granted as exceptions: they count as held and never expire
 * @param substitutions for this learner, the value badge counts as the key badge
 * @param extensions {@code x-} fields, kept opaque in file order
 */
public record LearnerRecord(
    String learner,
    List<Entry> entries,
    List<String> inProgress,
    List<String> waived,
    Map<String, String> substitutions,
    Map<String, Object> extensions) {

  /** Checks and copies the arguments. */
  public LearnerRecord {
    requireNonNull(learner, "learner");
    entries = List.copyOf(entries);
    inProgress = List.copyOf(inProgress);
    waived = List.copyOf(waived);
    requireNonNull(substitutions, "substitutions");
    // Most records have none; a batch builds millions of records, so the empty case allocates nothing.
    substitutions = substitutions.isEmpty() ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(substitutions));
    substitutions.forEach((k, v) -> {
      requireNonNull(k, "substituted badge");
      requireNonNull(v, "substitute for " + k);
    });
    extensions = Values.extensions(extensions);
  }

  /**
   * One award in a record.
   *
   * @param badge the badge's id, prefixed id or alias
   * @param earned the day it was earned
   * @param expires the day it stops counting, if the award says so (overrides the badge's validFor)
   * @param issuer who issued it, if known
   */
  public record Entry(String badge, LocalDate earned, Optional<LocalDate> expires,
      Optional<String> issuer) {
    /** Checks the arguments. */
    public Entry {
      requireNonNull(badge, "badge");
      checkArgument(!badge.isBlank(), "an entry must name a badge, was '%s'", badge);
      requireNonNull(earned, "earned date of " + badge);
      requireNonNull(expires, "expires");
      requireNonNull(issuer, "issuer");
    }

    /** An entry earned on a date, with no expiry of its own and no issuer. */
    public static Entry of(String badge, LocalDate earned) {
      return new Entry(badge, earned, Optional.empty(), Optional.empty());
    }
  }

  /** A builder for a record of the given learner. */
  public static Builder builder(String learner) {
    return new Builder(learner);
  }

  /** A builder that starts from this record. */
  public Builder toBuilder() {
    Builder b = new Builder(learner);
    b.entries.addAll(entries);
    b.inProgress.addAll(inProgress);
    b.waived.addAll(waived);
    b.substitutions.putAll(substitutions);
    b.extensions.putAll(extensions);
    return b;
  }

  /** This record plus the given badges earned on {@code date}: the "what if" of a learner. */
  public LearnerRecord withEarned(Collection<String> badgeIds, LocalDate date) {
    Builder b = toBuilder();
    badgeIds.forEach(id -> b.earned(id, date));
    return b.build();
  }

  /** Builds a {@link LearnerRecord}. Not thread-safe. */
  public static final class Builder {
    private final String learner;
    private final List<Entry> entries = new ArrayList<>();
    private final List<String> inProgress = new ArrayList<>();
    private final List<String> waived = new ArrayList<>();
    private final Map<String, String> substitutions = new LinkedHashMap<>();
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private Builder(String learner) {
      this.learner = requireNonNull(learner, "learner");
    }

    /** Adds an award. */
    public Builder entry(Entry entry) {
      entries.add(requireNonNull(entry, "entry"));
      return this;
    }

    /** Adds an award earned on a date. */
    public Builder earned(String badge, LocalDate on) {
      return entry(Entry.of(badge, on));
    }

    /** Adds badges in progress. */
    public Builder inProgress(String... badges) {
      Values.addAll(inProgress, badges, "badge in progress");
      return this;
    }

    /** Adds waived badges. */
    public Builder waived(String... badges) {
      Values.addAll(waived, badges, "waived badge");
      return this;
    }

    /** Lets this learner's {@code substitute} count as {@code badge}. */
    public Builder substitution(String badge, String substitute) {
      substitutions.put(requireNonNull(badge, "badge"), requireNonNull(substitute, "substitute"));
      return this;
    }

    /** Sets an {@code x-} extension field. */
    public Builder extension(String name, Object value) {
      extensions.put(Values.extensionName(name), value);
      return this;
    }

    /** The record. */
    public LearnerRecord build() {
      return new LearnerRecord(learner, entries, inProgress, waived, substitutions, extensions);
    }
  }
}
