package dev.specgate.packet;

import dev.specgate.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The locks a packet says its steps take (see {@link StatedLock}): lock tables (a header cell
 * naming "lock" — not its duration —, a step column), sentences naming one lock mode followed by
 * "lock" ("takes a SHARE UPDATE EXCLUSIVE lock"), and such sentences in a {@code --} comment just
 * above a statement of a plan fence. A negated sentence ("does not take an ACCESS EXCLUSIVE lock")
 * is no claim.
 */
public final class StatedLocks {
  private StatedLocks() {}

  private static final Pattern STEP_HEADER = Pattern.compile(
      "(?i)\\b(step|operation|change|statement|action|ddl|migration|what)\\b");
  private static final Pattern LOCK_HEADER = Pattern.compile("(?i)\\block");
  private static final Pattern NOT_LOCK_HEADER = Pattern.compile("(?i)duration|time|wait|timeout|held for");
  /** A lock mode followed by "lock" within two words: "SHARE UPDATE EXCLUSIVE lock", "ACCESS EXCLUSIVE table lock". */
  private static final Pattern LOCK_SENTENCE = Pattern.compile(
      "(?i)\\b(access\\s+exclusive|share\\s+update\\s+exclusive|share\\s+row\\s+exclusive|row\\s+exclusive"
          + "|access\\s+share|row\\s+share|exclusive|share)[_ ]?(?:\\s+\\w+)?\\s+locks?\\b");
  private static final Pattern NEGATION = Pattern.compile(
      "(?i)\\b(?:not|never|no|without|instead of|rather than|unlike|avoid\\w*|n't)\\b|n't\\b");

  /** "would take", "a plain CREATE INDEX takes … so we use CONCURRENTLY instead": not a claim about the plan. */
  private static final Pattern COUNTERFACTUAL = Pattern.compile(
      "(?i)\\b(?:would|could|otherwise|instead|unless|plain|naive|so we use|which is why)\\b");

  /** Every lock the packet states, in file and line order. */
  public static List<StatedLock> of(Packet packet) {
    List<StatedLock> out = new ArrayList<>();
    List<MarkdownDoc> docs = new ArrayList<>(packet.docs().values());
    docs.sort(Comparator.comparing(MarkdownDoc::path));
    for (MarkdownDoc d : docs) {
      out.addAll(tables(d));
      out.addAll(sentences(d));
    }
    for (PlanSqlBlock b : PlanSql.blocks(packet)) out.addAll(comments(b));
    out.sort(Comparator.comparing(StatedLock::file).thenComparingInt(StatedLock::line));
    return out;
  }

  /** Rows of the Markdown tables (the model's GFM tables) that have a lock column. */
  static List<StatedLock> tables(MarkdownDoc d) {
    List<StatedLock> out = new ArrayList<>();
    for (Block b : d.blocks()) {
      if (b.type() != Block.Type.TABLE || b.table() == null) continue;
      MdTable t = b.table();
      List<String> header = t.header();
      int lock = -1;
      int step = -1;
      for (int c = 0; c < header.size(); c++) {
        String h = header.get(c);
        if (lock < 0 && LOCK_HEADER.matcher(h).find() && !NOT_LOCK_HEADER.matcher(h).find()) lock = c;
        else if (step < 0 && STEP_HEADER.matcher(h).find()) step = c;
      }
      if (lock < 0) continue;
      if (step < 0) step = lock == 0 ? 1 : 0;
      for (MdTable.Row r : t.rows()) {
        if (r.cells().size() <= Math.max(lock, step)) continue;
        StatedLock s = StatedLock.ofCell(d.path(), r.line(), r.cell(step), r.cell(lock),
            StatedLock.Source.TABLE, null);
        if (s != null) out.add(s);
      }
    }
    return out;
  }

  /** The spaces after a sentence's final punctuation. */
  private static final Pattern SENTENCE_BREAK = Pattern.compile("(?<=[.;!?])\\s+");

  /** Prose sentences stating one lock for a step. */
  static List<StatedLock> sentences(MarkdownDoc d) {
    List<StatedLock> out = new ArrayList<>();
    for (TextLine l : d.textLines()) {
      if (l.text().startsWith("|")) continue; // a table row (tables are read above)
      for (String sentence : SENTENCE_BREAK.split(l.text())) {
        StatedLock s = sentence(d.path(), l.line(), sentence, StatedLock.Source.SENTENCE, null);
        if (s != null) out.add(s);
      }
    }
    return out;
  }

  private static StatedLock sentence(String file, int line, String text, StatedLock.Source source,
      Statement statement) {
    Matcher m = LOCK_SENTENCE.matcher(text);
    if (!m.find()) return null;
    int at = m.start();
    if (m.find()) return null; // two locks in one sentence: a comparison, not a claim
    if (NEGATION.matcher(text.substring(0, at)).find() || COUNTERFACTUAL.matcher(text).find()) return null;
    Set<dev.specgate.sql.LockLevel> levels = StatedLock.levelsIn(text.substring(at));
    if (levels.size() != 1) return null;
    return new StatedLock(file, line, text.strip(), text.substring(at).strip(), levels, false, false,
        source, statement);
  }

  /** Comments just above a statement of a plan fence that state its lock. */
  static List<StatedLock> comments(PlanSqlBlock b) {
    List<StatedLock> out = new ArrayList<>();
    String[] lines = b.sql().split("\n", -1);
    int previousEnd = b.sqlLine() - 1;
    for (Statement s : b.migration().statements()) {
      for (int ln = previousEnd + 1; ln < s.span().startLine(); ln++) {
        int idx = ln - b.sqlLine();
        if (idx < 0 || idx >= lines.length) continue;
        String t = lines[idx].strip();
        if (!t.startsWith("--")) continue;
        StatedLock c = sentence(b.file(), ln, t.substring(2).strip(), StatedLock.Source.SQL_COMMENT, s);
        if (c != null) out.add(c);
      }
      previousEnd = s.span().endLine();
    }
    return out;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
