/**
 * The CurricularAnalytics CSV format (curricula and degree plans, as read and written by
 * CurricularAnalytics.jl and curricularanalytics.org): {@link
 * org.pathwayengine.io.curricular.CurricularCsvReader} turns a file into a pathway (a course is a badge)
 * plus what the file holds that a pathway does not, kept in {@code x-ca-*} extension fields so that
 * it survives a conversion to the native format; {@link
 * org.pathwayengine.io.curricular.CurricularCsvWriter} writes it back, optionally with the metric
 * columns of a {@link org.pathwayengine.core.analytics.CurriculumReport}.
 */
package org.pathwayengine.io.curricular;
