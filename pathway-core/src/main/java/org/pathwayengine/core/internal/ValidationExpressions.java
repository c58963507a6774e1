package org.pathwayengine.core.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.core.Requirement.AtLeastTagged;
import org.pathwayengine.core.Requirement.BadgeRef;
import org.pathwayengine.core.Requirement.Credits;
import org.pathwayengine.core.Requirement.CreditsTagged;

/**
 * Iterative walks over requirement expressions that know the {@code ModelPointer} path of each node:
 * the child index at each level, where the members of a {@code credits} rule's {@code from} count as
 * its children. No recursion, so expressions of any depth are safe.
 */
final class ValidationExpressions {
  private ValidationExpressions() {}

  /** Called for each node in pre-order; {@code path} is live: copy it to keep it. */
  interface Visitor {
    void visit(Requirement node, List<Integer> path, int depth);
  }

  /** Visits every node of {@code root} in pre-order (children in order), in O(size) time. */
  static void walk(Requirement root, Visitor visitor) {
    walk(root, node -> true, visitor);
  }

  /**
   * Like {@link #walk(Requirement, Visitor)}, entering the children only of the nodes that
   * {@code descend} accepts.
   */
  static void walk(Requirement root, Predicate<Requirement> descend, Visitor visitor) {
    List<Requirement> nodes = new ArrayList<>();
    List<Integer> next = new ArrayList<>();
    List<Integer> path = new ArrayList<>();
    visitor.visit(root, path, 1);
    nodes.add(root);
    next.add(0);
    while (!nodes.isEmpty()) {
      int top = nodes.size() - 1;
      Requirement current = nodes.get(top);
      List<Requirement> children = descend.test(current) ? current.children() : List.of();
      int i = next.get(top);
      if (i < children.size()) {
        next.set(top, i + 1);
        path.add(i);
        Requirement child = children.get(i);
        visitor.visit(child, path, nodes.size() + 1);
        nodes.add(child);
        next.add(0);
      } else {
        nodes.remove(top);
        next.remove(top);
        if (!path.isEmpty()) {
          path.remove(path.size() - 1);
        }
      }
    }
  }

  /**
   * The path of the first node (in pre-order) through which {@code root} names {@code id}: a reference
   * to it, a credits member naming it, or a tag rule on one of {@code tags}; empty if there is none.
   */
  static Optional<List<Integer>> pathTo(Requirement root, String id, Set<String> tags) {
    List<List<Integer>> found = new ArrayList<>(1);
    walk(root, (node, path, depth) -> {
      if (!found.isEmpty()) {
        return;
      }
      if (node instanceof BadgeRef b && b.id().equals(id)) {
        found.add(List.copyOf(path));
      } else if (node instanceof Credits c && c.from().contains(id)) {
        List<Integer> p = new ArrayList<>(path);
        p.add(c.from().indexOf(id));
        found.add(List.copyOf(p));
      } else if ((node instanceof AtLeastTagged t && tags.contains(t.tag()))
          || (node instanceof CreditsTagged ct && tags.contains(ct.tag()))) {
        found.add(List.copyOf(path));
      }
    });
    return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
  }
}
