package org.pathwayengine.core;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One badge of a pathway (SPEC section 2): a micro-credential, or a stacked credential when it has a
 * {@link #stack()} rule. Immutable; build one with {@link #builder(String, String)}.
 *
 * <pre>{@code
 * Badge toc = Badge.builder("theory-of-change", "Theory of Change")
 *     .requires(Requirement.badge("si-101"))
 *     .credits(1)
 *     .build();
 * }</pre>
 *
 * @param id the id, unique in its pathway (the rule {@code [A-Za-z0-9][A-Za-z0-9._-]*} is checked by
 *     validation; an imported badge's id carries its prefix, {@code prefix:id})
 * @param title the title, for people
 * @param description optional description
 * @param issuer optional issuer URI
 * @param credits optional credits (credit hours, points), at least 0
 * @param hours optional expected effort in hours, at least 0
 * @param tags tags, in order
 * @param skills skill ids or URIs, in order
 * @param aliases external ids (for example Open Badges achievement URLs) that name this badge
 * @param validFor how long an award stays valid; empty means it never expires
 * @param requires prerequisites that must hold before the badge can be started
 * @param coRequires co-requisites: held, or taken in the same term
 * @param recommends soft prerequisites, ordering hints only
 * @param stack the stack rule of a stacked credential, which is awarded when it holds
 * @param trustedIssuers issuers whose awards of this badge count; empty means the pathway's decide
 * @param extensions {@code x-} fields, kept opaque in file order; values are plain immutable JDK values
 *     (String, Number, Boolean, List, Map)
 */
public record Badge(
    String id,
    String title,
    Optional<String> description,
    Optional<String> issuer,
    OptionalDouble credits,
    OptionalDouble hours,
    List<String> tags,
    List<String> skills,
    List<String> aliases,
    Optional<Period> validFor,
    Optional<Requirement> requires,
    Optional<Requirement> coRequires,
    List<String> recommends,
    Optional<Requirement> stack,
    List<String> trustedIssuers,
    Map<String, Object> extensions) {

  /** Checks and copies the arguments. */
  public Badge {
    requireNonNull(id, "id");
    checkArgument(!id.isBlank(), "badge id must not be blank, was '%s'", id);
    requireNonNull(title, "title of badge " + id);
    requireNonNull(description, "description");
    requireNonNull(issuer, "issuer");
    checkAmount(credits, "credits", id);
    checkAmount(hours, "hours", id);
    tags = List.copyOf(tags);
    skills = List.copyOf(skills);
    aliases = List.copyOf(aliases);
    requireNonNull(validFor, "validFor");
    validFor.ifPresent(p -> checkArgument(!p.isNegative() && !p.isZero(),
        "validFor of badge %s must be a positive period, was %s", id, p));
    requireNonNull(requires, "requires");
    requireNonNull(coRequires, "coRequires");
    recommends = List.copyOf(recommends);
    requireNonNull(stack, "stack");
    trustedIssuers = List.copyOf(trustedIssuers);
    extensions = Values.extensions(extensions);
  }

  /** Whether this is a stacked credential: one awarded by its stack rule, never taken. */
  public boolean isStacked() {
    return stack.isPresent();
  }

  /** A builder for a badge with the given id and title. */
  public static Builder builder(String id, String title) {
    return new Builder(id, title);
  }

  /** A builder that starts from this badge's values. */
  public Builder toBuilder() {
    Builder b = new Builder(id, title);
    b.description = description;
    b.issuer = issuer;
    b.credits = credits;
    b.hours = hours;
    b.tags.addAll(tags);
    b.skills.addAll(skills);
    b.aliases.addAll(aliases);
    b.validFor = validFor;
    b.requires = requires;
    b.coRequires = coRequires;
    b.recommends.addAll(recommends);
    b.stack = stack;
    b.trustedIssuers.addAll(trustedIssuers);
    b.extensions.putAll(extensions);
    return b;
  }



  private static void checkAmount(OptionalDouble value, String what, String id) {
    requireNonNull(value, what);
    if (value.isPresent()) {
      double v = value.getAsDouble();
      checkArgument(Double.isFinite(v) && v >= 0,
          "%s of badge %s must be a finite number >= 0, was %s", what, id, v);
    }
  }

  /** Builds a {@link Badge}; every setter checks its argument at once. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final String title;
    private Optional<String> description = Optional.empty();
    private Optional<String> issuer = Optional.empty();
    private OptionalDouble credits = OptionalDouble.empty();
    private OptionalDouble hours = OptionalDouble.empty();
    private final List<String> tags = new ArrayList<>();
    private final List<String> skills = new ArrayList<>();
    private final List<String> aliases = new ArrayList<>();
    private Optional<Period> validFor = Optional.empty();
    private Optional<Requirement> requires = Optional.empty();
    private Optional<Requirement> coRequires = Optional.empty();
    private final List<String> recommends = new ArrayList<>();
    private Optional<Requirement> stack = Optional.empty();
    private final List<String> trustedIssuers = new ArrayList<>();
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private Builder(String id, String title) {
      requireNonNull(id, "badge id");
      checkArgument(!id.isBlank(), "badge id must not be blank, was '%s'", id);
      this.id = id;
      this.title = requireNonNull(title, "title of badge " + id);
    }

    /** Sets the description. */
    public Builder description(String value) {
      description = Optional.of(requireNonNull(value, "description"));
      return this;
    }

    /** Sets the issuer URI. */
    public Builder issuer(String value) {
      issuer = Optional.of(requireNonNull(value, "issuer"));
      return this;
    }

    /** Sets the credits; must be finite and at least 0. */
    public Builder credits(double value) {
      checkArgument(Double.isFinite(value) && value >= 0,
          "credits of badge %s must be a finite number >= 0, was %s", id, value);
      credits = OptionalDouble.of(value);
      return this;
    }

    /** Sets the expected effort in hours; must be finite and at least 0. */
    public Builder hours(double value) {
      checkArgument(Double.isFinite(value) && value >= 0,
          "hours of badge %s must be a finite number >= 0, was %s", id, value);
      hours = OptionalDouble.of(value);
      return this;
    }

    /** Adds tags. */
    public Builder tags(String... values) {
      Values.addAll(tags, values, "tag");
      return this;
    }

    /** Adds skills. */
    public Builder skills(String... values) {
      Values.addAll(skills, values, "skill");
      return this;
    }

    /** Adds aliases (external ids). */
    public Builder aliases(String... values) {
      Values.addAll(aliases, values, "alias");
      return this;
    }

    /** Sets how long an award stays valid; must be positive. */
    public Builder validFor(Period value) {
      requireNonNull(value, "validFor");
      checkArgument(!value.isNegative() && !value.isZero(),
          "validFor of badge %s must be a positive period, was %s", id, value);
      validFor = Optional.of(value);
      return this;
    }

    /** Sets the prerequisite expression. */
    public Builder requires(Requirement value) {
      requires = Optional.of(requireNonNull(value, "requires"));
      return this;
    }

    /** Sets the prerequisite to "all of these badges". */
    public Builder requires(String... badgeIds) {
      return requires(badgeIds.length == 1
          ? Requirement.badge(badgeIds[0])
          : Requirement.allOf(Requirement.badges(badgeIds)));
    }

    /** Sets the co-requisite expression. */
    public Builder coRequires(Requirement value) {
      coRequires = Optional.of(requireNonNull(value, "coRequires"));
      return this;
    }

    /** Adds soft prerequisites. */
    public Builder recommends(String... badgeIds) {
      Values.addAll(recommends, badgeIds, "recommended badge id");
      return this;
    }

    /** Sets the stack rule, making this a stacked credential. */
    public Builder stack(Requirement value) {
      stack = Optional.of(requireNonNull(value, "stack"));
      return this;
    }

    /** Adds issuers whose awards of this badge count. */
    public Builder trustedIssuers(String... uris) {
      Values.addAll(trustedIssuers, uris, "trusted issuer");
      return this;
    }

    /** Sets an {@code x-} extension field; the value must be a plain immutable JDK value. */
    public Builder extension(String name, Object value) {
      extensions.put(Values.extensionName(name), value);
      return this;
    }

    /** The badge. */
    public Badge build() {
      return new Badge(id, title, description, issuer, credits, hours, tags, skills, aliases,
          validFor, requires, coRequires, recommends, stack, trustedIssuers, extensions);
    }
  }
}
