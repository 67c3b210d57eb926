package dev.specgate.packet;

import dev.specgate.core.SourceFile;
import dev.specgate.sql.Names;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A migration packet: the folder holding a {@code spec.md}, with its Markdown files by name, each
 * parsed into blocks and sections ({@link MarkdownDoc}), and the facts the packet rules and the
 * SQL rules read (row counts, compatibility window, phases, cleanup declarations, …).
 *
 * @param folder repository-relative folder, "" at the root
 * @param files the packet's files keyed by lower-case file name (spec.md, tasks.md, …)
 * @param docs the same files parsed, keyed like {@code files} (binary or deleted files absent)
 */
public record Packet(String folder, Map<String, SourceFile> files, Map<String, MarkdownDoc> docs) {
  public static final String SPEC = "spec.md";
  public static final String TASKS = "tasks.md";
  public static final String ACCEPTANCE = "acceptance-criteria.md";
  public static final String EVIDENCE = "evidence.md";

  public Packet {
    files = Map.copyOf(files);
    docs = Map.copyOf(docs);
  }

  /** Builds a packet and parses its files (the constructor the engine uses). */
  public Packet(String folder, Map<String, SourceFile> files) {
    this(folder, files, parseAll(files));
  }

  /** Parses the files of one packet folder. */
  public static Packet of(String folder, Map<String, SourceFile> files) {
    return new Packet(folder, files);
  }

  private static Map<String, MarkdownDoc> parseAll(Map<String, SourceFile> files) {
    Map<String, MarkdownDoc> out = new LinkedHashMap<>();
    files.forEach((name, f) -> {
      if (f != null && f.exists() && !f.binary() && f.content() != null) {
        out.put(name, MarkdownDoc.of(f));
      }
    });
    return out;
  }

  public Optional<SourceFile> file(String name) {
    return Optional.ofNullable(files.get(name));
  }

  public Optional<MarkdownDoc> doc(String name) {
    return Optional.ofNullable(docs.get(name));
  }

  public Optional<MarkdownDoc> spec() {
    return doc(SPEC);
  }

  /** The path of a packet file, whether or not it exists ("payments/spec.md"). */
  public String pathOf(String name) {
    SourceFile f = files.get(name);
    if (f != null) return f.path();
    return folder.isEmpty() ? name : folder + "/" + name;
  }

  /** Line of the spec's first heading: where findings about the whole packet go. */
  public int specTitleLine() {
    return spec().map(MarkdownDoc::titleLine).orElse(1);
  }

  /** Sections of the spec of one kind. */
  public List<Section> specSections(SectionKind kind) {
    return spec().map(d -> d.sections(kind)).orElse(List.of());
  }

  public List<TextLine> specLines() {
    return spec().map(MarkdownDoc::textLines).orElse(List.of());
  }

  // ---- row counts ------------------------------------------------------------------------

  /** Every row count tied to a table, in any file of the packet. */
  public List<StatedRowCount> rowCounts() {
    List<StatedRowCount> out = new ArrayList<>();
    for (MarkdownDoc d : docs.values()) {
      for (RowCountExtractor.RowCount r : d.rowCounts()) {
        out.add(new StatedRowCount(r.table(), r.rows(), d.path(), r.line()));
      }
    }
    return out;
  }

  /** A row count as stated, with the file and line that state it. */
  public record StatedRowCount(String table, long rows, String file, int line) {}

  /**
   * The row count stated anywhere in the packet for {@code table} (any case, qualified or not);
   * the largest when several are stated.
   */
  public OptionalLong rowCount(String table) {
    String t = tableKey(table);
    long best = -1;
    for (StatedRowCount r : rowCounts()) if (r.table().equals(t)) best = Math.max(best, r.rows());
    return best < 0 ? OptionalLong.empty() : OptionalLong.of(best);
  }

  static String tableKey(String table) {
    return Names.unqualified(Names.normalize(table)).toLowerCase(Locale.ROOT);
  }

  // ---- phases ----------------------------------------------------------------------------

  /**
   * The phases of the spec: headings naming a phase ("### 2. Backfill", "Phase 3 — Switch"), and
   * items or paragraphs starting with a phase name inside a Phases section ("1. Expand",
   * "- Contract phase: …"), each with the text up to the next phase.
   */
  public List<Phase> phases() {
    Optional<MarkdownDoc> spec = spec();
    if (spec.isEmpty()) return List.of();
    List<Phase> out = new ArrayList<>();
    List<Section> headingPhases = spec.get().sections(SectionKind.PHASE).stream()
        .filter(s -> s.level() <= 6).toList();
    for (Section s : headingPhases) {
      List<TextLine> lines = new ArrayList<>();
      lines.add(new TextLine(s.line(), s.title()));
      lines.addAll(s.textLines());
      out.add(new Phase(s.phase(), s.title(), s.line(), s.endLine(), lines));
    }
    for (Section plan : spec.get().sections(SectionKind.PHASES)) {
      String title = null;
      PhaseName name = null;
      int start = 0;
      int end = 0;
      List<TextLine> lines = new ArrayList<>();
      for (Block b : plan.blocks()) {
        if (insideAny(b.line(), headingPhases)) continue;
        if (b.type() == Block.Type.HEADING) break;
        Optional<PhaseName> starts = b.type() == Block.Type.CODE || b.lines().isEmpty()
            ? Optional.empty() : PhaseName.startOf(b.lines().get(0).text());
        if (starts.isPresent()) {
          if (name != null) out.add(new Phase(name, title, start, end, lines));
          name = starts.get();
          title = b.lines().get(0).text();
          start = b.line();
          lines = new ArrayList<>();
        }
        if (name != null) {
          if (b.type() != Block.Type.CODE) lines.addAll(b.lines());
          end = b.endLine();
        }
      }
      if (name != null) out.add(new Phase(name, title, start, end, lines));
    }
    out.sort((a, b) -> Integer.compare(a.line(), b.line()));
    return out;
  }

  private static boolean insideAny(int line, List<Section> sections) {
    for (Section s : sections) if (line >= s.line() && line <= s.endLine()) return true;
    return false;
  }

  public List<Phase> phases(PhaseName name) {
    return phases().stream().filter(p -> p.name() == name).toList();
  }

  // ---- compatibility window and cleanup --------------------------------------------------

  private static final Pattern WINDOW_WORDS = Pattern.compile(
      "compatib\\w*|window|roll ?back|rollback|revert\\w*|old (?:code|app|version|reader)"
          + "|previous (?:app|version|release|code)|remains? (?:compatible|available|possible)"
          + "|is held|keep\\w* .* for|for at least",
      Pattern.CASE_INSENSITIVE);

  /**
   * The compatibility / rollback window stated as a duration in the spec ("old code remains
   * compatible for 7 days", "Rollback window: 25 hours"); the longest when several are stated.
   * "two releases" or "one deploy cycle" is not a duration.
   */
  public Optional<Duration> compatibilityWindow() {
    return compatibilityWindowLine().flatMap(l -> longest(l.text()));
  }

  /** The line stating the compatibility window (see {@link #compatibilityWindow()}). */
  public Optional<TextLine> compatibilityWindowLine() {
    TextLine best = null;
    Duration bestD = null;
    for (TextLine l : specLines()) {
      if (!WINDOW_WORDS.matcher(l.text()).find()) continue;
      Optional<Duration> d = longest(l.text());
      if (d.isPresent() && (bestD == null || d.get().compareTo(bestD) > 0)) {
        best = l;
        bestD = d.get();
      }
    }
    return Optional.ofNullable(best);
  }

  private static Optional<Duration> longest(String text) {
    return DurationExtractor.findAll(text).stream().map(DurationExtractor.Found::duration)
        .max(Duration::compareTo);
  }

  private static final Pattern DROP_WORDS = Pattern.compile(
      "\\bdrop\\w*|\\bremov\\w*|\\bdelet\\w*|\\bretir\\w*|\\btruncat\\w*",
      Pattern.CASE_INSENSITIVE);

  /**
   * True when the spec's cleanup / contract phase names this drop: its text names the column (or,
   * for a table drop, the table) and says drop / remove; for a column, the table must be named in
   * the phase or anywhere in the packet.
   */
  public boolean declaresCleanupOf(String table, String columnOrNull) {
    String t = tableKey(table);
    for (Phase p : phases(PhaseName.CLEANUP)) {
      String text = p.text().toLowerCase(Locale.ROOT);
      if (!DROP_WORDS.matcher(text).find()) continue;
      if (columnOrNull == null) {
        if (namesTableDrop(text, t)) return true;
      } else {
        String c = Names.unqualified(Names.normalize(columnOrNull)).toLowerCase(Locale.ROOT);
        if (containsIdentifier(text, c) && (containsIdentifier(text, t) || namesTable(t))) {
          return true;
        }
      }
    }
    return false;
  }

  /** "drop the accounts_old table", "remove table legacy_orders", "drop `legacy_orders`". */
  private static boolean namesTableDrop(String text, String table) {
    Pattern p = Pattern.compile(
        "(?:drop|remov|delet|retir|truncat)\\w*\\s+(?:the\\s+)?(?:old\\s+|legacy\\s+|unused\\s+)?"
            + "(?:table\\s+)?[`\"]?(?:\\w+\\.)?" + Pattern.quote(table) + "\\b(?![.(])");
    return p.matcher(text).find();
  }

  // ---- what the packet names -------------------------------------------------------------

  private static final Pattern BACKTICKED = Pattern.compile("`([A-Za-z_][A-Za-z0-9_.]*)`");
  private static final Pattern TABLE_WORD = Pattern.compile(
      "\\b([A-Za-z_][A-Za-z0-9_]*)\\s+tables?\\b|\\btables?\\s+`?([A-Za-z_][A-Za-z0-9_.]*)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern DOTTED = Pattern.compile(
      "\\b([a-z_][a-z0-9_]*)\\.([a-z_][a-z0-9_]*)\\b");
  private static final Pattern VERB_TO_TABLE = Pattern.compile(
      "\\b(?:add|drop|remove|rename|alter|backfill|change|index)\\s+`?[A-Za-z_][A-Za-z0-9_]*`?"
          + "\\s+(?:column\\s+)?(?:to|from|on|in)\\s+(?:the\\s+)?`?([A-Za-z_][A-Za-z0-9_.]*)",
      Pattern.CASE_INSENSITIVE);
  /** "spec.md", "backfill.sql": a file name, not table.column. */
  private static final Set<String> FILE_EXTENSIONS = Set.of(
      "md", "sql", "txt", "yml", "yaml", "json", "java", "py", "go", "rb", "ts", "js", "kt", "sh",
      "toml", "xml", "csv", "log", "html", "rs", "scala", "cs", "php");
  private static final Set<String> NOT_TABLE_WORDS = Set.of(
      "the", "a", "an", "this", "that", "each", "every", "new", "old", "one", "same", "lookup",
      "report", "temporary", "temp", "if", "only", "exists", "not", "and", "or", "of", "to",
      "with", "which", "whole", "entire", "large", "small", "big", "existing", "target", "source",
      "checkpoint", "truth", "select", "set", "where", "values", "conflict", "delete", "cascade",
      "staging", "production", "prod", "feature", "flag", "it", "is", "be", "all", "your");

  /**
   * Tables the packet mentions, lower-case and unqualified: tables with a stated row count,
   * identifiers in backticks, "the orders table" / "table orders", the table of a dotted
   * "users.email", "add X to accounts", and the tables the statements of the packet's SQL fences act
   * on or read ({@link PlanSql}, parsed by the SQL layer).
   * For a precise question about one table use {@link #namesTable(String)}.
   */
  public Set<String> namedTables() {
    Set<String> out = new LinkedHashSet<>();
    for (StatedRowCount r : rowCounts()) out.add(r.table());
    for (MarkdownDoc d : docs.values()) {
      String raw = withoutCode(d);
      Matcher m = BACKTICKED.matcher(raw);
      while (m.find()) addName(out, m.group(1), true);
      m = DOTTED.matcher(raw);
      while (m.find()) {
        if (!FILE_EXTENSIONS.contains(m.group(2))) addName(out, m.group(1), false);
      }
      for (Block b : d.blocks()) {
        String text = b.text();
        if (b.type() == Block.Type.CODE) continue; // SQL fences: read by the SQL layer below
        m = TABLE_WORD.matcher(text);
        while (m.find()) addName(out, m.group(1) != null ? m.group(1) : m.group(2), true);
        m = VERB_TO_TABLE.matcher(text);
        while (m.find()) addName(out, m.group(1), true);
      }
    }
    // The plan's SQL, through the same parser as migrations (one reading of SQL in the product).
    for (PlanSqlBlock block : PlanSql.blocks(this)) {
      for (dev.specgate.sql.Statement st : block.migration().statements()) {
        for (String t : dev.specgate.sql.StatementTables.named(st, block.migration().dialect())) {
          addName(out, t, true);
        }
      }
    }
    return out;
  }

  /** The file's text with code blocks blanked: SQL is read by the SQL layer, not by patterns. */
  private static String withoutCode(MarkdownDoc d) {
    String[] lines = d.content().split("\n", -1);
    for (Block b : d.blocks()) {
      if (b.type() != Block.Type.CODE) continue;
      for (int l = b.line(); l <= b.endLine() && l - 1 < lines.length; l++) lines[l - 1] = "";
    }
    return String.join("\n", lines);
  }

  private static void addName(Set<String> out, String name, boolean qualifiedOk) {
    if (name == null) return;
    String n = name.replaceAll("[.]+$", "");
    if (n.isEmpty()) return;
    String key = qualifiedOk ? tableKey(n) : n.toLowerCase(Locale.ROOT);
    if (key.isEmpty() || NOT_TABLE_WORDS.contains(key) || Character.isDigit(key.charAt(0))) return;
    out.add(key);
  }

  /**
   * True when the packet mentions {@code table} (any case, qualified or not) as a whole word in
   * any of its files, prose or code.
   */
  public boolean namesTable(String table) {
    String t = tableKey(table);
    if (t.isEmpty()) return false;
    for (MarkdownDoc d : docs.values()) {
      if (containsIdentifier(d.lowerContent(), t)) return true;
    }
    return false;
  }

  /**
   * True when the packet names the migration file: its repository path or its file name appears
   * in the text of any packet file.
   */
  public boolean namesFile(String path) {
    if (path == null || path.isBlank()) return false;
    String p = path.replace('\\', '/');
    String name = p.substring(p.lastIndexOf('/') + 1);
    for (MarkdownDoc d : docs.values()) {
      String c = d.content();
      if (c.contains(p) || containsIdentifier(c, name)) return true;
    }
    return false;
  }

  /** True when a packet file contains the repository path itself (not just the file name). */
  public boolean namesPath(String path) {
    if (path == null || path.isBlank()) return false;
    String p = path.replace('\\', '/');
    for (MarkdownDoc d : docs.values()) if (d.content().contains(p)) return true;
    return false;
  }

  /** Whole-identifier match: not preceded or followed by a letter, digit or underscore. */
  static boolean containsIdentifier(String text, String word) {
    if (word.isEmpty()) return false;
    int from = 0;
    while (true) {
      int i = text.indexOf(word, from);
      if (i < 0) return false;
      int end = i + word.length();
      boolean before = i == 0 || !isIdentChar(text.charAt(i - 1));
      boolean after = end >= text.length() || !isIdentChar(text.charAt(end));
      if (before && after) return true;
      from = i + 1;
    }
  }

  private static boolean isIdentChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }

  // ---- backfill plan ---------------------------------------------------------------------

  /** What the spec says about how its backfill runs. */
  public BackfillPlan backfillPlan() {
    return BackfillPlan.from(specLines());
  }
}
