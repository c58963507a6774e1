package org.pathwayengine.io.interop.internal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.io.ReadResult;
import tools.jackson.databind.JsonNode;

/**
 * Badgr pathway exports: a tree of elements, each a stacked badge whose rule combines its child
 * elements, other (non-child) elements and badges. The decisions are in docs/INTEROP.md.
 */
public final class Badgr {
  private static final Set<String> ELEMENT_FIELDS = Set.of("elementId", "name", "description",
      "completionBadge", "requirements", "requiredForParentCompletion", "children", "shortCode",
      "alignmentUrl", "frameworkName", "targetCode");
  private static final Set<String> REQUIREMENT_FIELDS = Set.of("childElementRequirements",
      "nonChildElementRequirements", "badgeRequirements", "shortcutBadges",
      "allowCompletionBadgeShortcut");

  private Badgr() {}

  /** Whether the document is a Badgr pathway export: an element with elementId and requirements. */
  static boolean looks(JsonNode root) {
    return root.isObject() && root.has("elementId") && root.has("requirements");
  }

  /** One element of the tree, with where it is. */
  private record Element(JsonNode node, String ptr, String badgeId) {}

  /** Reads a Badgr pathway export. */
  static ReadResult<Pathway> read(JsonDoc doc) {
    Report report = new Report(doc);
    JsonNode root = doc.root();
    if (!looks(root)) {
      report.error(ProblemCode.SCHEMA_ERROR, "", "not a Badgr pathway export: expected an object with "
          + "elementId, name, requirements and children");
      return new ReadResult<>(Optional.empty(), report.problems());
    }
    Ids ids = new Ids();
    // pass 1: every element in pre-order, with an id, iteratively
    List<Element> elements = new ArrayList<>();
    Map<String, String> byElementId = new HashMap<>();
    Map<String, String> byCompletionUrl = new HashMap<>();
    Deque<JsonNode> nodes = new ArrayDeque<>();
    Deque<String> ptrs = new ArrayDeque<>();
    nodes.push(root);
    ptrs.push("");
    while (!nodes.isEmpty()) {
      JsonNode n = nodes.pop();
      String ptr = ptrs.pop();
      if (!n.isObject()) {
        report.error(ProblemCode.SCHEMA_ERROR, ptr, "an element must be an object; skipped");
        continue;
      }
      Optional<String> elementId = Json.text(n.get("elementId"));
      Optional<String> name = Json.text(n.get("name"));
      String id = ids.allocate("element-" + (elements.size() + 1), name.map(Ids::slug).orElse(null),
          elementId.map(Ids::lastSegment).orElse(null));
      elements.add(new Element(n, ptr, id));
      elementId.ifPresent(e -> {
        if (byElementId.putIfAbsent(e, id) != null) {
          report.error(ProblemCode.DUPLICATE_ID, Json.ptr(ptr, "elementId"), "elementId " + e
              + " is used twice; references go to the first");
        }
      });
      completionUrl(n).ifPresent(u -> byCompletionUrl.putIfAbsent(u, id));
      JsonNode children = n.get("children");
      if (children != null && children.isArray()) {
        for (int i = children.size() - 1; i >= 0; i--) {
          nodes.push(children.get(i));
          ptrs.push(Json.ptr(Json.ptr(ptr, "children"), i));
        }
      } else if (children != null && !children.isNull()) {
        report.error(ProblemCode.SCHEMA_ERROR, Json.ptr(ptr, "children"), "children must be an array");
      }
    }
    // pass 2: the rules; leaf badges are made as they are first met
    Map<String, Badge> leaves = new LinkedHashMap<>();
    List<Badge> elementBadges = new ArrayList<>();
    Context cx = new Context(report, ids, byElementId, byCompletionUrl, leaves);
    for (Element e : elements) {
      report.inBadge(e.badgeId());
      elementBadges.add(element(e, cx));
    }
    report.noBadge();
    String pathwayName = Json.text(root.get("name")).orElse("Badgr pathway");
    String pathwayId = Optional.of(Ids.slug(pathwayName)).filter(Ids::isId)
        .orElse(OpenBadges.pathwayId(doc.file()));
    Pathway.Builder pb = Pathway.builder(pathwayId, Defaults.VERSION).title(pathwayName);
    elementBadges.forEach(pb::badge);
    leaves.values().forEach(pb::badge);
    return new ReadResult<>(Optional.of(pb.build()), report.problems());
  }

  private record Context(Report report, Ids ids, Map<String, String> byElementId,
      Map<String, String> byCompletionUrl, Map<String, Badge> leaves) {}

  private static Optional<String> completionUrl(JsonNode element) {
    JsonNode cb = element.get("completionBadge");
    if (cb == null || cb.isNull()) {
      return Optional.empty();
    }
    return cb.isObject() ? Json.text(cb.get("badgeUrl")).or(() -> Json.ref(cb)) : Json.text(cb);
  }

  private static Badge element(Element e, Context cx) {
    JsonNode n = e.node();
    String ptr = e.ptr();
    Report report = cx.report();
    String title = Json.text(n.get("name")).orElse(e.badgeId());
    if (Json.text(n.get("name")).isEmpty()) {
      report.warn(ProblemCode.SCHEMA_ERROR, Json.ptr(ptr, "name"), "an element without a name; its id '"
          + e.badgeId() + "' is its title");
    }
    Badge.Builder b = Badge.builder(e.badgeId(), title);
    Json.text(n.get("description")).ifPresent(b::description);
    Optional<String> completion = completionUrl(n);
    completion.ifPresent(b::aliases);
    Json.text(n.get("elementId")).ifPresent(id -> b.extension("x-badgr-elementId", id));
    for (String k : List.of("shortCode", "alignmentUrl", "frameworkName", "targetCode")) {
      JsonNode v = n.get(k);
      if (v != null && !v.isNull()) {
        report.warn(ProblemCode.SCHEMA_ERROR, Json.ptr(ptr, k), "'" + k + "' is not mapped");
      }
    }
    for (String k : n.propertyNames()) {
      if (!ELEMENT_FIELDS.contains(k)) {
        report.warn(ProblemCode.SCHEMA_ERROR, Json.ptr(ptr, k), "element field '" + k + "' is not mapped");
      }
    }
    JsonNode req = n.get("requirements");
    String rp = Json.ptr(ptr, "requirements");
    List<Requirement> parts = new ArrayList<>();
    List<Requirement> shortcuts = new ArrayList<>();
    if (req == null || !req.isObject()) {
      report.error(ProblemCode.SCHEMA_ERROR, rp, "an element needs a requirements object");
    } else {
      for (String k : req.propertyNames()) {
        if (!REQUIREMENT_FIELDS.contains(k)) {
          report.warn(ProblemCode.SCHEMA_ERROR, Json.ptr(rp, k), "requirement field '" + k
              + "' is not mapped");
        }
      }
      // child elements
      List<Requirement> children = new ArrayList<>();
      JsonNode ch = n.get("children");
      if (ch != null && ch.isArray()) {
        for (int i = 0; i < ch.size(); i++) {
          JsonNode c = ch.get(i);
          if (c.isObject() && c.path("requiredForParentCompletion").asBoolean(true)) {
            String cid = Json.text(c.get("elementId")).map(cx.byElementId()::get).orElse(null);
            if (cid != null) {
              children.add(Requirement.badge(cid));
            }
          }
        }
      }
      group(req.get("childElementRequirements"), Json.ptr(rp, "childElementRequirements"), children,
          cx).ifPresent(parts::add);
      // non-child elements
      JsonNode nc = req.get("nonChildElementRequirements");
      String ncp = Json.ptr(rp, "nonChildElementRequirements");
      List<Requirement> others = new ArrayList<>();
      if (nc != null && nc.isObject()) {
        JsonNode list = nc.get("elementIds");
        if (list != null && list.isArray()) {
          for (int i = 0; i < list.size(); i++) {
            String target = Json.text(list.get(i)).orElse("");
            String id = cx.byElementId().get(target);
            if (id == null) {
              report.error(ProblemCode.UNKNOWN_BADGE, Json.ptr(Json.ptr(ncp, "elementIds"), i),
                  "element '" + target + "' is not in this export; left out");
            } else {
              others.add(Requirement.badge(id));
            }
          }
        }
      }
      group(nc, ncp, others, cx).ifPresent(parts::add);
      // badges
      JsonNode br = req.get("badgeRequirements");
      String brp = Json.ptr(rp, "badgeRequirements");
      List<Requirement> badges = new ArrayList<>();
      if (br != null && br.isObject()) {
        JsonNode list = br.get("requiredBadges");
        if (list != null && list.isArray()) {
          for (int i = 0; i < list.size(); i++) {
            badgeRef(list.get(i), Json.ptr(Json.ptr(brp, "requiredBadges"), i), cx)
                .ifPresent(badges::add);
          }
        }
      }
      group(br, brp, badges, cx).ifPresent(parts::add);
      JsonNode sc = req.get("shortcutBadges");
      if (sc != null && sc.isArray()) {
        for (int i = 0; i < sc.size(); i++) {
          badgeRef(sc.get(i), Json.ptr(Json.ptr(rp, "shortcutBadges"), i), cx).ifPresent(shortcuts::add);
        }
      }
      JsonNode allow = req.get("allowCompletionBadgeShortcut");
      if (completion.isPresent() && allow != null && allow.isBoolean() && !allow.booleanValue()) {
        report.warn(ProblemCode.SCHEMA_ERROR, Json.ptr(rp, "allowCompletionBadgeShortcut"),
            "allowCompletionBadgeShortcut is false, but a learner who holds the completion badge holds "
                + "this element (SPEC: a stacked credential listed in a record is held); not mapped");
      }
    }
    Optional<Requirement> rule = parts.isEmpty() ? Optional.empty()
        : Optional.of(parts.size() == 1 ? parts.get(0) : Requirement.allOf(parts));
    if (!shortcuts.isEmpty()) {
      List<Requirement> alternatives = new ArrayList<>();
      rule.ifPresent(alternatives::add);
      alternatives.addAll(shortcuts);
      rule = Optional.of(alternatives.size() == 1 ? alternatives.get(0)
          : Requirement.anyOf(alternatives));
    }
    if (rule.isPresent()) {
      b.stack(rule.get());
    } else if (req != null && req.isObject()) {
      report.warn(ProblemCode.SCHEMA_ERROR, rp, "the element requires nothing (every group is empty "
          + "or counts 0), so it is not a stacked credential: it is a badge awarded directly"
          + completion.map(u -> " (its completion badge " + u + ")").orElse(""));
    }
    return b.build();
  }

  /**
   * A group's count rule over its members: {@code all} is allOf (nothing when the list is empty),
   * {@code atLeastN} is atLeast(n) (nothing, with a warning, when n is 0).
   */
  private static Optional<Requirement> group(JsonNode g, String ptr, List<Requirement> members,
      Context cx) {
    if (g == null || g.isNull()) {
      return Optional.empty();
    }
    JsonNode rule = g.get("countRule");
    String rulePtr = Json.ptr(ptr, "countRule");
    String type = rule == null ? "" : Json.text(rule.get("@type")).orElse("");
    if (type.equals("all")) {
      if (members.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(members.size() == 1 ? members.get(0) : Requirement.allOf(members));
    }
    if (type.equals("atLeastN")) {
      JsonNode count = rule.get("requiredCount");
      if (count == null || !count.isIntegralNumber() || !count.canConvertToInt() || count.intValue() < 0) {
        cx.report().error(ProblemCode.INVALID_VALUE, Json.ptr(rulePtr, "requiredCount"),
            "atLeastN needs a requiredCount >= 0, was " + count + "; the group is left out");
        return Optional.empty();
      }
      int n = count.intValue();
      if (n == 0) {
        cx.report().warn(ProblemCode.INVALID_VALUE, Json.ptr(rulePtr, "requiredCount"),
            "atLeastN with requiredCount 0 over " + members.size() + " member(s) requires nothing; "
                + "the group is left out of the rule");
        return Optional.empty();
      }
      if (n > members.size()) {
        cx.report().warn(ProblemCode.INVALID_VALUE, Json.ptr(rulePtr, "requiredCount"),
            "atLeastN asks for " + n + " but the group has " + members.size() + " member(s); kept as "
                + "written, so the rule can never hold");
      }
      return Optional.of(Requirement.atLeast(n, members));
    }
    cx.report().error(ProblemCode.SCHEMA_ERROR, Json.ptr(rulePtr, "@type"), "countRule @type must be "
        + "'all' or 'atLeastN', was '" + type + "'; the group is left out");
    return Optional.empty();
  }

  /** A badge reference ({@code {"badgeUrl": ...}} or a URL string): an element or a leaf badge. */
  private static Optional<Requirement> badgeRef(JsonNode v, String ptr, Context cx) {
    Optional<String> url = v.isObject() ? Json.text(v.get("badgeUrl")).or(() -> Json.ref(v))
        : Json.text(v);
    if (url.isEmpty()) {
      cx.report().error(ProblemCode.SCHEMA_ERROR, ptr, "a badge must be {\"badgeUrl\": ...} or a URL, "
          + "was " + v + "; left out");
      return Optional.empty();
    }
    String element = cx.byCompletionUrl().get(url.get());
    if (element != null) {
      return Optional.of(Requirement.badge(element));
    }
    Badge leaf = cx.leaves().get(url.get());
    if (leaf == null) {
      String seg = Ids.lastSegment(url.get());
      String id = cx.ids().allocate("badge-" + (cx.leaves().size() + 1), seg.isEmpty() ? null : seg);
      leaf = Badge.builder(id, id).aliases(url.get()).build();
      cx.leaves().put(url.get(), leaf);
    }
    return Optional.of(Requirement.badge(leaf.id()));
  }
}
