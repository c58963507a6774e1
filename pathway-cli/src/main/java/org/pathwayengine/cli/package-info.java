/**
 * The {@code pathway} command-line tool ({@link org.pathwayengine.cli.PathwayCommand}); its
 * subcommands and output formats live in the unexported {@code internal} package.
 */
package org.pathwayengine.cli;
