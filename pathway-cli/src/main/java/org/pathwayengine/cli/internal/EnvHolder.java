package org.pathwayengine.cli.internal;

/** The top command, which holds the {@link Env} its subcommands run in. */
public interface EnvHolder {
  /** The environment of this run. */
  Env env();
}
