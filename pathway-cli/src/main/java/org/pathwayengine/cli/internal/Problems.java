package org.pathwayengine.cli.internal;

import java.util.List;
import org.pathwayengine.core.Problem;

/** Problems as people and programs read them. */
public final class Problems {
  private Problems() {}

  /** {@code file:line:column: error CODE: message}, the way compilers print them. */
  public static String line(Problem p, String file, Style style) {
    String where = p.location().map(Object::toString).orElse(file);
    String severity = p.isError()
        ? style.bold(style.red(p.severity().label()))
        : style.bold(style.yellow(p.severity().label()));
    return style.bold(where + ":") + " " + severity + " " + p.code() + ": " + p.message();
  }

  /** The JSON object of SPEC section 8: severity, code, message, file, line, column, badge?, cycle?. */
  public static Json.Obj json(Problem p, String file) {
    Json.Obj o = Json.obj()
        .put("severity", p.severity().label())
        .put("code", p.code().name())
        .put("message", p.message())
        .put("file", p.location().map(l -> l.file()).orElse(file))
        .put("line", p.location().map(l -> (Object) l.line()).orElse(null))
        .put("column", p.location().map(l -> (Object) l.column()).orElse(null));
    p.badge().ifPresent(b -> o.put("badge", b));
    if (!p.cycle().isEmpty()) {
      o.put("cycle", p.cycle());
    }
    return o;
  }

  /** Prints every problem, one a line. */
  public static void print(java.io.PrintWriter w, List<Problem> problems, String file, Style style) {
    for (Problem p : problems) {
      w.println(line(p, file, style));
    }
  }
}
