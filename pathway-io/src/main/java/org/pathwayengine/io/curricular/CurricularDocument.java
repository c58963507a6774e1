package org.pathwayengine.io.curricular;

import static java.util.Objects.requireNonNull;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.analytics.AnalysisOptions;

/**
 * A curriculum or degree plan in the CurricularAnalytics CSV format, seen as a pathway.
 *
 * <p>The pathway holds the courses as badges (id = Course ID, title = Course Name, credits = Credit
 * Hours, Prerequisites as {@code requires}, Corequisites and Strict-Corequisites together as
 * {@code coRequires}). What a pathway has no field for lives in {@code x-} extension fields, so that it
 * survives a trip through the native format and is written back: on the pathway,
 * {@value #HEADER} (the header block, name to value, in file order); on a badge, {@value #PREFIX},
 * {@value #NUMBER}, {@value #INSTITUTION}, {@value #CANONICAL_NAME}, {@value #STRICT_COREQUISITES}
 * (the ids among its co-requisites that are strict), {@value #TERM} (its term in a degree plan) and
 * {@value #ADDITIONAL} ({@code true} for a course of a plan's "Additional Courses" section). This
 * record's other components are read from those fields by {@link #of(Pathway)}.
 *
 * @param pathway the pathway
 * @param header the header block, name to value, in file order (Curriculum, Degree Plan, Institution,
 *     Degree Type, System Type, CIP, and any other line before Courses)
 * @param terms the term of each course that has one, in pathway order
 * @param additionalCourses the ids of the courses of a plan's "Additional Courses" section
 */
public record CurricularDocument(Pathway pathway, Map<String, String> header,
    Map<String, Integer> terms, Set<String> additionalCourses) {

  /** Pathway extension: the header block, a map from name to value in file order. */
  public static final String HEADER = "x-ca-header";
  /** Badge extension: the course prefix, such as {@code MATH}. */
  public static final String PREFIX = "x-ca-prefix";
  /** Badge extension: the course number, such as {@code 1431}. */
  public static final String NUMBER = "x-ca-number";
  /** Badge extension: the institution column. */
  public static final String INSTITUTION = "x-ca-institution";
  /** Badge extension: the canonical name column. */
  public static final String CANONICAL_NAME = "x-ca-canonical-name";
  /** Badge extension: the list of co-requisite ids that are strict co-requisites. */
  public static final String STRICT_COREQUISITES = "x-ca-strict-corequisites";
  /** Badge extension: the course's term in a degree plan, an integer from 1. */
  public static final String TERM = "x-ca-term";
  /** Badge extension: {@code true} for a course of a plan's "Additional Courses" section. */
  public static final String ADDITIONAL = "x-ca-additional";

  /** Checks and copies the arguments, keeping their order. */
  public CurricularDocument {
    requireNonNull(pathway, "pathway");
    header = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(header, "header")));
    terms = Collections.unmodifiableMap(new LinkedHashMap<>(requireNonNull(terms, "terms")));
    additionalCourses = Collections.unmodifiableSet(
        new LinkedHashSet<>(requireNonNull(additionalCourses, "additionalCourses")));
  }

  /**
   * The document a pathway stands for: its {@code x-ca-*} fields where it has them (a pathway read from
   * this format, or converted from one), else a header naming the pathway's title (or id) on a semester
   * system.
   */
  public static CurricularDocument of(Pathway pathway) {
    requireNonNull(pathway, "pathway");
    Map<String, String> header = new LinkedHashMap<>();
    if (pathway.extensions().get(HEADER) instanceof Map<?, ?> m) {
      m.forEach((k, v) -> header.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    }
    if (!header.containsKey("Curriculum")) {
      Map<String, String> withName = new LinkedHashMap<>();
      withName.put("Curriculum", pathway.title().orElse(pathway.id()));
      withName.putAll(header);
      header.clear();
      header.putAll(withName);
    }
    Map<String, Integer> terms = new LinkedHashMap<>();
    Set<String> additional = new LinkedHashSet<>();
    for (Badge b : pathway.badges()) {
      if (b.extensions().get(TERM) instanceof Number n) {
        terms.putIfAbsent(b.id(), n.intValue());
      }
      if (Boolean.TRUE.equals(b.extensions().get(ADDITIONAL))) {
        additional.add(b.id());
      }
    }
    return new CurricularDocument(pathway, header, terms, additional);
  }

  /** The Curriculum line: the curriculum's name. */
  public String curriculum() {
    return header.getOrDefault("Curriculum", "");
  }

  /** The Degree Plan line: the plan's name, for a degree plan. */
  public Optional<String> degreePlan() {
    return Optional.ofNullable(header.get("Degree Plan"));
  }

  /** Whether this is a degree plan: it has a Degree Plan line or terms. */
  public boolean isDegreePlan() {
    return header.containsKey("Degree Plan") || !terms.isEmpty();
  }

  /** Whether the System Type line says {@code quarter} (case-insensitive). */
  public boolean isQuarterSystem() {
    return header.getOrDefault("System Type", "").trim().toLowerCase(Locale.ROOT).equals("quarter");
  }

  /**
   * The options that analyse this document as CurricularAnalytics would: its system type, and its
   * terms for the degree-plan metrics.
   */
  public AnalysisOptions analysisOptions() {
    return AnalysisOptions.defaults().withQuarterSystem(isQuarterSystem()).withTerms(terms);
  }

  /** The strict co-requisites a badge lists in {@value #STRICT_COREQUISITES}. */
  static List<String> strictCoRequisites(Badge badge) {
    if (badge.extensions().get(STRICT_COREQUISITES) instanceof List<?> l) {
      return l.stream().map(String::valueOf).toList();
    }
    return List.of();
  }
}
