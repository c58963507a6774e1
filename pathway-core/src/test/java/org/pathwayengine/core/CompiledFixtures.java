package org.pathwayengine.core;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.pathwayengine.core.internal.EvaluationEngine;

/**
 * Small random pathways and records for the compiled evaluator's tests, and the reference they are
 * checked against: {@link EvaluationEngine}'s reference path (compiled form off) over sets of ids with
 * {@code RequirementEvaluator}, a different algorithm from the compiled single pass over arrays.
 */
final class CompiledFixtures {
  static final LocalDate TODAY = LocalDate.of(2026, 1, 1);
  static final String[] TAGS = {"core", "elective", "lab"};
  static final String TRUSTED = "https://college.example/";

  private CompiledFixtures() {}

  /** Held and eligible ids, sorted. */
  record Reference(List<String> held, List<String> eligible) {}

  /**
   * A random acyclic pathway of {@code n} badges: expressions of every kind (depth up to 3), distinct
   * groups, tags, credits in halves, equivalences among badges without stack rules, and a few
   * references to unknown badges.
   */
  static Pathway randomPathway(long seed, int n) {
    Random rnd = new Random(seed);
    Pathway.Builder p = Pathway.builder("random-" + seed, "1");
    if (rnd.nextBoolean()) {
      p.trustedIssuers(TRUSTED);
    }
    List<String> ids = new ArrayList<>();
    List<String> plain = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      ids.add("b" + i);
    }
    for (int i = 0; i < n; i++) {
      Badge.Builder b = Badge.builder(ids.get(i), "Badge " + i);
      if (rnd.nextInt(3) > 0) {
        b.credits(rnd.nextInt(7) / 2.0);
      }
      boolean stacked = i > 0 && rnd.nextInt(3) == 0;
      // A tag rule depends on every badge with the tag: tagged stacked credentials would make cycles.
      if (!stacked && rnd.nextInt(2) == 0) {
        b.tags(TAGS[rnd.nextInt(TAGS.length)]);
      }
      if (rnd.nextInt(4) == 0) {
        b.aliases("https://example.org/b" + i);
      }
      if (rnd.nextInt(5) == 0) {
        b.validFor(java.time.Period.ofDays(100 + rnd.nextInt(400)));
      }
      if (i > 0 && rnd.nextInt(2) == 0) {
        b.requires(expression(rnd, ids.subList(0, i), 1));
      }
      if (stacked) {
        b.stack(expression(rnd, ids.subList(0, i), 0));
      } else {
        plain.add(ids.get(i));
      }
      p.badge(b.build());
    }
    if (plain.size() >= 4 && rnd.nextBoolean()) {
      List<String> shuffled = new ArrayList<>(plain);
      java.util.Collections.shuffle(shuffled, rnd);
      p.equivalence(shuffled.subList(0, 2));
      if (rnd.nextBoolean()) {
        p.equivalence(shuffled.subList(2, 4));
      }
    }
    return p.build();
  }

  private static Requirement expression(Random rnd, List<String> pool, int depth) {
    if (depth >= 3 || rnd.nextInt(4) == 0) {
      int k = rnd.nextInt(10);
      if (k == 0) {
        return Requirement.atLeastTagged(1 + rnd.nextInt(2), TAGS[rnd.nextInt(TAGS.length)]);
      }
      if (k == 1) {
        return Requirement.creditsTagged(rnd.nextInt(6) / 2.0, TAGS[rnd.nextInt(TAGS.length)]);
      }
      if (k == 2) {
        List<String> from = new ArrayList<>();
        for (int i = 0; i < 1 + rnd.nextInt(4); i++) {
          from.add(pick(rnd, pool));
        }
        return Requirement.credits(rnd.nextInt(8) / 2.0, from);
      }
      return Requirement.badge(pick(rnd, pool));
    }
    int size = 1 + rnd.nextInt(4);
    List<Requirement> children = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      children.add(expression(rnd, pool, depth + 1));
    }
    boolean distinct = rnd.nextInt(6) == 0;
    switch (rnd.nextInt(3)) {
      case 0:
        return new Requirement.AllOf(children, distinct);
      case 1:
        return Requirement.anyOf(children);
      default:
        return new Requirement.AtLeast(1 + rnd.nextInt(size + 1), children, distinct);
    }
  }

  private static String pick(Random rnd, List<String> pool) {
    return rnd.nextInt(25) == 0 ? "ghost" : pool.get(rnd.nextInt(pool.size()));
  }

  /** A random subset of the pathway's badge ids. */
  static Set<String> randomBase(Pathway p, long seed) {
    Random rnd = new Random(seed);
    Set<String> out = new HashSet<>();
    int pct = rnd.nextInt(100);
    for (Badge b : p.badges()) {
      if (rnd.nextInt(100) < pct) {
        out.add(b.id());
      }
    }
    return out;
  }

  /** The reference held and eligible sets of {@code record}: the evaluation engine's own path. */
  static Reference reference(Pathway p, LearnerRecord record) {
    org.pathwayengine.core.internal.LearnerState s = new EvaluationEngine(p, false).state(record, TODAY);
    return new Reference(s.held(), s.eligible().stream().map(Eligibility::badge).toList());
  }

  /** The reference held and eligible sets when exactly the badges of {@code base} count. */
  static Reference reference(Pathway p, Set<String> base) {
    return reference(p, recordOf("reference", base));
  }

  /**
   * A random record over the badges of {@code p}: entries by id or alias, some expired, some not yet
   * earned, some from an untrusted issuer; waivers; substitutions (sometimes of a stacked credential,
   * which the compiled path leaves to the engine); names that match nothing.
   */
  static LearnerRecord randomRecord(Pathway p, long seed) {
    Random rnd = new Random(seed);
    List<Badge> badges = p.badges();
    LearnerRecord.Builder r = LearnerRecord.builder("learner-" + seed);
    int pct = rnd.nextInt(100);
    for (Badge b : badges) {
      if (rnd.nextInt(100) >= pct) {
        continue;
      }
      String name = !b.aliases().isEmpty() && rnd.nextBoolean() ? b.aliases().get(0) : b.id();
      LocalDate earned = TODAY.minusDays(rnd.nextInt(800) - 20);
      java.util.Optional<LocalDate> expires = rnd.nextInt(5) == 0
          ? java.util.Optional.of(earned.plusDays(rnd.nextInt(400)))
          : java.util.Optional.empty();
      java.util.Optional<String> issuer = rnd.nextInt(6) == 0
          ? java.util.Optional.of("https://untrusted.example/")
          : java.util.Optional.of(TRUSTED);
      r.entry(new LearnerRecord.Entry(name, earned, expires, issuer));
    }
    if (rnd.nextInt(8) == 0) {
      r.earned("no-such-badge", TODAY);
    }
    if (rnd.nextInt(4) == 0) {
      r.waived(badges.get(rnd.nextInt(badges.size())).id());
    }
    for (int i = rnd.nextInt(3); i > 0; i--) {
      r.substitution(badges.get(rnd.nextInt(badges.size())).id(),
          badges.get(rnd.nextInt(badges.size())).id());
    }
    return r.build();
  }

  /** A record in which exactly the badges of {@code base} count on {@link #TODAY}. */
  static LearnerRecord recordOf(String learner, Set<String> base) {
    LearnerRecord.Builder r = LearnerRecord.builder(learner);
    new TreeSet<>(base).forEach(id -> r.entry(new LearnerRecord.Entry(id, TODAY.minusDays(10),
        java.util.Optional.empty(), java.util.Optional.of(TRUSTED))));
    return r.build();
  }
}
