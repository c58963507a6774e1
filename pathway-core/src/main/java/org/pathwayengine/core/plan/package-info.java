/**
 * Goal plans, next-step recommendations and term plans for a learner: {@link
 * org.pathwayengine.core.plan.GoalPlanner} finds the cheapest badges to earn for a goal (a badge, a
 * stacked credential or a set of skills), {@link org.pathwayengine.core.plan.Recommender} ranks the
 * badges a learner can start now with reasons, and {@link org.pathwayengine.core.plan.TermPlanner}
 * spreads a plan over terms of limited capacity. All are stateless per learner: ask "what if" by adding
 * hypothetical badges to the held set.
 */
package org.pathwayengine.core.plan;
