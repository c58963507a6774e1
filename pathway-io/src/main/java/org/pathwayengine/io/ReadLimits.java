package org.pathwayengine.io;

import static com.google.common.base.Preconditions.checkArgument;

/**
 * How much a reader accepts before it stops with a {@code LIMIT_EXCEEDED} problem that names the limit,
 * so that a hostile or broken file cannot exhaust memory, time or the stack.
 *
 * <p>The defaults ({@link #defaults()}) suit any real pathway: 16 MiB per file, 1 000 000 badges,
 * 100 000 nodes added by expanding YAML aliases (a "billion laughs" file stops at once), nesting depth
 * 256 (a requirement expression 64 levels deep needs about 130), and strings of at most 1 MiB
 * characters. Requirement expressions deeper than 64 levels are {@code DEPTH_EXCEEDED} whatever these
 * limits are (SPEC §3).
 *
 * <pre>{@code
 * ReadLimits strict = ReadLimits.builder().maxFileBytes(1 << 20).maxBadges(5_000).build();
 * }</pre>
 *
 * @param maxFileBytes the largest file, in bytes (limit name {@code maxFileBytes})
 * @param maxBadges the most badges in one file (limit name {@code maxBadges})
 * @param maxAliasExpansion the most nodes that YAML alias references may add to the document when
 *     expanded (limit name {@code maxAliasExpansion})
 * @param maxNestingDepth the deepest nesting of maps and lists (limit name {@code maxNestingDepth})
 * @param maxStringLength the longest string or key, in characters (limit name {@code maxStringLength})
 */
public record ReadLimits(
    long maxFileBytes, int maxBadges, long maxAliasExpansion, int maxNestingDepth,
    int maxStringLength) {

  /** The default largest file: 16 MiB. */
  public static final long DEFAULT_MAX_FILE_BYTES = 16L * 1024 * 1024;
  /** The default most badges per file: 1 000 000. */
  public static final int DEFAULT_MAX_BADGES = 1_000_000;
  /** The default most nodes added by alias expansion: 100 000. */
  public static final long DEFAULT_MAX_ALIAS_EXPANSION = 100_000;
  /** The default deepest nesting: 256. */
  public static final int DEFAULT_MAX_NESTING_DEPTH = 256;
  /** The default longest string: 1 MiB characters. */
  public static final int DEFAULT_MAX_STRING_LENGTH = 1024 * 1024;

  /** Checks that every limit is positive (the alias expansion may be 0: no aliases at all). */
  public ReadLimits {
    checkArgument(maxFileBytes > 0, "maxFileBytes must be > 0, was %s", maxFileBytes);
    checkArgument(maxFileBytes <= Integer.MAX_VALUE - 16,
        "maxFileBytes must be < 2 GiB, was %s", maxFileBytes);
    checkArgument(maxBadges > 0, "maxBadges must be > 0, was %s", maxBadges);
    checkArgument(maxAliasExpansion >= 0, "maxAliasExpansion must be >= 0, was %s",
        maxAliasExpansion);
    checkArgument(maxNestingDepth > 0 && maxNestingDepth <= 10_000,
        "maxNestingDepth must be in 1..10000, was %s", maxNestingDepth);
    checkArgument(maxStringLength > 0, "maxStringLength must be > 0, was %s", maxStringLength);
  }

  /** The safe defaults described above. */
  public static ReadLimits defaults() {
    return builder().build();
  }

  /** A builder that starts from the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** A builder that starts from these limits. */
  public Builder toBuilder() {
    return new Builder().maxFileBytes(maxFileBytes).maxBadges(maxBadges)
        .maxAliasExpansion(maxAliasExpansion).maxNestingDepth(maxNestingDepth)
        .maxStringLength(maxStringLength);
  }

  /** Builds {@link ReadLimits}; every setter replaces one default. */
  public static final class Builder {
    private long maxFileBytes = DEFAULT_MAX_FILE_BYTES;
    private int maxBadges = DEFAULT_MAX_BADGES;
    private long maxAliasExpansion = DEFAULT_MAX_ALIAS_EXPANSION;
    private int maxNestingDepth = DEFAULT_MAX_NESTING_DEPTH;
    private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;

    private Builder() {}

    /** Sets the largest file, in bytes. */
    public Builder maxFileBytes(long bytes) {
      this.maxFileBytes = bytes;
      return this;
    }

    /** Sets the most badges per file. */
    public Builder maxBadges(int badges) {
      this.maxBadges = badges;
      return this;
    }

    /** Sets the most nodes that expanding YAML aliases may add. */
    public Builder maxAliasExpansion(long nodes) {
      this.maxAliasExpansion = nodes;
      return this;
    }

    /** Sets the deepest nesting of maps and lists. */
    public Builder maxNestingDepth(int depth) {
      this.maxNestingDepth = depth;
      return this;
    }

    /** Sets the longest string or key, in characters. */
    public Builder maxStringLength(int chars) {
      this.maxStringLength = chars;
      return this;
    }

    /**
     * The limits.
     *
     * @throws IllegalArgumentException if a limit is not positive
     */
    public ReadLimits build() {
      return new ReadLimits(maxFileBytes, maxBadges, maxAliasExpansion, maxNestingDepth,
          maxStringLength);
    }
  }
}
