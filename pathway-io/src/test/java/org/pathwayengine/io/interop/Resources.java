package org.pathwayengine.io.interop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.io.ReadResult;

/** Test files and small helpers shared by the interop tests. */
final class Resources {
  static final String CTDL_COMPTIA = "ctdl_pathway_CompTIA_IT_Networking_Specialist.jsonld";
  static final String CTDL_PROGRESSION = "ctdl_progressionModel_CompTIA_IT.json";
  static final String CTDL_SNIPPET = "ctdl_Constraints-CTDL_snippet.json";
  static final String CTDL_FROM_BADGR = "ctdl_pathway_from_badgr_EmpoweringTeachingExcellence.jsonld.json";
  static final String BADGR = "badgr_pathway_export_EmpoweringTeachingExcellence.json";
  static final String OB20_BADGECLASS = "ob20_BadgeClass_robotics.json";
  static final String OB30_CREDENTIAL = "ob30_OpenBadgeCredential_complete.json";
  static final String CLR20 = "clr20_ClrCredential_complex_associations.json";

  private Resources() {}

  static Path path(String name) {
    return Path.of("src/test/resources/interop", name);
  }

  static byte[] bytes(String name) {
    try {
      return Files.readAllBytes(path(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] utf8(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  /** Double quotes for single quotes, so JSON in tests reads easily. */
  static byte[] json(String singleQuoted) {
    return utf8(singleQuoted.replace('\'', '"'));
  }

  static <T> T valueOf(ReadResult<T> r) {
    return r.value().orElseThrow(() -> new AssertionError("no value; problems: " + r.problems()));
  }

  static Badge badge(Pathway p, String id) {
    return p.badge(id).orElseThrow(() -> new AssertionError("no badge " + id + " in " + p.badges()
        .stream().map(Badge::id).toList()));
  }

  static List<Problem> withCode(ReadResult<?> r, ProblemCode code) {
    return r.problems().stream().filter(p -> p.code() == code).toList();
  }

  /**
   * The badges held by a learner who holds exactly the badges named (by id or alias) in
   * {@code names}: those badges, then every stacked credential whose stack (and requires) holds, to a
   * fixpoint. A reference for the tests that does not depend on the core evaluator; no distinct, no
   * equivalences, no dates.
   */
  static Set<String> heldClosure(Pathway p, Set<String> names) {
    Set<String> held = new HashSet<>();
    for (String n : names) {
      p.resolve(n).ifPresent(held::add);
    }
    boolean changed = true;
    while (changed) {
      changed = false;
      for (Badge b : p.badges()) {
        if (held.contains(b.id()) || b.stack().isEmpty()) {
          continue;
        }
        if (holds(b.stack().get(), held) && b.requires().map(r -> holds(r, held)).orElse(true)) {
          held.add(b.id());
          changed = true;
        }
      }
    }
    return held;
  }

  static boolean holds(Requirement r, Set<String> held) {
    if (r instanceof Requirement.BadgeRef b) {
      return held.contains(b.id());
    } else if (r instanceof Requirement.AllOf a) {
      return a.children().stream().allMatch(c -> holds(c, held));
    } else if (r instanceof Requirement.AnyOf a) {
      return a.children().stream().anyMatch(c -> holds(c, held));
    } else if (r instanceof Requirement.AtLeast a) {
      return a.children().stream().filter(c -> holds(c, held)).count() >= a.n();
    }
    throw new AssertionError("the reference does not evaluate " + r);
  }

  /** Every requirement node of an expression, in pre-order. */
  static List<Requirement> nodes(Requirement root) {
    List<Requirement> out = new java.util.ArrayList<>();
    Deque<Requirement> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      Requirement r = stack.pop();
      out.add(r);
      for (int i = r.children().size() - 1; i >= 0; i--) {
        stack.push(r.children().get(i));
      }
    }
    return out;
  }

  static Optional<Requirement.AtLeast> atLeastOf(Requirement root, int n) {
    return nodes(root).stream().filter(r -> r instanceof Requirement.AtLeast a && a.n() == n)
        .map(r -> (Requirement.AtLeast) r).findFirst();
  }
}
