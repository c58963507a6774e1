package org.pathwayengine.cli.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A tiny JSON writer for the command's output: objects keep their insertion order, so the field order
 * of every command is stable and the same as SPEC section 8. Values are {@code null}, Boolean, Number,
 * CharSequence, {@link Obj}, Map, Collection or Optional. Iterative: nesting depth is not limited by
 * the Java stack.
 */
public final class Json {
  private Json() {}

  /** A JSON object under construction; fields keep the order they were put in. */
  public static final class Obj {
    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** Sets a field (an empty Optional writes {@code null}). */
    public Obj put(String name, Object value) {
      fields.put(name, value);
      return this;
    }

    /** Sets a field only when the value is present. */
    public Obj putIfPresent(String name, Optional<?> value) {
      value.ifPresent(v -> fields.put(name, v));
      return this;
    }

    Map<String, Object> fields() {
      return fields;
    }
  }

  /** A new, empty object. */
  public static Obj obj() {
    return new Obj();
  }

  /** The value as indented JSON text (two spaces), ending without a newline. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    // Explicit stack of pending work: a value to write at an indent, or a literal string to append.
    List<Object[]> stack = new ArrayList<>();
    stack.add(new Object[] {value, 0});
    while (!stack.isEmpty()) {
      Object[] top = stack.remove(stack.size() - 1);
      if (top.length == 1) {
        out.append((String) top[0]);
        continue;
      }
      Object v = top[0];
      int indent = (Integer) top[1];
      if (v instanceof Optional<?> o) {
        v = o.orElse(null);
      }
      if (v instanceof Obj obj) {
        v = obj.fields();
      }
      if (v == null) {
        out.append("null");
      } else if (v instanceof Boolean b) {
        out.append(b);
      } else if (v instanceof Number n) {
        out.append(number(n));
      } else if (v instanceof CharSequence s) {
        string(out, s.toString());
      } else if (v instanceof Map<?, ?> map) {
        if (map.isEmpty()) {
          out.append("{}");
          continue;
        }
        List<Object[]> parts = new ArrayList<>();
        parts.add(new Object[] {"{\n"});
        int i = 0;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          StringBuilder key = new StringBuilder(pad(indent + 1));
          string(key, String.valueOf(e.getKey()));
          key.append(": ");
          parts.add(new Object[] {key.toString()});
          parts.add(new Object[] {e.getValue(), indent + 1});
          parts.add(new Object[] {++i < map.size() ? ",\n" : "\n"});
        }
        parts.add(new Object[] {pad(indent) + "}"});
        pushReversed(stack, parts);
      } else if (v instanceof Collection<?> list) {
        if (list.isEmpty()) {
          out.append("[]");
          continue;
        }
        if (list.stream().allMatch(Json::isScalar)) {
          // Lists of ids stay on one line: they are what people scan.
          out.append('[');
          int i = 0;
          for (Object item : list) {
            if (i++ > 0) {
              out.append(", ");
            }
            out.append(write(item));
          }
          out.append(']');
          continue;
        }
        List<Object[]> parts = new ArrayList<>();
        parts.add(new Object[] {"[\n"});
        int i = 0;
        for (Object item : list) {
          parts.add(new Object[] {pad(indent + 1)});
          parts.add(new Object[] {item, indent + 1});
          parts.add(new Object[] {++i < list.size() ? ",\n" : "\n"});
        }
        parts.add(new Object[] {pad(indent) + "]"});
        pushReversed(stack, parts);
      } else {
        throw new AssertionError("no JSON form for " + v.getClass().getName());
      }
    }
    return out.toString();
  }

  private static boolean isScalar(Object v) {
    Object x = v instanceof Optional<?> o ? o.orElse(null) : v;
    return x == null || x instanceof Boolean || x instanceof Number || x instanceof CharSequence;
  }

  private static void pushReversed(List<Object[]> stack, List<Object[]> parts) {
    for (int i = parts.size() - 1; i >= 0; i--) {
      stack.add(parts.get(i));
    }
  }

  private static String pad(int indent) {
    return "  ".repeat(indent);
  }

  private static String number(Number n) {
    if (n instanceof Double || n instanceof Float) {
      double d = n.doubleValue();
      if (!Double.isFinite(d)) {
        return "null";
      }
      if (d == Math.rint(d) && Math.abs(d) < 1e15) {
        return Long.toString((long) d);
      }
      return Double.toString(d);
    }
    if (n instanceof java.math.BigDecimal d) {
      return d.toPlainString();
    }
    return n.toString();
  }

  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
