package org.pathwayengine.io.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.pathwayengine.core.Badge;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.PathwayImport;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.core.Scenario;

/**
 * The model as a tree of plain values in canonical order (SPEC field order, badges in model order,
 * {@code x-} fields after the known ones, optional fields left out when empty), for
 * {@link TreeWriter}. Badges whose id carries the prefix of one of the pathway's imports came from
 * that import (a pathway read with its imports) and are left to their own file.
 */
public final class ModelWriter {
  private ModelWriter() {}

  /** The pathway's tree. */
  public static Map<String, Object> pathway(Pathway p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("pathway", p.id());
    m.put("version", p.version());
    p.title().ifPresent(t -> m.put("title", t));
    if (!p.imports().isEmpty()) {
      List<Object> imports = new ArrayList<>();
      for (PathwayImport i : p.imports()) {
        Map<String, Object> im = new TreeWriter.FlowMap();
        im.put("file", i.file());
        im.put("as", i.prefix());
        imports.add(im);
      }
      m.put("imports", imports);
    }
    putList(m, "trustedIssuers", p.trustedIssuers());
    List<Object> badges = new ArrayList<>();
    for (Badge b : p.badges()) {
      if (!isImported(p, b.id())) {
        badges.add(badge(b));
      }
    }
    m.put("badges", badges);
    if (!p.equivalences().isEmpty()) {
      List<Object> eq = new ArrayList<>();
      for (List<String> cls : p.equivalences()) {
        eq.add(new ArrayList<Object>(cls));
      }
      m.put("equivalences", eq);
    }
    if (!p.scenarios().isEmpty()) {
      List<Object> sc = new ArrayList<>();
      for (Scenario s : p.scenarios()) {
        sc.add(scenario(s));
      }
      m.put("scenarios", sc);
    }
    m.putAll(p.extensions());
    return m;
  }

  /** True when the id carries the prefix of one of the pathway's imports. */
  static boolean isImported(Pathway p, String id) {
    for (PathwayImport i : p.imports()) {
      if (id.startsWith(i.prefix() + ":")) {
        return true;
      }
    }
    return false;
  }

  private static Map<String, Object> badge(Badge b) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", b.id());
    m.put("title", b.title());
    b.description().ifPresent(v -> m.put("description", v));
    b.issuer().ifPresent(v -> m.put("issuer", v));
    b.credits().ifPresent(v -> m.put("credits", number(v)));
    b.hours().ifPresent(v -> m.put("hours", number(v)));
    putList(m, "tags", b.tags());
    putList(m, "skills", b.skills());
    putList(m, "aliases", b.aliases());
    b.validFor().ifPresent(v -> m.put("validFor", v.toString()));
    b.requires().ifPresent(r -> m.put("requires", requirement(r)));
    b.coRequires().ifPresent(r -> m.put("coRequires", requirement(r)));
    putList(m, "recommends", b.recommends());
    b.stack().ifPresent(r -> m.put("stack", requirement(r)));
    putList(m, "trustedIssuers", b.trustedIssuers());
    m.putAll(b.extensions());
    return m;
  }

  /** A requirement in its shortest form: a string, a list for a plain allOf, else a map. */
  static Object requirement(Requirement r) {
    if (r instanceof Requirement.BadgeRef) {
      return ((Requirement.BadgeRef) r).id();
    }
    if (r instanceof Requirement.AllOf) {
      Requirement.AllOf a = (Requirement.AllOf) r;
      if (!a.distinct()) {
        return children(a.children());
      }
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("allOf", children(a.children()));
      m.put("distinct", true);
      return m;
    }
    if (r instanceof Requirement.AnyOf) {
      return Map.of("anyOf", children(r.children()));
    }
    if (r instanceof Requirement.AtLeast) {
      Requirement.AtLeast a = (Requirement.AtLeast) r;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("atLeast", (long) a.n());
      m.put("of", children(a.children()));
      if (a.distinct()) {
        m.put("distinct", true);
      }
      return m;
    }
    if (r instanceof Requirement.AtLeastTagged) {
      Requirement.AtLeastTagged a = (Requirement.AtLeastTagged) r;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("atLeast", (long) a.n());
      m.put("of", tag(a.tag()));
      return m;
    }
    if (r instanceof Requirement.Credits) {
      Requirement.Credits c = (Requirement.Credits) r;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("credits", number(c.amount()));
      m.put("from", new ArrayList<Object>(c.from()));
      return m;
    }
    if (r instanceof Requirement.CreditsTagged) {
      Requirement.CreditsTagged c = (Requirement.CreditsTagged) r;
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("credits", number(c.amount()));
      m.put("from", tag(c.tag()));
      return m;
    }
    throw new AssertionError("unknown requirement type " + r.getClass());
  }

  private static Map<String, Object> tag(String tag) {
    Map<String, Object> m = new TreeWriter.FlowMap();
    m.put("tag", tag);
    return m;
  }

  private static List<Object> children(List<Requirement> children) {
    List<Object> out = new ArrayList<>();
    for (Requirement c : children) {
      out.add(requirement(c));
    }
    return out;
  }

  private static Map<String, Object> scenario(Scenario s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("asOf", s.asOf().toString());
    m.put("learner", learnerBody(s.learner(), false));
    Scenario.Expectation e = s.expect();
    Map<String, Object> x = new LinkedHashMap<>();
    putList(x, "held", e.held());
    putList(x, "eligible", e.eligible());
    putList(x, "notEligible", e.notEligible());
    if (!e.remaining().isEmpty()) {
      Map<String, Object> rem = new LinkedHashMap<>();
      e.remaining().forEach((k, v) -> rem.put(k, v.count().isPresent()
          ? (Object) (long) v.count().getAsInt() : new ArrayList<Object>(v.badges().get())));
      x.put("remaining", rem);
    }
    if (!x.isEmpty()) {
      m.put("expect", x);
    }
    return m;
  }

  /** A learner record's tree. */
  public static Map<String, Object> learner(LearnerRecord r) {
    return learnerBody(r, true);
  }

  private static Map<String, Object> learnerBody(LearnerRecord r, boolean topLevel) {
    Map<String, Object> m = new LinkedHashMap<>();
    if (topLevel || !r.learner().isEmpty()) {
      m.put("learner", r.learner());
    }
    List<Object> earned = new ArrayList<>();
    for (LearnerRecord.Entry e : r.entries()) {
      Map<String, Object> em = new TreeWriter.FlowMap();
      em.put("badge", e.badge());
      em.put("on", e.earned().toString());
      e.expires().ifPresent(d -> em.put("expires", d.toString()));
      e.issuer().ifPresent(i -> em.put("issuer", i));
      earned.add(em);
    }
    if (topLevel || !earned.isEmpty()) {
      m.put("earned", earned);
    }
    putList(m, "inProgress", r.inProgress());
    putList(m, "waived", r.waived());
    if (!r.substitutions().isEmpty()) {
      m.put("substitutions", new LinkedHashMap<String, Object>(r.substitutions()));
    }
    m.putAll(r.extensions());
    return m;
  }

  private static void putList(Map<String, Object> m, String key, List<String> values) {
    if (!values.isEmpty()) {
      m.put(key, new ArrayList<Object>(values));
    }
  }

  /** A double as the shortest decimal that reads back as the same double. */
  static BigDecimal number(double d) {
    return BigDecimal.valueOf(d);
  }
}
