package org.pathwayengine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.pathwayengine.core.Requirement.allOf;
import static org.pathwayengine.core.Requirement.anyOf;
import static org.pathwayengine.core.Requirement.atLeast;
import static org.pathwayengine.core.Requirement.badge;
import static org.pathwayengine.core.Requirement.badges;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PathwayValidatorTest {

  private static Badge.Builder b(String id) {
    return Badge.builder(id, "Title of " + id);
  }

  private static Pathway pathway(Badge.Builder... builders) {
    Pathway.Builder p = Pathway.builder("test", "1");
    for (Badge.Builder builder : builders) {
      p.badge(builder.build());
    }
    return p.build();
  }

  private static List<Problem> of(List<Problem> problems, ProblemCode code) {
    return problems.stream().filter(p -> p.code() == code).toList();
  }

  private static Problem single(List<Problem> problems, ProblemCode code) {
    List<Problem> found = of(problems, code);
    assertEquals(1, found.size(), () -> "expected one " + code + " in " + problems);
    return found.get(0);
  }

  private static ModelPointer ptr(int badge, String field, Integer... path) {
    return new ModelPointer(badge, field, List.of(path));
  }

  private static void assertAt(Problem p, String badge, ModelPointer pointer) {
    assertEquals(Optional.ofNullable(badge), p.badge(), p::toString);
    assertEquals(Optional.of(pointer), p.pointer(), p::toString);
  }

  @Test
  void cleanPathwayHasNoProblems() {
    Pathway p = pathway(b("a").credits(1), b("b").requires("a"),
        b("nano").stack(allOf(badge("a"), badge("b"))));
    assertEquals(List.of(), PathwayValidator.validate(p));
  }

  @Test
  void duplicateIdPointsAtTheSecondId() {
    Pathway p = pathway(b("a"), b("b").requires("a"), b("a"));
    Problem dup = single(PathwayValidator.validate(p), ProblemCode.DUPLICATE_ID);
    assertAt(dup, "a", ptr(2, "id"));
    assertTrue(dup.isError());
  }

  @Test
  void unknownReferenceInARequiresListPointsAtTheListItem() {
    Pathway p = pathway(b("a"), b("b").requires("a", "ghost"));
    List<Problem> problems = PathwayValidator.validate(p);
    assertAt(single(problems, ProblemCode.UNKNOWN_BADGE), "b", ptr(1, "requires", 1));
    // b can never be started, so it is unsatisfiable as well, at its requires
    Problem unsat = single(problems, ProblemCode.UNSATISFIABLE);
    assertAt(unsat, "b", ptr(1, "requires"));
    assertTrue(unsat.message().contains("ghost"), unsat.message());
  }

  @Test
  void unknownReferencesInEveryPlace() {
    Pathway p = Pathway.builder("t", "1")
        .addImport(new PathwayImport("dt.yaml", "dt"))
        .badge(b("a").credits(1).recommends("nowhere").build())
        .badge(b("b").coRequires(anyOf(badge("a"), badge("dt:missing"))).build())
        .badge(b("c").stack(Requirement.credits(1, List.of("a", "zz:x"))).build())
        .equivalence(List.of("a", "dt:phantom"))
        .build();
    List<Problem> unknown = of(PathwayValidator.validate(p), ProblemCode.UNKNOWN_BADGE);
    assertEquals(4, unknown.size(), unknown::toString);
    assertAt(unknown.get(0), "a", ptr(0, "recommends", 0));
    assertAt(unknown.get(1), "b", ptr(1, "coRequires", 1));
    assertTrue(unknown.get(1).message().contains("import 'dt' has no badge 'missing'"));
    assertAt(unknown.get(2), "c", ptr(2, "stack", 1));
    assertTrue(unknown.get(2).message().contains("no import has the prefix 'zz'"));
    assertAt(unknown.get(3), null, ptr(-1, "equivalences", 0, 1));
  }

  @Test
  void builderRejectsAnEquivalenceNamingNoBadgeAndNoImport() {
    Pathway.Builder b = Pathway.builder("t", "1").badge(b("a").build())
        .equivalence(List.of("a", "phantom"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertTrue(e.getMessage().contains("phantom"), e.getMessage());
  }

  @Test
  void importedIdsMustExistToo() {
    Pathway p = pathway(b("dt:narrative"), b("story").requires("dt:narrative"));
    assertEquals(List.of(), PathwayValidator.validate(p));
  }

  @Test
  void cycleIsReportedOnceAtItsFirstBadgeWithThePathInOrder() {
    // a requires c, b requires a, c requires b: edges c->a, a->b, b->c
    Pathway p = pathway(b("x"), b("a").requires("x", "c"), b("b").requires("a"),
        b("c").requires("b"));
    Problem cycle = single(PathwayValidator.validate(p), ProblemCode.CYCLE);
    assertEquals(List.of("a", "b", "c"), cycle.cycle());
    assertAt(cycle, "a", ptr(1, "requires", 1));
    assertTrue(cycle.message().contains("a -> b -> c -> a"), cycle.message());
  }

  @Test
  void selfLoopIsACycle() {
    Pathway p = pathway(b("a"), b("s").stack(allOf(badge("a"), badge("s"))));
    Problem cycle = single(PathwayValidator.validate(p), ProblemCode.CYCLE);
    assertEquals(List.of("s"), cycle.cycle());
    assertAt(cycle, "s", ptr(1, "stack", 1));
  }

  @Test
  void cyclesMixEdgeKindsAndComeOnePerComponent() {
    // a coRequires b; s stacks a; b requires s  -> one component {a, b, s}
    // p <-> q as a second component
    Pathway p = pathway(b("a").coRequires(badge("b")), b("s").stack(allOf(badge("a"))),
        b("b").requires("s"), b("p").requires("q"), b("q").requires("p"));
    List<Problem> cycles = of(PathwayValidator.validate(p), ProblemCode.CYCLE);
    assertEquals(2, cycles.size(), cycles::toString);
    assertEquals(List.of("a", "s", "b"), cycles.get(0).cycle());
    assertAt(cycles.get(0), "a", ptr(0, "coRequires"));
    assertEquals(List.of("p", "q"), cycles.get(1).cycle());
    assertAt(cycles.get(1), "p", ptr(3, "requires"));
  }

  @Test
  void atLeastLargerThanItsChildrenIsUnsatisfiableWhereItStands() {
    Pathway p = pathway(b("a"), b("b"),
        b("c").coRequires(anyOf(badge("a"), atLeast(3, badges("a", "b")))));
    Problem unsat = single(PathwayValidator.validate(p), ProblemCode.UNSATISFIABLE);
    assertAt(unsat, "c", ptr(2, "coRequires", 1));
    assertTrue(unsat.message().contains("atLeast 3 of only 2"), unsat.message());
  }

  @Test
  void unattainabilityPropagatesAndIsReportedOncePerBadge() {
    Pathway p = pathway(b("x"), b("y"),
        b("a").requires(atLeast(3, badges("x", "y"))),
        b("b").requires("a"),
        b("d").requires("x"),
        b("nano").stack(allOf(badge("b"), badge("d"))));
    List<Problem> unsat = of(PathwayValidator.validate(p), ProblemCode.UNSATISFIABLE);
    assertEquals(3, unsat.size(), unsat::toString);
    assertAt(unsat.get(0), "a", ptr(2, "requires"));
    assertTrue(unsat.get(0).message().contains("atLeast 3 of only 2"));
    assertAt(unsat.get(1), "b", ptr(3, "requires"));
    assertTrue(unsat.get(1).message().contains("can never be held: a"), unsat.get(1).message());
    assertAt(unsat.get(2), "nano", ptr(5, "stack"));
    assertTrue(unsat.get(2).message().contains("can never be held: b"), unsat.get(2).message());
  }

  @Test
  void tagAndCreditRulesAskingMoreThanExistAreUnsatisfiable() {
    Pathway p = pathway(b("x").credits(3).tags("core"), b("y").credits(4).tags("core"),
        b("t").coRequires(Requirement.atLeastTagged(3, "core")),
        b("u").coRequires(Requirement.credits(8, List.of("x", "y"))),
        b("v").coRequires(Requirement.creditsTagged(7.5, "core")),
        b("w").coRequires(Requirement.credits(7, List.of("x", "y"))));
    List<Problem> unsat = of(PathwayValidator.validate(p), ProblemCode.UNSATISFIABLE);
    assertEquals(3, unsat.size(), unsat::toString);
    assertAt(unsat.get(0), "t", ptr(2, "coRequires"));
    assertAt(unsat.get(1), "u", ptr(3, "coRequires"));
    assertTrue(unsat.get(1).message().contains("credits 8"), unsat.get(1).message());
    assertAt(unsat.get(2), "v", ptr(4, "coRequires"));
  }

  @Test
  void distinctRuleThatNeedsOneBadgeTwiceIsUnsatisfiable() {
    Pathway p = pathway(b("a"), b("b"),
        b("s").stack(Requirement.allOfDistinct(List.of(badge("a"), anyOf(badge("a"))))),
        b("t").stack(Requirement.allOfDistinct(List.of(badge("a"), anyOf(badge("a"),
            badge("b"))))));
    Problem unsat = single(PathwayValidator.validate(p), ProblemCode.UNSATISFIABLE);
    assertAt(unsat, "s", ptr(2, "stack"));
    assertTrue(unsat.message().contains("distinct"), unsat.message());
  }

  @Test
  void anEquivalentAttainableBadgeSatisfiesAReference() {
    Pathway p = Pathway.builder("t", "1")
        .badge(b("x").requires("x").build())
        .badge(b("y").build())
        .badge(b("z").requires("x").build())
        .equivalence(List.of("x", "y"))
        .build();
    List<Problem> problems = PathwayValidator.validate(p);
    assertEquals(List.of(ProblemCode.CYCLE), problems.stream().map(Problem::code).toList(),
        problems::toString);
  }

  @Test
  void idsMustFollowTheIdRule() {
    Pathway p = pathway(b("good-id_1.x"), b("dt:fine"), b("bad id"), b("-dash"),
        b("a:b:c"), b("x".repeat(201)), b("y".repeat(200)));
    List<Problem> invalid = of(PathwayValidator.validate(p), ProblemCode.INVALID_VALUE);
    assertEquals(4, invalid.size(), invalid::toString);
    assertAt(invalid.get(0), "bad id", ptr(2, "id"));
    assertAt(invalid.get(1), "-dash", ptr(3, "id"));
    assertAt(invalid.get(2), "a:b:c", ptr(4, "id"));
    assertAt(invalid.get(3), "x".repeat(201), ptr(5, "id"));
  }

  @Test
  void blankValuesTheBuildersLetThroughAreInvalid() {
    Pathway p = Pathway.builder("bad pathway id", "1")
        .addImport(new PathwayImport("a.yaml", "a:b"))
        .badge(b("a").tags("ok", " ").skills("").aliases("https://x/a").build())
        .badge(b("b").requires("a").aliases("https://x/a").trustedIssuers("").build())
        .equivalence(List.of("a", "b"))
        .equivalence(List.of("b", "a"))
        .build();
    List<Problem> invalid = of(PathwayValidator.validate(p), ProblemCode.INVALID_VALUE);
    assertEquals(8, invalid.size(), invalid::toString);
    assertAt(invalid.get(0), null, ptr(-1, "pathway"));
    assertAt(invalid.get(1), null, ptr(-1, "imports", 0));
    assertAt(invalid.get(2), "a", ptr(0, "tags", 1));
    assertAt(invalid.get(3), "a", ptr(0, "skills", 0));
    assertAt(invalid.get(4), "b", ptr(1, "aliases", 0));
    assertAt(invalid.get(5), "b", ptr(1, "trustedIssuers", 0));
    assertAt(invalid.get(6), "b", ptr(-1, "equivalences", 1, 0));
    assertAt(invalid.get(7), "a", ptr(-1, "equivalences", 1, 1));
  }

  @Test
  void emptyGroupsAreReportedWhereTheyStand() {
    Pathway p = pathway(b("a"),
        b("b").coRequires(allOf(List.of())),
        b("c").coRequires(anyOf(badge("a"), atLeast(1, List.of()))),
        b("d").coRequires(Requirement.credits(0, List.of())));
    List<Problem> empty = of(PathwayValidator.validate(p), ProblemCode.EMPTY_GROUP);
    assertEquals(3, empty.size(), empty::toString);
    assertAt(empty.get(0), "b", ptr(1, "coRequires"));
    assertAt(empty.get(1), "c", ptr(2, "coRequires", 1));
    assertAt(empty.get(2), "d", ptr(3, "coRequires"));
  }

  private static Requirement nested(int depth) {
    Requirement r = badge("a");
    for (int i = 1; i < depth; i++) {
      r = allOf(r);
    }
    return r;
  }

  @Test
  void depthPast64IsReportedOnceAtItsFirstNodeTooDeep() {
    Pathway ok = pathway(b("a"), b("b").requires(nested(64)));
    assertEquals(List.of(), PathwayValidator.validate(ok));

    Pathway deep = pathway(b("a"), b("b").requires(nested(70)));
    Problem p = single(PathwayValidator.validate(deep), ProblemCode.DEPTH_EXCEEDED);
    assertAt(p, "b", new ModelPointer(1, "requires", java.util.Collections.nCopies(64, 0)));
  }

  @Test
  void veryDeepExpressionsDoNotOverflowTheStack() {
    Pathway deep = pathway(b("a"), b("b").requires(nested(20_000)),
        b("c").stack(allOf(Requirement.allOfDistinct(List.of(nested(20_000))))));
    List<Problem> problems = PathwayValidator.validate(deep);
    assertEquals(2, of(problems, ProblemCode.DEPTH_EXCEEDED).size(), problems::toString);
    assertEquals(2, problems.size(), problems::toString);
  }

  @Test
  void prerequisiteImpliedByAnotherIsRedundant() {
    Pathway p = pathway(b("a"), b("b").requires("a"), b("d").requires("b"),
        b("c").requires(allOf(badge("a"), allOf(badge("d")))));
    Problem w = single(PathwayValidator.validate(p), ProblemCode.REDUNDANT_PREREQUISITE);
    assertAt(w, "c", ptr(3, "requires", 0));
    assertTrue(w.message().contains("'d'"), w.message());
    assertTrue(!w.isError());
  }

  @Test
  void errorsLeaveOutTheWarningsAndKeepTheErrors() {
    Pathway warned = pathway(b("a"), b("b").requires("a"), b("d").requires("b"),
        b("c").requires(allOf(badge("a"), allOf(badge("d")))));
    assertEquals(1, of(PathwayValidator.validate(warned), ProblemCode.REDUNDANT_PREREQUISITE).size());
    assertEquals(List.of(), PathwayValidator.errors(warned));

    Pathway broken = pathway(b("a").requires("b"), b("b").requires("a"), b("x"),
        b("c").requires("a", "x", "nowhere"));
    List<Problem> errors = PathwayValidator.errors(broken);
    // model order: a's cycle and rule, b's rule, c's rule and its reference
    assertEquals(List.of(ProblemCode.CYCLE, ProblemCode.UNSATISFIABLE, ProblemCode.UNSATISFIABLE,
        ProblemCode.UNSATISFIABLE, ProblemCode.UNKNOWN_BADGE),
        errors.stream().map(Problem::code).toList(), errors::toString);
    assertEquals(PathwayValidator.validate(broken), errors);
  }

  @Test
  void prerequisitesOnACycleAreNotRedundantToEachOther() {
    Pathway p = pathway(b("a").requires("b"), b("b").requires("a"), b("x"),
        b("y").requires("x"), b("c").requires("a", "b", "x", "y"));
    List<Problem> redundant = of(PathwayValidator.validate(p),
        ProblemCode.REDUNDANT_PREREQUISITE);
    assertEquals(1, redundant.size(), redundant::toString);
    assertAt(redundant.get(0), "c", ptr(4, "requires", 2));
  }

  @Test
  void optionalPrerequisitesAreNeverRedundant() {
    Pathway p = pathway(b("a"), b("b").requires("a"),
        b("c").requires(anyOf(badge("a"), badge("b"))),
        b("d").requires(allOf(badge("b"), atLeast(1, badges("a", "b")))));
    assertEquals(List.of(), of(PathwayValidator.validate(p), ProblemCode.REDUNDANT_PREREQUISITE));
  }

  @Test
  void creditRulesNamingBadgesWithoutCreditsWarn() {
    Pathway p = pathway(b("a").tags("t"), b("b").credits(2).tags("t"),
        b("s").stack(Requirement.credits(1, List.of("b", "a"))),
        b("u").stack(Requirement.creditsTagged(1, "t")));
    List<Problem> missing = of(PathwayValidator.validate(p), ProblemCode.MISSING_CREDITS);
    assertEquals(2, missing.size(), missing::toString);
    assertAt(missing.get(0), "s", ptr(2, "stack", 1));
    assertAt(missing.get(1), "u", ptr(3, "stack"));
    assertTrue(missing.get(1).message().contains(": a;"), missing.get(1).message());
  }

  @Test
  void badgeConnectedToNothingIsUnreferenced() {
    Pathway p = Pathway.builder("t", "1")
        .badge(b("alone").build())
        .badge(b("a").tags("t").build())
        .badge(b("top").stack(Requirement.atLeastTagged(1, "t")).build())
        .badge(b("e1").build())
        .badge(b("e2").build())
        .badge(b("hint").recommends("e1").build())
        .equivalence(List.of("e2", "e1"))
        .build();
    Problem w = single(PathwayValidator.validate(p), ProblemCode.UNREFERENCED_BADGE);
    assertAt(w, "alone", ptr(0, "id"));
  }

  @Test
  void errorsComeFirstInModelOrderThenWarnings() {
    Pathway p = pathway(b("lonely"), b("b").requires("ghost"), b("a"), b("a"));
    List<Problem> problems = PathwayValidator.validate(p);
    assertEquals(List.of(ProblemCode.UNKNOWN_BADGE, ProblemCode.UNSATISFIABLE,
        ProblemCode.DUPLICATE_ID, ProblemCode.UNREFERENCED_BADGE, ProblemCode.UNREFERENCED_BADGE),
        problems.stream().map(Problem::code).toList(), problems::toString);
    assertEquals(List.of("lonely", "a"),
        of(problems, ProblemCode.UNREFERENCED_BADGE).stream().map(x -> x.badge().orElseThrow())
            .toList());
    assertEquals(problems, PathwayValidator.validate(p));
  }

  // Attainability under the evaluator's "one award counts once" (docs/SEMANTICS.md). The first three
  // are minimised counterexamples of ValidationProperties: a tag rule counts a tagged member held
  // through an untagged equivalent.

  private static Pathway withEquivalence(List<String> equivalence, Badge.Builder... builders) {
    Pathway.Builder p = Pathway.builder("test", "1");
    for (Badge.Builder builder : builders) {
      p.badge(builder.build());
    }
    return p.equivalence(equivalence).build();
  }

  /** The badges reported UNSATISFIABLE at the root of their requires or stack, in order. */
  private static List<String> unattainable(Pathway p) {
    return of(PathwayValidator.validate(p), ProblemCode.UNSATISFIABLE).stream()
        .filter(x -> x.pointer().orElseThrow().path().isEmpty())
        .map(x -> x.badge().orElseThrow()).toList();
  }

  @Test
  void tagRuleCountsATaggedBadgeHeldThroughAnUntaggedEquivalent() {
    // holding b0 makes b7 (tagged t1) held, so b7's own tag rule holds and b7 can be awarded
    Pathway p = withEquivalence(List.of("b0", "b7"), b("b0"),
        b("b7").tags("t1").requires(allOf(atLeast(1, List.of(Requirement.atLeastTagged(1, "t1"))))));
    assertEquals(List.of(), unattainable(p));
  }

  @Test
  void tagRuleCountsTwoTaggedBadgesWhenOneIsHeldThroughAnEquivalent() {
    Pathway p = withEquivalence(List.of("b4", "b0"), b("b0"),
        b("b4").tags("t1").requires(anyOf(Requirement.atLeastTagged(2, "t1"))), b("b5").tags("t1"));
    assertEquals(List.of(), unattainable(p));
  }

  @Test
  void tagCreditsRuleCountsATaggedBadgeHeldThroughAnEquivalent() {
    // b2 is tagged t2 and equivalent to b0, so holding b0 and b1 gives two t2 badges for b4's stack
    Pathway p = withEquivalence(List.of("b0", "b2"), b("b0"), b("b1").tags("t2"),
        b("b2").tags("t2").requires(Requirement.creditsTagged(1, "t1")),
        b("b4").stack(Requirement.atLeastTagged(2, "t2")));
    assertEquals(List.of("b2"), unattainable(p));
  }

  @Test
  void aBadgeListedTwiceInACreditsRuleCountsOnce() {
    Pathway p = pathway(b("a").credits(2),
        b("four").requires(Requirement.credits(4, List.of("a", "a"))),
        b("two").requires(Requirement.credits(2, List.of("a", "a"))));
    List<Problem> problems = PathwayValidator.validate(p);
    Problem unsat = single(problems, ProblemCode.UNSATISFIABLE);
    assertAt(unsat, "four", ptr(1, "requires"));
    assertTrue(unsat.message().contains("offer only 2"), unsat.message());
  }

  @Test
  void oneAwardNeverCountsForTwoEquivalentCreditsMembers() {
    // 'old' can never be held (its rule names an unknown badge); 'new' is its equivalent: one award
    Pathway p = withEquivalence(List.of("new", "old"), b("new").credits(2),
        b("old").credits(2).requires("ghost"),
        b("four").requires(Requirement.credits(4, List.of("new", "old"))),
        b("two").requires(Requirement.credits(2, List.of("new", "old"))));
    assertEquals(List.of("old", "four"), unattainable(p));
  }

  @Test
  void creditsRuleTakesTheEquivalentMemberWithTheMostCredits() {
    // holding 'cheap' counts as the class member 'rich' (3 credits), though 'rich' itself never is held
    Pathway p = withEquivalence(List.of("cheap", "rich"), b("cheap").credits(1),
        b("rich").credits(3).requires("ghost"),
        b("three").requires(Requirement.credits(3, List.of("cheap", "rich"))),
        b("four").requires(Requirement.credits(4, List.of("cheap", "rich"))));
    assertEquals(List.of("rich", "four"), unattainable(p));
  }

  @Test
  void distinctAssignsDirectAwardsNotEquivalents() {
    Pathway p = withEquivalence(List.of("new", "old"), b("new"), b("old").requires("ghost"),
        b("both").requires(Requirement.allOfDistinct(badges("new", "old"))),
        b("either").requires(Requirement.allOf(badges("new", "old"))));
    assertEquals(List.of("old", "both"), unattainable(p));
  }

  @Test
  void aLargeDistinctRuleIsDecidedExactly() {
    // 300 references to one badge under distinct need 300 different awards; only 'a' exists
    List<Requirement> many = java.util.Collections.nCopies(300, badge("a"));
    Pathway p = pathway(b("a"), b("x").requires(Requirement.allOfDistinct(many)),
        b("y").requires(Requirement.atLeastDistinct(1, many)));
    assertEquals(List.of("x"), unattainable(p));
  }
}
