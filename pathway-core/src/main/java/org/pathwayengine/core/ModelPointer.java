package org.pathwayengine.core;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * Where in a pathway's model a {@link Problem} lies, independent of any file format, so that a file
 * reader can translate it into a line and column.
 *
 * <p>{@code badgeIndex} is the position of the badge in {@link Pathway#badges()} (which keeps
 * duplicates), or {@code -1} for a pathway-level field. {@code field} names the field as in the file
 * format ({@code "requires"}, {@code "coRequires"}, {@code "stack"}, {@code "recommends"},
 * {@code "credits"}, {@code "equivalences"}, {@code "id"}, ...). {@code path} descends into the field's
 * value: for an expression, the child index at each level (the members of {@code atLeast}'s {@code of}
 * and of {@code credits}' {@code from} count as its children); for a list field such as
 * {@code equivalences}, the list indexes.
 *
 * @param badgeIndex index into {@link Pathway#badges()}, or -1
 * @param field the field name, or the empty string for the badge (or pathway) as a whole
 * @param path indexes below the field
 */
public record ModelPointer(int badgeIndex, String field, List<Integer> path) {
  /** Checks and copies the arguments. */
  public ModelPointer {
    checkArgument(badgeIndex >= -1, "badgeIndex must be >= -1, was %s", badgeIndex);
    requireNonNull(field, "field");
    path = List.copyOf(path);
  }

  /** A pointer to a badge as a whole. */
  public static ModelPointer badge(int badgeIndex) {
    return new ModelPointer(badgeIndex, "", List.of());
  }

  /** A pointer to one field of a badge (or of the pathway, with index -1). */
  public static ModelPointer field(int badgeIndex, String field) {
    return new ModelPointer(badgeIndex, field, List.of());
  }

  /** This pointer, one level deeper. */
  public ModelPointer child(int index) {
    checkArgument(index >= 0, "index must be >= 0, was %s", index);
    var p = new java.util.ArrayList<>(path);
    p.add(index);
    return new ModelPointer(badgeIndex, field, p);
  }
}
