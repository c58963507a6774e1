/** Runnable examples of embedding the pathway engine in an application. */
package org.pathwayengine.examples;
