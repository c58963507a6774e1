/** Goal plans, next-step recommendations and term plans for a learner. */
package org.pathwayengine.core.plan;
