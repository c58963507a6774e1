/**
 * The formats users already hold (SPEC section 9): Credential Engine CTDL pathways, Badgr pathway
 * exports and Open Badges definitions read as pathways; Open Badges 2.0/3.0 and CLR 2.0 awards read as
 * learner records; pathways written as CTDL and as Open Badges 3.0 Achievements. The entry point is
 * {@link org.pathwayengine.io.interop.Interop}. Nothing is ever fetched from the network; readers
 * return every problem (with a JSON pointer in the message, and the line and column of the node)
 * instead of throwing. The mappings and decisions are documented in {@code docs/INTEROP.md}.
 */
package org.pathwayengine.io.interop;
