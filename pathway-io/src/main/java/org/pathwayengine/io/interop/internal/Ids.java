package org.pathwayengine.io.interop.internal;

import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Readable badge ids made from external identifiers: the rule is documented in docs/INTEROP.md.
 * Ids match {@code [A-Za-z0-9][A-Za-z0-9._-]*} and have at most 200 characters.
 */
final class Ids {
  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,199}");
  private static final Pattern URI_LIKE = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:.+");

  private final Set<String> taken = new HashSet<>();

  /** Whether {@code s} keeps the id rule. */
  static boolean isId(String s) {
    return s != null && ID.matcher(s).matches();
  }

  /** Whether {@code s} looks like an absolute URI (a scheme, a colon, something after). */
  static boolean isUri(String s) {
    return s != null && !s.startsWith("_:") && URI_LIKE.matcher(s).matches();
  }

  /**
   * A slug of a name: accents dropped, lower case, every run of other characters a single '-', no
   * '-' at either end, at most 200 characters; empty when nothing is left.
   */
  static String slug(String name) {
    String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^a-z0-9]+", "-");
    s = trimDashes(s);
    if (s.length() > 200) {
      s = trimDashes(s.substring(0, 200));
    }
    return s;
  }

  /**
   * The last segment of a URI (after the last '/', '#' or ':'), with characters outside the id rule
   * replaced by '-' and a leading non-alphanumeric run removed; empty when nothing is left.
   */
  static String lastSegment(String uri) {
    String s = uri;
    while (s.endsWith("/") || s.endsWith("#")) {
      s = s.substring(0, s.length() - 1);
    }
    int cut = Math.max(s.lastIndexOf('/'), Math.max(s.lastIndexOf('#'), s.lastIndexOf(':')));
    s = s.substring(cut + 1).replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[^A-Za-z0-9]+", "");
    if (s.length() > 200) {
      s = s.substring(0, 200);
    }
    return s;
  }

  private static String trimDashes(String s) {
    return s.replaceAll("^-+", "").replaceAll("-+$", "");
  }

  /** Reserves an id that is already known to be wanted exactly (for example one the file states). */
  boolean reserve(String id) {
    return taken.add(id);
  }

  /**
   * The first non-empty candidate made unique in this import by a suffix {@code -2}, {@code -3}, ...;
   * {@code fallback} when every candidate is empty.
   */
  String allocate(String fallback, String... candidates) {
    String base = fallback;
    for (String c : candidates) {
      if (c != null && isId(c)) {
        base = c;
        break;
      }
    }
    if (taken.add(base)) {
      return base;
    }
    for (int i = 2; ; i++) {
      String suffix = "-" + i;
      String head = base.length() + suffix.length() > 200
          ? base.substring(0, 200 - suffix.length()) : base;
      String candidate = head + suffix;
      if (taken.add(candidate)) {
        return candidate;
      }
    }
  }
}
