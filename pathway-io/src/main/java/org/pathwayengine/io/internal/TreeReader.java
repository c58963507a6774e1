package org.pathwayengine.io.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.pathwayengine.core.Problem;
import org.pathwayengine.core.ProblemCode;
import org.pathwayengine.core.SourceLocation;
import org.pathwayengine.io.FileFormat;
import org.pathwayengine.io.ReadLimits;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Parses YAML or JSON bytes into a located {@link Node} tree with Jackson's streaming parsers.
 *
 * <p>Checks, before and during parsing: file size, strict UTF-8, NUL bytes, nesting depth (with an
 * explicit stack, so depth never touches the Java stack), string length, alias expansion, unknown
 * aliases, duplicate keys and trailing documents. Each is a problem with a line and column; a syntax
 * error stops the parse but still has its place. Runs in time linear in the input.
 */
public final class TreeReader {

  /** The tree, if the document could be parsed, and every problem. */
  public record Result(Optional<Node> root, List<Problem> problems) {
    public Result {
      problems = List.copyOf(problems);
    }
  }

  private final ReadLimits limits;
  private final JsonFactory jsonFactory;
  private final YAMLFactory yamlFactory;

  /** A reader with the given limits; factories are built once and shared (thread-safe). */
  public TreeReader(ReadLimits limits) {
    this.limits = limits;
    StreamReadConstraints constraints = StreamReadConstraints.builder()
        // one above ours, so that our own check (with the place) fires first
        .maxNestingDepth(limits.maxNestingDepth() + 1)
        // strings are bounded by the file size; our own check reports the token's start
        .maxStringLength((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes() + 1))
        .maxNameLength((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes() + 1))
        .maxDocumentLength(limits.maxFileBytes() + 1)
        .build();
    this.jsonFactory = JsonFactory.builder().streamReadConstraints(constraints).build();
    LoadSettings settings = LoadSettings.builder()
        .setCodePointLimit((int) Math.min(Integer.MAX_VALUE, limits.maxFileBytes() + 1))
        .setAllowDuplicateKeys(true) // we report duplicates ourselves, with their place
        .setMaxAliasesForCollections(Integer.MAX_VALUE) // we bound the expansion ourselves
        .build();
    this.yamlFactory = YAMLFactory.builder().streamReadConstraints(constraints)
        .loadSettings(settings).build();
  }

  /** Thrown inside the parse loop to stop at a fatal problem; never escapes this class. */
  private static final class Stop extends RuntimeException {
    Stop() {
      super(null, null, false, false);
    }
  }

  /** A container under construction on the explicit stack. */
  private static final class Frame {
    final boolean map;
    final int line;
    final int column;
    final String anchor;
    final List<Node.Entry> entries = new ArrayList<>();
    final List<Node> items = new ArrayList<>();
    final Set<String> keys = new HashSet<>();
    String pendingKey;
    int keyLine;
    int keyColumn;
    boolean skipValue; // the pending key was a duplicate: parse its value, drop it
    long weight = 1;

    Frame(boolean map, int line, int column, String anchor) {
      this.map = map;
      this.line = line;
      this.column = column;
      this.anchor = anchor;
    }
  }

  /**
   * Parses one document.
   *
   * @param bytes the file's bytes
   * @param format YAML or JSON
   * @param file the file name for problem locations
   */
  public Result read(byte[] bytes, FileFormat format, String file) {
    List<Problem> problems = new ArrayList<>();
    if (bytes.length > limits.maxFileBytes()) {
      problems.add(problem(ProblemCode.LIMIT_EXCEEDED, "the file has " + bytes.length
          + " bytes, more than the limit maxFileBytes = " + limits.maxFileBytes()
          + "; split it into files that import each other, or raise the limit", file, 1, 1));
      return new Result(Optional.empty(), problems);
    }
    Optional<String> text = decode(bytes, file, problems);
    if (text.isEmpty()) {
      return new Result(Optional.empty(), problems);
    }
    String s = text.get();
    if (onlyComments(s)) {
      problems.add(problem(ProblemCode.PARSE_ERROR,
          "the file is empty; expected a map such as 'pathway: my-id'", file, 1, 1));
      return new Result(Optional.empty(), problems);
    }
    Node root = null;
    JsonParser parser = null;
    try {
      parser = format == FileFormat.JSON
          ? jsonFactory.createParser(ObjectReadContext.empty(), s)
          : yamlFactory.createParser(ObjectReadContext.empty(), new CodePointReader(s));
      root = parse(parser, format, file, problems);
    } catch (Stop stop) {
      root = null;
    } catch (StreamConstraintsException e) {
      int[] at = place(e, parser);
      problems.add(problem(ProblemCode.LIMIT_EXCEEDED, limitMessage(e), file, at[0], at[1]));
      root = null;
    } catch (RuntimeException | StackOverflowError e) {
      int[] at = place(e, parser);
      problems.add(problem(ProblemCode.PARSE_ERROR, syntaxMessage(e, format), file, at[0], at[1]));
      root = null;
    } finally {
      if (parser != null) {
        try {
          parser.close();
        } catch (RuntimeException ignored) {
          // closing a string source cannot lose data
        }
      }
    }
    return new Result(Optional.ofNullable(root), problems);
  }

  private Node parse(JsonParser p, FileFormat format, String file, List<Problem> problems) {
    Deque<Frame> stack = new ArrayDeque<>();
    Map<String, Node> anchors = new HashMap<>();
    long expansion = 0;
    Node root = null;
    JsonToken t;
    while ((t = p.nextToken()) != null) {
      TokenStreamLocation loc = p.currentTokenLocation();
      int line = Math.max(1, loc.getLineNr());
      int column = Math.max(1, loc.getColumnNr());
      if (root != null) {
        problems.add(problem(ProblemCode.PARSE_ERROR, "a second document starts here; a file holds "
            + "one pathway (remove the '---' and what follows, or move it to its own file)",
            file, line, column));
        return root;
      }
      Node done = null;
      switch (t) {
        case START_OBJECT:
        case START_ARRAY: {
          if (stack.size() >= limits.maxNestingDepth()) {
            problems.add(problem(ProblemCode.LIMIT_EXCEEDED, "the document nests deeper than the "
                + "limit maxNestingDepth = " + limits.maxNestingDepth(), file, line, column));
            throw new Stop();
          }
          stack.push(new Frame(t == JsonToken.START_OBJECT, line, column, anchor(p)));
          continue;
        }
        case PROPERTY_NAME: {
          Frame f = stack.peek();
          String key = p.currentName();
          checkLength(key, file, line, column, problems);
          f.pendingKey = key;
          f.keyLine = line;
          f.keyColumn = column;
          f.skipValue = !f.keys.add(key);
          if (f.skipValue) {
            problems.add(problem(ProblemCode.PARSE_ERROR, "duplicate key '" + key
                + "': it already appears in this map; keep one of them", file, line, column));
          }
          continue;
        }
        case END_OBJECT:
        case END_ARRAY: {
          Frame f = stack.pop();
          done = f.map
              ? new Node.MapNode(f.entries, f.line, f.column, f.weight)
              : new Node.ListNode(f.items, f.line, f.column, f.weight);
          if (f.anchor != null) {
            anchors.put(f.anchor, done);
          }
          break;
        }
        case VALUE_STRING: {
          String value = p.getString();
          checkLength(value, file, line, column, problems);
          if (p instanceof YAMLParser && ((YAMLParser) p).isCurrentAlias()) {
            Node target = anchors.get(value);
            if (target == null) {
              // Jackson's YAML parser reports anchors of maps and lists only, so an alias of a
              // scalar cannot be resolved either
              problems.add(problem(ProblemCode.PARSE_ERROR, "the alias *" + value
                  + " names no map or list anchored before it (aliases of single values and of "
                  + "enclosing nodes are not supported); write the value out", file, line, column));
              throw new Stop();
            }
            expansion = saturatingAdd(expansion, target.weight());
            if (expansion > limits.maxAliasExpansion()) {
              problems.add(problem(ProblemCode.LIMIT_EXCEEDED, "YAML aliases expand the document "
                  + "by more than the limit maxAliasExpansion = " + limits.maxAliasExpansion()
                  + " nodes; write the values out or use fewer aliases", file, line, column));
              throw new Stop();
            }
            done = target;
          } else {
            done = scalar(Node.ScalarKind.STRING, value, p, line, column, anchors);
          }
          break;
        }
        case VALUE_NUMBER_INT:
          done = scalar(Node.ScalarKind.INTEGER, p.getString(), p, line, column, anchors);
          break;
        case VALUE_NUMBER_FLOAT:
          done = scalar(Node.ScalarKind.DECIMAL, p.getString(), p, line, column, anchors);
          break;
        case VALUE_TRUE:
        case VALUE_FALSE:
          done = scalar(Node.ScalarKind.BOOLEAN, t == JsonToken.VALUE_TRUE ? "true" : "false", p,
              line, column, anchors);
          break;
        case VALUE_NULL:
          done = scalar(Node.ScalarKind.NULL, "null", p, line, column, anchors);
          break;
        default:
          problems.add(problem(ProblemCode.PARSE_ERROR, "unsupported value (" + t
              + "); use strings, numbers, booleans, lists and maps", file, line, column));
          done = new Node.ScalarNode(Node.ScalarKind.NULL, "null", line, column);
      }
      Frame parent = stack.peek();
      if (parent == null) {
        root = done;
      } else if (parent.map) {
        if (!parent.skipValue) {
          parent.entries.add(new Node.Entry(parent.pendingKey, parent.keyLine, parent.keyColumn,
              done));
          parent.weight = saturatingAdd(parent.weight, done.weight());
        }
        parent.pendingKey = null;
      } else {
        parent.items.add(done);
        parent.weight = saturatingAdd(parent.weight, done.weight());
      }
    }
    if (root == null) {
      problems.add(problem(ProblemCode.PARSE_ERROR, "the file holds no document", file, 1, 1));
    }
    return root;
  }

  private Node.ScalarNode scalar(Node.ScalarKind kind, String text, JsonParser p, int line,
      int column, Map<String, Node> anchors) {
    Node.ScalarNode n = new Node.ScalarNode(kind, text, line, column);
    String anchor = anchor(p);
    if (anchor != null) {
      anchors.put(anchor, n);
    }
    return n;
  }

  private static String anchor(JsonParser p) {
    if (!(p instanceof YAMLParser)) {
      return null;
    }
    Object id = p.getObjectId();
    return id == null ? null : id.toString();
  }

  private void checkLength(String s, String file, int line, int column, List<Problem> problems) {
    if (s != null && s.length() > limits.maxStringLength()) {
      problems.add(problem(ProblemCode.LIMIT_EXCEEDED, "a string of " + s.length()
          + " characters is longer than the limit maxStringLength = " + limits.maxStringLength(),
          file, line, column));
      throw new Stop();
    }
  }

  private static long saturatingAdd(long a, long b) {
    long r = a + b;
    return r < 0 ? Long.MAX_VALUE : r;
  }

  /** Strict UTF-8 (no replacement characters), a leading BOM dropped, NUL refused. */
  private static Optional<String> decode(byte[] bytes, String file, List<Problem> problems) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult r = decoder.decode(in, out, true);
    if (!r.isError()) {
      r = decoder.flush(out);
    }
    out.flip();
    if (r.isError()) {
      int[] at = lineColumn(out, out.length());
      problems.add(problem(ProblemCode.PARSE_ERROR, String.format(
          "the file is not valid UTF-8: byte 0x%02X at offset %d; save the file as UTF-8",
          bytes[Math.min(in.position(), bytes.length - 1)] & 0xFF, in.position()),
          file, at[0], at[1]));
      return Optional.empty();
    }
    String s = out.toString();
    if (!s.isEmpty() && s.charAt(0) == '\uFEFF') {
      s = s.substring(1);
    }
    int nul = s.indexOf('\0');
    if (nul >= 0) {
      int[] at = lineColumn(s, nul);
      problems.add(problem(ProblemCode.PARSE_ERROR,
          "the file contains a NUL character; a pathway file is plain text", file, at[0], at[1]));
      return Optional.empty();
    }
    return Optional.of(s);
  }

  /** True when no line holds anything but blanks or a comment; stops at the first content. */
  private static boolean onlyComments(String s) {
    boolean lineStart = true;
    boolean inComment = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        lineStart = true;
        inComment = false;
      } else if (inComment || c == ' ' || c == '\t' || c == '\r') {
        continue;
      } else if (c == '#' && lineStart) {
        inComment = true;
      } else {
        return false;
      }
    }
    return true;
  }


  /** 1-based line and column of the character at {@code index}. */
  static int[] lineColumn(CharSequence s, int index) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < index && i < s.length(); i++) {
      if (s.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new int[] {line, column};
  }

  private static int[] place(Throwable e, JsonParser parser) {
    if (e instanceof JacksonException) {
      TokenStreamLocation l = ((JacksonException) e).getLocation();
      if (l != null && l.getLineNr() >= 1) {
        return new int[] {l.getLineNr(), Math.max(1, l.getColumnNr())};
      }
    }
    if (parser != null) {
      try {
        TokenStreamLocation l = parser.currentLocation();
        if (l != null && l.getLineNr() >= 1) {
          return new int[] {l.getLineNr(), Math.max(1, l.getColumnNr())};
        }
      } catch (RuntimeException ignored) {
        // fall through to the start of the file
      }
    }
    return new int[] {1, 1};
  }

  private String limitMessage(StreamConstraintsException e) {
    String m = String.valueOf(e.getOriginalMessage());
    if (m.contains("nesting depth")) {
      return "the document nests deeper than the limit maxNestingDepth = "
          + limits.maxNestingDepth();
    }
    if (m.contains("String value length") || m.contains("Name length")) {
      return "a string is longer than the limit maxStringLength = " + limits.maxStringLength();
    }
    if (m.contains("Document length")) {
      return "the file is larger than the limit maxFileBytes = " + limits.maxFileBytes();
    }
    return "the document exceeds a reader limit: " + firstLine(m);
  }

  private static String syntaxMessage(Throwable e, FileFormat format) {
    String m = e instanceof JacksonException
        ? ((JacksonException) e).getOriginalMessage() : e.getMessage();
    if (e instanceof StackOverflowError) {
      m = "the document nests too deeply";
    }
    String what = format == FileFormat.JSON ? "JSON" : "YAML";
    return "not valid " + what + ": " + firstLine(m == null ? e.getClass().getSimpleName() : m);
  }

  private static String firstLine(String m) {
    // SnakeYAML messages repeat the source with a caret over several lines; keep the gist
    String[] lines = m.split("\n");
    StringBuilder sb = new StringBuilder();
    for (String l : lines) {
      String t = l.strip();
      if (t.isEmpty() || t.startsWith("in reader") || t.startsWith("^") || t.startsWith("at [")) {
        continue;
      }
      if (l.startsWith("    ")) {
        continue; // the quoted source line
      }
      if (sb.length() > 0) {
        sb.append("; ");
      }
      sb.append(t);
    }
    return sb.length() == 0 ? m.strip() : sb.toString();
  }

  static Problem problem(ProblemCode code, String message, String file, int line, int column) {
    return Problem.of(code, message).withLocation(new SourceLocation(file, line, column));
  }

  /**
   * A reader of a string that never ends a read between the two halves of a surrogate pair: the YAML
   * scanner reads 1 024 chars at a time and fails ("Range [1025, 1025 + 1) out of bounds") when a
   * character outside the Basic Multilingual Plane, such as an emoji, straddles two reads.
   */
  private static final class CodePointReader extends java.io.Reader {
    private final String text;
    private int pos;

    CodePointReader(String text) {
      this.text = text;
    }

    @Override
    public int read(char[] buf, int off, int len) {
      if (pos >= text.length()) {
        return -1;
      }
      int n = Math.min(len, text.length() - pos);
      if (n > 1 && pos + n < text.length() && Character.isHighSurrogate(text.charAt(pos + n - 1))) {
        n--;
      }
      text.getChars(pos, pos + n, buf, off);
      pos += n;
      return n;
    }

    @Override
    public void close() {}
  }
}
