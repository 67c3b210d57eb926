package dev.specgate.report;

import dev.specgate.core.Lines;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a finding's fix written the rules' way — a sentence of prose, then the SQL from the first
 * line that starts a statement — so renderers can show the prose as text and the SQL as code.
 */
public final class FixText {
  private static final Pattern PLACEHOLDER = Pattern.compile("<[A-Za-z][A-Za-z0-9 _-]*>");
  private static final List<String> STATEMENT_STARTS = List.of(
      "ALTER ", "CREATE ", "DROP ", "UPDATE ", "DELETE ", "INSERT ", "SET ", "BEGIN", "COMMIT", "WITH ",
      "DO ", "REINDEX ", "VACUUM", "CLUSTER ", "REFRESH ", "SELECT ", "TRUNCATE ", "COMMENT ", "GRANT ");

  /** The prose before the SQL (may be empty) and the SQL itself. */
  public record Parts(String prose, String sql) {}

  /** "-- or …": the fix offers a choice. */
  private static final Pattern ALTERNATIVE = Pattern.compile("--\\s*+or\\b.*");

  private FixText() {}

  /** Splits {@code fix}; empty when no line starts an SQL statement. */
  public static Optional<Parts> split(String fix) {
    String[] lines = Lines.of(fix.strip());
    for (int i = 0; i < lines.length; i++) {
      if (startsStatement(lines[i])) {
        String prose = String.join("\n", Arrays.asList(lines).subList(0, i)).strip();
        String sql = String.join("\n", Arrays.asList(lines).subList(i, lines.length)).strip();
        return Optional.of(new Parts(prose, sql));
      }
    }
    return Optional.empty();
  }

  /**
   * True when the SQL can replace a statement as it is: no {@code <placeholder>} or ellipsis to
   * fill in, and no "-- or" alternative to choose from.
   */
  public static boolean complete(String sql) {
    if (PLACEHOLDER.matcher(sql).find() || sql.contains("…")) return false;
    for (String l : Lines.of(sql)) {
      if (ALTERNATIVE.matcher(l.strip().toLowerCase(Locale.ROOT)).matches()) return false;
    }
    return true;
  }

  private static boolean startsStatement(String line) {
    String t = line.strip().toUpperCase(Locale.ROOT);
    for (String k : STATEMENT_STARTS) if (t.startsWith(k)) return true;
    return false;
  }
}
