/**
 * Implementation of the interoperability readers and writers: a JSON parser that keeps locations,
 * and one class per format. Free to change; not part of the API.
 */
package org.pathwayengine.io.interop.internal;
