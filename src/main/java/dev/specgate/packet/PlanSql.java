package dev.specgate.packet;

import dev.specgate.sql.Dialect;
import dev.specgate.sql.Migration;
import dev.specgate.sql.MigrationParser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SQL written in a packet's Markdown: every {@code ```sql} fence (or unlabelled fence whose
 * first statement is SQL), parsed by the SQL layer ({@link MigrationParser}, the same splitter and
 * recogniser as migrations) with statement lines in the Markdown file's own numbers, and given a
 * role from where it sits:
 *
 * <ol>
 *   <li>the label or paragraph just before the fence ("**Rollback (Phase 1 only):**",
 *       "**Backfill completion validation:**"),
 *   <li>the fence's leading {@code --} comment lines,
 *   <li>the headings above it, nearest first ("### Phase 2 — Backfill", "## 4. Data Validation
 *       Plan"),
 * </ol>
 *
 * <p>the first of those that names a role decides (rollback words over validation words over
 * backfill words); a fence nothing names is phase SQL. The phase is the phase heading or label the
 * fence sits under ("Phase 1 — Expand"), or the phase a label names ("Rollback (Phase 3)").
 */
public final class PlanSql {
  private PlanSql() {}

  private static final Set<String> SQL_INFO = Set.of(
      "sql", "postgres", "postgresql", "psql", "pgsql", "plpgsql", "pg", "mysql");
  private static final Pattern FENCE = Pattern.compile("^\\s*(`{3,}|~{3,})\\s*([^`\\s]*).*$");
  private static final Pattern SQL_START = Pattern.compile(
      "(?i)^\\s*(?:select|insert|update|delete|alter|create|drop|begin|commit|rollback|with|set"
          + "|do|truncate|vacuum|reindex|analyze|comment|grant|revoke|lock|cluster|refresh|start"
          + "|explain|savepoint|release|reset)\\b");
  private static final Pattern ROLLBACK_WORDS = Pattern.compile(
      "(?i)\\b(?:roll[ -]?back|backout|back out|revert\\w*|undo|down migration|restore)\\b");
  private static final Pattern VALIDATION_WORDS = Pattern.compile(
      "(?i)\\b(?:validation|verif\\w*|checks?|gates?|monitor\\w*|integrity|baseline|parity"
          + "|progress|confirm\\w*|sanity|expected results?|acceptance)\\b");
  private static final Pattern CHECK_CONSTRAINT = Pattern.compile("(?i)\\bcheck\\s+constraints?\\b");
  private static final Pattern BACKFILL_WORDS = Pattern.compile(
      "(?i)\\b(?:backfill\\w*|batch\\w*|data migration)\\b");
  private static final Pattern PHASE_NUMBER = Pattern.compile("(?i)\\b(?:phase|stage)\\s*(\\d+)");

  /** Every SQL block of the packet, PostgreSQL dialect, files in path order. */
  public static List<PlanSqlBlock> blocks(Packet packet) {
    return blocks(packet, Dialect.POSTGRES);
  }

  /** Every SQL block of the packet read in {@code dialect}, files in path order. */
  public static List<PlanSqlBlock> blocks(Packet packet, Dialect dialect) {
    List<MarkdownDoc> docs = new ArrayList<>(packet.docs().values());
    docs.sort(Comparator.comparing(MarkdownDoc::path));
    List<PlanSqlBlock> out = new ArrayList<>();
    for (MarkdownDoc d : docs) out.addAll(blocks(d, dialect));
    return List.copyOf(out);
  }

  /**
   * The rollback SQL of the plan, per phase (for the dry run: apply the phase, then its
   * rollback). Each block carries its file, fence line, phase ({@code null} when no phase names
   * it) and SQL.
   */
  public static List<PlanSqlBlock> rollbackBlocks(Packet packet) {
    return blocks(packet).stream().filter(b -> b.role() == SqlBlockRole.ROLLBACK).toList();
  }

  /**
   * An expected result written beside a validation query ("-- Expected: 0", "-- Must return 0
   * before proceeding to Phase 3", "SELECT …; -- must be 0"): a parity / acceptance fact of the
   * plan.
   *
   * @param line the comment's line in {@code block.file()}
   * @param text the comment without its {@code --}
   */
  public record GateExpectation(PlanSqlBlock block, int line, String text) {}

  /** A comment that starts by stating a result ("Expected: 0", "Must return 0", "Result: none"). */
  private static final Pattern EXPECTATION_START = Pattern.compile(
      "(?i)(?:expected|expect|must|should|needs? to|has to|returns?|result)\\b");
  /** … or says it later ("this query must return 0 rows"). */
  private static final Pattern EXPECTATION_INSIDE = Pattern.compile(
      "(?i)\\b(?:must|should) (?:return|be|equal|match)\\b");

  /**
   * The expected results the plan's validation queries state, in document order: the comments
   * stating a result in the SQL blocks that are validation queries or hold a query. This is the
   * one reading of the plan's validation gates ({@link Packet#validationGates()} is its blocks).
   */
  public static List<GateExpectation> gateExpectations(Packet packet) {
    List<GateExpectation> out = new ArrayList<>();
    for (PlanSqlBlock b : blocks(packet)) {
      if (b.role() != SqlBlockRole.VALIDATION && !reads(b.migration())) continue;
      String[] lines = b.sql().split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        int dashes = lines[i].indexOf("--");
        if (dashes < 0) continue;
        String c = lines[i].substring(dashes + 2).strip();
        if (EXPECTATION_START.matcher(c).lookingAt() || EXPECTATION_INSIDE.matcher(c).find()) {
          out.add(new GateExpectation(b, b.sqlLine() + i, c));
        }
      }
    }
    return out;
  }

  /** The validation queries with an expected result: the blocks of {@link #gateExpectations}. */
  public static List<PlanSqlBlock> validationGates(Packet packet) {
    return gateExpectations(packet).stream().map(GateExpectation::block).distinct().toList();
  }

  /** The SQL blocks of one Markdown file. */
  public static List<PlanSqlBlock> blocks(MarkdownDoc doc, Dialect dialect) {
    List<PlanSqlBlock> out = new ArrayList<>();
    List<Block> blocks = doc.blocks();
    for (int i = 0; i < blocks.size(); i++) {
      Block b = blocks.get(i);
      if (b.type() != Block.Type.CODE) continue;
      Optional<List<TextLine>> content = sqlContent(b);
      if (content.isEmpty()) continue;
      out.add(block(doc, blocks, i, content.get(), dialect));
    }
    return out;
  }

  /** The content lines of a fence that holds SQL; empty for other code. */
  static Optional<List<TextLine>> sqlContent(Block code) {
    List<TextLine> lines = new ArrayList<>(code.lines());
    String info = null;
    if (!lines.isEmpty()) {
      Matcher open = FENCE.matcher(lines.get(0).text());
      if (open.matches()) {
        info = open.group(2).toLowerCase(Locale.ROOT);
        String fence = open.group(1);
        lines.remove(0);
        if (!lines.isEmpty() && lines.get(lines.size() - 1).text().strip().startsWith(fence.substring(0, 3))) {
          lines.remove(lines.size() - 1);
        }
      }
    }
    if (info != null && !info.isEmpty()) {
      return SQL_INFO.contains(info) ? Optional.of(lines) : Optional.empty();
    }
    for (TextLine l : lines) {
      String t = l.text().strip();
      if (t.isEmpty() || t.startsWith("--")) continue;
      return SQL_START.matcher(t).find() ? Optional.of(lines) : Optional.empty();
    }
    return Optional.empty();
  }

  private static PlanSqlBlock block(
      MarkdownDoc doc, List<Block> blocks, int index, List<TextLine> content, Dialect dialect) {
    Block code = blocks.get(index);
    String label = label(blocks, index);
    String comments = leadingComments(content);
    List<Block> headings = enclosingHeadings(blocks, index);

    SqlBlockRole role = null;
    String context = null;
    List<String> texts = new ArrayList<>();
    if (label != null) texts.add(label);
    if (!comments.isEmpty()) texts.add(comments);
    for (Block h : headings) texts.add(h.text());
    for (String t : texts) {
      role = roleOf(t);
      if (role != null) {
        context = t.lines().findFirst().orElse(t).strip();
        break;
      }
    }
    if (role == null) {
      role = SqlBlockRole.PHASE;
      context = headings.isEmpty() ? null : headings.get(0).text();
    }

    // The phase: a label naming "Phase N" ("Rollback (Phase 3)"), else the phase heading the
    // fence sits under, else a label starting with a phase name ("Expand:" in a Rollback section).
    PhaseName phase = null;
    String phaseTitle = null;
    Block numbered = label == null ? null : numberedPhaseHeading(blocks, label);
    if (numbered != null) {
      phase = PhaseName.startOf(numbered.text()).orElse(PhaseName.OTHER);
      phaseTitle = numbered.text();
    }
    if (phase == null) {
      for (Block h : headings) {
        Optional<PhaseName> p = PhaseName.startOf(h.text());
        if (p.isPresent()) {
          phase = p.get();
          phaseTitle = h.text();
          break;
        }
      }
    }
    if (phase == null && label != null) {
      Optional<PhaseName> p = PhaseName.startOf(label);
      if (p.isPresent()) {
        phase = p.get();
        phaseTitle = label;
      }
    }

    String virtual = doc.path() + PlanSqlBlock.VIRTUAL_MARK + code.line();
    int sqlLine = content.isEmpty() ? code.line() : content.get(0).line();
    String padded = padded(content);
    // CommonMark gives no span for a blank line inside a fence: padding restores the line numbers
    String sql = padded.substring(Math.min(padded.length(), Math.max(0, sqlLine - 1)));
    Migration m = MigrationParser.parse(virtual, padded, dialect);
    if (role == SqlBlockRole.VALIDATION && !reads(m) && changesSchema(m)) {
      // "Run the migration, then check the logs:" before DDL: schema changes without a single
      // query are not a validation query, whatever the label says; they are checked as phase SQL
      role = SqlBlockRole.PHASE;
    }
    return new PlanSqlBlock(doc.path(), code.line(), code.endLine(), role, phase, phaseTitle,
        context, sqlLine, sql, m);
  }

  /** True when the block holds a query (SELECT, WITH, VALUES, TABLE). */
  private static boolean reads(Migration m) {
    return m.statements().stream()
        .anyMatch(st -> st.op() instanceof dev.specgate.sql.Operation.Other o && o.kind().equals("SELECT"));
  }

  private static boolean changesSchema(Migration m) {
    return m.statements().stream().anyMatch(st -> st.op() instanceof dev.specgate.sql.Operation.AlterTable
        || st.op() instanceof dev.specgate.sql.Operation.CreateIndex
        || st.op() instanceof dev.specgate.sql.Operation.DropIndex
        || st.op() instanceof dev.specgate.sql.Operation.CreateTable
        || st.op() instanceof dev.specgate.sql.Operation.DropTable);
  }

  /** The content placed on its own lines of the Markdown file (blank lines before it). */
  static String padded(List<TextLine> content) {
    StringBuilder sb = new StringBuilder();
    int line = 1;
    for (TextLine l : content) {
      while (line < l.line()) {
        sb.append('\n');
        line++;
      }
      sb.append(l.text());
    }
    return sb.toString();
  }

  /** The role a label, comment or heading names, or {@code null}. */
  static SqlBlockRole roleOf(String text) {
    if (ROLLBACK_WORDS.matcher(text).find()) return SqlBlockRole.ROLLBACK;
    if (VALIDATION_WORDS.matcher(CHECK_CONSTRAINT.matcher(text).replaceAll(" ")).find()) {
      return SqlBlockRole.VALIDATION;
    }
    if (BACKFILL_WORDS.matcher(text).find()) return SqlBlockRole.BACKFILL;
    return null;
  }

  /** The paragraph or item just before the fence, when no heading comes between them. */
  private static String label(List<Block> blocks, int index) {
    for (int i = index - 1; i >= 0; i--) {
      Block b = blocks.get(i);
      if (b.type() == Block.Type.HEADING) return null;
      if (b.type() == Block.Type.CODE) continue;
      if (MarkdownDoc.sectionLevel(b) == 7 || b.lines().size() <= 3) {
        String text = b.lines().get(b.lines().size() - 1).text();
        // "**Rollback (Phase 1):** only the column goes." is read as a label block and the rest of
        // its line: the label is what names the fence
        Block before = i > 0 ? blocks.get(i - 1) : null;
        if (before != null && before.type() == Block.Type.PARAGRAPH && before.line() == b.line()
            && MarkdownDoc.sectionLevel(before) == 7) {
          return before.text().strip() + " " + text;
        }
        return text;
      }
      return null;
    }
    return null;
  }

  private static String leadingComments(List<TextLine> content) {
    StringBuilder sb = new StringBuilder();
    for (TextLine l : content) {
      String t = l.text().strip();
      if (t.isEmpty()) {
        if (sb.length() > 0) break;
        continue;
      }
      if (!t.startsWith("--")) break;
      sb.append(t.substring(2).strip()).append('\n');
    }
    return sb.toString();
  }

  /** The headings the block sits under, nearest first (each one level up from the previous). */
  private static List<Block> enclosingHeadings(List<Block> blocks, int index) {
    List<Block> out = new ArrayList<>();
    int level = Integer.MAX_VALUE;
    for (int i = index - 1; i >= 0; i--) {
      Block b = blocks.get(i);
      if (b.type() == Block.Type.HEADING && b.depth() < level) {
        out.add(b);
        level = b.depth();
        if (level == 1) break;
      }
    }
    return out;
  }

  /** For a label naming "Phase 3", the heading that starts with "Phase 3". */
  private static Block numberedPhaseHeading(List<Block> blocks, String label) {
    Matcher m = PHASE_NUMBER.matcher(label);
    if (!m.find()) return null;
    String n = m.group(1);
    for (Block b : blocks) {
      if (b.type() != Block.Type.HEADING) continue;
      Matcher h = PHASE_NUMBER.matcher(b.text());
      if (h.find() && h.group(1).equals(n) && h.start() <= 6) return b;
    }
    return null;
  }
}
