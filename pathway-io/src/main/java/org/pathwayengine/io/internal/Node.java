package org.pathwayengine.io.internal;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * One node of a parsed YAML or JSON document, with the 1-based line and column of its first token.
 * The tree is immutable; YAML aliases share the anchored node.
 */
public sealed interface Node permits Node.MapNode, Node.ListNode, Node.ScalarNode {
  /** 1-based line of the node's first token. */
  int line();

  /** 1-based column of the node's first token. */
  int column();

  /** Nodes in the subtree with aliases expanded (saturating), for alias limits. */
  long weight();

  /** A short name of the node's kind for messages: "a map", "a list", "a string", ... */
  String kindName();

  /** A key and its value, with the key's own place. */
  record Entry(String key, int line, int column, Node value) {}

  /** A mapping, keys in file order (duplicates already removed and reported). */
  record MapNode(List<Entry> entries, int line, int column, long weight) implements Node {
    public MapNode {
      entries = List.copyOf(entries);
    }

    /** The entry with this key. */
    public Optional<Entry> entry(String key) {
      for (Entry e : entries) {
        if (e.key().equals(key)) {
          return Optional.of(e);
        }
      }
      return Optional.empty();
    }

    @Override
    public String kindName() {
      return "a map";
    }
  }

  /** A sequence. */
  record ListNode(List<Node> items, int line, int column, long weight) implements Node {
    public ListNode {
      items = List.copyOf(items);
    }

    @Override
    public String kindName() {
      return "a list";
    }
  }

  /** What a scalar is. */
  enum ScalarKind { STRING, INTEGER, DECIMAL, BOOLEAN, NULL }

  /** A scalar, with its text as written (numbers keep their digits). */
  record ScalarNode(ScalarKind kind, String text, int line, int column) implements Node {
    @Override
    public long weight() {
      return 1;
    }

    @Override
    public String kindName() {
      switch (kind) {
        case STRING: return "a string";
        case INTEGER: return "an integer";
        case DECIMAL: return "a number";
        case BOOLEAN: return "a boolean";
        default: return "null";
      }
    }

    /** True for integers and decimals. */
    public boolean isNumber() {
      return kind == ScalarKind.INTEGER || kind == ScalarKind.DECIMAL;
    }

    /** The number, if this is a finite number. */
    public Optional<BigDecimal> decimal() {
      if (!isNumber()) {
        return Optional.empty();
      }
      try {
        return Optional.of(new BigDecimal(text.replace("+", "")));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }
}
