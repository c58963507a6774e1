package org.pathwayengine.bench;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Requirement;

/**
 * A seeded generator of synthetic pathways and learners for benchmarks and scale tests: the same
 * shape and seed always give the same pathway, and the same seed the same learner.
 *
 * <p>Badges {@code b0, b1, ...} are spread over {@code depth} layers. A badge of a later layer usually
 * requires badges of the layer before (an {@code allOf}, {@code anyOf}, {@code atLeast n} of
 * {@code fanIn} references, or a credits rule over them); a share of them are stacked credentials
 * whose stack rule names {@code fanIn} badges of earlier layers, credentials among them, so that
 * credentials nest. Every badge has whole credits 1..4; the badges of the first layer carry one of ten tags,
 * and a few stack rules count tagged badges. The pathway is acyclic and validates.
 *
 * <pre>{@code
 * Pathway p = SyntheticPathways.pathway(SyntheticPathways.Shape.of(10_000), 42);
 * List<LearnerRecord> learners = SyntheticPathways.learners(p, 7, 1_000).toList();
 * }</pre>
 *
 * <p>Generation is O(badges x fanIn) for a pathway and O(badges / 4 + badges held) per learner.
 * Thread-safe (stateless).
 */
public final class SyntheticPathways {
  /** The date learners are evaluated at: every generated award counts on it. */
  public static final LocalDate AS_OF = LocalDate.of(2026, 1, 1);

  private static final int TAGS = 10;

  private SyntheticPathways() {}

  /**
   * The shape of a synthetic pathway.
   *
   * @param badges how many badges, at least 1
   * @param depth how many layers, 1 to {@code badges}
   * @param fanIn references per requirement group, at least 1
   * @param nOfMShare the share of groups that are {@code atLeast n} (the rest split between
   *     {@code allOf} and {@code anyOf}), 0 to 1
   * @param creditsShare the share of prerequisites that are credits rules, 0 to 1
   * @param stackShare the share of badges after the first layer that are stacked credentials, 0 to 1
   */
  public record Shape(int badges, int depth, int fanIn, double nOfMShare, double creditsShare,
      double stackShare) {
    /** Checks the arguments. */
    public Shape {
      checkArgument(badges >= 1, "badges must be >= 1, was %s", badges);
      checkArgument(depth >= 1 && depth <= badges, "depth must be 1..%s, was %s", badges, depth);
      checkArgument(fanIn >= 1, "fanIn must be >= 1, was %s", fanIn);
      checkShare(nOfMShare, "nOfMShare");
      checkShare(creditsShare, "creditsShare");
      checkShare(stackShare, "stackShare");
    }

    /**
     * The default shape for {@code badges} badges: depth 10 (less for tiny pathways), fan-in 4, a
     * third N-of-M groups, a tenth credits rules, a twentieth stacked credentials.
     */
    public static Shape of(int badges) {
      return new Shape(badges, Math.min(10, badges), 4, 0.33, 0.1, 0.05);
    }

    private static void checkShare(double v, String name) {
      checkArgument(v >= 0 && v <= 1, "%s must be in 0..1, was %s", name, v);
    }
  }

  /** The pathway of {@code shape} for {@code seed}. */
  public static Pathway pathway(Shape shape, long seed) {
    requireNonNull(shape, "shape");
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = shape.badges();
    Pathway.Builder p = Pathway.builder("synthetic-" + n + "-" + seed, "1");
    int[] credits = new int[n];
    for (int i = 0; i < n; i++) {
      int layer = layerOf(i, shape);
      credits[i] = 1 + rnd.nextInt(4);
      Badge.Builder b = Badge.builder(id(i), "Badge " + i).credits(credits[i]);
      boolean stacked = layer > 0 && rnd.nextDouble() < shape.stackShare();
      if (stacked) {
        b.stack(stackRule(rnd, shape, i, layer));
      } else {
        if (layer == 0) {
          // Tag rules depend on every tagged badge: only foundation badges are tagged, so that no
          // tag rule closes a cycle.
          b.tags("t" + rnd.nextInt(TAGS));
        }
        if (layer > 0 && rnd.nextInt(10) < 7) {
          b.requires(prerequisite(rnd, shape, layer, credits));
        }
      }
      p.badge(b.build());
    }
    return p.build();
  }

  /** The id of badge {@code i}. */
  public static String id(int i) {
    return "b" + i;
  }

  private static int layerOf(int i, Shape s) {
    return (int) ((long) i * s.depth() / s.badges());
  }

  private static int layerStart(int layer, Shape s) {
    // The first i with i * depth / badges >= layer.
    return (int) (((long) layer * s.badges() + s.depth() - 1) / s.depth());
  }

  private static Requirement prerequisite(SplittableRandom rnd, Shape s, int layer, int[] credits) {
    int from = layerStart(layer - 1, s);
    int to = layerStart(layer, s);
    List<Requirement> refs = refs(rnd, s.fanIn(), from, to);
    if (rnd.nextDouble() < s.creditsShare()) {
      List<String> ids = refs.stream().map(r -> ((Requirement.BadgeRef) r).id()).toList();
      int offered = ids.stream().mapToInt(id -> credits[Integer.parseInt(id.substring(1))]).sum();
      return Requirement.credits(1 + rnd.nextInt(offered), ids);
    }
    return group(rnd, s, refs);
  }

  private static Requirement stackRule(SplittableRandom rnd, Shape s, int self, int layer) {
    List<Requirement> core = refs(rnd, s.fanIn(), layerStart(Math.max(0, layer - 2), s), self);
    Requirement electives = group(rnd, s, refs(rnd, s.fanIn(), 0, self));
    if (rnd.nextInt(10) == 0) {
      electives = Requirement.atLeastTagged(1 + rnd.nextInt(3), "t" + rnd.nextInt(TAGS));
    }
    List<Requirement> all = new ArrayList<>(core.subList(0, Math.max(1, core.size() / 2)));
    all.add(electives);
    return Requirement.allOf(all);
  }

  private static Requirement group(SplittableRandom rnd, Shape s, List<Requirement> refs) {
    if (refs.size() > 1 && rnd.nextDouble() < s.nOfMShare()) {
      return Requirement.atLeast(1 + rnd.nextInt(refs.size()), refs);
    }
    return rnd.nextBoolean() ? Requirement.allOf(refs) : Requirement.anyOf(refs);
  }

  /** {@code k} references to distinct badges in [from, to), fewer when the range is smaller. */
  private static List<Requirement> refs(SplittableRandom rnd, int k, int from, int to) {
    int range = Math.max(1, to - from);
    List<Requirement> out = new ArrayList<>(k);
    List<Integer> seen = new ArrayList<>(k);
    for (int i = 0; i < k && seen.size() < range; i++) {
      int pick = from + rnd.nextInt(range);
      if (!seen.contains(pick)) {
        seen.add(pick);
        out.add(Requirement.badge(id(pick)));
      }
    }
    return out;
  }

  /**
   * Learner {@code seed} of pathway {@code p}: it holds a random share (0 to 30%, fewer in later
   * layers) of the badges that are not stacked, each earned on one of the 365 days before
   * {@link #AS_OF}. Precisely: the share {@code s} is uniform in [0, 0.3) (rounded down to a
   * multiple of 2^-16), and the badge at position {@code i} of {@code n} in the pathway is held,
   * independently of the others, with probability {@code s * (1 - i / 2n)}.
   */
  public static LearnerRecord learner(Pathway p, long seed) {
    return new Learners(requireNonNull(p, "pathway")).learner(seed);
  }

  /**
   * {@code count} learners of {@code p}: learners {@code seed}, {@code seed + 1}, ..., lazily. The
   * stream splits like a range of numbers, so a parallel stream generates its records on all cores.
   */
  public static Stream<LearnerRecord> learners(Pathway p, long seed, long count) {
    requireNonNull(p, "pathway");
    checkArgument(count >= 0, "count must be >= 0, was %s", count);
    Learners gen = new Learners(p);
    return LongStream.range(0, count).mapToObj(i -> gen.learner(seed + i));
  }

  /**
   * The learner generator of one pathway. What a learner's draws read (ids, which badges are not
   * stacked, the decay by position) is taken from the pathway once; a learner then costs O(badges /
   * 64 x 16) random words and O(1) draws per candidate badge, not a draw per badge: the candidates
   * (probability {@code s} each) are drawn 64 at a time as a word whose bits are independently set
   * with probability {@code s} (combining 16 random words bit by bit, one per binary digit of
   * {@code s}: Knuth, TAOCP vol. 2, 3.4.1), then each is kept with probability {@code 1 - i / 2n}.
   */
  private static final class Learners {
    private final String[] ids;
    private final long[] candidates;
    private final double[] decay;

    Learners(Pathway p) {
      List<Badge> badges = p.badges();
      int n = badges.size();
      ids = new String[n];
      candidates = new long[(n + 63) >>> 6];
      decay = new double[n];
      for (int i = 0; i < n; i++) {
        ids[i] = badges.get(i).id();
        if (!badges.get(i).isStacked()) {
          candidates[i >>> 6] |= 1L << i;
        }
        decay[i] = 1.0 - (double) i / (2.0 * n);
      }
    }

    LearnerRecord learner(long seed) {
      SplittableRandom rnd = new SplittableRandom(seed);
      int share16 = (int) (rnd.nextDouble() * 0.3 * 65536);
      List<LearnerRecord.Entry> entries =
          new ArrayList<>((int) ((long) ids.length * share16 >>> 16) + 8);
      for (int w = 0; w < candidates.length; w++) {
        long picked = bernoulliWord(rnd, share16) & candidates[w];
        while (picked != 0) {
          int i = (w << 6) + Long.numberOfTrailingZeros(picked);
          picked &= picked - 1;
          if (rnd.nextDouble() < decay[i]) {
            entries.add(new LearnerRecord.Entry(ids[i], DAYS[rnd.nextInt(DAYS.length)],
                Optional.empty(), Optional.empty()));
          }
        }
      }
      return new LearnerRecord("learner-" + seed, entries, List.of(), List.of(),
          java.util.Map.of(), java.util.Map.of());
    }

    /** 64 bits, each set independently with probability {@code p16 / 65536}. */
    private static long bernoulliWord(SplittableRandom rnd, int p16) {
      long bits = 0;
      // From the lowest binary digit of p up: a 1 digit makes P(bit) = (1 + P) / 2, a 0 digit P / 2.
      for (int j = Integer.numberOfTrailingZeros(p16); j < 16; j++) {
        long r = rnd.nextLong();
        bits = ((p16 >>> j) & 1) != 0 ? bits | r : bits & r;
      }
      return bits;
    }
  }

  private static final LocalDate[] DAYS = new LocalDate[365];

  static {
    for (int d = 0; d < DAYS.length; d++) {
      DAYS[d] = AS_OF.minusDays(d + 1);
    }
  }
}
