/**
 * Implementation of goal plans, recommendations and term plans: the branch-and-bound goal search and
 * its bounds, and the term schedulers. Not API: free to change between releases.
 */
package org.pathwayengine.core.plan.internal;
