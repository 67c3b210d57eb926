package dev.specgate.packet;

import dev.specgate.core.Identifiers;
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
  /** Seed 004's single plan document, under its natural name. */
  public static final String MIGRATION_PLAN = "migration-plan.md";
  /** The plan document's names, in order of preference. */
  public static final List<String> PLAN_NAMES = List.of(SPEC, MIGRATION_PLAN);
  private static final Set<String> COMPANIONS = Set.of(TASKS, ACCEPTANCE, EVIDENCE);

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

  /**
   * The plan document: spec.md, else migration-plan.md, else (a packet found by a configured
   * glob) the first Markdown file that is not tasks.md, acceptance-criteria.md or evidence.md.
   */
  public Optional<MarkdownDoc> plan() {
    return doc(planName());
  }

  /** The plan document (spec.md or migration-plan.md); the name rules have always used. */
  public Optional<MarkdownDoc> spec() {
    return plan();
  }

  /** The lower-case file name of the plan document ("spec.md" when there is none). */
  public String planName() {
    for (String n : PLAN_NAMES) if (docs.containsKey(n)) return n;
    return docs.keySet().stream().filter(n -> !COMPANIONS.contains(n)).sorted().findFirst()
        .orElse(SPEC);
  }

  /** The repository path of the plan document. */
  public String planPath() {
    return pathOf(planName());
  }

  /**
   * True when the plan document holds a plan: any spec.md (the reference layout, even a weak
   * ticket), or another plan document that speaks of a schema change (migration, schema, table,
   * column, index, backfill, rollback, phase) or carries a code block. A README matched by a broad
   * glob is not a packet.
   */
  public boolean holdsPlan() {
    Optional<MarkdownDoc> d = plan();
    if (d.isEmpty()) return false;
    if (planName().equals(SPEC)) return true;
    if (d.get().blocks().stream().anyMatch(b -> b.type() == Block.Type.CODE)) return true;
    return PLAN_WORDS.matcher(d.get().content()).find();
  }

  private static final Pattern PLAN_WORDS = Pattern.compile(
      "\\b(?:migrations?|schema|tables?|columns?|index(?:es)?|backfill|rollback|phases?)\\b",
      Pattern.CASE_INSENSITIVE);

  /** True when the packet is one plan document without tasks.md and acceptance-criteria.md. */
  public boolean isSingleDocument() {
    return !nonBlank(TASKS) && !nonBlank(ACCEPTANCE);
  }

  private boolean nonBlank(String name) {
    return doc(name).map(d -> !d.isBlank()).orElse(false);
  }

  /**
   * The plan's checklist: tasks.md's items, or the plan document's checklist items (a runbook,
   * "- [ ] …") and the items of a Tasks / Runbook / Checklist section.
   */
  public List<Block> checklist() {
    List<Block> out = new ArrayList<>();
    doc(TASKS).ifPresent(d -> out.addAll(d.items()));
    plan().ifPresent(d -> {
      for (Block b : d.blocks()) {
        if (b.type() != Block.Type.ITEM) continue;
        boolean inRunbook = d.sections(SectionKind.RUNBOOK).stream()
            .anyMatch(s -> b.line() > s.line() && b.line() <= s.endLine());
        if (b.isChecklistItem() || inRunbook) out.add(b);
      }
    });
    return out;
  }

  /**
   * The acceptance criteria: those of acceptance-criteria.md, then those inside the plan
   * document (items and Given paragraphs of an Acceptance section, Given/When/Then tables).
   */
  public List<Scenario> criteria() {
    List<Scenario> out = new ArrayList<>();
    doc(ACCEPTANCE).ifPresent(d -> out.addAll(Scenario.criteria(d)));
    plan().ifPresent(d -> out.addAll(Scenario.criteriaInPlan(d)));
    return out;
  }

  /**
   * Validation queries with an expected result: SQL blocks whose comments state what they must
   * return ("-- Expected: 0", "-- Must return 0 before proceeding"). Seed 004 writes its
   * acceptance as such gates. Read by {@link PlanSql#gateExpectations}.
   */
  public List<PlanSqlBlock> validationGates() {
    return PlanSql.validationGates(this);
  }

  /** Every code block of the packet's files, in file order (the plan's SQL and scripts). */
  public List<Block> codeBlocks() {
    List<Block> out = new ArrayList<>();
    plan().ifPresent(d -> d.blocks().stream().filter(b -> b.type() == Block.Type.CODE)
        .forEach(out::add));
    return out;
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
   * The phases of the plan: headings naming a phase ("### 2. Backfill", "### Phase 3 — Enforce"),
   * items or paragraphs starting with a phase name inside a Phases section ("1. Expand",
   * "- Contract phase: …"), and rows of a phases table (a Phase / Step column beside SQL, Deploy
   * order, Rollback …), each with the text up to the next phase, its code blocks, and whether it
   * is scheduled for a later release.
   */
  public List<Phase> phases() {
    Optional<MarkdownDoc> spec = spec();
    if (spec.isEmpty()) return List.of();
    List<Phase> out = new ArrayList<>();
    List<Section> plans = spec.get().sections(SectionKind.PHASES);
    boolean phaseTable = spec.get().blocks().stream()
        .anyMatch(b -> b.type() == Block.Type.TABLE && !tablePhases(b.table()).isEmpty());
    // With a Phases section or a phases table, a heading such as "## Backfill" outside it
    // describes a topic (the backfill plan), not another phase.
    List<Section> headingPhases = spec.get().sections(SectionKind.PHASE).stream()
        .filter(s -> s.level() <= 6)
        .filter(s -> (plans.isEmpty() && !phaseTable) || insideAny(s.line(), plans))
        .toList();
    List<Section> others = spec.get().sections().stream()
        .filter(s -> s.kind() != SectionKind.PHASES && s.kind() != SectionKind.PHASE
            && s.kind() != SectionKind.OTHER)
        .toList();
    for (Section s : headingPhases) {
      List<TextLine> lines = new ArrayList<>();
      lines.add(new TextLine(s.line(), s.title()));
      lines.addAll(s.textLines());
      List<Block> code = s.blocks().stream().filter(b -> b.type() == Block.Type.CODE).toList();
      out.add(new Phase(s.phase(), s.title(), s.line(), s.endLine(), lines,
          PlanScope.isLater(s.title(), lines), code));
    }
    for (Section plan : spec.get().sections(SectionKind.PHASES)) {
      String title = null;
      PhaseName name = null;
      int start = 0;
      int end = 0;
      List<TextLine> lines = new ArrayList<>();
      List<Block> code = new ArrayList<>();
      for (Block b : plan.blocks()) {
        if (insideAny(b.line(), headingPhases)) continue;
        if (b.type() == Block.Type.HEADING || b.type() == Block.Type.TABLE) break;
        // "Migration rollback note:" and its items inside the phase plan are not phases
        if (insideNested(b.line(), plan, others)) break;
        Optional<PhaseName> starts = b.type() == Block.Type.CODE || b.lines().isEmpty()
            ? Optional.empty() : PhaseName.startOf(b.lines().get(0).text());
        if (starts.isPresent()) {
          if (name != null) out.add(listPhase(name, title, start, end, lines, code));
          name = starts.get();
          title = b.lines().get(0).text();
          start = b.line();
          lines = new ArrayList<>();
          code = new ArrayList<>();
        }
        if (name != null) {
          if (b.type() != Block.Type.CODE) lines.addAll(b.lines()); else code.add(b);
          end = b.endLine();
        }
      }
      if (name != null) out.add(listPhase(name, title, start, end, lines, code));
    }
    for (Block b : spec.get().blocks()) {
      if (b.type() == Block.Type.TABLE && !insideAny(b.line(), headingPhases)) {
        out.addAll(tablePhases(b.table()));
      }
    }
    out.sort((a, b) -> Integer.compare(a.line(), b.line()));
    return out;
  }

  private static Phase listPhase(PhaseName name, String title, int start, int end,
      List<TextLine> lines, List<Block> code) {
    return new Phase(name, title, start, end, lines, PlanScope.isLater(title, lines), code);
  }

  private static final Pattern PHASE_COLUMN = Pattern.compile("^(?:#\\s*|no\\.?\\s*)?(?:phase|stage|step)s?\\b");
  private static final Pattern PHASE_DETAIL_COLUMN = Pattern.compile(
      "sql|deploy|rollback|roll back|revert|order|migration|ships|release|backout|what|action");

  /**
   * A phases table: a first-ish column named Phase / Stage / Step beside a column about SQL,
   * deploy order, rollback or the release. Each row is a phase whose lines are its cells, read as
   * "Header: cell" (so "Rollback: drop the column" is the phase's rollback note).
   */
  static List<Phase> tablePhases(MdTable t) {
    int phaseCol = t.column(PHASE_COLUMN);
    if (phaseCol < 0 || t.column(PHASE_DETAIL_COLUMN) < 0) return List.of();
    List<Phase> out = new ArrayList<>();
    for (MdTable.Row r : t.rows()) {
      String cell = r.cell(phaseCol);
      if (cell.isBlank()) continue;
      PhaseName name = PhaseName.startOf(cell).orElseGet(() -> PhaseName.anyIn(cell));
      List<TextLine> lines = new ArrayList<>();
      for (int i = 0; i < r.cells().size(); i++) {
        String c = r.cells().get(i);
        if (c.isBlank()) continue;
        String h = i < t.header().size() ? t.header().get(i) : "";
        lines.add(new TextLine(r.line(), h.isBlank() ? c : h + ": " + c));
      }
      out.add(new Phase(name, cell, r.line(), r.line(), lines,
          PlanScope.isLater(cell, lines) || PlanScope.saysLater(t.rowText(r)), List.of()));
    }
    return out;
  }

  /**
   * The rollback note of a phase: a line of its own text (or table row), else a line of the
   * plan's Rollback sections naming it.
   */
  public Optional<TextLine> rollbackNote(Phase phase) {
    return RollbackNotes.noteFor(phase, specSections(SectionKind.ROLLBACK));
  }

  /** A threshold as stated, with the file and line that state it. */
  public record StatedThreshold(ThresholdExtractor.Threshold threshold, String file, int line) {}

  /** Every numeric threshold stated in the packet's prose, lists and tables, in file order. */
  public List<StatedThreshold> thresholds() {
    List<StatedThreshold> out = new ArrayList<>();
    for (MarkdownDoc d : docs.values()) {
      for (TextLine l : d.textLines()) {
        for (ThresholdExtractor.Threshold t : ThresholdExtractor.findAll(l.text())) {
          out.add(new StatedThreshold(t, d.path(), l.line()));
        }
      }
    }
    return out;
  }

  /** Phases this change is responsible for (not scheduled for a later release). */
  public List<Phase> phasesInThisChange() {
    return phases().stream().filter(ph -> !ph.later()).toList();
  }

  private static boolean insideNested(int line, Section outer, List<Section> sections) {
    for (Section s : sections) {
      if (s.line() > outer.line() && line >= s.line() && line <= s.endLine()) return true;
    }
    return false;
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
      "compatib\\w*|window|old (?:code|app|version|reader)"
          + "|previous (?:app|version|release|code)|remains? (?:compatible|available|possible)"
          + "|is held|\\bkeep\\w{0,4} [^.\\n]{0,80}? for|for at least|deprecation|grace period"
          + "|backout|back out|stays? (?:compatible|supported)|old (?:application|app)s?\\b"
          + "|previous (?:application|app)s?\\b|deployable",
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
    for (TextLine l : specSentences()) {
      if (!WINDOW_WORDS.matcher(l.text()).find()) continue;
      Optional<Duration> d = longest(l.text());
      if (d.isPresent() && (bestD == null || d.get().compareTo(bestD) > 0)) {
        best = l;
        bestD = d.get();
      }
    }
    return Optional.ofNullable(best);
  }

  /**
   * The plan's prose as sentences, each with the line it starts on: a paragraph or item is joined
   * and split at sentence ends (a window may run over two lines); a table row is one sentence.
   */
  public List<TextLine> specSentences() {
    List<TextLine> out = new ArrayList<>();
    Optional<MarkdownDoc> plan = plan();
    if (plan.isEmpty()) return out;
    for (Block b : plan.get().blocks()) {
      if (b.type() == Block.Type.CODE) continue;
      if (b.type() == Block.Type.TABLE || b.type() == Block.Type.HEADING) {
        out.addAll(b.lines());
        continue;
      }
      StringBuilder sentence = new StringBuilder();
      int start = -1;
      for (TextLine l : b.lines()) {
        // a line continues the sentence only when it starts in lower case ("deployable for 30
        // days"); "Phase 4 — Contract:" on the next line of a list item starts a new one
        String t = l.text();
        if (sentence.length() > 0 && (t.isEmpty() || !Character.isLowerCase(t.charAt(0)))) {
          out.add(new TextLine(start, sentence.toString().strip()));
          sentence.setLength(0);
          start = -1;
        }
        String[] parts = SENTENCE_END.split(t, -1);
        for (int i = 0; i < parts.length; i++) {
          if (start < 0) start = l.line();
          if (sentence.length() > 0 && i == 0) sentence.append(' ');
          sentence.append(parts[i]);
          if (i < parts.length - 1) {
            out.add(new TextLine(start, sentence.toString().strip()));
            sentence.setLength(0);
            start = -1;
          }
        }
      }
      if (sentence.length() > 0) out.add(new TextLine(start, sentence.toString().strip()));
    }
    return out;
  }

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?;])\\s++");

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
        if (Identifiers.contains(text, c) && (Identifiers.contains(text, t) || namesTable(t))) {
          return true;
        }
      }
    }
    return false;
  }

  private static final Pattern DROP_VERB = Pattern.compile("(?:drop|remov|delet|retir|truncat)\\w*+\\s++");
  /** The words that may stand between the verb and the table, each optional, in this order. */
  private static final List<Pattern> DROP_FILLERS = List.of(
      Pattern.compile("the\\s++"), Pattern.compile("(?:old|legacy|unused)\\s++"), Pattern.compile("table\\s++"));
  /** Matched with lookingAt on a region; the lookbehind keeps a find() over a long word linear. */
  private static final Pattern SCHEMA_PREFIX = Pattern.compile("(?<!\\w)\\w++\\.");

  /**
   * "drop the accounts_old table", "remove table legacy_orders", "drop `legacy_orders`": a drop
   * verb, then optionally "the", "old"/"legacy"/"unused" and "table", a quote and a schema, then the
   * table as a whole word not followed by "." or "(".
   */
  private static boolean namesTableDrop(String text, String table) {
    Matcher verb = DROP_VERB.matcher(text);
    while (verb.find()) {
      List<Integer> starts = new ArrayList<>(List.of(verb.end()));
      for (Pattern filler : DROP_FILLERS) {
        for (int i = 0, n = starts.size(); i < n; i++) {
          Matcher f = filler.matcher(text).region(starts.get(i), text.length());
          if (f.lookingAt()) starts.add(f.end());
        }
      }
      for (int start : starts) {
        int at = start < text.length() && (text.charAt(start) == '`' || text.charAt(start) == '"') ? start + 1 : start;
        Matcher schema = SCHEMA_PREFIX.matcher(text).region(at, text.length());
        if (tableAt(text, table, at) || (schema.lookingAt() && tableAt(text, table, schema.end()))) return true;
      }
    }
    return false;
  }

  /** {@code table} at {@code at}, then a word boundary, and no "." or "(". */
  private static boolean tableAt(String text, String table, int at) {
    if (!text.startsWith(table, at)) return false;
    int end = at + table.length();
    boolean wordBefore = isWordChar(text.charAt(end - 1));
    if (end == text.length()) return wordBefore;
    char next = text.charAt(end);
    return wordBefore != isWordChar(next) && next != '.' && next != '(';
  }

  /** A regex word character, {@code [A-Za-z0-9_]}. */
  private static boolean isWordChar(char c) {
    return c < 128 && (Character.isLetterOrDigit(c) || c == '_');
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
    int end = name.length();
    while (end > 0 && name.charAt(end - 1) == '.') end--;
    String n = name.substring(0, end);
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
      if (Identifiers.contains(d.lowerContent(), t)) return true;
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
      if (c.contains(p) || Identifiers.contains(c, name)) return true;
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

  // ---- backfill plan ---------------------------------------------------------------------

  /**
   * What the plan says about how its backfill runs: its prose, lists and tables, and the code of
   * its backfill scripts (a fenced block that updates or inserts rows: LIMIT, a keyset
   * {@code WHERE id > …}, a checkpoint table, {@code pg_sleep}).
   */
  public BackfillPlan backfillPlan() {
    List<TextLine> lines = new ArrayList<>(specLines());
    for (Block b : codeBlocks()) {
      if (BACKFILL_CODE.matcher(b.text()).find()) lines.addAll(b.lines());
    }
    return BackfillPlan.from(lines);
  }

  private static final Pattern BACKFILL_CODE =
      Pattern.compile("(?i)\\bupdate\\s{1,5}\\S|\\binsert\\s{1,5}into\\b");

}
