package org.pathwayengine.core.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.DependencyKind;
import org.pathwayengine.core.ModelPointer;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.PathwayImport;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.core.Requirement.AllOf;
import org.pathwayengine.core.Requirement.AnyOf;
import org.pathwayengine.core.Requirement.AtLeast;
import org.pathwayengine.core.Requirement.AtLeastTagged;
import org.pathwayengine.core.Requirement.BadgeRef;
import org.pathwayengine.core.Requirement.Credits;
import org.pathwayengine.core.Requirement.CreditsTagged;

/**
 * One run of {@link org.pathwayengine.core.PathwayValidator#validate(Pathway)}: every problem of a
 * pathway, each with its badge and a {@link ModelPointer} at the offending token.
 *
 * <p>Checks, in O(badges + total expression size + graph edges) apart from the redundancy search
 * (see {@link ValidationRedundancy}): ids (duplicates, the id rule), values the builders let through
 * (blank tags, skills, aliases, titles, issuers; an alias used twice; a badge in two equivalence classes;
 * malformed pathway id or import prefix), every expression (unknown references, empty groups, depth,
 * locally impossible rules, credits members without credits), cycles ({@link CycleFinder} over {@link DependencyLists}),
 * attainability ({@link AttainabilityAnalysis}), redundant prerequisites and unreferenced badges.
 *
 * <p>Order: errors, then warnings; inside each, model order: the pathway's own {@code pathway} and
 * {@code imports} fields, then badges in order (fields in file order: id, title, credits, hours, tags,
 * skills, aliases, validFor, requires, coRequires, recommends, stack, trustedIssuers; inside a field, by
 * path), then the pathway's {@code equivalences} and {@code trustedIssuers}. Deterministic.
 *
 * <p>Decisions: an unattainable badge is reported once, with pointer at the root of the rule that can
 * never hold ({@code requires} before {@code stack}), and a locally impossible rule that is that root is
 * folded into its message; a badge is unreferenced when no rule, stack, recommends or equivalence names
 * it (a tag rule that selects it counts) and it names nothing itself, so a stacked credential at the top
 * of a pathway is never reported (it names its components). Only the first badge of a duplicated id takes
 * part in the graph checks, as in {@link Pathway#dependencyGraph()}.
 */
public final class Validation {
  /** The deepest nesting an expression may have (SPEC section 3). */
  public static final int MAX_DEPTH = 64;
  /** The longest id (or each part of an imported {@code prefix:id}). */
  public static final int MAX_ID_LENGTH = 200;
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
  private static final int MAX_LISTED = 10;
  private static final List<String> BADGE_FIELDS = List.of("id", "title", "credits", "hours", "tags",
      "skills", "aliases", "validFor", "requires", "coRequires", "recommends", "stack",
      "trustedIssuers");
  private static final String[] ROOT_FIELDS = {"requires", "stack"};

  private final Pathway pathway;
  /** Whether to run the analyses that can only warn (redundant prerequisites, unreferenced badges). */
  private final boolean warnings;
  private final List<Badge> badges;
  private final Map<String, Integer> firstIndex = new HashMap<>();
  private final RequirementEvaluator evaluator;
  private final List<Entry> entries = new ArrayList<>();
  /** Locally impossible rules at the root of a requires (slot 0) or stack (slot 1), per badge. */
  private final Map<Integer, List<String>> rootImpossible = new HashMap<>();
  private final List<Entry> localUnsatisfiable = new ArrayList<>();

  private record Entry(Problem problem, int rank, int fieldRank, List<Integer> path, int seq) {}

  private Validation(Pathway pathway, boolean warnings) {
    this.pathway = pathway;
    this.warnings = warnings;
    this.badges = pathway.badges();
    for (int i = 0; i < badges.size(); i++) {
      firstIndex.putIfAbsent(badges.get(i).id(), i);
    }
    this.evaluator = new RequirementEvaluator(pathway);
  }

  /** Every problem of {@code pathway}, errors first, each group in model order. */
  public static List<Problem> validate(Pathway pathway) {
    return new Validation(pathway, true).run();
  }

  /**
   * The errors of {@link #validate}, in the same order, without running the analyses that can only
   * warn.
   */
  public static List<Problem> errors(Pathway pathway) {
    return new Validation(pathway, false).run().stream().filter(Problem::isError).toList();
  }

  private List<Problem> run() {
    checkPathwayFields();
    checkIdsAndValues();
    for (int b = 0; b < badges.size(); b++) {
      checkExpression(b, "requires", badges.get(b).requires());
      checkExpression(b, "coRequires", badges.get(b).coRequires());
      checkExpression(b, "stack", badges.get(b).stack());
      checkRecommends(b);
    }
    checkEquivalences();
    checkCycles();
    checkAttainability();
    if (warnings) {
      checkRedundancy();
      checkUnreferenced();
    }
    entries.sort(Comparator.<Entry>comparingInt(e -> e.problem().isError() ? 0 : 1)
        .thenComparingInt(Entry::rank)
        .thenComparingInt(Entry::fieldRank)
        .thenComparing(Entry::path, Validation::comparePaths)
        .thenComparingInt(Entry::seq));
    return entries.stream().map(Entry::problem).toList();
  }

  // ---------------------------------------------------------------- ids and plain values

  private void checkPathwayFields() {
    if (!isId(pathway.id())) {
      add(ProblemCode.INVALID_VALUE, "pathway id '" + pathway.id() + "' " + idRuleText(), null,
          new ModelPointer(-1, "pathway", List.of()));
    }
    Set<String> prefixes = new java.util.HashSet<>();
    List<PathwayImport> imports = pathway.imports();
    for (int i = 0; i < imports.size(); i++) {
      String prefix = imports.get(i).prefix();
      ModelPointer at = new ModelPointer(-1, "imports", List.of(i));
      if (!isPlainId(prefix)) {
        add(ProblemCode.INVALID_VALUE, "import prefix '" + prefix + "' of '" + imports.get(i).file()
            + "' " + idRuleText(), null, at);
      } else if (!prefixes.add(prefix)) {
        add(ProblemCode.INVALID_VALUE, "import prefix '" + prefix + "' is used by two imports; give"
            + " each import its own prefix", null, at);
      }
    }
    List<String> issuers = pathway.trustedIssuers();
    for (int i = 0; i < issuers.size(); i++) {
      if (issuers.get(i).isBlank()) {
        add(ProblemCode.INVALID_VALUE, "trusted issuer " + (i + 1) + " of the pathway is blank;"
            + " give the issuer's URI or remove the entry", null,
            new ModelPointer(-1, "trustedIssuers", List.of(i)));
      }
    }
  }

  private void checkIdsAndValues() {
    Map<String, Integer> aliasOwner = new HashMap<>();
    for (int b = 0; b < badges.size(); b++) {
      Badge badge = badges.get(b);
      String id = badge.id();
      int first = firstIndex.get(id);
      if (first != b) {
        add(ProblemCode.DUPLICATE_ID, "badge id '" + id + "' is already used by badge "
            + (first + 1) + "; give each badge its own id", id, ModelPointer.field(b, "id"));
      }
      if (!isId(id)) {
        add(ProblemCode.INVALID_VALUE, "badge id '" + id + "' " + idRuleText(), id,
            ModelPointer.field(b, "id"));
      }
      if (badge.title().isBlank()) {
        add(ProblemCode.INVALID_VALUE, "badge '" + id + "' has a blank title; give it a title",
            id, ModelPointer.field(b, "title"));
      }
      blanks(b, "tags", "tag", badge.tags());
      blanks(b, "skills", "skill", badge.skills());
      blanks(b, "aliases", "alias", badge.aliases());
      blanks(b, "trustedIssuers", "trusted issuer", badge.trustedIssuers());
      List<String> aliases = badge.aliases();
      for (int k = 0; k < aliases.size(); k++) {
        String alias = aliases.get(k);
        if (alias.isBlank()) {
          continue;
        }
        Integer owner = firstIndex.get(alias);
        Integer earlier = aliasOwner.putIfAbsent(alias, first);
        String other = null;
        if (owner != null && owner != first) {
          other = "is the id of badge '" + alias + "'";
        } else if (earlier != null && earlier != first) {
          other = "is already an alias of badge '" + badges.get(earlier).id() + "'";
        }
        if (other != null) {
          add(ProblemCode.INVALID_VALUE, "alias '" + alias + "' of badge '" + id + "' " + other
              + ", so a learner record naming it is ambiguous; remove one of them", id,
              new ModelPointer(b, "aliases", List.of(k)));
        }
      }
    }
  }

  private void blanks(int b, String field, String what, List<String> values) {
    for (int k = 0; k < values.size(); k++) {
      if (values.get(k).isBlank()) {
        String id = badges.get(b).id();
        add(ProblemCode.INVALID_VALUE, what + " " + (k + 1) + " of badge '" + id + "' is blank;"
            + " remove it or give it a value", id, new ModelPointer(b, field, List.of(k)));
      }
    }
  }

  /** Whether {@code id} is an id or an imported {@code prefix:id}. */
  static boolean isId(String id) {
    int colon = id.indexOf(':');
    if (colon < 0) {
      return isPlainId(id);
    }
    return isPlainId(id.substring(0, colon)) && isPlainId(id.substring(colon + 1));
  }

  private static boolean isPlainId(String id) {
    return id.length() <= MAX_ID_LENGTH && ID.matcher(id).matches();
  }

  private static String idRuleText() {
    return "breaks the id rule: it must match [A-Za-z0-9][A-Za-z0-9._-]* and be at most "
        + MAX_ID_LENGTH + " characters (an imported id is prefix:id, two such ids)";
  }

  // ---------------------------------------------------------------- expressions

  private void checkExpression(int b, String field, Optional<Requirement> expression) {
    if (expression.isEmpty()) {
      return;
    }
    String id = badges.get(b).id();
    Requirement root = expression.get();
    int[] maxDepth = {0};
    List<List<Integer>> firstTooDeep = new ArrayList<>(1);
    ModelPointer base = ModelPointer.field(b, field);
    ValidationExpressions.walk(root, (node, path, depth) -> {
      maxDepth[0] = Math.max(maxDepth[0], depth);
      if (depth == MAX_DEPTH + 1 && firstTooDeep.isEmpty()) {
        firstTooDeep.add(List.copyOf(path));
      }
      if (node instanceof BadgeRef ref) {
        if (!pathway.hasBadge(ref.id())) {
          add(ProblemCode.UNKNOWN_BADGE, unknownText(id, field, ref.id()), id, at(base, path));
        }
      } else if (node instanceof AllOf || node instanceof AnyOf || node instanceof AtLeast) {
        int size = node.children().size();
        if (size == 0) {
          add(ProblemCode.EMPTY_GROUP, "an empty " + node.op() + " group in the " + field
              + " of badge '" + id + "'; give it members or remove it", id, at(base, path));
        } else if (node instanceof AtLeast a && a.n() > size) {
          impossible(b, field, path, "atLeast " + a.n() + " of only " + size + " children");
        }
      } else if (node instanceof AtLeastTagged t) {
        int tagged = evaluator.badgesWithTag(t.tag()).size();
        if (tagged < t.n()) {
          impossible(b, field, path, "atLeast " + t.n() + " badges tagged '" + t.tag()
              + "' (only " + tagged + (tagged == 1 ? " badge carries" : " badges carry")
              + " that tag)");
        }
      } else if (node instanceof Credits c) {
        checkCredits(b, field, base, path, c);
      } else if (node instanceof CreditsTagged c) {
        double offered = 0;
        List<String> without = new ArrayList<>();
        for (String member : evaluator.badgesWithTag(c.tag())) {
          offered += evaluator.creditsOf(member);
          if (pathway.badge(member).orElseThrow().credits().isEmpty()) {
            without.add(member);
          }
        }
        if (offered < c.amount()) {
          impossible(b, field, path, "credits " + number(c.amount()) + " from badges tagged '"
              + c.tag() + "' (they offer only " + number(offered) + ")");
        }
        if (!without.isEmpty()) {
          add(ProblemCode.MISSING_CREDITS, "the credits rule on tag '" + c.tag() + "' in the "
              + field + " of badge '" + id + "' selects badges without credits, which count 0: "
              + list(without) + "; give them credits", id, at(base, path));
        }
      }
    });
    if (!firstTooDeep.isEmpty()) {
      add(ProblemCode.DEPTH_EXCEEDED, "the " + field + " of badge '" + id + "' is nested "
          + maxDepth[0] + " levels deep, more than the limit of " + MAX_DEPTH
          + "; flatten the expression", id, at(base, firstTooDeep.get(0)));
    }
  }

  private void checkCredits(int b, String field, ModelPointer base, List<Integer> path, Credits c) {
    String id = badges.get(b).id();
    if (c.from().isEmpty()) {
      add(ProblemCode.EMPTY_GROUP, "a credits rule with an empty from list in the " + field
          + " of badge '" + id + "'; list the badges whose credits count", id, at(base, path));
      return;
    }
    double offered = 0;
    Set<String> counted = new HashSet<>();
    for (int k = 0; k < c.from().size(); k++) {
      String member = c.from().get(k);
      List<Integer> memberPath = new ArrayList<>(path);
      memberPath.add(k);
      Optional<Badge> target = pathway.badge(member);
      if (target.isEmpty()) {
        add(ProblemCode.UNKNOWN_BADGE, unknownText(id, field, member), id, at(base, memberPath));
      } else if (target.get().credits().isEmpty()) {
        add(ProblemCode.MISSING_CREDITS, "the credits rule in the " + field + " of badge '" + id
            + "' counts badge '" + member + "', which has no credits (it counts 0); give it credits",
            id, at(base, memberPath));
      }
      if (counted.add(member)) {
        offered += evaluator.creditsOf(member); // a member listed twice counts once
      }
    }
    if (offered < c.amount()) {
      impossible(b, field, path, "credits " + number(c.amount())
          + " from its members (they offer only " + number(offered) + ")");
    }
  }

  /** A rule that can never hold; at the root of requires or stack it is folded into the badge's report. */
  private void impossible(int b, String field, List<Integer> path, String what) {
    String id = badges.get(b).id();
    if (path.isEmpty() && firstIndex.get(id) == b && (field.equals("requires")
        || field.equals("stack"))) {
      rootImpossible.computeIfAbsent(b * 2 + (field.equals("stack") ? 1 : 0),
          k -> new ArrayList<>()).add(what);
      return;
    }
    add(ProblemCode.UNSATISFIABLE, "the " + field + " of badge '" + id + "' asks for " + what
        + ", so no learner can meet it; lower the number or add members", id,
        at(ModelPointer.field(b, field), path));
  }

  private String unknownText(String id, String field, String ref) {
    int colon = ref.indexOf(':');
    if (colon > 0) {
      String prefix = ref.substring(0, colon);
      boolean imported = pathway.imports().stream().anyMatch(i -> i.prefix().equals(prefix));
      if (!imported) {
        return "the " + field + " of badge '" + id + "' names '" + ref + "', but no import has the"
            + " prefix '" + prefix + "'; add the import or fix the prefix";
      }
      return "the " + field + " of badge '" + id + "' names '" + ref + "', but the import '"
          + prefix + "' has no badge '" + ref.substring(colon + 1) + "'; fix the reference";
    }
    return "the " + field + " of badge '" + id + "' names unknown badge '" + ref
        + "'; add a badge with that id or fix the reference";
  }

  private void checkRecommends(int b) {
    Badge badge = badges.get(b);
    List<String> recommends = badge.recommends();
    for (int k = 0; k < recommends.size(); k++) {
      String ref = recommends.get(k);
      if (!pathway.hasBadge(ref)) {
        add(ProblemCode.UNKNOWN_BADGE, unknownText(badge.id(), "recommends", ref), badge.id(),
            new ModelPointer(b, "recommends", List.of(k)));
      }
    }
  }

  private void checkEquivalences() {
    List<List<String>> classes = pathway.equivalences();
    Map<String, Integer> classOf = new HashMap<>();
    for (int c = 0; c < classes.size(); c++) {
      List<String> members = classes.get(c);
      for (int m = 0; m < members.size(); m++) {
        String member = members.get(m);
        ModelPointer at = new ModelPointer(-1, "equivalences", List.of(c, m));
        if (!pathway.hasBadge(member)) {
          add(ProblemCode.UNKNOWN_BADGE, "equivalence " + (c + 1) + " names unknown badge '"
              + member + "'; add the badge or remove it from the equivalence", null, at);
        }
        Integer earlier = classOf.putIfAbsent(member, c);
        if (earlier != null) {
          add(ProblemCode.INVALID_VALUE, earlier == c
              ? "equivalence " + (c + 1) + " lists badge '" + member + "' twice; list it once"
              : "badge '" + member + "' is in equivalences " + (earlier + 1) + " and " + (c + 1)
                  + "; merge them into one class", member, at);
        }
      }
    }
  }

  // ---------------------------------------------------------------- graph checks

  private void checkCycles() {
    DependencyLists graph = DependencyLists.of(pathway);
    for (List<String> cycle : new CycleFinder(graph).cycles()) {
      String start = cycle.get(0);
      String previous = cycle.get(cycle.size() - 1);
      int b = firstIndex.get(start);
      DependencyKind kind = null;
      for (DependencyKind k : DependencyKind.values()) {
        if (graph.hasEdge(graph.vertex(previous), graph.vertex(start), k)) {
          kind = k;
          break;
        }
      }
      String field = kind == DependencyKind.PREREQUISITE ? "requires"
          : kind == DependencyKind.CO_REQUISITE ? "coRequires" : "stack";
      Requirement rule = (kind == DependencyKind.PREREQUISITE ? badges.get(b).requires()
          : kind == DependencyKind.CO_REQUISITE ? badges.get(b).coRequires()
          : badges.get(b).stack()).orElseThrow();
      Set<String> tags = new LinkedHashSet<>(pathway.badge(previous).orElseThrow().tags());
      List<Integer> path = ValidationExpressions.pathTo(rule, previous, tags).orElse(List.of());
      StringBuilder text = new StringBuilder();
      for (String v : cycle) {
        text.append(v).append(" -> ");
      }
      text.append(start);
      String message = cycle.size() == 1
          ? "badge '" + start + "' depends on itself through its " + field + "; remove the"
              + " reference"
          : "dependency cycle " + text + " (each badge is needed by the next through requires,"
              + " coRequires or stack): no learner can start it; remove one of these references";
      entries.add(entry(Problem.of(ProblemCode.CYCLE, message).withBadge(start).withCycle(cycle)
          .withPointer(new ModelPointer(b, field, path))));
    }
  }

  private void checkAttainability() {
    AttainabilityAnalysis analysis = new AttainabilityAnalysis(pathway, firstIndex, evaluator).run();
    for (int b = 0; b < badges.size(); b++) {
      Badge badge = badges.get(b);
      if (firstIndex.get(badge.id()) != b || analysis.attainable(b)) {
        continue;
      }
      int slot = analysis.holds(b, 0) ? 1 : 0;
      String field = ROOT_FIELDS[slot];
      Requirement rule = (slot == 0 ? badge.requires() : badge.stack()).orElseThrow();
      List<String> reasons = new ArrayList<>(rootImpossible.getOrDefault(b * 2 + slot, List.of()));
      List<String> unattainable = new ArrayList<>();
      List<String> unknown = new ArrayList<>();
      for (String ref : rule.referencedBadges()) {
        if (!pathway.hasBadge(ref)) {
          unknown.add(ref);
        } else if (pathway.equivalents(ref).stream()
            .noneMatch(analysis.attainablePredicate())) {
          unattainable.add(ref);
        }
      }
      if (!unattainable.isEmpty()) {
        reasons.add("it depends on badges that can never be held: " + list(unattainable));
      }
      if (!unknown.isEmpty()) {
        reasons.add("it names unknown badges: " + list(unknown));
      }
      if (reasons.isEmpty()) {
        reasons.add(rule.usesDistinct()
            ? "no choice of distinct attainable badges satisfies it"
            : "the attainable badges do not meet its numbers");
      }
      String message = (badge.isStacked() ? "stacked credential '" : "badge '") + badge.id()
          + "' can never be held by any learner: its " + field + " can never hold ("
          + String.join("; ", reasons) + "); fix the rule or the badges it depends on";
      add(ProblemCode.UNSATISFIABLE, message, badge.id(), ModelPointer.field(b, field));
    }
  }

  private void checkRedundancy() {
    for (ValidationRedundancy.Finding f : new ValidationRedundancy(badges, firstIndex).find()) {
      String id = badges.get(f.badgeIndex()).id();
      add(ProblemCode.REDUNDANT_PREREQUISITE, "badge '" + id + "' requires '" + f.redundant()
          + "', which its prerequisite '" + f.impliedBy() + "' already requires (directly or"
          + " through its own prerequisites); the reference can be removed", id,
          new ModelPointer(f.badgeIndex(), "requires", f.path()));
    }
  }

  private void checkUnreferenced() {
    boolean[] referenced = new boolean[badges.size()];
    // A tag's carriers are marked once: hundreds of rules may count the same tag of 10 000 badges.
    Set<String> tagsMarked = new HashSet<>();
    for (Badge badge : badges) {
      for (Optional<Requirement> rule : List.of(badge.requires(), badge.coRequires(),
          badge.stack())) {
        if (rule.isEmpty()) {
          continue;
        }
        for (String ref : rule.get().referencedBadges()) {
          mark(referenced, ref);
        }
        for (String tag : rule.get().referencedTags()) {
          if (tagsMarked.add(tag)) {
            evaluator.badgesWithTag(tag).forEach(t -> mark(referenced, t));
          }
        }
      }
      badge.recommends().forEach(r -> mark(referenced, r));
    }
    pathway.equivalences().forEach(c -> c.forEach(m -> mark(referenced, m)));
    for (int b = 0; b < badges.size(); b++) {
      Badge badge = badges.get(b);
      boolean refersOut = badge.requires().isPresent() || badge.coRequires().isPresent()
          || badge.stack().isPresent() || !badge.recommends().isEmpty();
      if (firstIndex.get(badge.id()) == b && !referenced[b] && !refersOut) {
        add(ProblemCode.UNREFERENCED_BADGE, "badge '" + badge.id() + "' is connected to nothing:"
            + " no rule, stack, recommends or equivalence names it and it names no other badge;"
            + " connect it or remove it", badge.id(), ModelPointer.field(b, "id"));
      }
    }
  }

  private void mark(boolean[] referenced, String id) {
    Integer i = firstIndex.get(id);
    if (i != null) {
      referenced[i] = true;
    }
  }

  // ---------------------------------------------------------------- helpers

  private void add(ProblemCode code, String message, String badge, ModelPointer pointer) {
    Problem p = Problem.of(code, message).withPointer(pointer);
    entries.add(entry(badge == null ? p : p.withBadge(badge)));
  }

  private Entry entry(Problem p) {
    ModelPointer at = p.pointer().orElseThrow();
    int rank;
    int fieldRank;
    if (at.badgeIndex() >= 0) {
      rank = at.badgeIndex();
      fieldRank = BADGE_FIELDS.indexOf(at.field());
    } else {
      boolean header = at.field().equals("pathway") || at.field().equals("imports");
      rank = header ? -1 : badges.size();
      fieldRank = List.of("pathway", "imports", "equivalences", "trustedIssuers")
          .indexOf(at.field());
    }
    return new Entry(p, rank, fieldRank, at.path(), entries.size());
  }

  private static ModelPointer at(ModelPointer base, List<Integer> path) {
    return new ModelPointer(base.badgeIndex(), base.field(), path);
  }

  private static int comparePaths(List<Integer> a, List<Integer> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = Integer.compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static String list(List<String> ids) {
    if (ids.size() <= MAX_LISTED) {
      return String.join(", ", ids);
    }
    return String.join(", ", ids.subList(0, MAX_LISTED)) + " and " + (ids.size() - MAX_LISTED)
        + " more";
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15
        ? Long.toString((long) value) : Double.toString(value);
  }
}
