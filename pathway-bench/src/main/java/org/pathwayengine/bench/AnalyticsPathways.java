package org.pathwayengine.bench;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Requirement;

/**
 * Seeded generator of layered pathways for the analytics benchmark: {@code levels} levels of
 * {@code width} badges; every badge past the first level requires three badges of the level above and
 * one badge of any earlier level (a long edge, often a redundant prerequisite), so about four edges
 * per badge and at least 3^(levels-1) source-to-sink paths. Every tenth badge also co-requires a
 * badge of the level above. The same arguments always give the same pathway.
 */
public final class AnalyticsPathways {
  private AnalyticsPathways() {}

  /**
   * A layered pathway.
   *
   * @param levels number of levels, at least 1
   * @param width badges per level, at least 3
   * @param seed the random seed
   * @return the pathway, badges ordered level by level; ids {@code b<level>-<index>}
   */
  public static Pathway layered(int levels, int width, long seed) {
    checkArgument(levels >= 1, "levels must be >= 1, was %s", levels);
    checkArgument(width >= 3, "width must be >= 3, was %s", width);
    Random random = new Random(seed);
    Pathway.Builder p = Pathway.builder("layered-" + levels + "x" + width, "1");
    for (int level = 0; level < levels; level++) {
      for (int i = 0; i < width; i++) {
        Badge.Builder b = Badge.builder(id(level, i), "Badge " + level + "." + i).credits(3);
        if (level > 0) {
          Set<String> requires = new LinkedHashSet<>();
          while (requires.size() < 3) {
            requires.add(id(level - 1, random.nextInt(width)));
          }
          int far = level >= 2 ? random.nextInt(level - 1) : level - 1;
          String extra = id(far, random.nextInt(width));
          if (!requires.add(extra)) {
            requires.add(id(level - 1, (i + 1) % width)); // keep four when possible
          }
          b.requires(requires.toArray(String[]::new));
          if (i % 10 == 0) {
            String co = id(level - 1, random.nextInt(width));
            if (!requires.contains(co)) {
              b.coRequires(Requirement.badge(co));
            }
          }
        }
        p.badge(b.build());
      }
    }
    return p.build();
  }

  private static String id(int level, int index) {
    return "b" + level + "-" + index;
  }

  /** All badge ids of a pathway, in order. */
  static List<String> ids(Pathway p) {
    List<String> ids = new ArrayList<>();
    p.badges().forEach(b -> ids.add(b.id()));
    return ids;
  }
}
