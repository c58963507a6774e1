package org.pathwayengine.io.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.pathwayengine.core.Badge;
import org.pathwayengine.core.LearnerRecord;
import org.pathwayengine.core.ModelPointer;
import org.pathwayengine.core.Pathway;
import org.pathwayengine.core.PathwayImport;
import org.pathwayengine.core.PathwayValidator;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.core.Requirement;
import org.pathwayengine.core.SourceLocation;
import org.pathwayengine.io.FileFormat;
import org.pathwayengine.io.ReadLimits;
import org.pathwayengine.io.ReadResult;

/**
 * Reads pathway files (alone or whole, with their imports) and learner records: bytes to tree to
 * model, then the core validator, whose problems are placed through their {@link ModelPointer}.
 * Thread-safe; one instance per set of limits.
 */
public final class FileReading {
  /** How deep imports may nest (a chain of files importing each other). */
  static final int MAX_IMPORT_DEPTH = 32;
  private static final Pattern SCHEME = Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*:.*");

  private final ReadLimits limits;
  private final TreeReader treeReader;
  /** Whether a pathway's warnings are looked for and reported, or only its errors. */
  private final boolean warnings;

  /** A reader with these limits, reporting errors and warnings. */
  public FileReading(ReadLimits limits) {
    this(limits, true);
  }

  /**
   * A reader with these limits; without {@code warnings} a pathway's problems are its errors alone,
   * and the core validator's analyses that can only warn are not run.
   */
  public FileReading(ReadLimits limits, boolean warnings) {
    this.limits = limits;
    this.treeReader = new TreeReader(limits);
    this.warnings = warnings;
  }

  /** Where an imported or local badge came from, for placing core problems. */
  private record Origin(String file, Node.MapNode node) {}

  /** A pathway read (whole or alone) before validation. */
  private record Read(Optional<Pathway> pathway, String file, Node.MapNode root,
      List<Origin> origins, List<Problem> problems, boolean importsRead) {}

  // ================================================================== entry points

  /** A pathway file from bytes, alone (imports are kept as declared, not read). */
  public ReadResult<Pathway> pathway(byte[] bytes, FileFormat format, String file) {
    Read r = single(bytes, format, file);
    return validated(r);
  }

  /** A pathway file from disk, alone or whole with its imports. */
  public ReadResult<Pathway> pathway(Path path, boolean withImports) {
    String file = path.toString();
    Optional<byte[]> bytes = load(path);
    if (bytes.isEmpty()) {
      return new ReadResult<>(Optional.empty(), loadProblems(path, file, null, List.of()));
    }
    FileFormat format = FileFormat.detect(path, bytes.get());
    if (!withImports) {
      return validated(single(bytes.get(), format, file));
    }
    List<Path> chain = new ArrayList<>();
    chain.add(realPath(path));
    return validated(whole(bytes.get(), format, file, path, chain));
  }

  /** A learner record from bytes. */
  public ReadResult<LearnerRecord> learner(byte[] bytes, FileFormat format, String file) {
    TreeReader.Result tree = treeReader.read(bytes, format, file);
    List<Problem> problems = new ArrayList<>(tree.problems());
    Optional<LearnerRecord> record = Optional.empty();
    if (tree.root().isPresent()) {
      TreeMapper mapper = new TreeMapper(file, limits);
      record = mapper.learner(tree.root().get());
      problems.addAll(mapper.problems());
    }
    return new ReadResult<>(record, sorted(problems));
  }

  /** A learner record from disk. */
  public ReadResult<LearnerRecord> learner(Path path) {
    String file = path.toString();
    Optional<byte[]> bytes = load(path);
    if (bytes.isEmpty()) {
      return new ReadResult<>(Optional.empty(), loadProblems(path, file, null, List.of()));
    }
    return learner(bytes.get(), FileFormat.detect(path, bytes.get()), file);
  }

  // ======================================================================== reading

  private Read single(byte[] bytes, FileFormat format, String file) {
    TreeReader.Result tree = treeReader.read(bytes, format, file);
    List<Problem> problems = new ArrayList<>(tree.problems());
    if (tree.root().isEmpty()) {
      return new Read(Optional.empty(), file, emptyRoot(), List.of(), problems, false);
    }
    TreeMapper mapper = new TreeMapper(file, limits);
    TreeMapper.PathwayTree t = mapper.pathway(tree.root().get());
    problems.addAll(mapper.problems());
    List<Origin> origins = new ArrayList<>();
    for (Node.MapNode n : t.badgeNodes()) {
      origins.add(new Origin(file, n));
    }
    return new Read(t.pathway(), file, t.root(), origins, problems, false);
  }

  private Read whole(byte[] bytes, FileFormat format, String file, Path path, List<Path> chain) {
    Read own = single(bytes, format, file);
    if (own.pathway().isEmpty()) {
      return own;
    }
    Pathway p = own.pathway().get();
    List<Problem> problems = new ArrayList<>(own.problems());
    List<Origin> origins = new ArrayList<>(own.origins());
    Pathway.Builder merged = p.toBuilder();
    List<Node> importNodes = importFileNodes(own.root());
    for (int i = 0; i < p.imports().size(); i++) {
      PathwayImport imp = p.imports().get(i);
      Node at = i < importNodes.size() ? importNodes.get(i) : own.root();
      Optional<Path> target = resolve(path, imp.file(), file, at, chain, problems);
      if (target.isEmpty()) {
        continue;
      }
      String childFile = displayName(file, imp.file());
      Optional<byte[]> childBytes = load(target.get());
      if (childBytes.isEmpty()) {
        problems.addAll(loadProblems(target.get(), file, at, chain));
        continue;
      }
      List<Path> childChain = new ArrayList<>(chain);
      childChain.add(realPath(target.get()));
      Read child = whole(childBytes.get(), FileFormat.detect(target.get(), childBytes.get()),
          childFile, target.get(), childChain);
      problems.addAll(child.problems());
      if (child.pathway().isEmpty()) {
        continue;
      }
      String prefix = imp.prefix() + ":";
      for (Badge b : child.pathway().get().badges()) {
        merged.badge(renamed(b, prefix));
      }
      origins.addAll(child.origins());
      for (List<String> cls : child.pathway().get().equivalences()) {
        merged.equivalence(cls.stream().map(id -> prefix + id).toList());
      }
    }
    return new Read(Optional.of(merged.build()), file, own.root(), origins, problems, true);
  }

  private static List<Node> importFileNodes(Node.MapNode root) {
    List<Node> out = new ArrayList<>();
    Optional<Node.Entry> e = root.entry("imports");
    if (e.isPresent() && e.get().value() instanceof Node.ListNode) {
      for (Node item : ((Node.ListNode) e.get().value()).items()) {
        if (item instanceof Node.MapNode && ((Node.MapNode) item).entry("file").isPresent()
            && ((Node.MapNode) item).entry("as").isPresent()) {
          out.add(((Node.MapNode) item).entry("file").get().value());
        }
      }
    }
    return out;
  }

  /** The imported file, if its name is safe, it lies in the importing file's folder, and no cycle. */
  private Optional<Path> resolve(Path importing, String name, String file, Node at,
      List<Path> chain, List<Problem> problems) {
    String chainText = chainText(chain);
    String why = null;
    if (name.isBlank()) {
      why = "the import names no file";
    } else if (name.startsWith("/") || name.startsWith("\\") || SCHEME.matcher(name).matches()) {
      why = "'" + name + "' is an absolute path or a URL; imports name files relative to the "
          + "importing file";
    } else if (List.of(name.split("[/\\\\]")).contains("..")) {
      why = "'" + name + "' leaves the importing file's folder ('..'); imports stay in that "
          + "folder or below it";
    }
    if (why == null && chain.size() >= MAX_IMPORT_DEPTH) {
      why = "imports nest deeper than " + MAX_IMPORT_DEPTH + " files: " + chainText;
    }
    Path target = null;
    if (why == null) {
      try {
        Path folder = parentOf(importing);
        target = folder.resolve(name).normalize();
        if (!target.startsWith(folder.normalize())) {
          why = "'" + name + "' lies outside the importing file's folder";
        } else if (!Files.isRegularFile(target)) {
          why = "the imported file '" + name + "' does not exist (" + chainText + " -> " + name
              + ")";
        } else {
          Path real = target.toRealPath();
          if (!real.startsWith(parentOf(importing).toRealPath())) {
            why = "'" + name + "' links to a file outside the importing file's folder";
          } else if (chain.contains(real)) {
            why = "import cycle: " + chainText + " -> " + name;
          }
        }
      } catch (InvalidPathException | IOException e) {
        why = "'" + name + "' cannot be read as a file: " + e.getMessage();
      }
    }
    if (why != null) {
      problems.add(TreeReader.problem(ProblemCode.IMPORT_ERROR, why, file, at.line(),
          at.column()));
      return Optional.empty();
    }
    return Optional.of(target);
  }

  private static Path parentOf(Path p) {
    Path abs = p.toAbsolutePath();
    Path parent = abs.getParent();
    return parent == null ? abs.getRoot() : parent;
  }

  private static String chainText(List<Path> chain) {
    List<String> names = new ArrayList<>();
    for (Path p : chain) {
      names.add(String.valueOf(p.getFileName()));
    }
    return String.join(" -> ", names);
  }

  private static String displayName(String importingFile, String name) {
    try {
      return Path.of(importingFile).resolveSibling(name).normalize().toString();
    } catch (InvalidPathException e) {
      return name;
    }
  }

  private static Path realPath(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  private Optional<byte[]> load(Path path) {
    try {
      if (!Files.isRegularFile(path) || Files.size(path) > limits.maxFileBytes()) {
        return Optional.empty();
      }
      return Optional.of(Files.readAllBytes(path));
    } catch (IOException | OutOfMemoryError e) {
      return Optional.empty();
    }
  }

  /** Why {@link #load} gave nothing, as a problem at the import site or at the file's start. */
  private List<Problem> loadProblems(Path path, String file, Node at, List<Path> chain) {
    int line = at == null ? 1 : at.line();
    int column = at == null ? 1 : at.column();
    try {
      if (Files.isRegularFile(path) && Files.size(path) > limits.maxFileBytes()) {
        String where = at == null ? file : path.getFileName().toString();
        return List.of(TreeReader.problem(ProblemCode.LIMIT_EXCEEDED, where + " has "
            + Files.size(path) + " bytes, more than the limit maxFileBytes = "
            + limits.maxFileBytes(), file, line, column));
      }
    } catch (IOException e) {
      // reported below
    }
    ProblemCode code = at == null ? ProblemCode.PARSE_ERROR : ProblemCode.IMPORT_ERROR;
    return List.of(TreeReader.problem(code, "cannot read " + path + (Files.exists(path)
        ? "" : ": no such file"), file, line, column));
  }

  private static Badge renamed(Badge b, String prefix) {
    return new Badge(prefix + b.id(), b.title(), b.description(), b.issuer(), b.credits(),
        b.hours(), b.tags(), b.skills(), b.aliases(), b.validFor(),
        b.requires().map(r -> renamed(r, prefix)), b.coRequires().map(r -> renamed(r, prefix)),
        b.recommends().stream().map(id -> prefix + id).toList(),
        b.stack().map(r -> renamed(r, prefix)), b.trustedIssuers(), b.extensions());
  }

  /** The expression with every badge id prefixed; tags are global and stay. Depth is at most 64. */
  private static Requirement renamed(Requirement r, String prefix) {
    if (r instanceof Requirement.BadgeRef) {
      return new Requirement.BadgeRef(prefix + ((Requirement.BadgeRef) r).id());
    }
    if (r instanceof Requirement.AllOf) {
      return new Requirement.AllOf(renamed(r.children(), prefix),
          ((Requirement.AllOf) r).distinct());
    }
    if (r instanceof Requirement.AnyOf) {
      return new Requirement.AnyOf(renamed(r.children(), prefix));
    }
    if (r instanceof Requirement.AtLeast) {
      Requirement.AtLeast a = (Requirement.AtLeast) r;
      return new Requirement.AtLeast(a.n(), renamed(a.children(), prefix), a.distinct());
    }
    if (r instanceof Requirement.Credits) {
      Requirement.Credits c = (Requirement.Credits) r;
      return new Requirement.Credits(c.amount(), c.from().stream().map(id -> prefix + id).toList());
    }
    if (r instanceof Requirement.AtLeastTagged || r instanceof Requirement.CreditsTagged) {
      return r;
    }
    throw new AssertionError("unknown requirement type " + r.getClass());
  }

  private static List<Requirement> renamed(List<Requirement> rs, String prefix) {
    List<Requirement> out = new ArrayList<>();
    for (Requirement r : rs) {
      out.add(renamed(r, prefix));
    }
    return out;
  }

  // ===================================================================== validation

  private ReadResult<Pathway> validated(Read r) {
    List<Problem> problems = new ArrayList<>(r.problems());
    if (r.pathway().isPresent()) {
      List<Problem> core = warnings
          ? PathwayValidator.validate(r.pathway().get())
          : PathwayValidator.errors(r.pathway().get());
      Set<String> seen = new HashSet<>();
      Set<String> flaggedTokens = new HashSet<>();
      for (Problem p : problems) {
        seen.add(key(p));
        if (p.isError()) {
          flaggedTokens.add(p.location().map(SourceLocation::toString).orElse("?"));
        }
      }
      for (Problem p : core) {
        if (p.code() == ProblemCode.EMPTY_GROUP || p.code() == ProblemCode.DEPTH_EXCEEDED) {
          continue; // the tree mapper checks every expression it reads, at the group's own token
        }
        if (!r.importsRead() && namesUnreadImport(p, r)) {
          continue; // read alone, a file's references into its imports cannot be judged
        }
        Problem placed = place(p, r);
        // a token the reader already flagged (say, a missing title read as blank) is not flagged twice
        boolean alreadyFlagged = placed.isError()
            && flaggedTokens.contains(placed.location().map(SourceLocation::toString).orElse("?"));
        if (!alreadyFlagged && seen.add(key(placed))) {
          problems.add(placed);
        }
      }
    }
    if (!warnings) {
      problems.removeIf(p -> !p.isError());
    }
    return new ReadResult<>(r.pathway(), sorted(problems));
  }

  /** An unknown reference {@code prefix:id} to a declared import that was not read. */
  private static boolean namesUnreadImport(Problem p, Read r) {
    if (p.code() != ProblemCode.UNKNOWN_BADGE || p.pointer().isEmpty()) {
      return false;
    }
    ModelPointer ptr = p.pointer().get();
    Node.MapNode start = ptr.badgeIndex() >= 0 && ptr.badgeIndex() < r.origins().size()
        ? r.origins().get(ptr.badgeIndex()).node() : r.root();
    Node n = Locator.locate(start, ptr);
    if (!(n instanceof Node.ScalarNode)) {
      return false;
    }
    String ref = ((Node.ScalarNode) n).text();
    return r.pathway().get().imports().stream()
        .anyMatch(i -> ref.startsWith(i.prefix() + ":"));
  }

  private static Problem place(Problem p, Read r) {
    if (p.location().isPresent()) {
      return p;
    }
    if (p.pointer().isEmpty()) {
      return p.withLocation(new SourceLocation(r.file(), r.root().line(), r.root().column()));
    }
    ModelPointer ptr = p.pointer().get();
    String file = r.file();
    Node.MapNode start = r.root();
    if (ptr.badgeIndex() >= 0 && ptr.badgeIndex() < r.origins().size()) {
      Origin o = r.origins().get(ptr.badgeIndex());
      file = o.file();
      start = o.node();
    }
    Node n = Locator.locate(start, ptr);
    return p.withLocation(new SourceLocation(file, n.line(), n.column()));
  }

  private static String key(Problem p) {
    return p.code() + "@" + p.location().map(SourceLocation::toString).orElse("?");
  }

  private static List<Problem> sorted(List<Problem> problems) {
    // files in the order their first problem was found (the importing file first), then places
    java.util.Map<String, Integer> fileOrder = new java.util.HashMap<>();
    for (Problem p : problems) {
      p.location().ifPresent(l -> fileOrder.putIfAbsent(l.file(), fileOrder.size()));
    }
    List<Problem> out = new ArrayList<>(problems);
    out.sort(Comparator.comparing((Problem p) -> p.location().isEmpty())
        .thenComparingInt(p -> p.location().map(l -> fileOrder.get(l.file())).orElse(0))
        .thenComparingInt(p -> p.location().map(SourceLocation::line).orElse(0))
        .thenComparingInt(p -> p.location().map(SourceLocation::column).orElse(0)));
    return out;
  }

  private static Node.MapNode emptyRoot() {
    return new Node.MapNode(List.of(), 1, 1, 1);
  }
}
