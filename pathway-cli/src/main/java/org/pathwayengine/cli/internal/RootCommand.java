package org.pathwayengine.cli.internal;

import static java.util.Objects.requireNonNull;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code pathway}: the top of the command tree. Each command is one class listed here
 * ({@code recommend} and {@code plan} join when their engines land).
 */
@Command(name = "pathway",
    mixinStandardHelpOptions = true,
    versionProvider = RootCommand.Version.class,
    sortOptions = false,
    description = "Micro-credential pathways: validate them, see where a learner stands and why, "
        + "test stack rules, draw the graph.",
    footer = {"", "Exit codes: 0 success, 1 invalid pathway / failed scenario / unreachable goal, "
        + "2 bad usage or unreadable input."},
    subcommands = {
        ValidateCommand.class,
        StatusCommand.class,
        ExplainCommand.class,
        TestCommand.class,
        RenderCommand.class,
        AnalyzeCommand.class,
    })
public final class RootCommand implements Callable<Integer>, EnvHolder {
  private final Env env;

  @Spec
  CommandSpec spec;

  /** The top command of a run in {@code env}. */
  public RootCommand(Env env) {
    this.env = requireNonNull(env, "env");
  }

  @Override
  public Env env() {
    return env;
  }

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(),
        "Missing a command: validate, status, explain, test, render or analyze");
  }

  /** The version Maven wrote into {@code version.properties}. */
  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = RootCommand.class.getResourceAsStream(
          "/org/pathwayengine/cli/version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {"pathway " + p.getProperty("version", "(unknown version)")};
    }
  }
}
