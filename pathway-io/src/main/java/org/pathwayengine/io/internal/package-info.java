/**
 * How pathway files are read and written; free to change. A located tree parser (Jackson streaming,
 * no recursion on document depth) turns bytes into {@link org.pathwayengine.io.internal.Node}s with
 * lines and columns; a mapper turns the tree into the model with located problems; a locator places
 * the core validator's problems; a writer turns the model back into canonical text.
 */
package org.pathwayengine.io.internal;
