package org.pathwayengine.core;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A requirement expression (SPEC section 3), used by a badge's {@code requires}, {@code coRequires}
 * and {@code stack}: a closed set of immutable records.
 *
 * <pre>{@code
 * Requirement rule = Requirement.allOf(
 *     Requirement.badge("si-101"),
 *     Requirement.atLeast(2, Requirement.badges("leadership", "crowdfunding", "storytelling")));
 * }</pre>
 *
 * <p>Records accept what is well-typed and leave what only validation can judge (an empty group, an
 * {@code atLeast} larger than its children, a reference to an unknown badge, nesting past 64) to
 * {@link PathwayValidator}, so that a pathway read from a file can report every such problem at once.
 * They reject what is a caller's mistake: null, a blank id or tag, {@code atLeast} below 1, negative or
 * non-finite credits.
 */
public sealed interface Requirement
    permits Requirement.BadgeRef,
        Requirement.AllOf,
        Requirement.AnyOf,
        Requirement.AtLeast,
        Requirement.AtLeastTagged,
        Requirement.Credits,
        Requirement.CreditsTagged {

  /** The operator's name as in files and explanations: badge, allOf, anyOf, atLeast or credits. */
  String op();

  /** The sub-expressions, in order; empty for leaves (badge references, tag and credit rules). */
  List<Requirement> children();

  /** Holds when badge {@code id}, or a badge equivalent to it, is held. */
  record BadgeRef(String id) implements Requirement {
    /** Checks the id. */
    public BadgeRef {
      checkId(id, "badge id");
    }

    @Override
    public String op() {
      return "badge";
    }

    @Override
    public List<Requirement> children() {
      return List.of();
    }
  }

  /**
   * Holds when every child holds; with {@code distinct}, by pairwise disjoint sets of held badges.
   *
   * @param children the sub-expressions
   * @param distinct whether no held badge may count for two children
   */
  record AllOf(List<Requirement> children, boolean distinct) implements Requirement {
    /** Checks and copies the children. */
    public AllOf {
      children = List.copyOf(children);
    }

    @Override
    public String op() {
      return "allOf";
    }
  }

  /**
   * Holds when at least one child holds.
   *
   * @param children the sub-expressions
   */
  record AnyOf(List<Requirement> children) implements Requirement {
    /** Checks and copies the children. */
    public AnyOf {
      children = List.copyOf(children);
    }

    @Override
    public String op() {
      return "anyOf";
    }
  }

  /**
   * Holds when at least {@code n} children hold; with {@code distinct}, by pairwise disjoint sets of
   * held badges.
   *
   * @param n how many children must hold, at least 1 (more than the children is unsatisfiable, which
   *     validation reports)
   * @param children the sub-expressions
   * @param distinct whether no held badge may count for two children
   */
  record AtLeast(int n, List<Requirement> children, boolean distinct) implements Requirement {
    /** Checks and copies the arguments. */
    public AtLeast {
      checkArgument(n >= 1, "atLeast needs n >= 1, was %s", n);
      children = List.copyOf(children);
    }

    @Override
    public String op() {
      return "atLeast";
    }
  }

  /**
   * Holds when at least {@code n} held badges carry {@code tag}.
   *
   * @param n how many, at least 1
   * @param tag the tag
   */
  record AtLeastTagged(int n, String tag) implements Requirement {
    /** Checks the arguments. */
    public AtLeastTagged {
      checkArgument(n >= 1, "atLeast needs n >= 1, was %s", n);
      checkId(tag, "tag");
    }

    @Override
    public String op() {
      return "atLeast";
    }

    @Override
    public List<Requirement> children() {
      return List.of();
    }
  }

  /**
   * Holds when the credits of the held badges among {@code from} add up to at least {@code amount}.
   *
   * @param amount the credits needed, finite and not negative
   * @param from the badges whose credits count
   */
  record Credits(double amount, List<String> from) implements Requirement {
    /** Checks and copies the arguments. */
    public Credits {
      checkAmount(amount);
      from = List.copyOf(from);
      from.forEach(id -> checkId(id, "badge id"));
    }

    @Override
    public String op() {
      return "credits";
    }

    @Override
    public List<Requirement> children() {
      return List.of();
    }
  }

  /**
   * Holds when the credits of the held badges that carry {@code tag} add up to at least {@code amount}.
   *
   * @param amount the credits needed, finite and not negative
   * @param tag the tag
   */
  record CreditsTagged(double amount, String tag) implements Requirement {
    /** Checks the arguments. */
    public CreditsTagged {
      checkAmount(amount);
      checkId(tag, "tag");
    }

    @Override
    public String op() {
      return "credits";
    }

    @Override
    public List<Requirement> children() {
      return List.of();
    }
  }

  /** A reference to one badge. */
  static BadgeRef badge(String id) {
    return new BadgeRef(id);
  }

  /** References to the given badges, in order. */
  static List<Requirement> badges(String... ids) {
    return Arrays.stream(ids).<Requirement>map(BadgeRef::new).toList();
  }

  /** Every child must hold. */
  static AllOf allOf(Requirement... children) {
    return new AllOf(List.of(children), false);
  }

  /** Every child must hold. */
  static AllOf allOf(List<Requirement> children) {
    return new AllOf(children, false);
  }

  /** Every child must hold, each by its own held badges. */
  static AllOf allOfDistinct(List<Requirement> children) {
    return new AllOf(children, true);
  }

  /** At least one child must hold. */
  static AnyOf anyOf(Requirement... children) {
    return new AnyOf(List.of(children));
  }

  /** At least one child must hold. */
  static AnyOf anyOf(List<Requirement> children) {
    return new AnyOf(children);
  }

  /** At least {@code n} children must hold. */
  static AtLeast atLeast(int n, List<Requirement> children) {
    return new AtLeast(n, children, false);
  }

  /** At least {@code n} children must hold, each by its own held badges. */
  static AtLeast atLeastDistinct(int n, List<Requirement> children) {
    return new AtLeast(n, children, true);
  }

  /** At least {@code n} held badges must carry {@code tag}. */
  static AtLeastTagged atLeastTagged(int n, String tag) {
    return new AtLeastTagged(n, tag);
  }

  /** The credits of the held badges among {@code from} must reach {@code amount}. */
  static Credits credits(double amount, List<String> from) {
    return new Credits(amount, from);
  }

  /** The credits of the held badges tagged {@code tag} must reach {@code amount}. */
  static CreditsTagged creditsTagged(double amount, String tag) {
    return new CreditsTagged(amount, tag);
  }

  /**
   * The ids this expression names directly (badge references and the members of credit rules), in
   * first-seen order; tag rules name none. Iterative, so any depth is safe.
   */
  default Set<String> referencedBadges() {
    Set<String> out = new LinkedHashSet<>();
    preOrder(this, r -> {
      if (r instanceof BadgeRef b) {
        out.add(b.id());
      } else if (r instanceof Credits c) {
        out.addAll(c.from());
      }
      return true;
    });
    return out;
  }

  /** The tags this expression names (tag rules), in first-seen order. Iterative. */
  default Set<String> referencedTags() {
    Set<String> out = new LinkedHashSet<>();
    preOrder(this, r -> {
      if (r instanceof AtLeastTagged t) {
        out.add(t.tag());
      } else if (r instanceof CreditsTagged t) {
        out.add(t.tag());
      }
      return true;
    });
    return out;
  }

  /** The nesting depth: 1 for a leaf, 1 + the deepest child otherwise. Iterative. */
  default int depth() {
    int max = 0;
    Deque<Requirement> nodes = new ArrayDeque<>();
    Deque<Integer> depths = new ArrayDeque<>();
    nodes.push(this);
    depths.push(1);
    while (!nodes.isEmpty()) {
      Requirement r = nodes.pop();
      int d = depths.pop();
      max = Math.max(max, d);
      for (Requirement c : r.children()) {
        nodes.push(c);
        depths.push(d + 1);
      }
    }
    return max;
  }

  /** Whether this expression, or any below it, has {@code distinct} set. */
  default boolean usesDistinct() {
    return !preOrder(this,
        r -> !((r instanceof AllOf a && a.distinct()) || (r instanceof AtLeast l && l.distinct())));
  }

  /**
   * Visits {@code root} and every node below it in pre-order (children left to right) with an explicit
   * stack, so that any depth is safe; stops as soon as {@code visit} returns false.
   *
   * @return true if every node was visited, false if {@code visit} stopped the walk
   */
  private static boolean preOrder(Requirement root, Predicate<Requirement> visit) {
    Deque<Requirement> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Requirement r = stack.pop();
      if (!visit.test(r)) {
        return false;
      }
      List<Requirement> ch = r.children();
      for (int i = ch.size() - 1; i >= 0; i--) {
        stack.push(ch.get(i));
      }
    }
    return true;
  }

  private static void checkId(String id, String what) {
    requireNonNull(id, what);
    checkArgument(!id.isBlank(), "%s must not be blank, was '%s'", what, id);
  }

  private static void checkAmount(double amount) {
    checkArgument(Double.isFinite(amount) && amount >= 0,
        "credits must be a finite number >= 0, was %s", amount);
  }
}
