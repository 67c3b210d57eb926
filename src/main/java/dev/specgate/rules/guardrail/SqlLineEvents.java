package dev.specgate.rules.guardrail;

import dev.specgate.core.Spaces;
import dev.specgate.sql.Dialect;
import dev.specgate.sql.MigrationParser;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Guardrail events read from one added line of a SQL file the engine could not parse as a whole
 * (a modified migration in a diff: only its hunks are known), through the SQL layer: the hunk's
 * text is parsed ({@link GuardChange#sqlLineEvents}) to know which statement — and which ALTER
 * TABLE's table — a line belongs to; the line is then parsed on its own (a statement's first line)
 * or as one action of that ALTER TABLE ({@code ALTER TABLE <table> <line>}). Parsed migrations use
 * {@link SqlEvent} on their statements directly.
 */
final class SqlLineEvents {
  private static final Set<String> STATEMENT_WORDS = Set.of(
      "alter", "drop", "create", "truncate", "update", "delete", "insert", "comment");

  private SqlLineEvents() {}

  /**
   * @param table the table of the ALTER TABLE the line belongs to, when known
   */
  static List<SqlEvent> of(String line, String table) {
    return of(line, table, Dialect.POSTGRES);
  }

  static List<SqlEvent> of(String line, String table, Dialect dialect) {
    String code = code(line);
    if (code.isEmpty()) return List.of();
    String[] words = Spaces.split(code.toLowerCase(Locale.ROOT), 3);
    boolean alterTableHeader = words[0].equals("alter") && words.length > 1 && words[1].equals("table");
    if (table == null || alterTableHeader) {
      if (!STATEMENT_WORDS.contains(words[0])) return List.of();
      Operation op = parse(code, dialect);
      if (op instanceof Operation.AlterTable at && at.actions().isEmpty()) {
        String t = dev.specgate.sql.Names.unqualified(at.table());
        return List.of(new SqlEvent(Verb.CHANGE, t, t, "alters table `" + t + "`"));
      }
      return op instanceof Operation.Unparsed ? List.of() : SqlEvent.of(op);
    }
    // One action of a multi-line ALTER TABLE; only the forms a line names explicitly count (the
    // generic "alters table" of an action the model does not detail, e.g. DROP CONSTRAINT, does not).
    Operation op = parse("ALTER TABLE " + table + " " + code, dialect);
    List<SqlEvent> out = new ArrayList<>();
    for (SqlEvent e : SqlEvent.of(op)) {
      if (!(e.verb() == Verb.CHANGE && e.what().startsWith("alters table"))) out.add(e);
    }
    return out;
  }

  /** The events of the statement starting on this line, when it parsed and is not an ALTER TABLE. */
  static List<SqlEvent> ofStatement(Statement s) {
    if (s.isUnparsed() || s.op() instanceof Operation.AlterTable) return List.of();
    return SqlEvent.of(s.op());
  }

  private static Operation parse(String sql, Dialect dialect) {
    List<Statement> st = MigrationParser.parse("", sql, dialect).statements();
    return st.size() == 1 ? st.get(0).op() : new Operation.Unparsed("not one statement");
  }

  /** The line without its comment, list commas and statement terminator. */
  private static String code(String line) {
    int c = line.indexOf("--");
    String t = (c >= 0 ? line.substring(0, c) : line).strip();
    while (t.startsWith(",")) t = t.substring(1).strip();
    while (t.endsWith(",") || t.endsWith(";")) t = t.substring(0, t.length() - 1).strip();
    return t;
  }
}
