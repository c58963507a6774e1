package org.pathwayengine.io.interop.internal;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.core.SourceLocation;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A parsed JSON document that remembers where each node starts, by JSON pointer, so that mapping
 * problems can name a line and column. The tree is built with an explicit stack: nesting is bounded by
 * {@link #MAX_DEPTH} and never costs Java stack.
 */
public final class JsonDoc {
  /** Files larger than this are refused with {@code LIMIT_EXCEEDED}. */
  public static final long MAX_BYTES = 16L * 1024 * 1024;
  /** Deeper JSON is refused with {@code LIMIT_EXCEEDED}. */
  public static final int MAX_DEPTH = 200;

  private static final JsonFactory FACTORY = JsonFactory.builder()
      .streamReadConstraints(StreamReadConstraints.builder()
          .maxNestingDepth(MAX_DEPTH)
          .maxDocumentLength(MAX_BYTES)
          .build())
      .build();

  private final String file;
  private final JsonNode root;
  private final Map<String, SourceLocation> locations;

  private JsonDoc(String file, JsonNode root, Map<String, SourceLocation> locations) {
    this.file = file;
    this.root = root;
    this.locations = locations;
  }

  /** The file name as the user gave it. */
  public String file() {
    return file;
  }

  /** The root node. */
  public JsonNode root() {
    return root;
  }

  /**
   * Where the node at {@code pointer} starts, or its nearest ancestor that has a recorded place, or
   * line 1 column 1.
   */
  public SourceLocation locate(String pointer) {
    String p = pointer;
    while (true) {
      SourceLocation l = locations.get(p);
      if (l != null) {
        return l;
      }
      if (p.isEmpty()) {
        return new SourceLocation(file, 1, 1);
      }
      int slash = p.lastIndexOf('/');
      p = slash <= 0 ? "" : p.substring(0, slash);
    }
  }

  /** The outcome of parsing: a document or the one problem that stopped it. */
  public record Parsed(Optional<JsonDoc> doc, Optional<Problem> problem) {}

  /** Parses {@code content}; never throws for bad input. */
  public static Parsed parse(byte[] content, String file) {
    if (content.length > MAX_BYTES) {
      return failed(Problem.of(ProblemCode.LIMIT_EXCEEDED, "the file has " + content.length
          + " bytes, more than the limit of " + MAX_BYTES + " (16 MiB); split it or shrink it")
          .withLocation(new SourceLocation(file, 1, 1)));
    }
    Map<String, SourceLocation> locations = new HashMap<>();
    JsonNodeFactory nf = JsonNodeFactory.instance;
    try (JsonParser p = FACTORY.createParser(ObjectReadContext.empty(), content)) {
      Deque<JsonNode> containers = new ArrayDeque<>();
      Deque<String> pointers = new ArrayDeque<>();
      JsonNode root = null;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.PROPERTY_NAME) {
          continue;
        }
        if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          containers.pop();
          pointers.pop();
          continue;
        }
        JsonNode parent = containers.peek();
        String pointer;
        String name = null;
        if (parent == null) {
          pointer = "";
        } else if (parent.isObject()) {
          name = p.currentName();
          pointer = pointers.peek() + "/" + escape(name);
        } else {
          pointer = pointers.peek() + "/" + parent.size();
        }
        locations.put(pointer, location(file, p.currentTokenLocation()));
        JsonNode node;
        switch (t) {
          case START_OBJECT -> node = nf.objectNode();
          case START_ARRAY -> node = nf.arrayNode();
          case VALUE_STRING -> node = nf.stringNode(p.getString());
          case VALUE_NUMBER_INT -> node = intNode(nf, p.getNumberValue());
          case VALUE_NUMBER_FLOAT -> node = nf.numberNode(p.getDecimalValue());
          case VALUE_TRUE -> node = nf.booleanNode(true);
          case VALUE_FALSE -> node = nf.booleanNode(false);
          case VALUE_NULL -> node = nf.nullNode();
          default -> throw new AssertionError("unexpected JSON token " + t);
        }
        if (parent == null) {
          root = node;
        } else if (parent instanceof ObjectNode o) {
          o.set(name, node);
        } else {
          ((ArrayNode) parent).add(node);
        }
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          containers.push(node);
          pointers.push(pointer);
        }
      }
      if (root == null) {
        return failed(Problem.of(ProblemCode.PARSE_ERROR, "the file is empty; expected a JSON document")
            .withLocation(new SourceLocation(file, 1, 1)));
      }
      return new Parsed(Optional.of(new JsonDoc(file, root, locations)), Optional.empty());
    } catch (StreamConstraintsException e) {
      return failed(Problem.of(ProblemCode.LIMIT_EXCEEDED,
              "the JSON goes past the reader's limits (nesting depth " + MAX_DEPTH + ", size 16 MiB): "
                  + e.getOriginalMessage())
          .withLocation(location(file, e.getLocation())));
    } catch (JacksonException e) {
      return failed(Problem.of(ProblemCode.PARSE_ERROR,
              "not well-formed JSON: " + firstLine(e.getOriginalMessage()))
          .withLocation(location(file, e.getLocation())));
    }
  }

  private static JsonNode intNode(JsonNodeFactory nf, Number n) {
    if (n instanceof Integer i) {
      return nf.numberNode(i.intValue());
    }
    if (n instanceof Long l) {
      return nf.numberNode(l.longValue());
    }
    return nf.numberNode(new java.math.BigInteger(n.toString()));
  }

  private static Parsed failed(Problem problem) {
    return new Parsed(Optional.empty(), Optional.of(problem));
  }

  static SourceLocation location(String file, TokenStreamLocation l) {
    if (l == null || l.getLineNr() < 1) {
      return new SourceLocation(file, 1, 1);
    }
    return new SourceLocation(file, l.getLineNr(), Math.max(1, l.getColumnNr()));
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unreadable content";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }

  /** Escapes a property name for a JSON pointer (RFC 6901). */
  public static String escape(String name) {
    return name.replace("~", "~0").replace("/", "~1");
  }
}
