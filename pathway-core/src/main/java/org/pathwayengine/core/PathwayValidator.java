package org.pathwayengine.core;

import static java.util.Objects.requireNonNull;

import java.util.List;
import org.pathwayengine.core.internal.Validation;

/**
 * Validates a built pathway (SPEC section 5) and reports every problem at once, each with its badge and
 * a {@link ModelPointer} that a file reader turns into a line and column.
 *
 * <p>Errors: {@link ProblemCode#DUPLICATE_ID} (at the later {@code id}), {@link ProblemCode#UNKNOWN_BADGE}
 * (at the reference), {@link ProblemCode#CYCLE} (one per strongly connected component of the dependency
 * graph over prerequisite, co-requisite and stacking edges together, with a shortest cycle through its
 * first badge in {@link Problem#cycle()}, each badge needed by the next; the pointer is the first
 * badge's reference to the last), {@link ProblemCode#UNSATISFIABLE} (a rule that asks for more members,
 * tagged badges or credits than exist, and every badge that no learner could ever hold: the least
 * fixpoint of "requires and stack hold while every attainable badge is held", reported once per badge at
 * the rule that can never hold, with the reason; "hold" means exactly what learner evaluation means,
 * so equivalence lets one award count once, a badge listed twice in a credits rule counts once, and
 * {@code distinct} is decided exactly, except in an expression nested past the depth limit), {@link ProblemCode#INVALID_VALUE} (ids against
 * {@code [A-Za-z0-9][A-Za-z0-9._-]*}, at most 200 characters, {@code prefix:id} for imports; blank
 * tags, skills, aliases, titles and issuers; an alias shared by two badges; a badge in two equivalence
 * classes), {@link ProblemCode#EMPTY_GROUP} and {@link ProblemCode#DEPTH_EXCEEDED} (once per expression,
 * at its first node past depth 64). Warnings: {@link ProblemCode#REDUNDANT_PREREQUISITE} (a badge that
 * must be held for {@code requires}, listed directly or under {@code allOf} groups, and that another such
 * badge already requires through its own chain of such prerequisites; references under {@code anyOf},
 * {@code atLeast} or credit rules are optional and never reported), {@link ProblemCode#MISSING_CREDITS}
 * and {@link ProblemCode#UNREFERENCED_BADGE} (no rule, stack, recommends or equivalence names the badge,
 * a tag rule selecting it counts, and it names nothing itself; so a stacked credential at the top of a
 * pathway is never reported).
 *
 * <p>Runs in time linear in the pathway's size (badges, expression nodes, graph edges), except the
 * redundancy search, which is bounded; no recursion, so a 100 000-badge prerequisite chain is fine.
 *
 * <pre>{@code
 * List<Problem> problems = PathwayValidator.validate(pathway);
 * boolean valid = problems.stream().noneMatch(Problem::isError);
 * }</pre>
 */
public final class PathwayValidator {
  private PathwayValidator() {}

  /**
   * Every problem of {@code pathway}: errors first, then warnings, each in model order (the pathway's
   * {@code pathway} and {@code imports} fields, badges in order with their fields in file order, then
   * {@code equivalences} and {@code trustedIssuers}). Deterministic; empty for a clean pathway.
   *
   * @throws NullPointerException if {@code pathway} is null
   */
  public static List<Problem> validate(Pathway pathway) {
    return Validation.validate(requireNonNull(pathway, "pathway"));
  }

  /**
   * The errors of {@link #validate(Pathway)}, in the same order, for a caller that only needs to know
   * whether (and why not) a pathway is valid: the analyses that can only warn (redundant
   * prerequisites, unreferenced badges) are not run, which saves about a fifth of the validation of a
   * large pathway. Empty exactly when {@code validate(pathway)} has no error.
   *
   * @throws NullPointerException if {@code pathway} is null
   */
  public static List<Problem> errors(Pathway pathway) {
    return Validation.errors(requireNonNull(pathway, "pathway"));
  }
}
