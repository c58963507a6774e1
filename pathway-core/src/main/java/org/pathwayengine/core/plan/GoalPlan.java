package org.pathwayengine.core.plan;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The cheapest badges to earn to reach a goal, in an order in which each can be taken.
 *
 * @param goal the goal
 * @param reachable whether the goal can be reached at all
 * @param badges the badges to earn, in a valid order (never stacked credentials: they are awarded)
 * @param cost the plan's cost in the measure asked for; 0 when unreachable
 * @param optimal whether the cost is proven minimal
 * @param lowerBound a proven lower bound on the minimal cost (equal to {@code cost} when optimal;
 *     {@link Double#POSITIVE_INFINITY} when the goal is proven unreachable)
 * @param reason why the goal is unreachable, or empty
 */
public record GoalPlan(Goal goal, boolean reachable, List<String> badges, double cost,
    boolean optimal, double lowerBound, Optional<String> reason) {
  /** Checks and copies the arguments. */
  public GoalPlan {
    requireNonNull(goal, "goal");
    badges = List.copyOf(badges);
    requireNonNull(reason, "reason");
  }
}
