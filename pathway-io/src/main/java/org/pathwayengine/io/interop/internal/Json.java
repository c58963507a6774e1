package org.pathwayengine.io.interop.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Small readers of JSON and JSON-LD values shared by the importers. */
final class Json {
  private Json() {}

  /** The node's {@code type} or {@code @type}, as a list of strings (a string or an array). */
  static List<String> types(JsonNode node) {
    JsonNode t = node.has("@type") ? node.get("@type") : node.get("type");
    return strings(t);
  }

  /** A string, or each string of an array; empty for anything else. */
  static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n == null) {
      return out;
    }
    if (n.isString()) {
      out.add(n.stringValue());
    } else if (n.isArray()) {
      for (JsonNode e : n.values()) {
        if (e.isString()) {
          out.add(e.stringValue());
        }
      }
    }
    return out;
  }

  /**
   * A JSON-LD reference or list of them: a string, an object with {@code @id} or {@code id}, or an
   * array of those.
   */
  static List<String> refs(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n == null || n.isNull()) {
      return out;
    }
    if (n.isArray()) {
      for (JsonNode e : n.values()) {
        ref(e).ifPresent(out::add);
      }
    } else {
      ref(n).ifPresent(out::add);
    }
    return out;
  }

  /** One reference: a string, or an object's {@code @id} / {@code id}. */
  static Optional<String> ref(JsonNode n) {
    if (n == null) {
      return Optional.empty();
    }
    if (n.isString()) {
      return nonBlank(n.stringValue());
    }
    if (n.isObject()) {
      JsonNode id = n.has("@id") ? n.get("@id") : n.get("id");
      if (id != null && id.isString()) {
        return nonBlank(id.stringValue());
      }
    }
    return Optional.empty();
  }

  /**
   * A text that may be a plain string, a JSON-LD language map ({@code {"en-US": "..."}}), a value
   * object ({@code {"@value": ...}}) or an array of those; English is preferred, then the first
   * language. Trimmed; empty when there is no text.
   */
  static Optional<String> text(JsonNode n) {
    if (n == null || n.isNull()) {
      return Optional.empty();
    }
    if (n.isString()) {
      return nonBlank(n.stringValue().strip());
    }
    if (n.isArray()) {
      Optional<String> first = Optional.empty();
      for (JsonNode e : n.values()) {
        Optional<String> t = text(e);
        String lang = e.isObject() && e.has("@language") ? e.get("@language").asString() : "";
        if (t.isPresent() && lang.toLowerCase().startsWith("en")) {
          return t;
        }
        if (first.isEmpty()) {
          first = t;
        }
      }
      return first;
    }
    if (n.isObject()) {
      if (n.has("@value")) {
        return text(n.get("@value"));
      }
      Optional<String> first = Optional.empty();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        Optional<String> t = e.getValue().isString()
            ? nonBlank(e.getValue().stringValue().strip()) : Optional.empty();
        if (t.isPresent() && e.getKey().toLowerCase().startsWith("en")) {
          return t;
        }
        if (first.isEmpty()) {
          first = t;
        }
      }
      return first;
    }
    return Optional.empty();
  }

  /**
   * The node's number as a double: NaN when it is not a number, infinite when it is out of range
   * (Jackson 3's {@code doubleValue()} throws there).
   */
  static double number(JsonNode n) {
    return n != null && n.isNumber() ? n.numberValue().doubleValue() : Double.NaN;
  }

  static Optional<String> nonBlank(String s) {
    return s == null || s.isBlank() ? Optional.empty() : Optional.of(s);
  }

  /**
   * A date from an ISO date or date-time; a date-time is taken as its UTC date. Empty when it does
   * not parse.
   */
  static Optional<LocalDate> date(String s) {
    String v = s.strip();
    try {
      return Optional.of(OffsetDateTime.parse(v).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate());
    } catch (DateTimeParseException e) {
      // not a date-time with an offset; try the other ISO forms below
    }
    try {
      return Optional.of(java.time.Instant.parse(v).atOffset(ZoneOffset.UTC).toLocalDate());
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      return Optional.of(java.time.LocalDateTime.parse(v).toLocalDate());
    } catch (DateTimeParseException e) {
      // next form
    }
    try {
      return Optional.of(LocalDate.parse(v));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /**
   * A plain immutable JDK value for a JSON node (String, Integer/Long/BigInteger, BigDecimal or
   * Double, Boolean, List, Map, null for JSON null). Depth is bounded by the parser's nesting limit.
   */
  static Object plain(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> m = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        m.put(e.getKey(), plain(e.getValue()));
      }
      return Collections.unmodifiableMap(m);
    }
    if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      for (JsonNode e : n.values()) {
        l.add(plain(e));
      }
      return Collections.unmodifiableList(l);
    }
    if (n.isString()) {
      return n.stringValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isNumber()) {
      Number v = n.numberValue();
      return v instanceof java.math.BigDecimal d ? (Object) d.doubleValue() : v;
    }
    return null;
  }

  static String ptr(String parent, String name) {
    return parent + "/" + JsonDoc.escape(name);
  }

  static String ptr(String parent, int index) {
    return parent + "/" + index;
  }
}
