package org.pathwayengine.io.interop.internal;

import java.util.List;
import java.util.stream.Collectors;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Requirement;

/** Requirement expressions as short text for people (Open Badges criteria narratives). */
final class RequirementText {
  /** Past this depth the text says "..." rather than descend (the model allows 64). */
  private static final int MAX_DEPTH = 70;

  private RequirementText() {}

  static String criteria(Badge badge) {
    StringBuilder sb = new StringBuilder();
    badge.stack().ifPresent(s -> sb.append("Awarded when ").append(text(s, 0)).append('.'));
    badge.requires().ifPresent(r -> {
      if (sb.length() > 0) {
        sb.append(' ');
      }
      sb.append("Requires ").append(text(r, 0)).append('.');
    });
    if (sb.length() == 0) {
      sb.append("Earn ").append(badge.title()).append('.');
    }
    return sb.toString();
  }

  static String text(Requirement r, int depth) {
    if (depth > MAX_DEPTH) {
      return "...";
    }
    if (r instanceof Requirement.BadgeRef b) {
      return b.id();
    } else if (r instanceof Requirement.AllOf a) {
      return "all of (" + join(a.children(), depth) + ")";
    } else if (r instanceof Requirement.AnyOf a) {
      return "any of (" + join(a.children(), depth) + ")";
    } else if (r instanceof Requirement.AtLeast a) {
      return "at least " + a.n() + " of (" + join(a.children(), depth) + ")";
    } else if (r instanceof Requirement.AtLeastTagged a) {
      return "at least " + a.n() + " badges tagged " + a.tag();
    } else if (r instanceof Requirement.Credits c) {
      return amount(c.amount()) + " credits from (" + String.join(", ", c.from()) + ")";
    } else if (r instanceof Requirement.CreditsTagged c) {
      return amount(c.amount()) + " credits from badges tagged " + c.tag();
    }
    throw new AssertionError("unknown requirement " + r);
  }

  private static String join(List<Requirement> children, int depth) {
    return children.stream().map(c -> text(c, depth + 1)).collect(Collectors.joining(", "));
  }

  static String amount(double a) {
    return a == Math.rint(a) && Math.abs(a) < 1e15 ? Long.toString((long) a) : Double.toString(a);
  }
}
