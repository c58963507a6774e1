package org.pathwayengine.io.internal;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.pathwayengine.io.FileFormat;

/**
 * Writes a tree of plain JDK values (ordered {@code Map<String, ?>}, {@code List}, {@code String},
 * {@code Number}, {@code Boolean}, {@code null}) as canonical YAML or JSON text: two-space indent,
 * maps in block style, lists of scalars in flow style ({@code [a, b]}), every other list in block
 * style, strings plain in YAML only where no YAML 1.1 or 1.2 reader could take them for anything
 * but that string, {@code \n} line ends and a final newline. The same tree always gives the same
 * bytes. Recursion depth is the tree's depth, which the reader limits.
 */
public final class TreeWriter {
  private static final Set<String> RESERVED = Set.of("true", "false", "yes", "no", "on", "off",
      "y", "n", "null", "nan", "inf", "infinity");
  /** Keys of the format that are YAML 1.1 booleans but strings in YAML 1.2, written plain. */
  private static final Set<String> KEYS = Set.of("on");
  private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+){2,}");

  private TreeWriter() {}

  /**
   * A map written on one line ({@code {badge: a, on: 2025-01-01}}) when all its values are scalars;
   * for small records such as learner entries.
   */
  public static final class FlowMap extends java.util.LinkedHashMap<String, Object> {
    private static final long serialVersionUID = 1L;
  }

  private static boolean isFlowMap(Object v) {
    if (!(v instanceof FlowMap) || ((Map<?, ?>) v).isEmpty()) {
      return false;
    }
    for (Object o : ((Map<?, ?>) v).values()) {
      if (o instanceof Map || o instanceof List) {
        return false;
      }
    }
    return true;
  }

  private static boolean isBlockMap(Object v) {
    return v instanceof Map && !((Map<?, ?>) v).isEmpty() && !isFlowMap(v);
  }

  /** The text of {@code root} in the given format. */
  public static String write(Object root, FileFormat format) {
    StringBuilder sb = new StringBuilder(4096);
    if (format == FileFormat.JSON) {
      json(sb, root, 0);
      sb.append('\n');
    } else {
      if (root instanceof Map && !((Map<?, ?>) root).isEmpty()) {
        yamlMap(sb, (Map<?, ?>) root, 0, false);
      } else if (root instanceof List && !isFlow((List<?>) root)) {
        yamlList(sb, (List<?>) root, 0, false);
      } else {
        yamlInline(sb, root);
        sb.append('\n');
      }
    }
    return sb.toString();
  }

  // ---------------------------------------------------------------- YAML

  private static void yamlMap(StringBuilder sb, Map<?, ?> map, int indent, boolean firstInline) {
    boolean first = true;
    for (Map.Entry<?, ?> e : map.entrySet()) {
      if (!(first && firstInline)) {
        indent(sb, indent);
      }
      first = false;
      String key = String.valueOf(e.getKey());
      if (isPlainSafe(key) || KEYS.contains(key)) {
        sb.append(key);
      } else {
        quoted(sb, key);
      }
      sb.append(':');
      Object v = e.getValue();
      if (isBlockMap(v)) {
        sb.append('\n');
        yamlMap(sb, (Map<?, ?>) v, indent + 2, false);
      } else if (v instanceof List && !isFlow((List<?>) v)) {
        sb.append('\n');
        yamlList(sb, (List<?>) v, indent + 2, false);
      } else {
        sb.append(' ');
        yamlInline(sb, v);
        sb.append('\n');
      }
    }
  }

  private static void yamlList(StringBuilder sb, List<?> list, int indent, boolean firstInline) {
    boolean first = true;
    for (Object v : list) {
      if (!(first && firstInline)) {
        indent(sb, indent);
      }
      first = false;
      sb.append("- ");
      if (isBlockMap(v)) {
        yamlMap(sb, (Map<?, ?>) v, indent + 2, true);
      } else if (v instanceof List && !isFlow((List<?>) v)) {
        yamlList(sb, (List<?>) v, indent + 2, true);
      } else {
        yamlInline(sb, v);
        sb.append('\n');
      }
    }
  }

  /** Flow style: empty collections and lists whose items are all scalars. */
  private static boolean isFlow(List<?> list) {
    for (Object o : list) {
      if (o instanceof Map || o instanceof List) {
        return false;
      }
    }
    return true;
  }


  private static void yamlInline(StringBuilder sb, Object v) {
    if (v instanceof Map) {
      // empty maps and flow maps of scalars
      sb.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : ((Map<?, ?>) v).entrySet()) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        String key = String.valueOf(e.getKey());
        if (isPlainSafe(key) || KEYS.contains(key)) {
          sb.append(key);
        } else {
          quoted(sb, key);
        }
        sb.append(": ");
        yamlInline(sb, e.getValue());
      }
      sb.append('}');
    } else if (v instanceof List) {
      sb.append('[');
      boolean first = true;
      for (Object o : (List<?>) v) {
        if (!first) {
          sb.append(", ");
        }
        first = false;
        yamlInline(sb, o);
      }
      sb.append(']');
    } else if (v instanceof String) {
      yamlString(sb, (String) v);
    } else {
      sb.append(scalar(v));
    }
  }

  private static void yamlString(StringBuilder sb, String s) {
    if (isPlainSafe(s)) {
      sb.append(s);
    } else {
      quoted(sb, s);
    }
  }

  /**
   * True when {@code s} can be written unquoted in block and flow context and every YAML reader
   * reads it back as this very string.
   */
  static boolean isPlainSafe(String s) {
    if (s.isEmpty() || s.length() > 1000) {
      return false;
    }
    char c0 = s.charAt(0);
    boolean letter = (c0 >= 'a' && c0 <= 'z') || (c0 >= 'A' && c0 <= 'Z')
        || (c0 >= 0xC0 && Character.isLetter(c0));
    if (!letter && !DATE.matcher(s).matches() && !VERSION.matcher(s).matches()) {
      return false;
    }
    if (RESERVED.contains(s.toLowerCase(Locale.ROOT)) || s.endsWith(" ")) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '.' || c == '_' || c == '-' || c == '/' || c == '@' || c == '+'
          || (c == ' ' && s.charAt(i - 1) != ' ')
          || (c >= 0xC0 && Character.isLetterOrDigit(c)); // letters of every script
      if (c == ':') {
        // "a:b" is plain, "a: b" and "a:" are a mapping
        ok = i + 1 < s.length() && s.charAt(i + 1) != ' ';
      }
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static void indent(StringBuilder sb, int n) {
    for (int i = 0; i < n; i++) {
      sb.append(' ');
    }
  }

  // ---------------------------------------------------------------- JSON

  private static void json(StringBuilder sb, Object v, int indent) {
    if (v instanceof Map) {
      Map<?, ?> map = (Map<?, ?>) v;
      if (map.isEmpty()) {
        sb.append("{}");
        return;
      }
      if (isFlowMap(map)) {
        sb.append('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : map.entrySet()) {
          if (!first) {
            sb.append(", ");
          }
          first = false;
          quoted(sb, String.valueOf(e.getKey()));
          sb.append(": ");
          json(sb, e.getValue(), indent);
        }
        sb.append('}');
        return;
      }
      sb.append("{\n");
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          sb.append(",\n");
        }
        first = false;
        indent(sb, indent + 2);
        quoted(sb, String.valueOf(e.getKey()));
        sb.append(": ");
        json(sb, e.getValue(), indent + 2);
      }
      sb.append('\n');
      indent(sb, indent);
      sb.append('}');
    } else if (v instanceof List) {
      List<?> list = (List<?>) v;
      if (isFlow(list)) {
        sb.append('[');
        boolean first = true;
        for (Object o : list) {
          if (!first) {
            sb.append(", ");
          }
          first = false;
          json(sb, o, indent);
        }
        sb.append(']');
        return;
      }
      sb.append("[\n");
      boolean first = true;
      for (Object o : list) {
        if (!first) {
          sb.append(",\n");
        }
        first = false;
        indent(sb, indent + 2);
        json(sb, o, indent + 2);
      }
      sb.append('\n');
      indent(sb, indent);
      sb.append(']');
    } else if (v instanceof String) {
      quoted(sb, (String) v);
    } else {
      sb.append(scalar(v));
    }
  }

  // ---------------------------------------------------------------- shared

  /** A double-quoted string; JSON escapes, which YAML's double-quoted style also reads. */
  private static void quoted(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"': sb.append("\\\""); break;
        case '\\': sb.append("\\\\"); break;
        case '\n': sb.append("\\n"); break;
        case '\r': sb.append("\\r"); break;
        case '\t': sb.append("\\t"); break;
        default:
          if (c < 0x20 || c == 0x7F || c == '\u0085' || c == '\u2028' || c == '\u2029'
              || c == '\uFEFF' || (c >= 0x80 && c < 0xA0) || Character.isSurrogate(c)
              && !validSurrogate(s, i)) {
            sb.append(String.format("\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }

  private static boolean validSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
    }
    return i > 0 && Character.isHighSurrogate(s.charAt(i - 1));
  }

  /** Numbers, booleans and null as both formats write them. */
  static String scalar(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Boolean) {
      return v.toString();
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger) {
      return v.toString();
    }
    if (v instanceof BigDecimal) {
      return number((BigDecimal) v);
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new IllegalArgumentException("cannot write the non-finite number " + d);
      }
      return Double.toString(d);
    }
    throw new IllegalArgumentException("cannot write a value of type " + v.getClass().getName()
        + "; use String, Number, Boolean, List or Map");
  }

  /** A decimal in its shortest plain form: 1, 1.5, 0.25 (never an exponent). */
  public static String number(BigDecimal d) {
    BigDecimal s = d.stripTrailingZeros();
    if (s.scale() < 0) {
      s = s.setScale(0);
    }
    return s.toPlainString();
  }
}
