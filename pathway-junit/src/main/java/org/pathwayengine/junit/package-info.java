/**
 * JUnit 5 support: a pathway's scenarios as dynamic tests
 * ({@link org.pathwayengine.junit.PathwayScenarios}).
 */
package org.pathwayengine.junit;
