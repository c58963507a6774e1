package org.pathwayengine.io.internal;

import java.time.LocalDate;
import java.time.Period;
import java.time.format.DateTimeParseException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.PathwayImport;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.core.Scenario;
import org.pathwayengine.core.SourceLocation;
import org.pathwayengine.io.ReadLimits;

/**
 * Maps a located {@link Node} tree to the model, reporting every shape and value problem with the
 * place of the offending token: SCHEMA_ERROR, INVALID_VALUE, EMPTY_GROUP, DEPTH_EXCEEDED,
 * DUPLICATE_ID, UNKNOWN_BADGE (equivalences), LIMIT_EXCEEDED (badge count). What the model cannot
 * hold is left out of it; everything else is kept so that the core validator can report the rest.
 * One instance reads one file; not thread-safe. Linear in the tree's size; recursion only follows
 * requirement expressions, whose depth stops at {@link #MAX_EXPRESSION_DEPTH}.
 */
public final class TreeMapper {
  /** SPEC §3: requirement expressions nest at most 64 levels. */
  public static final int MAX_EXPRESSION_DEPTH = 64;

  static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  static final int MAX_ID_LENGTH = 200;

  /** Pathway fields, in the order the writer writes them. */
  public static final List<String> PATHWAY_FIELDS = List.of("pathway", "version", "title",
      "imports", "trustedIssuers", "badges", "equivalences", "scenarios");
  /** Badge fields, in the order the writer writes them. */
  public static final List<String> BADGE_FIELDS = List.of("id", "title", "description", "issuer",
      "credits", "hours", "tags", "skills", "aliases", "validFor", "requires", "coRequires",
      "recommends", "stack", "trustedIssuers");
  /** Learner record fields, in the order the writer writes them. */
  public static final List<String> LEARNER_FIELDS = List.of("learner", "earned", "inProgress",
      "waived", "substitutions");
  static final List<String> ENTRY_FIELDS = List.of("badge", "on", "expires", "issuer");
  static final List<String> IMPORT_FIELDS = List.of("file", "as");
  static final List<String> SCENARIO_FIELDS = List.of("name", "asOf", "learner", "expect");
  static final List<String> EXPECT_FIELDS = List.of("held", "eligible", "notEligible",
      "remaining");
  static final List<String> SCHEMA_KEY = List.of("$schema");

  /** What the mapper made of a pathway tree. */
  public record PathwayTree(Optional<Pathway> pathway, Node.MapNode root,
      List<Node.MapNode> badgeNodes) {}

  private final String file;
  private final ReadLimits limits;
  private final List<Problem> problems = new ArrayList<>();

  /** A mapper for one file. */
  public TreeMapper(String file, ReadLimits limits) {
    this.file = file;
    this.limits = limits;
  }

  /** Every problem found so far, in file order of discovery. */
  public List<Problem> problems() {
    return problems;
  }

  // ======================================================================= pathway

  /**
   * The pathway of a tree. The value is empty when the tree is not a map or lacks the pathway's id
   * or version; else it holds every badge that has an id, aligned with {@code badgeNodes}.
   */
  public PathwayTree pathway(Node rootNode) {
    if (!(rootNode instanceof Node.MapNode)) {
      error(ProblemCode.SCHEMA_ERROR, rootNode, "a pathway file holds a map with the fields "
          + PATHWAY_FIELDS + ", found " + rootNode.kindName());
      return new PathwayTree(Optional.empty(),
          new Node.MapNode(List.of(), rootNode.line(), rootNode.column(), 1), List.of());
    }
    Node.MapNode root = (Node.MapNode) rootNode;
    checkFields(root, PATHWAY_FIELDS, "pathway", true, true);
    Optional<String> id = requiredText(root, "pathway", "pathway");
    id.ifPresent(v -> checkId(v, root.entry("pathway").get().value(), "pathway id"));
    Optional<String> version = requiredText(root, "version", "pathway");
    Optional<String> title = optionalText(root, "title");

    List<PathwayImport> imports = new ArrayList<>();
    Set<String> prefixes = new HashSet<>();
    for (Node n : list(root, "imports")) {
      if (!(n instanceof Node.MapNode)) {
        wrongType(n, "an import ({file: ..., as: ...})");
        continue;
      }
      Node.MapNode m = (Node.MapNode) n;
      checkFields(m, IMPORT_FIELDS, "import", false);
      Optional<String> f = requiredText(m, "file", "import");
      Optional<String> prefix = requiredText(m, "as", "import");
      prefix.ifPresent(p -> {
        Node at = m.entry("as").get().value();
        if (checkId(p, at, "import prefix") && !prefixes.add(p)) {
          error(ProblemCode.INVALID_VALUE, at, "the prefix '" + p + "' is already used by another "
              + "import; give each import its own prefix");
        }
      });
      if (f.isPresent() && prefix.isPresent() && !prefix.get().isBlank()) {
        imports.add(new PathwayImport(f.get(), prefix.get()));
      }
    }
    List<String> trusted = strings(root, "trustedIssuers", false);

    List<Badge> badges = new ArrayList<>();
    List<Node.MapNode> badgeNodes = new ArrayList<>();
    boolean badgesOk = true;
    Optional<Node.Entry> badgesEntry = root.entry("badges");
    if (badgesEntry.isPresent()) {
      Node bn = badgesEntry.get().value();
      if (bn instanceof Node.ListNode && ((Node.ListNode) bn).items().size()
          > limits.maxBadges()) {
        error(ProblemCode.LIMIT_EXCEEDED, bn, "the file has "
            + ((Node.ListNode) bn).items().size() + " badges, more than the limit maxBadges = "
            + limits.maxBadges() + "; split the pathway into files that import each other");
        badgesOk = false;
      } else {
        Map<String, Node> firstId = new HashMap<>();
        for (Node n : list(root, "badges")) {
          if (!(n instanceof Node.MapNode)) {
            wrongType(n, "a badge (a map with id and title)");
            continue;
          }
          Node.MapNode m = (Node.MapNode) n;
          Optional<Badge> b = badge(m, firstId);
          if (b.isPresent()) {
            badges.add(b.get());
            badgeNodes.add(m);
          }
        }
      }
    }
    Set<String> ids = new HashSet<>();
    badges.forEach(b -> ids.add(b.id()));

    List<List<String>> equivalences = new ArrayList<>();
    for (Node n : list(root, "equivalences")) {
      if (!(n instanceof Node.ListNode)) {
        wrongType(n, "a list of interchangeable badge ids");
        continue;
      }
      List<String> members = new ArrayList<>();
      for (Node item : ((Node.ListNode) n).items()) {
        Optional<String> ref = ref(item);
        if (ref.isEmpty()) {
          continue;
        }
        String r = ref.get();
        boolean imported = imports.stream().anyMatch(i -> r.startsWith(i.prefix() + ":"));
        if (ids.contains(r) || imported) {
          members.add(r);
        } else {
          error(ProblemCode.UNKNOWN_BADGE, item, "the equivalence names '" + r
              + "', which is no badge of this pathway or its imports");
          problems.set(problems.size() - 1, problems.get(problems.size() - 1).withBadge(r));
        }
      }
      equivalences.add(members);
    }

    List<Scenario> scenarios = new ArrayList<>();
    for (Node n : list(root, "scenarios")) {
      scenario(n).ifPresent(scenarios::add);
    }
    Map<String, Object> extensions = extensions(root);

    if (id.isEmpty() || id.get().isBlank() || version.isEmpty() || !badgesOk) {
      return new PathwayTree(Optional.empty(), root, badgeNodes);
    }
    Pathway.Builder b = Pathway.builder(id.get(), version.get());
    title.ifPresent(b::title);
    imports.forEach(b::addImport);
    b.trustedIssuers(trusted.toArray(String[]::new));
    b.badges(badges);
    equivalences.forEach(b::equivalence);
    scenarios.forEach(b::scenario);
    extensions.forEach(b::extension);
    return new PathwayTree(Optional.of(b.build()), root, badgeNodes);
  }

  private Optional<Badge> badge(Node.MapNode m, Map<String, Node> firstId) {
    int mark = problems.size();
    checkFields(m, BADGE_FIELDS, "badge", true);
    Optional<String> id = requiredText(m, "id", "badge");
    if (id.isEmpty() || id.get().isBlank()) {
      id.ifPresent(v -> error(ProblemCode.INVALID_VALUE, m.entry("id").get().value(),
          "a badge id must not be empty"));
      return Optional.empty();
    }
    Node idNode = m.entry("id").get().value();
    String badgeId = id.get();
    checkId(badgeId, idNode, "badge id");
    Node first = firstId.putIfAbsent(badgeId, idNode);
    if (first != null) {
      error(ProblemCode.DUPLICATE_ID, idNode, "the badge id '" + badgeId + "' is already used at "
          + "line " + first.line() + "; give each badge its own id");
    }
    Badge.Builder b = Badge.builder(badgeId, requiredText(m, "title", "badge '" + badgeId + "'")
        .orElse(""));
    optionalText(m, "description").ifPresent(b::description);
    optionalText(m, "issuer").ifPresent(b::issuer);
    amount(m, "credits").ifPresent(b::credits);
    amount(m, "hours").ifPresent(b::hours);
    b.tags(strings(m, "tags", false).toArray(String[]::new));
    b.skills(strings(m, "skills", false).toArray(String[]::new));
    b.aliases(strings(m, "aliases", false).toArray(String[]::new));
    m.entry("validFor").ifPresent(e -> period(e.value()).ifPresent(b::validFor));
    m.entry("requires").ifPresent(e -> expression(e.value(), 1).ifPresent(b::requires));
    m.entry("coRequires").ifPresent(e -> expression(e.value(), 1).ifPresent(b::coRequires));
    b.recommends(strings(m, "recommends", true).toArray(String[]::new));
    m.entry("stack").ifPresent(e -> expression(e.value(), 1).ifPresent(b::stack));
    b.trustedIssuers(strings(m, "trustedIssuers", false).toArray(String[]::new));
    extensions(m).forEach(b::extension);
    for (int i = mark; i < problems.size(); i++) {
      Problem p = problems.get(i);
      if (p.badge().isEmpty()) {
        problems.set(i, p.withBadge(badgeId));
      }
    }
    return Optional.of(b.build());
  }

  // ================================================================== expressions

  private Optional<Requirement> expression(Node n, int depth) {
    if (depth > MAX_EXPRESSION_DEPTH) {
      error(ProblemCode.DEPTH_EXCEEDED, n, "the requirement nests deeper than "
          + MAX_EXPRESSION_DEPTH + " levels; flatten it or split it with a stacked credential");
      return Optional.empty();
    }
    if (n instanceof Node.ScalarNode) {
      return ref(n).map(Requirement.BadgeRef::new);
    }
    if (n instanceof Node.ListNode) {
      Optional<List<Requirement>> children = children(n, depth, "allOf");
      return children.map(c -> new Requirement.AllOf(c, false));
    }
    Node.MapNode m = (Node.MapNode) n;
    List<String> ops = new ArrayList<>();
    for (String op : List.of("allOf", "anyOf", "atLeast", "credits")) {
      if (m.entry(op).isPresent()) {
        ops.add(op);
      }
    }
    if (ops.size() != 1) {
      error(ProblemCode.SCHEMA_ERROR, m, ops.isEmpty()
          ? "a requirement map needs one of allOf, anyOf, atLeast or credits"
          : "a requirement map has one of allOf, anyOf, atLeast or credits, not " + ops
              + "; nest them instead");
      return Optional.empty();
    }
    String op = ops.get(0);
    switch (op) {
      case "allOf": {
        checkFields(m, List.of("allOf", "distinct"), "allOf requirement", false);
        boolean distinct = bool(m, "distinct");
        return children(m.entry("allOf").get().value(), depth, "allOf")
            .map(c -> new Requirement.AllOf(c, distinct));
      }
      case "anyOf": {
        checkFields(m, List.of("anyOf"), "anyOf requirement", false);
        return children(m.entry("anyOf").get().value(), depth, "anyOf")
            .map(Requirement.AnyOf::new);
      }
      case "atLeast": {
        checkFields(m, List.of("atLeast", "of", "distinct"), "atLeast requirement", false);
        boolean distinct = bool(m, "distinct");
        OptionalInt count = positiveInt(m.entry("atLeast").get().value(), "atLeast");
        Optional<Node.Entry> of = m.entry("of");
        if (of.isEmpty()) {
          error(ProblemCode.SCHEMA_ERROR, m, "atLeast needs 'of': a list of requirements or "
              + "{tag: t}");
          return Optional.empty();
        }
        Node ofNode = of.get().value();
        if (ofNode instanceof Node.MapNode) {
          Optional<String> tag = tag((Node.MapNode) ofNode);
          if (distinct) {
            error(ProblemCode.SCHEMA_ERROR, m.entry("distinct").get().value(),
                "distinct applies to a list of requirements, not to {tag: t}");
          }
          if (tag.isEmpty() || count.isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(new Requirement.AtLeastTagged(count.getAsInt(), tag.get()));
        }
        Optional<List<Requirement>> children = children(ofNode, depth, "of");
        if (children.isEmpty() || count.isEmpty()) {
          return Optional.empty();
        }
        return Optional.of(new Requirement.AtLeast(count.getAsInt(), children.get(), distinct));
      }
      default: {
        checkFields(m, List.of("credits", "from"), "credits requirement", false);
        Optional<Double> amount = number(m.entry("credits").get().value(), "credits");
        Optional<Node.Entry> from = m.entry("from");
        if (from.isEmpty()) {
          error(ProblemCode.SCHEMA_ERROR, m, "credits needs 'from': a list of badge ids or "
              + "{tag: t}");
          return Optional.empty();
        }
        Node fromNode = from.get().value();
        if (fromNode instanceof Node.MapNode) {
          Optional<String> tag = tag((Node.MapNode) fromNode);
          if (tag.isEmpty() || amount.isEmpty()) {
            return Optional.empty();
          }
          return Optional.of(new Requirement.CreditsTagged(amount.get(), tag.get()));
        }
        if (!(fromNode instanceof Node.ListNode)) {
          wrongType(fromNode, "a list of badge ids or {tag: t}");
          return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        boolean ok = true;
        for (Node item : ((Node.ListNode) fromNode).items()) {
          Optional<String> r = ref(item);
          ok &= r.isPresent();
          r.ifPresent(ids::add);
        }
        if (((Node.ListNode) fromNode).items().isEmpty()) {
          error(ProblemCode.EMPTY_GROUP, fromNode, "credits 'from' is empty; list the badges whose "
              + "credits count");
        }
        if (!ok || amount.isEmpty()) {
          return Optional.empty();
        }
        return Optional.of(new Requirement.Credits(amount.get(), ids));
      }
    }
  }

  private Optional<List<Requirement>> children(Node n, int depth, String what) {
    if (!(n instanceof Node.ListNode)) {
      wrongType(n, "a list of requirements");
      return Optional.empty();
    }
    Node.ListNode list = (Node.ListNode) n;
    if (list.items().isEmpty()) {
      error(ProblemCode.EMPTY_GROUP, n, "the group '" + what + "' is empty; list at least one "
          + "requirement, or remove the group");
    }
    List<Requirement> out = new ArrayList<>();
    boolean ok = true;
    for (Node item : list.items()) {
      Optional<Requirement> r = expression(item, depth + 1);
      ok &= r.isPresent();
      r.ifPresent(out::add);
    }
    return ok ? Optional.of(out) : Optional.empty();
  }

  private Optional<String> tag(Node.MapNode m) {
    checkFields(m, List.of("tag"), "tag selector", false);
    Optional<String> tag = requiredText(m, "tag", "tag selector");
    if (tag.isPresent() && tag.get().isBlank()) {
      error(ProblemCode.INVALID_VALUE, m.entry("tag").get().value(), "a tag must not be empty");
      return Optional.empty();
    }
    return tag;
  }

  // ==================================================================== scenarios

  private Optional<Scenario> scenario(Node n) {
    if (!(n instanceof Node.MapNode)) {
      wrongType(n, "a scenario (a map with name, asOf, learner, expect)");
      return Optional.empty();
    }
    Node.MapNode m = (Node.MapNode) n;
    checkFields(m, SCENARIO_FIELDS, "scenario", false);
    Optional<String> name = requiredText(m, "name", "scenario");
    Optional<LocalDate> asOf = m.entry("asOf").flatMap(e -> date(e.value()));
    if (m.entry("asOf").isEmpty()) {
      missing(m, "asOf", "scenario");
    }
    Optional<LearnerRecord> learner = Optional.empty();
    Optional<Node.Entry> le = m.entry("learner");
    if (le.isEmpty()) {
      missing(m, "learner", "scenario");
    } else if (!(le.get().value() instanceof Node.MapNode)) {
      wrongType(le.get().value(), "a learner record (a map with earned, inProgress, ...)");
    } else {
      learner = learnerBody((Node.MapNode) le.get().value(), false);
    }
    Scenario.Expectation expect = Scenario.Expectation.none();
    Optional<Node.Entry> ee = m.entry("expect");
    if (ee.isPresent()) {
      if (!(ee.get().value() instanceof Node.MapNode)) {
        wrongType(ee.get().value(), "a map with held, eligible, notEligible, remaining");
      } else {
        expect = expectation((Node.MapNode) ee.get().value());
      }
    }
    if (name.isEmpty() || asOf.isEmpty() || learner.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new Scenario(name.get(), asOf.get(), learner.get(), expect));
  }

  private Scenario.Expectation expectation(Node.MapNode m) {
    checkFields(m, EXPECT_FIELDS, "expect", false);
    List<String> held = strings(m, "held", true);
    List<String> eligible = strings(m, "eligible", true);
    List<String> notEligible = strings(m, "notEligible", true);
    Map<String, Scenario.ExpectedRemaining> remaining = new LinkedHashMap<>();
    m.entry("remaining").ifPresent(e -> {
      if (!(e.value() instanceof Node.MapNode)) {
        wrongType(e.value(), "a map from a stacked credential to a count or a list of badge ids");
        return;
      }
      for (Node.Entry r : ((Node.MapNode) e.value()).entries()) {
        Node v = r.value();
        if (v instanceof Node.ListNode) {
          List<String> ids = new ArrayList<>();
          for (Node item : ((Node.ListNode) v).items()) {
            ref(item).ifPresent(ids::add);
          }
          remaining.put(r.key(), Scenario.ExpectedRemaining.badges(ids));
        } else {
          OptionalInt c = nonNegativeInt(v, "remaining count");
          if (c.isPresent()) {
            remaining.put(r.key(), Scenario.ExpectedRemaining.count(c.getAsInt()));
          }
        }
      }
    });
    return new Scenario.Expectation(held, eligible, notEligible, remaining);
  }

  // ==================================================================== learners

  /** A learner record file's record; empty when the tree is not a map or lacks the learner. */
  public Optional<LearnerRecord> learner(Node rootNode) {
    if (!(rootNode instanceof Node.MapNode)) {
      error(ProblemCode.SCHEMA_ERROR, rootNode, "a learner record holds a map with the fields "
          + LEARNER_FIELDS + ", found " + rootNode.kindName());
      return Optional.empty();
    }
    return learnerBody((Node.MapNode) rootNode, true);
  }

  private Optional<LearnerRecord> learnerBody(Node.MapNode m, boolean topLevel) {
    checkFields(m, LEARNER_FIELDS, "learner record", true, topLevel);
    Optional<String> name = topLevel ? requiredText(m, "learner", "learner record")
        : optionalText(m, "learner");
    LearnerRecord.Builder b = LearnerRecord.builder(name.orElse(""));
    for (Node n : list(m, "earned")) {
      if (!(n instanceof Node.MapNode)) {
        wrongType(n, "an entry ({badge: id, on: date})");
        continue;
      }
      Node.MapNode e = (Node.MapNode) n;
      checkFields(e, ENTRY_FIELDS, "entry", false);
      Optional<String> badge = requiredText(e, "badge", "entry");
      if (badge.isPresent() && badge.get().isBlank()) {
        error(ProblemCode.INVALID_VALUE, e.entry("badge").get().value(),
            "an entry must name a badge");
        badge = Optional.empty();
      }
      if (e.entry("on").isEmpty()) {
        missing(e, "on", "entry");
      }
      Optional<LocalDate> on = e.entry("on").flatMap(x -> date(x.value()));
      Optional<LocalDate> expires = e.entry("expires").flatMap(x -> date(x.value()));
      Optional<String> issuer = optionalText(e, "issuer");
      if (badge.isPresent() && on.isPresent()) {
        b.entry(new LearnerRecord.Entry(badge.get(), on.get(), expires, issuer));
      }
    }
    b.inProgress(strings(m, "inProgress", false).toArray(String[]::new));
    b.waived(strings(m, "waived", false).toArray(String[]::new));
    m.entry("substitutions").ifPresent(e -> {
      if (!(e.value() instanceof Node.MapNode)) {
        wrongType(e.value(), "a map from a badge to the badge that counts for it");
        return;
      }
      for (Node.Entry s : ((Node.MapNode) e.value()).entries()) {
        text(s.value()).ifPresent(v -> b.substitution(s.key(), v));
      }
    });
    extensions(m).forEach(b::extension);
    if (topLevel && name.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(b.build());
  }

  // ===================================================================== values

  private void checkFields(Node.MapNode m, List<String> known, String what, boolean extensible) {
    checkFields(m, known, what, extensible, false);
  }

  private void checkFields(Node.MapNode m, List<String> known, String what, boolean extensible,
      boolean schemaKey) {
    for (Node.Entry e : m.entries()) {
      String k = e.key();
      if (known.contains(k) || (extensible && k.startsWith("x-"))
          || (schemaKey && k.equals("$schema"))) {
        continue; // $schema is for editors at the top of a file; see PathwayFiles
      }
      String hint = extensible ? " (or a field of your own whose name starts with 'x-')" : "";
      Problem p = at(ProblemCode.SCHEMA_ERROR, e.line(), e.column(), "unknown field '" + k
          + "' in a " + what + "; the known fields are " + String.join(", ", known) + hint);
      problems.add(p);
    }
  }

  private Optional<String> requiredText(Node.MapNode m, String field, String what) {
    if (m.entry(field).isEmpty()) {
      missing(m, field, what);
      return Optional.empty();
    }
    return text(m.entry(field).get().value());
  }

  private void missing(Node.MapNode m, String field, String what) {
    error(ProblemCode.SCHEMA_ERROR, m, "the " + what + " has no '" + field + "'; it is required");
  }

  private Optional<String> optionalText(Node.MapNode m, String field) {
    return m.entry(field).flatMap(e -> text(e.value()));
  }

  /** Strings, and numbers as written (a version 2.0, an id 101). */
  private Optional<String> text(Node n) {
    if (n instanceof Node.ScalarNode) {
      Node.ScalarNode s = (Node.ScalarNode) n;
      if (s.kind() == Node.ScalarKind.STRING || s.isNumber()) {
        return Optional.of(s.text());
      }
    }
    wrongType(n, "a string");
    return Optional.empty();
  }

  /** A badge reference: an id, or prefix:id for an imported badge. */
  private Optional<String> ref(Node n) {
    Optional<String> t = text(n);
    if (t.isEmpty()) {
      return t;
    }
    String r = t.get();
    String[] parts = r.split(":", -1);
    for (String part : parts) {
      if (!isId(part)) {
        error(ProblemCode.INVALID_VALUE, n, "'" + abbreviate(r) + "' is not a badge id: ids match "
            + "[A-Za-z0-9][A-Za-z0-9._-]* (at most " + MAX_ID_LENGTH + " characters), and ':' "
            + "only separates an import prefix");
        return Optional.empty();
      }
    }
    return t;
  }

  static boolean isId(String s) {
    return s.length() <= MAX_ID_LENGTH && ID.matcher(s).matches();
  }

  private boolean checkId(String id, Node at, String what) {
    if (isId(id)) {
      return true;
    }
    String why = id.length() > MAX_ID_LENGTH
        ? "it has " + id.length() + " characters, more than " + MAX_ID_LENGTH
        : "it must match [A-Za-z0-9][A-Za-z0-9._-]*";
    error(ProblemCode.INVALID_VALUE, at, "the " + what + " '" + abbreviate(id) + "' breaks the id "
        + "rule: " + why);
    return false;
  }

  private static String abbreviate(String s) {
    return s.length() <= 60 ? s : s.substring(0, 57) + "...";
  }

  private List<Node> list(Node.MapNode m, String field) {
    Optional<Node.Entry> e = m.entry(field);
    if (e.isEmpty()) {
      return List.of();
    }
    Node v = e.get().value();
    if (!(v instanceof Node.ListNode)) {
      wrongType(v, "a list");
      return List.of();
    }
    return ((Node.ListNode) v).items();
  }

  private List<String> strings(Node.MapNode m, String field, boolean refs) {
    List<String> out = new ArrayList<>();
    for (Node n : list(m, field)) {
      Optional<String> s = refs ? ref(n) : text(n);
      if (s.isPresent() && !refs && s.get().isBlank()) {
        error(ProblemCode.INVALID_VALUE, n, "an empty string in '" + field + "'");
        continue;
      }
      s.ifPresent(out::add);
    }
    return out;
  }

  private Optional<Double> amount(Node.MapNode m, String field) {
    return m.entry(field).flatMap(e -> number(e.value(), field));
  }

  private Optional<Double> number(Node n, String what) {
    if (!(n instanceof Node.ScalarNode) || !((Node.ScalarNode) n).isNumber()) {
      wrongType(n, "a number");
      return Optional.empty();
    }
    Optional<BigDecimal> d = ((Node.ScalarNode) n).decimal();
    double v = d.map(BigDecimal::doubleValue).orElse(Double.NaN);
    if (!Double.isFinite(v) || v < 0) {
      error(ProblemCode.INVALID_VALUE, n, what + " must be a finite number >= 0, was "
          + ((Node.ScalarNode) n).text());
      return Optional.empty();
    }
    return Optional.of(v);
  }

  private OptionalInt positiveInt(Node n, String what) {
    OptionalInt v = integer(n, what);
    if (v.isPresent() && v.getAsInt() < 1) {
      error(ProblemCode.INVALID_VALUE, n, what + " must be at least 1, was " + v.getAsInt());
      return OptionalInt.empty();
    }
    return v;
  }

  private OptionalInt nonNegativeInt(Node n, String what) {
    OptionalInt v = integer(n, what);
    if (v.isPresent() && v.getAsInt() < 0) {
      error(ProblemCode.INVALID_VALUE, n, what + " must be at least 0, was " + v.getAsInt());
      return OptionalInt.empty();
    }
    return v;
  }

  private OptionalInt integer(Node n, String what) {
    if (!(n instanceof Node.ScalarNode) || ((Node.ScalarNode) n).kind() != Node.ScalarKind.INTEGER) {
      wrongType(n, "a whole number");
      return OptionalInt.empty();
    }
    try {
      return OptionalInt.of(Integer.parseInt(((Node.ScalarNode) n).text().replace("+", "")));
    } catch (NumberFormatException e) {
      error(ProblemCode.INVALID_VALUE, n, what + " is out of range: " + ((Node.ScalarNode) n).text());
      return OptionalInt.empty();
    }
  }

  private boolean bool(Node.MapNode m, String field) {
    Optional<Node.Entry> e = m.entry(field);
    if (e.isEmpty()) {
      return false;
    }
    Node n = e.get().value();
    if (n instanceof Node.ScalarNode && ((Node.ScalarNode) n).kind() == Node.ScalarKind.BOOLEAN) {
      return ((Node.ScalarNode) n).text().equals("true");
    }
    wrongType(n, "true or false");
    return false;
  }

  private Optional<Period> period(Node n) {
    Optional<String> t = text(n);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      Period p = Period.parse(t.get());
      if (p.isNegative() || p.isZero()) {
        error(ProblemCode.INVALID_VALUE, n, "validFor must be a positive period, was " + t.get());
        return Optional.empty();
      }
      return Optional.of(p);
    } catch (DateTimeParseException e) {
      error(ProblemCode.INVALID_VALUE, n, "'" + abbreviate(t.get()) + "' is not an ISO-8601 period;"
          + " write for example P3Y, P18M, P2Y6M or P90D");
      return Optional.empty();
    }
  }

  private Optional<LocalDate> date(Node n) {
    Optional<String> t = text(n);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(LocalDate.parse(t.get()));
    } catch (DateTimeParseException e) {
      error(ProblemCode.INVALID_VALUE, n, "'" + abbreviate(t.get()) + "' is not a date; write "
          + "YYYY-MM-DD, for example 2025-03-01");
      return Optional.empty();
    }
  }

  // ================================================================== extensions

  private Map<String, Object> extensions(Node.MapNode m) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Node.Entry e : m.entries()) {
      if (e.key().startsWith("x-")) {
        if (e.value() instanceof Node.ScalarNode
            && ((Node.ScalarNode) e.value()).kind() == Node.ScalarKind.NULL) {
          out.put(e.key(), null);
        }
        plain(e.value()).ifPresent(v -> out.put(e.key(), v));
      }
    }
    return out;
  }

  /**
   * A node as a plain immutable JDK value: Map (insertion order), List, String, Long or BigInteger,
   * Double, Boolean; null stays null (kept as an entry whose value is null). Iterative, so deep
   * values cannot overflow the stack.
   */
  private Optional<Object> plain(Node root) {
    // post-order over an explicit stack; each frame fills one container
    final class F {
      final Node node;
      final List<Object> values = new ArrayList<>();
      int next;

      F(Node node) {
        this.node = node;
      }

      int size() {
        return node instanceof Node.MapNode ? ((Node.MapNode) node).entries().size()
            : ((Node.ListNode) node).items().size();
      }

      Node child(int i) {
        return node instanceof Node.MapNode ? ((Node.MapNode) node).entries().get(i).value()
            : ((Node.ListNode) node).items().get(i);
      }

      Object build() {
        if (node instanceof Node.ListNode) {
          return Collections.unmodifiableList(new ArrayList<>(values));
        }
        Map<String, Object> map = new LinkedHashMap<>();
        List<Node.Entry> entries = ((Node.MapNode) node).entries();
        for (int i = 0; i < entries.size(); i++) {
          map.put(entries.get(i).key(), values.get(i));
        }
        return Collections.unmodifiableMap(map);
      }
    }
    if (root instanceof Node.ScalarNode) {
      return scalarValue((Node.ScalarNode) root);
    }
    java.util.ArrayDeque<F> stack = new java.util.ArrayDeque<>();
    stack.push(new F(root));
    Object result = null;
    boolean ok = true;
    while (!stack.isEmpty()) {
      F f = stack.peek();
      if (f.next < f.size()) {
        Node c = f.child(f.next++);
        if (c instanceof Node.ScalarNode) {
          Optional<Object> v = scalarValue((Node.ScalarNode) c);
          ok &= v.isPresent() || ((Node.ScalarNode) c).kind() == Node.ScalarKind.NULL;
          f.values.add(v.orElse(null));
        } else {
          stack.push(new F(c));
        }
        continue;
      }
      stack.pop();
      Object built = f.build();
      if (stack.isEmpty()) {
        result = built;
      } else {
        stack.peek().values.add(built);
      }
    }
    return ok ? Optional.of(result) : Optional.empty();
  }

  private Optional<Object> scalarValue(Node.ScalarNode s) {
    switch (s.kind()) {
      case STRING:
        return Optional.of(s.text());
      case BOOLEAN:
        return Optional.of(s.text().equals("true"));
      case NULL:
        return Optional.empty();
      case INTEGER: {
        try {
          BigInteger i = new BigInteger(s.text().replace("+", ""));
          return Optional.of(i.bitLength() < 64 ? (Object) i.longValue() : i);
        } catch (NumberFormatException e) {
          break;
        }
      }
      default: {
        Optional<BigDecimal> d = s.decimal();
        if (d.isPresent() && Double.isFinite(d.get().doubleValue())) {
          return Optional.of(d.get().doubleValue());
        }
      }
    }
    error(ProblemCode.INVALID_VALUE, s, "the number " + s.text() + " cannot be kept; write a "
        + "finite decimal number or a string");
    return Optional.empty();
  }

  // ==================================================================== problems

  private void wrongType(Node n, String expected) {
    error(ProblemCode.SCHEMA_ERROR, n, "expected " + expected + ", found " + n.kindName());
  }

  private Problem error(ProblemCode code, Node n, String message) {
    Problem p = at(code, n.line(), n.column(), message);
    problems.add(p);
    return p;
  }

  private Problem at(ProblemCode code, int line, int column, String message) {
    return Problem.of(code, message).withLocation(new SourceLocation(file, line, column));
  }
}
