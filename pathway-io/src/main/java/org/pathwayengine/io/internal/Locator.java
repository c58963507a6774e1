package org.pathwayengine.io.internal;

import java.util.List;
import java.util.Optional;
import org.pathwayengine.core.ModelPointer;

/**
 * Finds the node a {@link ModelPointer} points at, so that a core problem gets the line and column of
 * the offending token. Descends through lists by index and through requirement maps by their group
 * ({@code allOf}, {@code anyOf}, {@code of}, {@code from}); stops at the deepest node it can reach.
 * Time O(length of the path).
 */
public final class Locator {
  private Locator() {}

  /**
   * The node for a pointer below {@code start}: the badge's map (or the pathway's, for index -1).
   * A field pointer with no path gives the field's value; a field the map does not have gives the
   * map itself.
   */
  public static Node locate(Node.MapNode start, ModelPointer pointer) {
    if (pointer.field().isEmpty()) {
      return start;
    }
    Optional<Node.Entry> e = start.entry(pointer.field());
    if (e.isEmpty()) {
      return start;
    }
    Node n = e.get().value();
    for (int index : pointer.path()) {
      Optional<Node> next = child(n, index);
      if (next.isEmpty()) {
        break;
      }
      n = next.get();
    }
    return n;
  }

  private static Optional<Node> child(Node n, int index) {
    Node list = n;
    if (n instanceof Node.MapNode) {
      Node.MapNode m = (Node.MapNode) n;
      list = null;
      for (String group : List.of("allOf", "anyOf", "of", "from")) {
        Optional<Node.Entry> e = m.entry(group);
        if (e.isPresent()) {
          list = e.get().value();
          break;
        }
      }
    }
    if (list instanceof Node.ListNode) {
      List<Node> items = ((Node.ListNode) list).items();
      if (index >= 0 && index < items.size()) {
        return Optional.of(items.get(index));
      }
    }
    return Optional.empty();
  }
}
