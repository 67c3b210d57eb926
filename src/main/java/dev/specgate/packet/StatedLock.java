package dev.specgate.packet;

import dev.specgate.sql.LockLevel;
import dev.specgate.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A lock the plan says a step takes: a row of a lock table (seed 004's "Performance Impact
 * Assessment": Step | Lock type | …), a sentence ("VALIDATE CONSTRAINT takes a SHARE UPDATE
 * EXCLUSIVE lock"), or a SQL comment just above a statement of a plan fence.
 *
 * @param file the Markdown file
 * @param line where the claim is written
 * @param step what the claim is about, as written ("CREATE INDEX CONCURRENTLY")
 * @param claimed the lock as written ("SHARE UPDATE EXCLUSIVE", "Row-level locks only")
 * @param levels the PostgreSQL lock modes it names; empty for "row-level only" / "no lock"
 * @param rowLevelOnly "row-level locks only": at most ROW EXCLUSIVE on the table
 * @param noLock "none", "no lock": nothing that blocks writes
 * @param source where the claim was read
 * @param statement for a SQL comment claim, the statement below it; else {@code null}
 */
public record StatedLock(
    String file,
    int line,
    String step,
    String claimed,
    Set<LockLevel> levels,
    boolean rowLevelOnly,
    boolean noLock,
    Source source,
    Statement statement) {

  public enum Source { TABLE, SENTENCE, SQL_COMMENT }

  public StatedLock {
    levels = Set.copyOf(levels);
  }

  /** True when a statement taking {@code actual} on its table agrees with the claim. */
  public boolean accepts(LockLevel actual) {
    if (!levels.isEmpty()) return levels.contains(actual);
    if (rowLevelOnly) return actual.compareTo(LockLevel.ROW_EXCLUSIVE) <= 0;
    if (noLock) return !actual.blocksWrites();
    return true;
  }

  /** The claim in a few words, for messages. */
  public String describeClaim() {
    if (!levels.isEmpty()) return String.join(" or ", levels.stream().map(LockLevel::label).toList());
    return claimed.strip();
  }

  // ---- reading a claim -------------------------------------------------------------------

  /** Lock mode names, longest first so "SHARE UPDATE EXCLUSIVE" is not read as "SHARE". */
  private static final List<LockLevel> BY_LENGTH = List.of(
      LockLevel.SHARE_UPDATE_EXCLUSIVE, LockLevel.SHARE_ROW_EXCLUSIVE, LockLevel.ACCESS_EXCLUSIVE,
      LockLevel.ROW_EXCLUSIVE, LockLevel.ACCESS_SHARE, LockLevel.ROW_SHARE, LockLevel.EXCLUSIVE,
      LockLevel.SHARE);
  private static final Pattern ROW_LEVEL = Pattern.compile(
      "(?i)\\brow[- ]level\\b|\\brow locks?\\b|\\brow-locks?\\b");
  private static final Pattern NO_LOCK = Pattern.compile(
      "(?i)^\\s*(?:none|no lock|no locks|no table lock|no blocking lock)\\b");

  /** The lock modes a text names (upper or lower case, spaces or underscores). */
  public static Set<LockLevel> levelsIn(String text) {
    String t = " " + text.toUpperCase(Locale.ROOT).replace('_', ' ').replace('-', ' ') + " ";
    Set<LockLevel> out = new LinkedHashSet<>();
    for (LockLevel l : BY_LENGTH) {
      // each mention, not touching another capital letter, is blanked so a shorter mode inside
      // it ("SHARE" in "ROW SHARE") is not read again
      String label = l.label();
      StringBuilder rest = new StringBuilder(t);
      boolean found = false;
      for (int at = t.indexOf(label); at >= 0; at = t.indexOf(label, at + 1)) {
        int end = at + label.length();
        if (isCapital(t, at - 1) || isCapital(t, end)) continue;
        found = true;
        rest.replace(at, end, " ".repeat(label.length()));
        at = end - 1;
      }
      if (found) {
        out.add(l);
        t = rest.toString();
      }
    }
    return out;
  }

  private static boolean isCapital(String t, int i) {
    return i >= 0 && i < t.length() && t.charAt(i) >= 'A' && t.charAt(i) <= 'Z';
  }

  /** A claim read from a lock-table cell; {@code null} when the cell names no lock. */
  static StatedLock ofCell(String file, int line, String step, String cell, Source source,
      Statement statement) {
    Set<LockLevel> levels = levelsIn(cell);
    boolean rows = levels.isEmpty() && ROW_LEVEL.matcher(cell).find();
    boolean none = levels.isEmpty() && !rows && NO_LOCK.matcher(cell).find();
    if (levels.isEmpty() && !rows && !none) return null;
    return new StatedLock(file, line, step, cell, levels, rows, none, source, statement);
  }

}
