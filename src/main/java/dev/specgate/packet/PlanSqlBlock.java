package dev.specgate.packet;

import dev.specgate.sql.Migration;

/**
 * One SQL fence of a packet's Markdown, parsed by the SQL layer with statement spans in the
 * Markdown file's own line numbers.
 *
 * @param file repository path of the Markdown file
 * @param line the fence's first line (the opening ``` line; the first content line for an
 *     indented block)
 * @param endLine the fence's last line
 * @param role what the block is for
 * @param phase the phase the block belongs to (from its heading or label), or {@code null}
 * @param phaseTitle the heading / label that named the phase, or {@code null}
 * @param context the label or heading the role was read from ("Rollback (Phase 1 only)")
 * @param sqlLine the line of the content's first line
 * @param sql the fence's content as written
 * @param migration the content parsed; statement lines are lines of {@code file}
 */
public record PlanSqlBlock(
    String file,
    int line,
    int endLine,
    SqlBlockRole role,
    PhaseName phase,
    String phaseTitle,
    String context,
    int sqlLine,
    String sql,
    Migration migration) {

  /** The content on its own lines: blank lines before it, so lines are the Markdown file's. */
  public String paddedSql() {
    return "\n".repeat(Math.max(0, sqlLine - 1)) + sql;
  }

  /** A name unique to this block, used as the path of the SQL "file" it is checked as. */
  public String virtualPath() {
    return file + VIRTUAL_MARK + line;
  }

  /** Separates the Markdown path from the fence line in {@link #virtualPath()}. */
  public static final String VIRTUAL_MARK = "#sql-L";

  /** The Markdown path of a {@link #virtualPath()}, or the path itself when it is not one. */
  public static String fileOf(String path) {
    int i = path.lastIndexOf(VIRTUAL_MARK);
    return i < 0 ? path : path.substring(0, i);
  }

  /** True when the block sits in a cleanup / contract phase. */
  public boolean inCleanupPhase() {
    return phase == PhaseName.CLEANUP;
  }
}
