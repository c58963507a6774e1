package org.pathwayengine.core;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks and copies shared by the model's records and builders. */
final class Values {
  private Values() {}

  /** {@code name}, checked to be an extension field name ({@code x-...}). */
  static String extensionName(String name) {
    requireNonNull(name, "extension name");
    checkArgument(name.startsWith("x-"), "extension field names start with 'x-', was '%s'", name);
    return name;
  }

  /** An unmodifiable copy of {@code extensions} in their order, every name checked. */
  static Map<String, Object> extensions(Map<String, Object> extensions) {
    requireNonNull(extensions, "extensions");
    if (extensions.isEmpty()) {
      return Map.of();
    }
    extensions.keySet().forEach(Values::extensionName);
    return Collections.unmodifiableMap(new LinkedHashMap<>(extensions));
  }

  /** Adds each of {@code values} to {@code to}, rejecting null ones as {@code what}. */
  static void addAll(List<String> to, String[] values, String what) {
    for (String v : values) {
      to.add(requireNonNull(v, what));
    }
  }
}
