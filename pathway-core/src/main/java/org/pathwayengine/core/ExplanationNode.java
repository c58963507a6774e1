package org.pathwayengine.core;

import static java.util.Objects.requireNonNull;

import java.util.List;

/**
 * One node of an explanation tree: a requirement node marked held or not, with the badges that
 * satisfied it.
 *
 * @param op the operator, as {@link Requirement#op()}
 * @param label a short description for people ({@code "si-101"}, {@code "2 of 4"},
 *     {@code "10 credits from tag core"})
 * @param holds whether this node holds for the learner
 * @param satisfiedBy the held badges that count toward this node, sorted
 * @param children the explanations of the node's children, in order
 */
public record ExplanationNode(String op, String label, boolean holds, List<String> satisfiedBy,
    List<ExplanationNode> children) {
  /** Checks and copies the arguments. */
  public ExplanationNode {
    requireNonNull(op, "op");
    requireNonNull(label, "label");
    satisfiedBy = List.copyOf(satisfiedBy);
    children = List.copyOf(children);
  }
}
