package org.pathwayengine.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.pathwayengine.cli.internal.Cli;
import org.pathwayengine.cli.internal.Env;
import org.pathwayengine.cli.internal.FileInputs;

/**
 * The {@code pathway} command: validate pathways, see where a learner stands and why, run a pathway's
 * scenarios, and draw its graph (SPEC section 8).
 *
 * <pre>{@code
 * pathway validate examples/
 * pathway status examples/social-innovation.yaml --learner examples/alice.yaml --as-of 2026-01-01
 * pathway explain examples/social-innovation.yaml si-nanodegree --learner examples/alice.yaml
 * pathway test examples/social-innovation.yaml
 * pathway render examples/social-innovation.yaml --learner examples/alice.yaml --to mermaid
 * }</pre>
 *
 * <p>Exit codes: 0 success; 1 an invalid pathway, a failed scenario or an unreachable goal; 2 bad
 * usage or unreadable input. JSON ({@code --format json}) goes to standard output, messages for people
 * to standard error.
 */
public final class PathwayCommand {
  private PathwayCommand() {}

  /**
   * Runs the command and exits the JVM with its exit code.
   *
   * @param args the command line, e.g. {@code validate pathway.yaml}
   */
  public static void main(String[] args) {
    System.exit(run(args));
  }

  /**
   * Runs the command on the process's standard streams, without exiting.
   *
   * @param args the command line
   * @return the exit code: 0, 1 or 2
   */
  public static int run(String... args) {
    // UTF-8 whatever the locale says: the output draws ✓, ✗ and █.
    PrintWriter out = new PrintWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8), false);
    PrintWriter err = new PrintWriter(new OutputStreamWriter(
        new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8), true);
    try {
      Env env = new Env(out, err, System.console() != null, System.getenv(), LocalDate::now,
          new FileInputs());
      return Cli.execute(env, args);
    } finally {
      out.flush();
      err.flush();
    }
  }
}
