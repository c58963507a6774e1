package org.pathwayengine.io.interop.internal;

import java.time.Period;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.io.ReadResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Credential Engine CTDL pathways (JSON-LD): read into a pathway, and a pathway written as CTDL that
 * reads back equal. The mapping and its decisions are in docs/INTEROP.md.
 */
public final class Ctdl {
  /** Namespace of the {@code pwe:} terms that carry what CTDL has no property for. */
  public static final String PWE_NAMESPACE = "https://pathwayengine.org/ns/interop#";

  /** Credential classes that may stand in a pathway's graph in place of a component. */
  private static final Set<String> CREDENTIAL_TYPES = Set.of("Credential", "Certification",
      "Certificate", "CertificateOfCompletion", "Badge", "DigitalBadge", "OpenBadge",
      "MicroCredential", "Degree", "AssociateDegree", "BachelorDegree", "MasterDegree",
      "DoctoralDegree", "ProfessionalDoctorate", "ResearchDoctorate", "Diploma",
      "SecondarySchoolDiploma", "GeneralEducationDevelopment", "License", "ApprenticeshipCertificate",
      "JourneymanCertificate", "MasterCertificate", "QualityAssuranceCredential", "Course",
      "LearningOpportunityProfile", "AssessmentProfile");

  /** Properties that identify or point back and carry nothing the model lacks: ignored quietly. */
  private static final Set<String> QUIET = Set.of("@id", "@type", "@context", "ceterms:ctid",
      "ceasn:isChildOf", "ceterms:isChildOf", "ceasn:isPartOf", "ceterms:isPartOf",
      "ceterms:isDestinationComponentFor", "ceterms:hasDestinationComponent",
      "ceterms:subjectWebpage", "ceterms:credentialType");

  private static final Set<String> COMPONENT_FIELDS = Set.of("ceterms:name", "ceterms:description",
      "ceterms:codedNotation", "ceterms:sourceData", "ceterms:creditValue",
      "ceterms:componentCategory", "ceterms:hasCondition", "ceasn:hasChild", "ceterms:hasChild",
      "ceterms:precedes", "ceterms:precededBy", "pwe:hours", "pwe:skills", "pwe:validFor",
      "pwe:issuer", "pwe:trustedIssuers", "pwe:extensions", "pwe:requires", "pwe:coRequires");

  private static final Set<String> PATHWAY_FIELDS = Set.of("ceterms:name", "ceterms:description",
      "ceterms:codedNotation", "pwe:version", "pwe:trustedIssuers", "pwe:equivalences",
      "pwe:extensions");

  private static final Set<String> CONDITION_FIELDS = Set.of("@type", "ceterms:name",
      "ceterms:description", "ceterms:requiredNumber", "ceterms:targetComponent",
      "ceterms:hasCondition", "ceterms:logicalOperator", "ceterms:hasConstraint", "pwe:tag",
      "pwe:distinct");

  private Ctdl() {}

  // ---------------------------------------------------------------- detection

  /** Whether the document is CTDL JSON-LD: a {@code @graph} or nodes typed {@code ceterms:...}. */
  static boolean looks(JsonNode root) {
    if (root.isObject()) {
      if (root.has("@graph")) {
        return true;
      }
      return Json.types(root).stream().anyMatch(t -> t.startsWith("ceterms:"));
    }
    if (root.isArray()) {
      for (JsonNode n : root.values()) {
        if (n.isObject() && Json.types(n).stream().anyMatch(t -> t.startsWith("ceterms:"))) {
          return true;
        }
      }
    }
    return false;
  }

  // ---------------------------------------------------------------- reading

  private enum Kind { PATHWAY, COMPONENT, CREDENTIAL, OTHER }

  private static Kind kind(JsonNode n) {
    List<String> types = Json.types(n);
    boolean component = false;
    boolean credential = false;
    for (String t : types) {
      String local = t.substring(t.indexOf(':') + 1);
      if (local.equals("Pathway")) {
        return Kind.PATHWAY;
      }
      if (local.endsWith("Component")) {
        component = true;
      } else if (CREDENTIAL_TYPES.contains(local)) {
        credential = true;
      }
    }
    return component ? Kind.COMPONENT : credential ? Kind.CREDENTIAL : Kind.OTHER;
  }

  /** Reads a CTDL pathway. */
  static ReadResult<Pathway> read(JsonDoc doc) {
    return new Reader(doc).read();
  }

  private static final class Reader {
    private final JsonDoc doc;
    private final Report report;
    private final Ids ids = new Ids();
    private final Map<String, String> idByNode = new HashMap<>();
    private final Map<String, List<String>> unmapped = new LinkedHashMap<>();

    Reader(JsonDoc doc) {
      this.doc = doc;
      this.report = new Report(doc);
    }

    ReadResult<Pathway> read() {
      JsonNode root = doc.root();
      List<JsonNode> nodes = new ArrayList<>();
      List<String> ptrs = new ArrayList<>();
      if (root.isObject() && root.has("@graph")) {
        JsonNode g = root.get("@graph");
        if (!g.isArray()) {
          report.error(ProblemCode.SCHEMA_ERROR, "/@graph", "@graph must be an array of nodes");
          return new ReadResult<>(Optional.empty(), report.problems());
        }
        for (int i = 0; i < g.size(); i++) {
          nodes.add(g.get(i));
          ptrs.add("/@graph/" + i);
        }
      } else if (root.isArray()) {
        for (int i = 0; i < root.size(); i++) {
          nodes.add(root.get(i));
          ptrs.add("/" + i);
        }
      } else if (root.isObject()) {
        nodes.add(root);
        ptrs.add("");
      }
      int pathwayIndex = -1;
      List<Integer> components = new ArrayList<>();
      for (int i = 0; i < nodes.size(); i++) {
        JsonNode n = nodes.get(i);
        if (!n.isObject()) {
          report.warn(ProblemCode.SCHEMA_ERROR, ptrs.get(i), "a graph node must be an object; skipped");
          continue;
        }
        Kind k = kind(n);
        if (k == Kind.PATHWAY) {
          if (pathwayIndex < 0) {
            pathwayIndex = i;
          } else {
            report.warn(ProblemCode.SCHEMA_ERROR, ptrs.get(i), "a second ceterms:Pathway node; only the "
                + "first is read, this one is not mapped");
          }
        } else if (k == Kind.COMPONENT || k == Kind.CREDENTIAL) {
          components.add(i);
        } else {
          report.warn(ProblemCode.SCHEMA_ERROR, ptrs.get(i), "a node of type " + Json.types(n)
              + " is neither a pathway, a pathway component nor a credential; not mapped");
        }
      }
      if (components.isEmpty()) {
        report.error(ProblemCode.SCHEMA_ERROR, "", "no CTDL pathway components found: expected nodes "
            + "typed ceterms:...Component (or credentials such as ceterms:Certification) in @graph");
        return new ReadResult<>(Optional.empty(), report.problems());
      }
      // ids: the coded notations a file states are kept exactly; the rest are derived
      Map<Integer, String> codes = new HashMap<>();
      for (int i : components) {
        Json.text(nodes.get(i).get("ceterms:codedNotation")).filter(Ids::isId)
            .filter(ids::reserve).ifPresent(c -> codes.put(i, c));
      }
      Map<Integer, String> badgeIds = new LinkedHashMap<>();
      for (int i : components) {
        JsonNode n = nodes.get(i);
        Optional<String> nodeId = Json.ref(n.get("@id"));
        String id = codes.containsKey(i) ? codes.get(i)
            : ids.allocate("component-" + (badgeIds.size() + 1),
                Json.text(n.get("ceterms:name")).map(Ids::slug).orElse(null),
                nodeId.filter(s -> !s.startsWith("_:")).map(Ids::lastSegment).orElse(null),
                nodeId.map(Ids::lastSegment).orElse(null));
        badgeIds.put(i, id);
        if (nodeId.isPresent()) {
          if (idByNode.putIfAbsent(nodeId.get(), id) != null) {
            report.error(ProblemCode.DUPLICATE_ID, Json.ptr(ptrs.get(i), "@id"), "the node id "
                + nodeId.get() + " is used twice; references go to the first");
          }
        }
      }
      Map<String, Badge.Builder> builders = new LinkedHashMap<>();
      for (int i : components) {
        report.inBadge(badgeIds.get(i));
        builders.put(badgeIds.get(i), component(nodes.get(i), ptrs.get(i), badgeIds.get(i)));
      }
      report.noBadge();
      // "A precedes B": B recommends A
      for (int i : components) {
        JsonNode n = nodes.get(i);
        List<String> targets = refIds(n.get("ceterms:precedes"), Json.ptr(ptrs.get(i), "ceterms:precedes"));
        for (String t : targets) {
          Badge.Builder b = builders.get(t);
          Badge current = b.build();
          if (!current.recommends().contains(badgeIds.get(i))) {
            b.recommends(badgeIds.get(i));
          }
        }
      }
      Pathway.Builder pb = pathway(pathwayIndex < 0 ? null : nodes.get(pathwayIndex),
          pathwayIndex < 0 ? "" : ptrs.get(pathwayIndex));
      builders.values().forEach(b -> pb.badge(b.build()));
      reportUnmapped();
      Pathway pathway;
      try {
        pathway = pb.build();
      } catch (IllegalArgumentException e) {
        report.error(ProblemCode.UNKNOWN_BADGE, pathwayIndex < 0 ? "" : Json.ptr(ptrs.get(pathwayIndex),
            "pwe:equivalences"), e.getMessage());
        return new ReadResult<>(Optional.empty(), report.problems());
      }
      return new ReadResult<>(Optional.of(pathway), report.problems());
    }

    private Pathway.Builder pathway(JsonNode n, String ptr) {
      if (n == null) {
        report.warn(ProblemCode.SCHEMA_ERROR, "", "no ceterms:Pathway node; the pathway is named after "
            + "the file");
        return Pathway.builder(OpenBadges.pathwayId(doc.file()), Defaults.VERSION);
      }
      Optional<String> name = Json.text(n.get("ceterms:name"));
      Optional<String> code = Json.text(n.get("ceterms:codedNotation")).filter(Ids::isId);
      String id = code.orElseGet(() -> name.map(Ids::slug).filter(Ids::isId)
          .orElse(OpenBadges.pathwayId(doc.file())));
      String version = Json.text(n.get("pwe:version")).orElse(Defaults.VERSION);
      Pathway.Builder pb = Pathway.builder(id, version);
      name.ifPresent(pb::title);
      Json.strings(n.get("pwe:trustedIssuers")).forEach(pb::trustedIssuers);
      JsonNode eq = n.get("pwe:equivalences");
      if (eq != null && eq.isArray()) {
        for (JsonNode cls : eq.values()) {
          pb.equivalence(Json.strings(cls));
        }
      }
      extensions(n.get("pwe:extensions"), Json.ptr(ptr, "pwe:extensions")).forEach(pb::extension);
      noteUnmapped(n, ptr, PATHWAY_FIELDS);
      return pb;
    }

    private Badge.Builder component(JsonNode n, String ptr, String id) {
      Optional<String> name = Json.text(n.get("ceterms:name"));
      if (name.isEmpty()) {
        report.warn(ProblemCode.SCHEMA_ERROR, Json.ptr(ptr, "ceterms:name"),
            "a component without a name; its id '" + id + "' is its title");
      }
      Badge.Builder b = Badge.builder(id, name.orElse(id));
      Json.text(n.get("ceterms:description")).ifPresent(b::description);
      Set<String> aliases = new LinkedHashSet<>();
      Json.ref(n.get("@id")).filter(s -> !s.startsWith("_:")).ifPresent(aliases::add);
      aliases.addAll(Json.refs(n.get("ceterms:sourceData")));
      aliases.forEach(b::aliases);
      credits(n.get("ceterms:creditValue"), Json.ptr(ptr, "ceterms:creditValue"), b);
      JsonNode cat = n.get("ceterms:componentCategory");
      if (cat != null && cat.isArray()) {
        for (JsonNode c : cat.values()) {
          Json.text(c).ifPresent(b::tags);
        }
      } else {
        Json.text(cat).ifPresent(b::tags);
      }
      JsonNode hours = n.get("pwe:hours");
      if (hours != null) {
        double h = Json.number(hours);
        if (Double.isFinite(h) && h >= 0) {
          b.hours(h);
        } else {
          report.error(ProblemCode.INVALID_VALUE, Json.ptr(ptr, "pwe:hours"),
              "hours must be a number >= 0, was " + hours);
        }
      }
      Json.strings(n.get("pwe:skills")).forEach(b::skills);
      Json.text(n.get("pwe:validFor")).ifPresent(v -> {
        try {
          Period p = Period.parse(v);
          if (p.isZero() || p.isNegative()) {
            throw new DateTimeParseException("not positive", v, 0);
          }
          b.validFor(p);
        } catch (DateTimeParseException e) {
          report.error(ProblemCode.INVALID_VALUE, Json.ptr(ptr, "pwe:validFor"),
              "validFor must be a positive ISO-8601 period such as P3Y, was '" + v + "'");
        }
      });
      Json.text(n.get("pwe:issuer")).ifPresent(b::issuer);
      Json.strings(n.get("pwe:trustedIssuers")).forEach(b::trustedIssuers);
      extensions(n.get("pwe:extensions"), Json.ptr(ptr, "pwe:extensions")).forEach(b::extension);

      String childKey = n.has("ceasn:hasChild") ? "ceasn:hasChild" : "ceterms:hasChild";
      Optional<Requirement> fromConditions = conditions(n.get("ceterms:hasCondition"),
          Json.ptr(ptr, "ceterms:hasCondition"));
      if (fromConditions.isEmpty() && n.has(childKey)) {
        List<String> children = refIds(n.get(childKey), Json.ptr(ptr, childKey));
        if (!children.isEmpty()) {
          fromConditions = Optional.of(children.size() == 1 ? Requirement.badge(children.get(0))
              : Requirement.allOf(children.stream().<Requirement>map(Requirement::badge).toList()));
        }
      } else if (n.has(childKey)) {
        // the conditions govern; the children are only checked to resolve
        refIds(n.get(childKey), Json.ptr(ptr, childKey));
      }
      Optional<Requirement> requires = conditions(n.get("pwe:requires"), Json.ptr(ptr, "pwe:requires"));
      if (kind(n) == Kind.CREDENTIAL) {
        if (requires.isEmpty()) {
          requires = fromConditions;
        } else if (fromConditions.isPresent()) {
          report.warn(ProblemCode.SCHEMA_ERROR, Json.ptr(ptr, "ceterms:hasCondition"),
              "a credential with both pwe:requires and ceterms:hasCondition: the conditions are not "
                  + "mapped");
        }
      } else {
        fromConditions.ifPresent(b::stack);
      }
      requires.ifPresent(b::requires);
      conditions(n.get("pwe:coRequires"), Json.ptr(ptr, "pwe:coRequires")).ifPresent(b::coRequires);
      for (String r : refIds(n.get("ceterms:precededBy"), Json.ptr(ptr, "ceterms:precededBy"))) {
        if (!b.build().recommends().contains(r)) {
          b.recommends(r);
        }
      }
      noteUnmapped(n, ptr, COMPONENT_FIELDS);
      return b;
    }

    private void credits(JsonNode v, String ptr, Badge.Builder b) {
      if (v == null || v.isNull()) {
        return;
      }
      JsonNode one = v;
      if (v.isArray()) {
        if (v.isEmpty()) {
          return;
        }
        if (v.size() > 1) {
          report.warn(ProblemCode.SCHEMA_ERROR, ptr, "several credit values; only the first is read");
        }
        one = v.get(0);
      }
      JsonNode number = one;
      if (one.isObject()) {
        for (String k : List.of("schema:value", "ceterms:value", "value", "@value")) {
          if (one.has(k)) {
            number = one.get(k);
            break;
          }
        }
      }
      double d = Double.NaN;
      if (number.isNumber()) {
        d = Json.number(number);
      } else if (number.isString()) {
        try {
          d = Double.parseDouble(number.stringValue().strip());
        } catch (NumberFormatException e) {
          d = Double.NaN;
        }
      }
      if (Double.isFinite(d) && d >= 0) {
        b.credits(d);
      } else {
        report.error(ProblemCode.INVALID_VALUE, ptr, "a credit value must be a number >= 0 (or an "
            + "object with schema:value), was " + v);
      }
    }

    private Map<String, Object> extensions(JsonNode n, String ptr) {
      Map<String, Object> out = new LinkedHashMap<>();
      if (n == null) {
        return out;
      }
      if (!n.isObject()) {
        report.error(ProblemCode.SCHEMA_ERROR, ptr, "pwe:extensions must be an object");
        return out;
      }
      for (Map.Entry<String, JsonNode> e : n.properties()) {
        if (e.getKey().startsWith("x-")) {
          out.put(e.getKey(), Json.plain(e.getValue()));
        } else {
          report.error(ProblemCode.SCHEMA_ERROR, Json.ptr(ptr, e.getKey()),
              "extension names start with 'x-', was '" + e.getKey() + "'");
        }
      }
      return out;
    }

    /** The badge ids that a reference value names; an unknown one is reported and left out. */
    private List<String> refIds(JsonNode v, String ptr) {
      List<String> out = new ArrayList<>();
      if (v == null || v.isNull()) {
        return out;
      }
      List<JsonNode> items = v.isArray() ? new ArrayList<>(v.values()) : List.of(v);
      for (int i = 0; i < items.size(); i++) {
        String p = v.isArray() ? Json.ptr(ptr, i) : ptr;
        Optional<String> ref = Json.ref(items.get(i));
        if (ref.isEmpty()) {
          report.error(ProblemCode.SCHEMA_ERROR, p, "a reference must be a node id string or an object "
              + "with @id, was " + items.get(i));
          continue;
        }
        String id = idByNode.get(ref.get());
        if (id == null) {
          report.error(ProblemCode.UNKNOWN_BADGE, p, "'" + ref.get() + "' names no component of this "
              + "graph (references are never fetched); left out");
          continue;
        }
        out.add(id);
      }
      return out;
    }

    /** The requirement of a list of conditions (all must hold), if they map to any. */
    private Optional<Requirement> conditions(JsonNode v, String ptr) {
      if (v == null || v.isNull()) {
        return Optional.empty();
      }
      List<JsonNode> items = v.isArray() ? new ArrayList<>(v.values()) : List.of(v);
      List<Requirement> parts = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        condition(items.get(i), v.isArray() ? Json.ptr(ptr, i) : ptr).ifPresent(parts::add);
      }
      if (parts.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(parts.size() == 1 ? parts.get(0) : Requirement.allOf(parts));
    }

    /**
     * One ComponentCondition. Recursion follows hasCondition, whose depth the parser's nesting limit
     * bounds.
     */
    private Optional<Requirement> condition(JsonNode c, String ptr) {
      if (!c.isObject()) {
        report.error(ProblemCode.SCHEMA_ERROR, ptr, "a condition must be an object");
        return Optional.empty();
      }
      for (Map.Entry<String, JsonNode> e : c.properties()) {
        if (!CONDITION_FIELDS.contains(e.getKey())) {
          report.warn(ProblemCode.SCHEMA_ERROR, Json.ptr(ptr, e.getKey()), "condition field '"
              + e.getKey() + "' is not mapped");
        }
      }
      List<String> targets = refIds(c.get("ceterms:targetComponent"),
          Json.ptr(ptr, "ceterms:targetComponent"));
      List<Requirement> nested = new ArrayList<>();
      JsonNode hc = c.get("ceterms:hasCondition");
      if (hc != null && !hc.isNull()) {
        List<JsonNode> items = hc.isArray() ? new ArrayList<>(hc.values()) : List.of(hc);
        for (int i = 0; i < items.size(); i++) {
          String p = hc.isArray() ? Json.ptr(Json.ptr(ptr, "ceterms:hasCondition"), i)
              : Json.ptr(ptr, "ceterms:hasCondition");
          condition(items.get(i), p).ifPresent(nested::add);
        }
      }
      Optional<String> tag = Json.text(c.get("pwe:tag"));
      boolean distinct = c.path("pwe:distinct").asBoolean(false);
      OptionalInt required = requiredNumber(c.get("ceterms:requiredNumber"),
          Json.ptr(ptr, "ceterms:requiredNumber"));
      String op = operator(c.get("ceterms:logicalOperator"), Json.ptr(ptr, "ceterms:logicalOperator"));
      if (required.isPresent() && op != null) {
        report.warn(ProblemCode.SCHEMA_ERROR, Json.ptr(ptr, "ceterms:logicalOperator"),
            "both requiredNumber and logicalOperator: requiredNumber decides, the operator is not used");
        op = null;
      }
      List<Double> credits = constraints(c.get("ceterms:hasConstraint"),
          Json.ptr(ptr, "ceterms:hasConstraint"));

      List<Requirement> parts = new ArrayList<>();
      if (tag.isPresent()) {
        credits.forEach(a -> parts.add(Requirement.creditsTagged(a, tag.get())));
        if (required.isPresent()) {
          parts.add(Requirement.atLeastTagged(required.getAsInt(), tag.get()));
        }
        if (!targets.isEmpty() || !nested.isEmpty()) {
          report.warn(ProblemCode.SCHEMA_ERROR, ptr, "a tag condition's targets and nested conditions "
              + "are not mapped");
        }
      } else {
        credits.forEach(a -> parts.add(Requirement.credits(a, targets)));
        List<Requirement> members = new ArrayList<>();
        targets.forEach(t -> members.add(Requirement.badge(t)));
        members.addAll(nested);
        if (required.isPresent()) {
          parts.add(new Requirement.AtLeast(required.getAsInt(), members, distinct));
        } else if ("or".equals(op)) {
          parts.add(Requirement.anyOf(members));
        } else if ("and".equals(op)) {
          parts.add(new Requirement.AllOf(members, distinct));
        } else {
          List<Requirement> rest = credits.isEmpty() ? members : nested;
          if (rest.size() == 1) {
            parts.add(rest.get(0));
          } else if (rest.size() > 1) {
            parts.add(new Requirement.AllOf(rest, distinct));
          }
        }
      }
      if (parts.isEmpty()) {
        report.warn(ProblemCode.SCHEMA_ERROR, ptr, "this condition maps to no requirement (nothing it "
            + "names could be read); it is left out");
        return Optional.empty();
      }
      return Optional.of(parts.size() == 1 ? parts.get(0) : Requirement.allOf(parts));
    }

    private OptionalInt requiredNumber(JsonNode v, String ptr) {
      if (v == null || v.isNull()) {
        return OptionalInt.empty();
      }
      long n = -1;
      if (v.isIntegralNumber() && v.canConvertToInt()) {
        n = v.intValue();
      } else if (v.isString() && v.stringValue().strip().matches("\\d{1,9}")) {
        n = Long.parseLong(v.stringValue().strip());
      }
      if (n < 0) {
        report.error(ProblemCode.INVALID_VALUE, ptr, "requiredNumber must be a whole number >= 1, was "
            + v + "; the condition counts as requiring all its targets");
        return OptionalInt.empty();
      }
      if (n == 0) {
        report.warn(ProblemCode.INVALID_VALUE, ptr, "requiredNumber 0 requires nothing; read as "
            + "\"no count\" (all targets, or the logicalOperator, decide)");
        return OptionalInt.empty();
      }
      return OptionalInt.of((int) n);
    }

    private String operator(JsonNode v, String ptr) {
      if (v == null || v.isNull()) {
        return null;
      }
      String s = Json.ref(v).orElse("");
      String local = s.substring(s.lastIndexOf(':') + 1).toLowerCase(java.util.Locale.ROOT);
      if (local.equals("and") || local.equals("or")) {
        return local;
      }
      report.warn(ProblemCode.INVALID_VALUE, ptr, "logicalOperator '" + s + "' is not logic:And or "
          + "logic:Or; not mapped");
      return null;
    }

    /** The credit amounts of the constraints that sum creditValue; the others are reported. */
    private List<Double> constraints(JsonNode v, String ptr) {
      List<Double> out = new ArrayList<>();
      if (v == null || v.isNull()) {
        return out;
      }
      List<JsonNode> items = v.isArray() ? new ArrayList<>(v.values()) : List.of(v);
      for (int i = 0; i < items.size(); i++) {
        String p = v.isArray() ? Json.ptr(ptr, i) : ptr;
        JsonNode k = items.get(i);
        List<String> left = Json.strings(k.get("ceterms:leftSource"));
        String cmp = Json.ref(k.get("ceterms:comparator")).orElse("");
        String cmpLocal = cmp.substring(cmp.lastIndexOf(':') + 1).toUpperCase(java.util.Locale.ROOT);
        List<String> right = new ArrayList<>(Json.strings(k.get("ceterms:rightSource")));
        JsonNode rs = k.get("ceterms:rightSource");
        if (rs != null && rs.isNumber()) {
          right.add(rs.asString());
        } else if (rs != null && rs.isArray()) {
          for (JsonNode e : rs.values()) {
            if (e.isNumber()) {
              right.add(e.asString());
            }
          }
        }
        boolean isCredits = left.size() == 1 && (left.get(0).equals("ceterms:creditValue")
            || left.get(0).endsWith("/creditValue"));
        Double amount = null;
        if (right.size() == 1) {
          try {
            amount = Double.parseDouble(right.get(0).strip());
          } catch (NumberFormatException e) {
            amount = null;
          }
        }
        if (!isCredits || amount == null || !Double.isFinite(amount) || amount < 0
            || !(cmpLocal.equals("GTE") || cmpLocal.equals("EQ") || cmpLocal.equals("GT"))) {
          report.warn(ProblemCode.SCHEMA_ERROR, p, "only constraints that compare the sum of "
              + "ceterms:creditValue with one number (compare:GTE, EQ or GT) map to a credits rule; "
              + "this one (" + left + " " + cmp + " " + right + ") is not mapped");
          continue;
        }
        if (!cmpLocal.equals("GTE")) {
          report.warn(ProblemCode.INVALID_VALUE, Json.ptr(p, "ceterms:comparator"), cmp + " on "
              + "credits is read as \"at least " + RequirementText.amount(amount) + "\" (credits "
              + "rules are monotone: more credits never fail)");
        }
        out.add(amount);
      }
      return out;
    }

    private void noteUnmapped(JsonNode n, String ptr, Set<String> known) {
      for (String k : n.propertyNames()) {
        if (!known.contains(k) && !QUIET.contains(k)) {
          unmapped.computeIfAbsent(k, x -> new ArrayList<>()).add(Json.ptr(ptr, k));
        }
      }
    }

    private void reportUnmapped() {
      unmapped.forEach((k, where) -> report.warn(ProblemCode.SCHEMA_ERROR, where.get(0),
          "property '" + k + "' is not mapped (" + where.size() + (where.size() == 1 ? " node" : " nodes")
              + ")"));
    }
  }

  // ---------------------------------------------------------------- writing

  /** The pathway as CTDL JSON-LD (a JSON tree). */
  static ObjectNode write(Pathway pathway) {
    for (Badge b : pathway.badges()) {
      for (Optional<Requirement> r : List.of(b.requires(), b.coRequires(), b.stack())) {
        r.ifPresent(x -> {
          if (x.depth() > 64) {
            throw new IllegalArgumentException("badge " + b.id() + " has a requirement nested "
                + x.depth() + " deep, past the limit of 64; validate the pathway before writing it");
          }
        });
      }
    }
    JsonNodeFactory nf = JsonNodeFactory.instance;
    JsonMapper mapper = JsonMapper.shared();
    ObjectNode doc = nf.objectNode();
    ArrayNode ctx = doc.putArray("@context");
    ctx.add("https://credreg.net/ctdl/schema/context/json");
    ctx.addObject().put("pwe", PWE_NAMESPACE);
    ArrayNode graph = doc.putArray("@graph");

    Map<String, String> nodeIds = new HashMap<>();
    Set<String> used = new HashSet<>();
    Map<String, String> usedAlias = new HashMap<>();
    for (Badge b : pathway.badges()) {
      if (nodeIds.containsKey(b.id())) {
        continue;
      }
      String nodeId = "_:" + b.id();
      if (!b.aliases().isEmpty() && Ids.isUri(b.aliases().get(0))
          && !used.contains(b.aliases().get(0))) {
        nodeId = b.aliases().get(0);
        usedAlias.put(b.id(), nodeId);
      }
      used.add(nodeId);
      nodeIds.put(b.id(), nodeId);
    }
    Set<String> referenced = new HashSet<>();
    for (Badge b : pathway.badges()) {
      b.stack().ifPresent(r -> referenced.addAll(r.referencedBadges()));
      b.requires().ifPresent(r -> referenced.addAll(r.referencedBadges()));
      b.coRequires().ifPresent(r -> referenced.addAll(r.referencedBadges()));
      referenced.addAll(b.recommends());
    }

    ObjectNode p = graph.addObject();
    p.put("@id", "_:pathway~");
    p.put("@type", "ceterms:Pathway");
    p.put("ceterms:codedNotation", pathway.id());
    pathway.title().ifPresent(t -> p.putObject("ceterms:name").put("en", t));
    p.put("pwe:version", pathway.version());
    ArrayNode dest = nf.arrayNode();
    pathway.badges().stream().filter(b -> !referenced.contains(b.id()))
        .forEach(b -> dest.add(nodeIds.get(b.id())));
    if (!dest.isEmpty()) {
      p.set("ceterms:hasDestinationComponent", dest);
    }
    if (!pathway.trustedIssuers().isEmpty()) {
      ArrayNode t = p.putArray("pwe:trustedIssuers");
      pathway.trustedIssuers().forEach(t::add);
    }
    if (!pathway.equivalences().isEmpty()) {
      ArrayNode eq = p.putArray("pwe:equivalences");
      for (List<String> cls : pathway.equivalences()) {
        ArrayNode a = eq.addArray();
        cls.forEach(a::add);
      }
    }
    if (!pathway.extensions().isEmpty()) {
      p.set("pwe:extensions", mapper.valueToTree(pathway.extensions()));
    }

    Set<String> written = new HashSet<>();
    for (Badge b : pathway.badges()) {
      if (!written.add(b.id())) {
        continue;
      }
      ObjectNode c = graph.addObject();
      String nodeId = nodeIds.get(b.id());
      c.put("@id", nodeId);
      c.put("@type", "ceterms:CredentialComponent");
      c.put("ceterms:codedNotation", b.id());
      c.putObject("ceterms:name").put("en", b.title());
      b.description().ifPresent(d -> c.putObject("ceterms:description").put("en", d));
      List<String> source = new ArrayList<>(b.aliases());
      if (usedAlias.containsKey(b.id())) {
        source.remove(0);
      }
      if (!source.isEmpty()) {
        ArrayNode s = c.putArray("ceterms:sourceData");
        source.forEach(s::add);
      }
      b.credits().ifPresent(v -> {
        ObjectNode q = c.putArray("ceterms:creditValue").addObject();
        q.put("@type", "schema:QuantitativeValue");
        q.put("schema:value", v);
      });
      if (!b.tags().isEmpty()) {
        ArrayNode t = c.putArray("ceterms:componentCategory");
        b.tags().forEach(t::add);
      }
      b.hours().ifPresent(h -> c.put("pwe:hours", h));
      if (!b.skills().isEmpty()) {
        ArrayNode s = c.putArray("pwe:skills");
        b.skills().forEach(s::add);
      }
      b.validFor().ifPresent(v -> c.put("pwe:validFor", v.toString()));
      b.issuer().ifPresent(i -> c.put("pwe:issuer", i));
      if (!b.trustedIssuers().isEmpty()) {
        ArrayNode t = c.putArray("pwe:trustedIssuers");
        b.trustedIssuers().forEach(t::add);
      }
      if (!b.extensions().isEmpty()) {
        c.set("pwe:extensions", mapper.valueToTree(b.extensions()));
      }
      b.stack().ifPresent(s -> {
        c.putArray("ceterms:hasCondition").add(condition(s, nodeIds));
        if (!s.referencedBadges().isEmpty()) {
          ArrayNode ch = c.putArray("ceasn:hasChild");
          s.referencedBadges().forEach(r -> ch.add(ref(r, nodeIds)));
        }
      });
      b.requires().ifPresent(r -> c.putArray("pwe:requires").add(condition(r, nodeIds)));
      b.coRequires().ifPresent(r -> c.putArray("pwe:coRequires").add(condition(r, nodeIds)));
      if (!b.recommends().isEmpty()) {
        ArrayNode pre = c.putArray("ceterms:precededBy");
        b.recommends().forEach(r -> pre.add(ref(r, nodeIds)));
      }
    }
    return doc;
  }

  private static String ref(String badgeId, Map<String, String> nodeIds) {
    return nodeIds.getOrDefault(badgeId, "_:" + badgeId);
  }

  /** One requirement as a ComponentCondition; depth is bounded by the check in {@link #write}. */
  private static ObjectNode condition(Requirement r, Map<String, String> nodeIds) {
    ObjectNode c = JsonNodeFactory.instance.objectNode();
    c.put("@type", "ceterms:ComponentCondition");
    if (r instanceof Requirement.BadgeRef b) {
      c.putArray("ceterms:targetComponent").add(ref(b.id(), nodeIds));
    } else if (r instanceof Requirement.AllOf a) {
      c.put("ceterms:logicalOperator", "logic:And");
      members(c, a.children(), nodeIds);
      if (a.distinct()) {
        c.put("pwe:distinct", true);
      }
    } else if (r instanceof Requirement.AnyOf a) {
      c.put("ceterms:logicalOperator", "logic:Or");
      members(c, a.children(), nodeIds);
    } else if (r instanceof Requirement.AtLeast a) {
      c.put("ceterms:requiredNumber", a.n());
      members(c, a.children(), nodeIds);
      if (a.distinct()) {
        c.put("pwe:distinct", true);
      }
    } else if (r instanceof Requirement.AtLeastTagged a) {
      c.put("ceterms:requiredNumber", a.n());
      c.put("pwe:tag", a.tag());
    } else if (r instanceof Requirement.Credits k) {
      if (!k.from().isEmpty()) {
        ArrayNode t = c.putArray("ceterms:targetComponent");
        k.from().forEach(f -> t.add(ref(f, nodeIds)));
      }
      c.putArray("ceterms:hasConstraint").add(creditConstraint(k.amount()));
    } else if (r instanceof Requirement.CreditsTagged k) {
      c.putArray("ceterms:hasConstraint").add(creditConstraint(k.amount()));
      c.put("pwe:tag", k.tag());
    } else {
      throw new AssertionError("unknown requirement " + r);
    }
    return c;
  }

  /**
   * Badge references go to targetComponent while they lead; a reference after a nested condition is
   * written as a one-target condition so that the order of the children survives the round trip.
   */
  private static void members(ObjectNode c, List<Requirement> children, Map<String, String> nodeIds) {
    ArrayNode targets = JsonNodeFactory.instance.arrayNode();
    ArrayNode nested = JsonNodeFactory.instance.arrayNode();
    for (Requirement ch : children) {
      if (ch instanceof Requirement.BadgeRef b && nested.isEmpty()) {
        targets.add(ref(b.id(), nodeIds));
      } else {
        nested.add(condition(ch, nodeIds));
      }
    }
    if (!targets.isEmpty()) {
      c.set("ceterms:targetComponent", targets);
    }
    if (!nested.isEmpty()) {
      c.set("ceterms:hasCondition", nested);
    }
  }

  private static ObjectNode creditConstraint(double amount) {
    ObjectNode k = JsonNodeFactory.instance.objectNode();
    k.put("@type", "ceterms:Constraint");
    k.putArray("ceterms:leftSource").add("ceterms:creditValue");
    k.put("ceterms:leftAction", "array:Sum");
    k.put("ceterms:comparator", "compare:GTE");
    k.putArray("ceterms:rightSource").add(Double.toString(amount));
    return k;
  }
}
