package org.pathwayengine.io.curricular;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.core.SourceLocation;

/**
 * Splits CSV text (RFC 4180, as spreadsheets write it) into records of fields, each with the line and
 * column where it starts.
 *
 * <p>Fields are separated by commas; a field that starts with a double quote runs to the matching
 * quote, with {@code ""} standing for one quote, and may hold commas and line breaks. Lines end with
 * LF, CRLF or CR; the last line needs no end. A byte-order mark at the start is skipped. Text after a
 * closing quote is kept but reported, as is a quote that never closes. Linear time.
 */
final class CsvTokenizer {
  /** One field: its text, where it starts, and whether it was quoted. */
  record Field(String value, int line, int column, boolean quoted) {
    /**
     * The column of the character at {@code offset} in the value, where the value maps one to one to
     * the line (no line break, no doubled quote); else the field's own column.
     */
    int columnOf(int offset) {
      if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0 || value.indexOf('"') >= 0) {
        return column;
      }
      return column + offset + (quoted ? 1 : 0);
    }
  }

  /** One record: its fields (at least one) and the line where it starts. */
  record Row(int line, List<Field> fields) {
    /** The field at {@code i}, or an empty one at the end of the row when the row is shorter. */
    Field field(int i) {
      if (i < fields.size()) {
        return fields.get(i);
      }
      Field last = fields.get(fields.size() - 1);
      return new Field("", last.line(), last.column() + last.value().length() + 1, false);
    }

    boolean isBlank() {
      return fields.stream().allMatch(f -> f.value().isBlank());
    }
  }

  private CsvTokenizer() {}

  static List<Row> rows(String text, String file, Consumer<Problem> problems) {
    List<Row> rows = new ArrayList<>();
    int i = text.startsWith("\uFEFF") ? 1 : 0;
    int n = text.length();
    int line = 1;
    int lineStart = i;
    while (i < n) {
      int rowLine = line;
      List<Field> fields = new ArrayList<>();
      boolean endOfRow = false;
      while (!endOfRow) {
        int fieldLine = line;
        int column = i - lineStart + 1;
        StringBuilder value = new StringBuilder();
        boolean quoted = i < n && text.charAt(i) == '"';
        if (quoted) {
          i++;
          boolean closed = false;
          while (i < n) {
            char c = text.charAt(i);
            if (c == '"') {
              if (i + 1 < n && text.charAt(i + 1) == '"') {
                value.append('"');
                i += 2;
              } else {
                i++;
                closed = true;
                break;
              }
            } else {
              if (c == '\n' || (c == '\r' && (i + 1 >= n || text.charAt(i + 1) != '\n'))) {
                line++;
                lineStart = i + 1;
              }
              value.append(c);
              i++;
            }
          }
          if (!closed) {
            problems.accept(Problem.of(ProblemCode.PARSE_ERROR,
                    "a quoted field starts here but its closing quote is missing; close the quote"
                        + " (write a quote inside a field as two quotes)")
                .withLocation(new SourceLocation(file, fieldLine, column)));
          }
          int strayAt = i;
          while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
            value.append(text.charAt(i));
            i++;
          }
          if (i > strayAt) {
            problems.accept(Problem.of(ProblemCode.PARSE_ERROR,
                    "text after the closing quote of a field; quote the whole field")
                .withLocation(new SourceLocation(file, line, strayAt - lineStart + 1)));
          }
        } else {
          while (i < n && text.charAt(i) != ',' && text.charAt(i) != '\n'
              && text.charAt(i) != '\r') {
            value.append(text.charAt(i));
            i++;
          }
        }
        fields.add(new Field(value.toString(), fieldLine, column, quoted));
        if (i < n && text.charAt(i) == ',') {
          i++;
        } else {
          endOfRow = true;
          if (i < n) {
            i += text.charAt(i) == '\r' && i + 1 < n && text.charAt(i + 1) == '\n' ? 2 : 1;
            line++;
            lineStart = i;
          }
        }
      }
      rows.add(new Row(rowLine, List.copyOf(fields)));
    }
    return rows;
  }
}
