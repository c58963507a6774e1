package org.pathwayengine.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Layout for people: aligned tables and progress bars. */
public final class Text {
  private static final Pattern ANSI = Pattern.compile("\u001b\\[[0-9;]*m");

  private Text() {}

  /** The number of columns {@code s} takes on a terminal, ANSI sequences excluded. */
  public static int width(String s) {
    String plain = ANSI.matcher(s).replaceAll("");
    return plain.codePointCount(0, plain.length());
  }

  /**
   * The rows as lines whose columns line up, each line starting with {@code indent}, columns separated
   * by two spaces; the last column is not padded. Rows may have fewer cells than others.
   */
  public static List<String> table(List<List<String>> rows, String indent) {
    List<Integer> widths = new ArrayList<>();
    for (List<String> row : rows) {
      for (int i = 0; i < row.size(); i++) {
        int w = width(row.get(i));
        if (i == widths.size()) {
          widths.add(w);
        } else if (w > widths.get(i)) {
          widths.set(i, w);
        }
      }
    }
    List<String> lines = new ArrayList<>();
    for (List<String> row : rows) {
      StringBuilder line = new StringBuilder(indent);
      for (int i = 0; i < row.size(); i++) {
        String cell = row.get(i);
        line.append(cell);
        if (i < row.size() - 1) {
          line.append(" ".repeat(widths.get(i) - width(cell) + 2));
        }
      }
      lines.add(line.toString().stripTrailing());
    }
    return lines;
  }

  /** A bar of {@code width} cells, {@code done} of {@code total} filled (█ filled, ░ empty). */
  public static String bar(int done, int total, int width) {
    int filled = total <= 0 ? width : (int) Math.round((double) width * done / total);
    filled = Math.max(0, Math.min(width, filled));
    // A bar that is not complete never looks complete.
    if (filled == width && done < total) {
      filled = width - 1;
    }
    return "█".repeat(filled) + "░".repeat(width - filled);
  }

  /** "1 error", "2 errors". */
  public static String plural(int n, String word) {
    return n + " " + word + (n == 1 ? "" : "s");
  }
}
