/** Implementation of the core: not API, free to change. */
package org.pathwayengine.core.internal;
