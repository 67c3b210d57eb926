package dev.specgate.dryrun;

import dev.specgate.core.Lines;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Loads a schema dump (Rails {@code db/structure.sql}, dbmate {@code db/schema.sql}) into the
 * scratch database as the schema before the change, statement by statement, each on its own: a
 * dump is the production schema as pg_dump wrote it, and parts of it may not exist here (an
 * extension this PostgreSQL lacks, a role it does not know). A statement PostgreSQL rejects is left
 * out and named in the notes, never silently; the rest still loads.
 *
 * <p>It runs on a connection of its own, closed afterwards: pg_dump's {@code SET} lines
 * ({@code lock_timeout = 0}, {@code check_function_bodies = false}) and its
 * {@code set_config('search_path', '', false)} hold for the dump only, never for the change that is
 * measured after it. Transaction control in a dump (BEGIN/COMMIT around it) is not run: one
 * rejected statement would otherwise roll back every other one.
 */
final class SchemaDumpLoader {
  /** Rejected statements named in a note; the rest are counted. */
  private static final int NAMED = 3;
  /** Characters of a statement shown in a note. */
  private static final int SHOWN = 70;

  private SchemaDumpLoader() {}

  /** Loads {@code dump} through {@code c} (then closed by the caller); what was left out goes to {@code notes}. */
  static void load(Script dump, Connection c, List<String> notes) throws SQLException {
    c.setAutoCommit(true);
    int applied = 0;
    List<String> rejected = new ArrayList<>();
    try (java.sql.Statement s = c.createStatement()) {
      s.setQueryTimeout(ScriptRunner.STATEMENT_TIMEOUT_SECONDS); // a dump comes from the pull request too
      for (Statement st : dump.statements()) {
        if (st.op() instanceof Operation.Transaction) continue;
        try {
          s.execute(st.sql());
          applied++;
        } catch (SQLException e) {
          // cancelled (the database over its budget, or the time limit): the load stops, it is not a statement to skip
          if (ScriptRunner.QUERY_CANCELED.equals(e.getSQLState())) throw e;
          rejected.add("line " + (st.line() + dump.lineOffset()) + " " + shown(st.sql()) + " (" + reason(st.sql(), e) + ")");
        }
      }
    }
    notes.add(dump.file() + " (the schema dump before the change) was loaded first: " + applied
        + (applied == 1 ? " statement" : " statements") + " applied");
    if (!rejected.isEmpty()) {
      notes.add(rejected.size() + (rejected.size() == 1 ? " statement of " : " statements of ") + dump.file()
          + (rejected.size() == 1 ? " was" : " were") + " not applied (PostgreSQL rejected "
          + (rejected.size() == 1 ? "it" : "them") + "; the dump loaded without " + (rejected.size() == 1 ? "it" : "them")
          + "): " + String.join("; ", rejected.subList(0, Math.min(NAMED, rejected.size())))
          + (rejected.size() > NAMED ? "; …" : ""));
    }
  }

  /**
   * The versions a loaded dump's {@code schema_migrations} lists (Rails and dbmate write them into
   * it): the migrations already in the dump. Empty when it has no such table.
   */
  static Set<String> appliedVersions(Connection c) throws SQLException {
    Set<String> out = new LinkedHashSet<>();
    try (java.sql.Statement s = c.createStatement();
        java.sql.ResultSet r = s.executeQuery("SELECT to_regclass('public.schema_migrations') IS NOT NULL"
            + " AND EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass('public.schema_migrations')"
            + " AND attname = 'version' AND NOT attisdropped)")) {
      if (!r.next() || !r.getBoolean(1)) return out;
    }
    try (java.sql.Statement s = c.createStatement();
        java.sql.ResultSet r = s.executeQuery("SELECT version::text FROM public.schema_migrations")) {
      while (r.next()) if (r.getString(1) != null) out.add(r.getString(1).strip());
    }
    return out;
  }

  /**
   * The version a Rails or dbmate migration file's name starts with ({@code 20240105093000_x.sql}),
   * else null.
   */
  static String versionOf(String path) {
    String name = path.substring(path.replace('\\', '/').lastIndexOf('/') + 1);
    int i = 0;
    while (i < name.length() && Character.isDigit(name.charAt(i))) i++;
    return i > 0 && i < name.length() && name.charAt(i) == '_' ? name.substring(0, i) : null;
  }

  /** The statement without the comment lines above it, on one line, cut short. */
  private static String shown(String sql) {
    StringBuilder out = new StringBuilder();
    for (String line : Lines.of(sql)) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("--")) continue;
      if (out.length() > 0) out.append(' ');
      out.append(l);
      if (out.length() > SHOWN) break;
    }
    String s = out.toString();
    if (s.endsWith(";")) s = s.substring(0, s.length() - 1);
    return s.length() > SHOWN ? s.substring(0, SHOWN) + "…" : s;
  }

  /** PostgreSQL's reason, said plainly for an extension it does not have (its message names a file path). */
  private static String reason(String sql, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message = Seeder.firstLine(e.getMessage());
    if (message.startsWith("ERROR: ")) message = message.substring("ERROR: ".length());
    if (shown(sql).toUpperCase(Locale.ROOT).startsWith("CREATE EXTENSION")
        && ("58P01".equals(state) || message.contains("is not available"))) {
      return "not available on this PostgreSQL";
    }
    return message + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")");
  }
}
