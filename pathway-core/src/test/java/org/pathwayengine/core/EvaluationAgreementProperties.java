package org.pathwayengine.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.Tuple.Tuple2;

/**
 * {@link PathwayEvaluator} and the compiled {@link BatchEvaluator} report the same held and eligible
 * badges (records of plain entries and waivers, equivalences and {@code distinct} included).
 */
class EvaluationAgreementProperties {
  private static final LocalDate ON = LocalDate.of(2026, 1, 1);

  @Provide
  Arbitrary<Tuple2<Pathway, LearnerRecord>> cases() {
    return RandomRequirements.pathways(8, true).flatMap(p -> {
      List<String> ids = p.badges().stream().map(Badge::id).toList();
      // A credential equivalent to a badge it is built from would be a cycle: keep to plain badges.
      boolean plain = !p.badges().get(0).isStacked() && !p.badges().get(1).isStacked();
      Arbitrary<Pathway> withEquivalence = Arbitraries.of(true, false)
          .map(eq -> eq && plain ? p.toBuilder().equivalence(List.of("b0", "b1")).build() : p);
      Arbitrary<LearnerRecord> records = Combinators.combine(Arbitraries.subsetOf(ids),
          Arbitraries.subsetOf(ids)).as(EvaluationAgreementProperties::record);
      return Combinators.combine(withEquivalence, records).as(Tuple::of);
    });
  }

  private static LearnerRecord record(Set<String> earned, Set<String> waived) {
    LearnerRecord.Builder b = LearnerRecord.builder("l");
    earned.stream().sorted().forEach(id -> b.earned(id, ON.minusDays(1)));
    waived.stream().sorted().limit(1).forEach(b::waived);
    return b.build();
  }

  @Property(tries = 200)
  void bothEvaluatorsAgree(@ForAll("cases") Tuple2<Pathway, LearnerRecord> c) {
    LearnerStatus full = PathwayEvaluator.of(c.get1()).evaluate(c.get2(), ON);
    LearnerOutcome batch = BatchEvaluator.of(c.get1()).evaluate(c.get2(), ON);
    String where = describe(c.get1());
    assertEquals(full.held(), batch.held(), () -> "held in " + where);
    assertEquals(full.eligible().stream().map(Eligibility::badge).toList(), batch.eligible(),
        () -> "eligible in " + where);
  }

  private static String describe(Pathway p) {
    StringBuilder sb = new StringBuilder();
    for (Badge b : p.badges()) {
      sb.append('\n').append(b.id()).append(" tags=").append(b.tags())
          .append(" credits=").append(b.credits());
      b.requires().ifPresent(r -> sb.append(" requires=").append(r));
      b.coRequires().ifPresent(r -> sb.append(" coRequires=").append(r));
      b.stack().ifPresent(r -> sb.append(" stack=").append(r));
    }
    return sb.append("\nequivalences=").append(p.equivalences()).toString();
  }
}
