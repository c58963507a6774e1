package org.pathwayengine.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.PathwayImport;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.core.Scenario;

/** Read → write → read gives an equal pathway, and writing again gives the same bytes. */
class RoundTripProperties {
  private static final PathwayFiles FILES = PathwayFiles.create();

  @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
  void pathwaysRoundTrip(@ForAll("pathways") Pathway p) {
    Statistics.label("stacked").collect(p.badges().stream().anyMatch(Badge::isStacked));
    Statistics.label("extensions").collect(!p.extensions().isEmpty());
    for (FileFormat format : FileFormat.values()) {
      String text = FILES.write(p, format);
      ReadResult<Pathway> r = FILES.read(text.getBytes(StandardCharsets.UTF_8), format, "gen");
      List<Problem> readerProblems = ReaderChecks.readerProblems(r);
      assertTrue(readerProblems.isEmpty(), () -> readerProblems + "\n" + text);
      assertEquals(p, r.value().orElseThrow(), text);
      assertEquals(text, FILES.write(r.value().get(), format));
    }
  }

  @Property(tries = 100, edgeCases = EdgeCasesMode.NONE)
  void learnerRecordsRoundTrip(@ForAll("learners") LearnerRecord l) {
    for (FileFormat format : FileFormat.values()) {
      String text = FILES.write(l, format);
      var r = FILES.readLearner(text.getBytes(StandardCharsets.UTF_8), format, "gen");
      assertTrue(r.problems().isEmpty(), () -> r.problems() + "\n" + text);
      assertEquals(l, r.value().orElseThrow(), text);
    }
  }

  // ------------------------------------------------------------------ generators

  private static final List<String> POOL = List.of("a", "b", "c", "d", "e", "si-101", "X.2", "9z");

  static Arbitrary<String> ids() {
    Arbitrary<String> fresh = Combinators.combine(
        Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').ofLength(1),
        Arbitraries.strings().withCharRange('a', 'z').withCharRange('A', 'Z')
            .withCharRange('0', '9').withChars('.', '_', '-').ofMaxLength(12))
        .as((h, t) -> h + t);
    return Arbitraries.oneOf(Arbitraries.of(POOL), fresh);
  }

  static Arbitrary<String> refs() {
    return Arbitraries.oneOf(ids(), ids().map(i -> "lib:" + i));
  }

  /** Any text, control characters and every script included (no lone surrogates). */
  static Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().withCharRange('\u0000', '\uD7FF').ofMaxLength(20),
        Arbitraries.of("true", "no", "on", "null", "~", "1.5", "007", "2025-01-01", "1.2.0",
            "a: b", "- x", "#c", "[x]", "{y}", "'q'", "\"dq\"", " x ", "x\ny", "\u00e9t\u00e9",
            "\u65e5\u672c", "\uD83D\uDE00", "&anchor", "*alias", "!tag", "%", "@", "`", "|", ">"));
  }

  static Arbitrary<String> nonBlank() {
    return text().filter(s -> !s.isBlank());
  }

  static Arbitrary<Requirement> requirements(int depth) {
    Arbitrary<Requirement> leaf = Arbitraries.oneOf(
        refs().map(Requirement.BadgeRef::new),
        Combinators.combine(Arbitraries.integers().between(1, 3), ids())
            .as(Requirement.AtLeastTagged::new),
        Combinators.combine(amounts(), refs().list().ofMinSize(1).ofMaxSize(3))
            .as(Requirement.Credits::new),
        Combinators.combine(amounts(), ids()).as(Requirement.CreditsTagged::new));
    if (depth <= 1) {
      return leaf;
    }
    Arbitrary<List<Requirement>> kids = Arbitraries.lazy(() -> requirements(depth - 1))
        .list().ofMinSize(1).ofMaxSize(3);
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, leaf),
        net.jqwik.api.Tuple.of(1, Combinators.combine(kids, Arbitraries.of(true, false))
            .as(Requirement.AllOf::new)),
        net.jqwik.api.Tuple.of(1, kids.map(Requirement.AnyOf::new)),
        net.jqwik.api.Tuple.of(1, Combinators.combine(kids, Arbitraries.of(true, false),
            Arbitraries.integers().between(1, 3))
            .as((k, d, n) -> new Requirement.AtLeast(Math.min(n, k.size()), k, d))));
  }

  static Arbitrary<Double> amounts() {
    return Arbitraries.oneOf(Arbitraries.of(0.0, 1.0, 1.5, 3.0, 0.1, 1e-7, 12345678.25),
        Arbitraries.doubles().between(0, 1e6));
  }

  static Arbitrary<Object> extensionValues(int depth) {
    Arbitrary<Object> scalar = Arbitraries.oneOf(text().map(s -> (Object) s),
        Arbitraries.longs().map(l -> (Object) l),
        Arbitraries.doubles().between(-1e9, 1e9).map(d -> (Object) d),
        Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.just(null));
    if (depth <= 1) {
      return scalar;
    }
    return Arbitraries.oneOf(scalar,
        Arbitraries.lazy(() -> extensionValues(depth - 1)).list().ofMaxSize(3)
            .map(l -> (Object) l),
        Arbitraries.maps(text(), Arbitraries.lazy(() -> extensionValues(depth - 1)))
            .ofMaxSize(3).map(m -> (Object) new LinkedHashMap<>(m)));
  }

  static Arbitrary<Map<String, Object>> extensions() {
    return Arbitraries.maps(ids().map(i -> "x-" + i), extensionValues(3)).ofMaxSize(2)
        .map(LinkedHashMap::new);
  }

  static Arbitrary<Badge> badges() {
    Arbitrary<Badge.Builder> base = Combinators.combine(ids(), text(), text().optional(),
        nonBlank().optional(), amounts().optional(), amounts().optional())
        .as((id, title, desc, issuer, credits, hours) -> {
          Badge.Builder b = Badge.builder(id, title);
          desc.ifPresent(b::description);
          issuer.ifPresent(b::issuer);
          credits.ifPresent(b::credits);
          hours.ifPresent(b::hours);
          return b;
        });
    Arbitrary<List<String>> strings = nonBlank().list().ofMaxSize(3);
    Arbitrary<Period> periods = Combinators.combine(Arbitraries.integers().between(0, 5),
        Arbitraries.integers().between(0, 14), Arbitraries.integers().between(0, 40))
        .as(Period::of).filter(p -> !p.isZero());
    return Combinators.combine(base, strings, strings, strings, periods.optional(),
        requirements(3).optional(), requirements(2).optional(), refs().list().ofMaxSize(2))
        .as((b, tags, skills, aliases, valid, req, co, rec) -> {
          b.tags(tags.toArray(String[]::new)).skills(skills.toArray(String[]::new))
              .aliases(aliases.toArray(String[]::new)).recommends(rec.toArray(String[]::new));
          valid.ifPresent(b::validFor);
          req.ifPresent(b::requires);
          co.ifPresent(b::coRequires);
          return b;
        })
        .flatMap(b -> Combinators.combine(requirements(3).optional(), extensions(),
            nonBlank().list().ofMaxSize(2)).as((stack, ext, trusted) -> {
              stack.ifPresent(b::stack);
              ext.forEach(b::extension);
              b.trustedIssuers(trusted.toArray(String[]::new));
              return b.build();
            }));
  }

  @Provide
  Arbitrary<LearnerRecord> learners() {
    Arbitrary<LearnerRecord.Entry> entries = Combinators.combine(nonBlank(), dates(),
        dates().optional(), nonBlank().optional()).as(LearnerRecord.Entry::new);
    return Combinators.combine(text(), entries.list().ofMaxSize(3),
        nonBlank().list().ofMaxSize(2), nonBlank().list().ofMaxSize(2),
        Arbitraries.maps(text(), nonBlank()).ofMaxSize(2), extensions())
        .as((name, es, prog, waived, subs, ext) -> {
          LearnerRecord.Builder b = LearnerRecord.builder(name);
          es.forEach(b::entry);
          b.inProgress(prog.toArray(String[]::new)).waived(waived.toArray(String[]::new));
          subs.forEach(b::substitution);
          ext.forEach(b::extension);
          return b.build();
        });
  }

  static Arbitrary<LocalDate> dates() {
    return Arbitraries.longs().between(LocalDate.of(1900, 1, 1).toEpochDay(),
        LocalDate.of(2200, 12, 31).toEpochDay()).map(LocalDate::ofEpochDay);
  }

  @Provide
  Arbitrary<Pathway> pathways() {
    Arbitrary<Scenario> scenarios = Combinators.combine(text(), dates(), learners(),
        refs().list().ofMaxSize(2), refs().list().ofMaxSize(2),
        Arbitraries.maps(refs(), Arbitraries.oneOf(
            Arbitraries.integers().between(0, 9).map(Scenario.ExpectedRemaining::count),
            refs().list().ofMaxSize(2).map(Scenario.ExpectedRemaining::badges))).ofMaxSize(2))
        .as((name, asOf, learner, held, eligible, remaining) -> new Scenario(name, asOf,
            learner.toBuilder().build(), new Scenario.Expectation(held, eligible, List.of(),
                remaining)));
    return Combinators.combine(ids(), text(), text().optional(), badges().list().ofMaxSize(4),
        scenarios.list().ofMaxSize(2), extensions(), Arbitraries.of(true, false),
        nonBlank().list().ofMaxSize(2))
        .as((id, version, title, badges, sc, ext, withImport, trusted) -> {
          Pathway.Builder b = Pathway.builder(id, version);
          title.ifPresent(b::title);
          if (withImport) {
            b.addImport(new PathwayImport("lib/other.yaml", "lib"));
          }
          b.trustedIssuers(trusted.toArray(String[]::new));
          badges.forEach(b::badge);
          List<String> present = new ArrayList<>();
          badges.forEach(x -> present.add(x.id()));
          if (present.size() >= 2) {
            b.equivalence(present.subList(0, 2));
          }
          sc.forEach(b::scenario);
          ext.forEach(b::extension);
          return b.build();
        });
  }
}
