package org.pathwayengine.cli.internal;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;

/** Builds and runs the picocli command tree in an {@link Env}. */
public final class Cli {
  private Cli() {}

  /** The command tree, writing to the environment's streams. */
  public static CommandLine commandLine(Env env) {
    CommandLine cl = new CommandLine(new RootCommand(env));
    cl.setOut(env.out());
    cl.setErr(env.err());
    cl.setExecutionExceptionHandler(handler(env));
    return cl;
  }

  /** Runs {@code args} and returns the exit code (0, 1 or 2). */
  public static int execute(Env env, String... args) {
    try {
      return commandLine(env).execute(args);
    } finally {
      env.out().flush();
      env.err().flush();
    }
  }

  private static IExecutionExceptionHandler handler(Env env) {
    return (ex, cl, parseResult) -> {
      PrintWriter err = env.err();
      if (ex instanceof ExitException exit) {
        if (exit.getMessage() != null && !exit.getMessage().isEmpty()) {
          err.println("pathway: " + exit.getMessage());
        }
        return exit.code();
      }
      boolean debug = cl.getCommand() instanceof BaseCommand b && b.common().debug();
      if (ex instanceof UnsupportedOperationException) {
        err.println("pathway: not available in this build: " + ex.getMessage());
      } else {
        err.println("pathway: internal error: " + ex
            + (debug ? "" : " (run again with --debug to see where)"));
      }
      if (debug) {
        StringWriter trace = new StringWriter();
        ex.printStackTrace(new PrintWriter(trace));
        err.print(trace);
      }
      // Not a verdict on the pathway, so not 1: the run could not be carried out.
      return ExitCodes.USAGE;
    };
  }
}
