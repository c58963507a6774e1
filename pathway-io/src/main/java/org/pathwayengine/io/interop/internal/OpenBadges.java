package org.pathwayengine.io.interop.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.io.ReadResult;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Open Badges 2.0 BadgeClass and 3.0 Achievement definitions: read as badges of a pathway without
 * rules, and written as an array of Open Badges 3.0 Achievements.
 */
public final class OpenBadges {
  static final Set<String> ACHIEVEMENT_TYPES = Set.of("Achievement", "ApprenticeshipCertificate",
      "Assessment", "Assignment", "AssociateDegree", "Award", "Badge", "BachelorDegree", "Certificate",
      "CertificateOfCompletion", "Certification", "CommunityService", "Competency", "Course",
      "CoCurricular", "Degree", "Diploma", "DoctoralDegree", "Fieldwork",
      "GeneralEducationDevelopment", "JourneymanCertificate", "LearningProgram", "License",
      "Membership", "ProfessionalDoctorate", "QualityAssuranceCredential", "MasterCertificate",
      "MasterDegree", "MicroCredential", "ResearchDoctorate", "SecondarySchoolDiploma");

  /** Fields that describe a badge for people or machines but have no place in a pathway. */
  private static final Set<String> DESCRIPTIVE = Set.of("@context", "@type", "type", "@id", "id",
      "name", "description", "humanCode", "creditsAvailable", "alignment", "achievementType", "tag",
      "tags", "issuer", "creator", "image", "criteria", "endorsement", "endorsementJwt", "related",
      "resultDescription", "fieldOfStudy", "specialization", "otherIdentifier", "inLanguage",
      "version", "verification", "@language");

  private OpenBadges() {}

  /** Whether the node is a BadgeClass or an Achievement. */
  static boolean isDefinition(JsonNode n) {
    if (n == null || !n.isObject()) {
      return false;
    }
    List<String> t = Json.types(n);
    return t.contains("BadgeClass") || t.contains("Achievement");
  }

  /** Reads one definition or an array of them as a pathway named after the file. */
  static ReadResult<Pathway> read(JsonDoc doc) {
    Report report = new Report(doc);
    JsonNode root = doc.root();
    List<JsonNode> defs = new ArrayList<>();
    List<String> pointers = new ArrayList<>();
    if (root.isArray()) {
      for (int i = 0; i < root.size(); i++) {
        if (isDefinition(root.get(i))) {
          defs.add(root.get(i));
          pointers.add(Json.ptr("", i));
        } else {
          report.warn(ProblemCode.SCHEMA_ERROR, Json.ptr("", i),
              "not an Open Badges BadgeClass or Achievement (no type BadgeClass/Achievement); skipped");
        }
      }
    } else if (isDefinition(root)) {
      defs.add(root);
      pointers.add("");
    }
    if (defs.isEmpty()) {
      report.error(ProblemCode.SCHEMA_ERROR, "",
          "no Open Badges BadgeClass or Achievement found: expected an object or an array of objects "
              + "whose type is BadgeClass (2.0) or Achievement (3.0)");
      return new ReadResult<>(Optional.empty(), report.problems());
    }
    Ids ids = new Ids();
    Pathway.Builder pb = Pathway.builder(pathwayId(doc.file()), Defaults.VERSION);
    for (int i = 0; i < defs.size(); i++) {
      pb.badge(badge(defs.get(i), pointers.get(i), ids, report, i + 1));
    }
    return new ReadResult<>(Optional.of(pb.build()), report.problems());
  }

  /** The slug of a file name without its folders and extensions; {@code imported} if none is left. */
  static String pathwayId(String file) {
    String name = file.substring(Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\')) + 1);
    int dot = name.indexOf('.');
    String base = dot > 0 ? name.substring(0, dot) : name;
    String slug = Ids.slug(base);
    return slug.isEmpty() ? "imported" : slug;
  }

  private static Badge badge(JsonNode n, String ptr, Ids ids, Report report, int ordinal) {
    Optional<String> uri = Json.ref(n.get("id")).or(() -> Json.ref(n.get("@id")));
    Optional<String> name = Json.text(n.get("name"));
    String humanCode = n.has("humanCode") && n.get("humanCode").isString()
        ? n.get("humanCode").stringValue() : null;
    String id = ids.allocate("badge-" + ordinal, humanCode, name.map(Ids::slug).orElse(null),
        uri.map(Ids::lastSegment).orElse(null));
    report.inBadge(id);
    if (name.isEmpty()) {
      report.error(ProblemCode.SCHEMA_ERROR, Json.ptr(ptr, "name"),
          "a badge definition needs a name; the id '" + id + "' is used as its title");
    }
    Badge.Builder b = Badge.builder(id, name.orElse(id));
    Json.text(n.get("description")).ifPresent(b::description);
    uri.ifPresent(b::aliases);
    JsonNode credits = n.get("creditsAvailable");
    if (credits != null && !credits.isNull()) {
      double c = Json.number(credits);
      if (Double.isFinite(c) && c >= 0) {
        b.credits(c);
      } else {
        report.error(ProblemCode.INVALID_VALUE, Json.ptr(ptr, "creditsAvailable"),
            "creditsAvailable must be a number >= 0, was " + credits);
      }
    }
    Json.strings(n.get("achievementType")).forEach(b::tags);
    Json.strings(n.get("tag")).forEach(b::tags);
    Json.strings(n.get("tags")).forEach(b::tags);
    JsonNode alignment = n.get("alignment");
    if (alignment != null) {
      List<JsonNode> list = alignment.isArray() ? new ArrayList<>(alignment.values()) : List.of(alignment);
      for (int i = 0; i < list.size(); i++) {
        JsonNode a = list.get(i);
        Optional<String> skill = Json.ref(a.get("targetUrl"))
            .or(() -> Json.text(a.get("targetCode")))
            .or(() -> Json.text(a.get("targetName")));
        if (skill.isPresent()) {
          b.skills(skill.get());
        } else {
          report.warn(ProblemCode.SCHEMA_ERROR, alignment.isArray() ? Json.ptr(Json.ptr(ptr, "alignment"), i)
              : Json.ptr(ptr, "alignment"), "an alignment without targetUrl, targetCode or targetName; skipped");
        }
      }
    }
    Json.ref(n.get("issuer")).or(() -> Json.ref(n.get("creator"))).ifPresent(b::issuer);
    for (Map.Entry<String, JsonNode> e : n.properties()) {
      if (!DESCRIPTIVE.contains(e.getKey())) {
        report.warn(ProblemCode.SCHEMA_ERROR, Json.ptr(ptr, e.getKey()),
            "field '" + e.getKey() + "' has no place in a pathway and was not mapped");
      }
    }
    report.noBadge();
    return b.build();
  }

  /** The pathway's badges as an array of Open Badges 3.0 Achievements (a JSON tree). */
  static ArrayNode write(Pathway pathway) {
    JsonNodeFactory nf = JsonNodeFactory.instance;
    ArrayNode out = nf.arrayNode();
    for (Badge badge : pathway.badges()) {
      ObjectNode a = out.addObject();
      ArrayNode ctx = a.putArray("@context");
      ctx.add("https://www.w3.org/ns/credentials/v2");
      ctx.add("https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json");
      a.put("id", badge.aliases().stream().filter(Ids::isUri).findFirst()
          .orElse("urn:pathwayengine:" + pathway.id() + ":" + badge.id()));
      a.putArray("type").add("Achievement");
      a.put("name", badge.title());
      a.put("description", badge.description().orElse(badge.title()));
      a.put("humanCode", badge.id());
      ObjectNode criteria = a.putObject("criteria");
      criteria.put("narrative", RequirementText.criteria(badge));
      badge.credits().ifPresent(c -> a.put("creditsAvailable", c));
      List<String> tags = new ArrayList<>(badge.tags());
      if (!tags.isEmpty() && (ACHIEVEMENT_TYPES.contains(tags.get(0)) || tags.get(0).startsWith("ext:"))) {
        a.put("achievementType", tags.remove(0));
      }
      if (!tags.isEmpty()) {
        ArrayNode t = a.putArray("tag");
        tags.forEach(t::add);
      }
      if (!badge.skills().isEmpty()) {
        ArrayNode al = a.putArray("alignment");
        for (String s : badge.skills()) {
          ObjectNode o = al.addObject();
          o.putArray("type").add("Alignment");
          o.put("targetName", s);
          if (Ids.isUri(s)) {
            o.put("targetUrl", s);
          } else {
            o.put("targetCode", s);
          }
        }
      }
      badge.issuer().ifPresent(i -> {
        ObjectNode c = a.putObject("creator");
        c.put("id", i);
        c.putArray("type").add("Profile");
      });
    }
    return out;
  }
}
