package org.pathwayengine.io.interop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Builders;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.io.ReadResult;

/** Pathway to CTDL JSON-LD and back gives an equal pathway, with no problem reported. */
class CtdlRoundTripProperties {

  @Property(tries = 200, edgeCases = EdgeCasesMode.NONE)
  void pathwayToCtdlToPathwayIsIdentity(@ForAll("pathways") Pathway pathway) {
    String ctdl = Interop.writeCtdl(pathway);
    ReadResult<Pathway> back = Interop.readPathway(Resources.utf8(ctdl), "round-trip.jsonld",
        InteropFormat.CTDL);
    assertEquals(List.of(), back.problems(), ctdl);
    assertEquals(pathway, back.value().orElseThrow(), ctdl);

    boolean stacked = pathway.badges().stream().anyMatch(Badge::isStacked);
    boolean refAfterNested = pathway.badges().stream()
        .flatMap(b -> java.util.stream.Stream.of(b.stack(), b.requires(), b.coRequires()))
        .flatMap(java.util.Optional::stream)
        .flatMap(r -> Resources.nodes(r).stream())
        .anyMatch(CtdlRoundTripProperties::hasRefAfterGroup);
    Statistics.label("stacked").collect(stacked);
    Statistics.label("badge reference after a nested group").collect(refAfterNested);
    Statistics.label("stacked").coverage(c -> c.check(true).percentage(p -> p > 30));
    Statistics.label("badge reference after a nested group")
        .coverage(c -> c.check(true).percentage(p -> p > 5));
  }

  private static boolean hasRefAfterGroup(Requirement r) {
    boolean group = false;
    for (Requirement c : r.children()) {
      if (!(c instanceof Requirement.BadgeRef)) {
        group = true;
      } else if (group) {
        return true;
      }
    }
    return false;
  }

  @Provide
  Arbitrary<Pathway> pathways() {
    return ids().list().ofMinSize(1).ofMaxSize(6).uniqueElements().flatMap(ids -> {
      List<Arbitrary<Badge>> badges = new ArrayList<>();
      for (int i = 0; i < ids.size(); i++) {
        badges.add(badge(ids.get(i), ids, i));
      }
      Arbitrary<List<Badge>> all = Combinators.combine(badges).as(l -> l);
      Arbitrary<List<String>> equivalence = ids.size() < 2 ? Arbitraries.just(List.of())
          : Arbitraries.of(ids).list().ofSize(2).uniqueElements().injectNull(0.5)
              .map(l -> l == null ? List.of() : l);
      return Combinators.combine(ids(), ids(), text().injectNull(0.3), all, equivalence,
              uri().list().ofMaxSize(2), extensions())
          .as((id, version, title, list, eq, trusted, ext) -> {
            Pathway.Builder b = Pathway.builder(id, version).badges(list)
                .trustedIssuers(trusted.toArray(String[]::new));
            if (title != null) {
              b.title(title);
            }
            if (!eq.isEmpty()) {
              b.equivalence(eq);
            }
            ext.forEach(x -> b.extension(x.get1(), x.get2()));
            return b.build();
          });
    });
  }

  private Arbitrary<Badge> badge(String id, List<String> ids, int index) {
    Arbitrary<List<String>> aliases = Arbitraries.oneOf(uri(), word().map(w -> w + index))
        .list().ofMaxSize(3).uniqueElements();
    return text().flatMap(title -> Builders.withBuilder(() -> Badge.builder(id, title))
        .use(text()).withProbability(0.5).in(Badge.Builder::description)
        .use(amount()).withProbability(0.5).in(Badge.Builder::credits)
        .use(amount()).withProbability(0.3).in(Badge.Builder::hours)
        .use(word().list().ofMaxSize(2)).in((b, t) -> b.tags(t.toArray(String[]::new)))
        .use(Arbitraries.oneOf(word(), uri()).list().ofMaxSize(2))
        .in((b, s) -> b.skills(s.toArray(String[]::new)))
        .use(aliases).in((b, a) -> b.aliases(a.toArray(String[]::new)))
        .use(Arbitraries.integers().between(1, 40).map(Period::ofMonths)).withProbability(0.3)
        .in(Badge.Builder::validFor)
        .use(uri()).withProbability(0.3).in(Badge.Builder::issuer)
        .use(requirement(ids, 3)).withProbability(0.4).in(Badge.Builder::requires)
        .use(requirement(ids, 2)).withProbability(0.2).in(Badge.Builder::coRequires)
        .use(Arbitraries.of(ids).list().ofMaxSize(2).uniqueElements())
        .in((b, r) -> b.recommends(r.toArray(String[]::new)))
        .use(requirement(ids, 3)).withProbability(0.5).in(Badge.Builder::stack)
        .use(uri().list().ofMaxSize(1)).in((b, t) -> b.trustedIssuers(t.toArray(String[]::new)))
        .use(extensions()).in((b, ext) -> {
          ext.forEach(x -> b.extension(x.get1(), x.get2()));
          return b;
        })
        .build(Badge.Builder::build));
  }

  private Arbitrary<Requirement> requirement(List<String> ids, int depth) {
    Arbitrary<Requirement> ref = Arbitraries.of(ids).map(Requirement::badge);
    Arbitrary<Requirement> leaf = Arbitraries.frequencyOf(
        Tuple.of(6, ref),
        Tuple.of(1, Combinators.combine(Arbitraries.integers().between(1, 3), word())
            .as(Requirement::atLeastTagged)),
        Tuple.of(1, Combinators.combine(amount(), Arbitraries.of(ids).list().ofMaxSize(3))
            .as(Requirement::credits)),
        Tuple.of(1, Combinators.combine(amount(), word()).as(Requirement::creditsTagged)));
    if (depth <= 1) {
      return leaf;
    }
    Arbitrary<List<Requirement>> kids = requirement(ids, depth - 1).list().ofMaxSize(4);
    Arbitrary<Boolean> distinct = Arbitraries.of(true, false);
    return Arbitraries.frequencyOf(
        Tuple.of(2, leaf),
        Tuple.of(2, Combinators.combine(kids, distinct).as(Requirement.AllOf::new)),
        Tuple.of(1, kids.map(Requirement.AnyOf::new)),
        Tuple.of(2, Combinators.combine(Arbitraries.integers().between(1, 4), kids, distinct)
            .as(Requirement.AtLeast::new)));
  }

  private static Arbitrary<String> ids() {
    Arbitrary<Character> first = Arbitraries.chars().range('a', 'z').range('A', 'Z').range('0', '9');
    Arbitrary<String> rest = Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9')
        .withChars('.', '_', '-').ofMaxLength(10);
    return Combinators.combine(first, rest).as((f, r) -> f + r);
  }

  private static Arbitrary<String> word() {
    return Arbitraries.strings().withCharRange('a', 'z').withChars('é', 'ß').ofMinLength(1)
        .ofMaxLength(8);
  }

  private static Arbitrary<String> text() {
    return word().list().ofMinSize(1).ofMaxSize(3).map(l -> String.join(" ", l));
  }

  private static Arbitrary<String> uri() {
    return Arbitraries.oneOf(
        word().map(w -> "https://badges.example.org/" + w),
        word().map(w -> "urn:example:" + w));
  }

  private static Arbitrary<Double> amount() {
    return Arbitraries.oneOf(
        Arbitraries.doubles().between(0, 1000).ofScale(2),
        Arbitraries.of(0.0, 0.1, 1e-9, 1.0e12 + 0.5));
  }

  private static Arbitrary<List<Tuple.Tuple2<String, Object>>> extensions() {
    Arbitrary<Object> value = Arbitraries.oneOf(word().map(w -> (Object) w),
        Arbitraries.integers().between(-5, 1000).map(i -> (Object) i),
        Arbitraries.of(true, false).map(x -> (Object) x),
        word().list().ofMaxSize(2).map(l -> (Object) List.copyOf(l)));
    return Combinators.combine(word().map(w -> "x-" + w), value).as(Tuple::of)
        .list().ofMaxSize(2).uniqueElements(Tuple.Tuple2::get1);
  }
}
