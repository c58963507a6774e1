package org.pathwayengine.core;

import static com.google.common.base.Preconditions.checkArgument;
import static java.util.Objects.requireNonNull;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DirectedPseudograph;

/**
 * A pathway: badges with their prerequisite, co-requisite and stacking rules, equivalences, trusted
 * issuers and scenarios (SPEC section 2).
 *
 * <p>Immutable, null-hostile and thread-safe: build once, share across threads. Badges keep the order
 * they were added in; iteration order is deterministic. A pathway may hold problems that only
 * {@link PathwayValidator} judges (duplicate ids, unknown references, cycles, ...), so that all of
 * them can be reported at once; evaluate only pathways that validate without errors.
 *
 * <pre>{@code
 * Pathway p = Pathway.builder("social-innovation", "1.0.0")
 *     .title("Social Innovation Pathway")
 *     .badge(Badge.builder("si-101", "Social Innovation 101").build())
 *     .badge(Badge.builder("theory-of-change", "Theory of Change").requires("si-101").build())
 *     .build();
 * }</pre>
 */
public final class Pathway {
  private final String id;
  private final String version;
  private final Optional<String> title;
  private final List<PathwayImport> imports;
  private final List<Badge> badges;
  private final List<List<String>> equivalences;
  private final List<String> trustedIssuers;
  private final List<Scenario> scenarios;
  private final Map<String, Object> extensions;

  private final Map<String, Badge> byId;
  private final Map<String, String> byAlias;
  private final Map<String, Integer> equivalenceClass;
  /** Each equivalence class as a set, built once: evaluators ask for them at every rule test. */
  private final List<Set<String>> equivalenceSets;
  private volatile Graph<String, Dependency> graph;

  private Pathway(Builder b) {
    this.id = b.id;
    this.version = b.version;
    this.title = b.title;
    this.imports = List.copyOf(b.imports);
    this.badges = List.copyOf(b.badges);
    this.equivalences = b.equivalences.stream().map(List::copyOf).toList();
    this.trustedIssuers = List.copyOf(b.trustedIssuers);
    this.scenarios = List.copyOf(b.scenarios);
    this.extensions = Values.extensions(b.extensions);

    Map<String, Badge> ids = new HashMap<>();
    Map<String, String> aliases = new HashMap<>();
    for (Badge badge : badges) {
      ids.putIfAbsent(badge.id(), badge);
      for (String alias : badge.aliases()) {
        aliases.putIfAbsent(alias, badge.id());
      }
    }
    this.byId = Collections.unmodifiableMap(ids);
    this.byAlias = Collections.unmodifiableMap(aliases);
    Map<String, Integer> classes = new HashMap<>();
    for (int i = 0; i < equivalences.size(); i++) {
      for (String member : equivalences.get(i)) {
        // a member of an import that was not read in (prefix:id) is resolved by the reader
        checkArgument(byId.containsKey(member) || isImported(member),
            "equivalence %s names unknown badge '%s'", equivalences.get(i), member);
        classes.putIfAbsent(member, i);
      }
    }
    this.equivalenceClass = Collections.unmodifiableMap(classes);
    this.equivalenceSets = equivalences.stream()
        .map(c -> Collections.unmodifiableSet(new LinkedHashSet<>(c)))
        .toList();
  }

  private boolean isImported(String badgeId) {
    for (PathwayImport i : imports) {
      if (badgeId.startsWith(i.prefix() + ":")) {
        return true;
      }
    }
    return false;
  }

  /** A builder for a pathway with the given id and version. */
  public static Builder builder(String id, String version) {
    return new Builder(id, version);
  }

  /** A builder that starts from this pathway's values. */
  public Builder toBuilder() {
    Builder b = new Builder(id, version);
    b.title = title;
    b.imports.addAll(imports);
    b.badges.addAll(badges);
    b.equivalences.addAll(equivalences);
    b.trustedIssuers.addAll(trustedIssuers);
    b.scenarios.addAll(scenarios);
    b.extensions.putAll(extensions);
    return b;
  }

  /** The pathway's id. */
  public String id() {
    return id;
  }

  /** The pathway's own version (free text). */
  public String version() {
    return version;
  }

  /** The title, if any. */
  public Optional<String> title() {
    return title;
  }

  /** The imports as declared. */
  public List<PathwayImport> imports() {
    return imports;
  }

  /** Every badge, in the order added, duplicates included (validation reports them). */
  public List<Badge> badges() {
    return badges;
  }

  /** The badge with this id (the first, if the id is duplicated). */
  public Optional<Badge> badge(String badgeId) {
    return Optional.ofNullable(byId.get(requireNonNull(badgeId, "badgeId")));
  }

  /** Whether a badge has this id. */
  public boolean hasBadge(String badgeId) {
    return byId.containsKey(badgeId);
  }

  /**
   * The id of the badge that a learner record's name stands for: the name itself if it is a badge id,
   * else the badge that lists it among its aliases.
   */
  public Optional<String> resolve(String idOrAlias) {
    requireNonNull(idOrAlias, "idOrAlias");
    if (byId.containsKey(idOrAlias)) {
      return Optional.of(idOrAlias);
    }
    return Optional.ofNullable(byAlias.get(idOrAlias));
  }

  /** The equivalence classes: each list is one class of interchangeable badges. */
  public List<List<String>> equivalences() {
    return equivalences;
  }

  /** The badges interchangeable with the given one, itself included; just itself if it has none. */
  public Set<String> equivalents(String badgeId) {
    Integer c = equivalenceClass.get(badgeId);
    if (c == null) {
      return Set.of(badgeId);
    }
    return equivalenceSets.get(c);
  }

  /** Issuers whose awards count; empty means every issuer counts (unless a badge says otherwise). */
  public List<String> trustedIssuers() {
    return trustedIssuers;
  }

  /** The scenarios kept beside the pathway. */
  public List<Scenario> scenarios() {
    return scenarios;
  }

  /** Pathway-level {@code x-} fields, in file order. */
  public Map<String, Object> extensions() {
    return extensions;
  }

  /**
   * The dependency graph: a vertex per badge id, an edge from each prerequisite, co-requisite or
   * stacked component to the badge that needs it. Tag rules add an edge from every badge that carries
   * the tag. References to unknown badges are left out (validation reports them). Read-only, built
   * once on first use in O(badges + edges).
   */
  public Graph<String, Dependency> dependencyGraph() {
    Graph<String, Dependency> g = graph;
    if (g == null) {
      synchronized (this) {
        g = graph;
        if (g == null) {
          g = new AsUnmodifiableGraph<>(buildGraph());
          graph = g;
        }
      }
    }
    return g;
  }

  private Graph<String, Dependency> buildGraph() {
    // a pseudograph: a badge that names itself is a self-loop, which validation reports as a cycle
    Graph<String, Dependency> g = new DirectedPseudograph<>(null, null, false);
    Map<String, List<String>> byTag = new HashMap<>();
    for (Badge b : badges) {
      g.addVertex(b.id());
      for (String t : b.tags()) {
        byTag.computeIfAbsent(t, k -> new ArrayList<>()).add(b.id());
      }
    }
    for (Badge b : badges) {
      if (byId.get(b.id()) != b) {
        continue;
      }
      b.requires().ifPresent(r -> addEdges(g, r, b.id(), DependencyKind.PREREQUISITE, byTag));
      b.coRequires().ifPresent(r -> addEdges(g, r, b.id(), DependencyKind.CO_REQUISITE, byTag));
      b.stack().ifPresent(r -> addEdges(g, r, b.id(), DependencyKind.STACKING, byTag));
    }
    return g;
  }

  private void addEdges(Graph<String, Dependency> g, Requirement r, String to, DependencyKind kind,
      Map<String, List<String>> byTag) {
    Set<String> sources = new LinkedHashSet<>(r.referencedBadges());
    for (String tag : r.referencedTags()) {
      sources.addAll(byTag.getOrDefault(tag, List.of()));
    }
    for (String from : sources) {
      if (byId.containsKey(from)) {
        Dependency d = new Dependency(from, to, kind);
        if (!g.containsEdge(d)) {
          g.addEdge(from, to, d);
        }
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Pathway p
        && id.equals(p.id)
        && version.equals(p.version)
        && title.equals(p.title)
        && imports.equals(p.imports)
        && badges.equals(p.badges)
        && equivalences.equals(p.equivalences)
        && trustedIssuers.equals(p.trustedIssuers)
        && scenarios.equals(p.scenarios)
        && extensions.equals(p.extensions);
  }

  @Override
  public int hashCode() {
    return Objects.hash(id, version, title, imports, badges, equivalences, trustedIssuers, scenarios,
        extensions);
  }

  @Override
  public String toString() {
    return "Pathway[" + id + " " + version + ", " + badges.size() + " badges]";
  }

  /** Builds a {@link Pathway}; every setter checks its argument at once. Not thread-safe. */
  public static final class Builder {
    private final String id;
    private final String version;
    private Optional<String> title = Optional.empty();
    private final List<PathwayImport> imports = new ArrayList<>();
    private final List<Badge> badges = new ArrayList<>();
    private final List<List<String>> equivalences = new ArrayList<>();
    private final List<String> trustedIssuers = new ArrayList<>();
    private final List<Scenario> scenarios = new ArrayList<>();
    private final Map<String, Object> extensions = new LinkedHashMap<>();

    private Builder(String id, String version) {
      requireNonNull(id, "pathway id");
      checkArgument(!id.isBlank(), "pathway id must not be blank, was '%s'", id);
      this.id = id;
      this.version = requireNonNull(version, "version of pathway " + id);
    }

    /** Sets the title. */
    public Builder title(String value) {
      title = Optional.of(requireNonNull(value, "title"));
      return this;
    }

    /** Adds an import declaration. */
    public Builder addImport(PathwayImport value) {
      imports.add(requireNonNull(value, "import"));
      return this;
    }

    /** Adds a badge. Duplicate ids are kept for validation to report. */
    public Builder badge(Badge value) {
      badges.add(requireNonNull(value, "badge"));
      return this;
    }

    /** Adds badges. */
    public Builder badges(Iterable<Badge> values) {
      values.forEach(this::badge);
      return this;
    }

    /**
     * Adds a class of interchangeable badges. {@link #build()} rejects a class naming a badge that
     * the pathway does not have, unless its id carries the prefix of a declared import.
     */
    public Builder equivalence(List<String> badgeIds) {
      requireNonNull(badgeIds, "equivalence");
      badgeIds.forEach(b -> requireNonNull(b, "badge id in equivalence"));
      equivalences.add(List.copyOf(badgeIds));
      return this;
    }

    /** Adds issuers whose awards count. */
    public Builder trustedIssuers(String... uris) {
      Values.addAll(trustedIssuers, uris, "trusted issuer");
      return this;
    }

    /** Adds a scenario. */
    public Builder scenario(Scenario value) {
      scenarios.add(requireNonNull(value, "scenario"));
      return this;
    }

    /** Sets a pathway-level {@code x-} extension field. */
    public Builder extension(String name, Object value) {
      extensions.put(Values.extensionName(name), value);
      return this;
    }

    /**
     * The pathway.
     *
     * @throws IllegalArgumentException if an equivalence names a badge the pathway does not have (and
     *     that is not {@code prefix:id} of a declared import)
     */
    public Pathway build() {
      return new Pathway(this);
    }
  }
}
