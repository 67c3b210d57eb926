package dev.specgate.dryrun;

import dev.specgate.core.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fills existing tables with synthetic rows so that rewrites and scans take measurable time. Values
 * follow each column's type; NOT NULL columns always get one, defaults and identities are left to
 * the database, unique-looking values come from the row number, and a foreign key column takes the
 * keys of its parent (filled first when empty). A table it cannot fill is reported, never skipped
 * silently.
 */
final class Seeder {
  private final Connection c;
  /** table → rows it holds after seeding (absent: not seeded). */
  private final Map<String, Long> seeded = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  /** Foreign keys the change is about to add: table.column → parent table (its primary key). */
  private final Map<String, String> plannedForeignKeys;
  /**
   * CHECK expressions the change adds, per table: the columns they read are left NULL where they
   * may be, so that synthetic values do not make the check fail where production data would not.
   */
  private final Map<String, List<String>> newChecks;

  Seeder(Connection c, Map<String, String> plannedForeignKeys, Map<String, List<String>> newChecks) {
    this.c = c;
    this.plannedForeignKeys = plannedForeignKeys;
    this.newChecks = newChecks;
  }

  private boolean readByNewCheck(String table, String column) {
    for (String e : newChecks.getOrDefault(table, List.of())) {
      if (Identifiers.contains(e.toLowerCase(Locale.ROOT), column)) {
        return true;
      }
    }
    return false;
  }

  Map<String, Long> seeded() {
    return seeded;
  }

  List<String> notes() {
    return notes;
  }

  /** Fills {@code table} (a name as the change writes it) with {@code rows} rows. */
  void seed(String table, long rows) throws SQLException {
    seed(table, rows, new HashSet<>());
  }

  private void seed(String table, long rows, Set<String> visiting) throws SQLException {
    if (seeded.containsKey(table) || !visiting.add(table)) return;
    Long oid = oid(table);
    if (oid == null) return;
    long existing = count(table);
    if (existing > 0) {
      seeded.put(table, existing);
      return;
    }
    List<Column> columns = columns(oid);
    Map<String, String> parents = foreignKeys(oid, table);
    for (String parent : new HashSet<>(parents.values())) seed(parent, Math.max(1, Math.min(rows, 1000)), visiting);
    String error = tryInsert(table, columns, parents, rows, true);
    if (error != null) error = tryInsert(table, columns, parents, rows, false);
    long fewer = rows;
    if (error != null && !parents.isEmpty()) {
      // a unique foreign key column can hold each parent key once: as many rows as the parent has
      fewer = Math.min(rows, smallestParent(parents));
      if (fewer < rows) error = tryInsert(table, columns, parents, fewer, false);
    }
    if (error != null) {
      notes.add("table " + table + " could not be filled with synthetic rows, so the statements on it ran"
          + " on an empty table and their times say nothing about its size: " + error);
      return;
    }
    try (Statement s = c.createStatement()) {
      s.execute("ANALYZE " + quoteName(table));
    }
    seeded.put(table, fewer);
  }

  private long smallestParent(Map<String, String> parents) throws SQLException {
    long min = Long.MAX_VALUE;
    for (String p : parents.values()) min = Math.min(min, count(p));
    return min;
  }

  /** Null when the rows went in, else why not. */
  private String tryInsert(String table, List<Column> columns, Map<String, String> parents, long rows,
      boolean fillNullable) throws SQLException {
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    List<String> ctes = new ArrayList<>();
    for (Column col : columns) {
      String parent = parents.get(col.name);
      if (parent != null) {
        // the parent's keys once, in an array joined to every row (not a subquery per row)
        String cte = "p" + ctes.size();
        ctes.add(cte + " AS (SELECT array_agg(k) a, count(*) n FROM (SELECT "
            + quoteIdent(primaryKey(parent)) + " k FROM " + quoteName(parent) + " LIMIT 100000) x)");
        names.add(quoteIdent(col.name));
        values.add(cte + ".a[1 + (g - 1) % " + cte + ".n]");
        continue;
      }
      if (col.hasDefault || col.identity || col.generated) continue;
      boolean leaveNull = !col.notNull && (!fillNullable || readByNewCheck(table, col.name));
      if (leaveNull) continue;
      String v = value(col);
      if (v == null) {
        if (col.notNull) {
          return "column " + col.name + " is NOT NULL and of type " + col.type
              + ", for which the dry run has no synthetic value";
        }
        continue;
      }
      names.add(quoteIdent(col.name));
      values.add(v);
    }
    StringBuilder from = new StringBuilder(" FROM generate_series(1, " + rows + ") g");
    for (int i = 0; i < ctes.size(); i++) from.append(", p").append(i);
    String sql = names.isEmpty()
        ? "INSERT INTO " + quoteName(table) + " SELECT FROM generate_series(1, " + rows + ") g"
        : (ctes.isEmpty() ? "" : "WITH " + String.join(", ", ctes) + " ")
            + "INSERT INTO " + quoteName(table) + " (" + String.join(", ", names) + ") SELECT "
            + String.join(", ", values) + from;
    boolean auto = c.getAutoCommit();
    try (Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      s.execute(sql);
      c.commit();
      return null;
    } catch (SQLException e) {
      c.rollback();
      return firstLine(e.getMessage());
    } finally {
      c.setAutoCommit(auto);
    }
  }

  /** A synthetic value for row {@code g}, or null when the type has none. */
  private static String value(Column col) {
    String t = col.type;
    String lower = t.toLowerCase(Locale.ROOT);
    if (col.typtype.equals("e")) {
      return "(enum_range(NULL::" + col.typeName + "))[1 + g % cardinality(enum_range(NULL::" + col.typeName + "))]";
    }
    if (col.category.equals("A")) return "'{}'::" + t;
    switch (col.category) {
      case "N" -> {
        if (lower.equals("smallint")) return "(g % 32000)::smallint";
        if (lower.startsWith("numeric(")) return "(g % 10)::" + t;
        return "g::" + t;
      }
      case "S" -> {
        return "('r' || g)::" + t;
      }
      case "B" -> {
        return "(g % 2 = 0)";
      }
      case "D" -> {
        if (lower.equals("date")) return "(date '2000-01-01' + (g % 9000))";
        if (lower.startsWith("time ") || lower.equals("time without time zone") || lower.startsWith("time(")
            || lower.startsWith("time with")) {
          return "(time '00:00' + (g % 86000) * interval '1 second')::" + t;
        }
        return "(timestamp '2024-01-01' + g * interval '1 second')::" + t;
      }
      case "T" -> {
        return "(g * interval '1 second')::" + t;
      }
      case "I" -> {
        return "('10.0.0.0'::inet + g)::" + t;
      }
      default -> {
        if (lower.equals("uuid")) return "md5(g::text)::uuid";
        if (lower.equals("json") || lower.equals("jsonb")) return "json_build_object('n', g)::" + t;
        if (lower.equals("bytea")) return "decode(md5(g::text), 'hex')";
        return null;
      }
    }
  }

  private record Column(String name, String type, String typeName, boolean notNull, boolean hasDefault,
      boolean identity, boolean generated, String typtype, String category) {}

  private List<Column> columns(long oid) throws SQLException {
    List<Column> out = new ArrayList<>();
    try (PreparedStatement p = c.prepareStatement(
        "SELECT a.attname, format_type(a.atttypid, a.atttypmod), a.atttypid::regtype::text, a.attnotnull,"
            + " a.atthasdef, a.attidentity <> '', a.attgenerated <> '', t.typtype, t.typcategory"
            + " FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid"
            + " WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
      p.setLong(1, oid);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          out.add(new Column(r.getString(1), r.getString(2), r.getString(3), r.getBoolean(4), r.getBoolean(5),
              r.getBoolean(6), r.getBoolean(7), r.getString(8), r.getString(9)));
        }
      }
    }
    return out;
  }

  /** Single-column foreign keys of the table, existing and planned: column → parent table. */
  private Map<String, String> foreignKeys(long oid, String table) throws SQLException {
    Map<String, String> out = new LinkedHashMap<>();
    try (PreparedStatement p = c.prepareStatement(
        "SELECT a.attname, k.confrelid::regclass::text FROM pg_constraint k"
            + " JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]"
            + " WHERE k.conrelid = ? AND k.contype = 'f' AND cardinality(k.conkey) = 1")) {
      p.setLong(1, oid);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) out.put(r.getString(1), r.getString(2));
      }
    }
    plannedForeignKeys.forEach((key, parent) -> {
      if (key.startsWith(table + ".")) out.putIfAbsent(key.substring(table.length() + 1), parent);
    });
    out.values().removeIf(parent -> {
      try {
        return oid(parent) == null || primaryKey(parent) == null;
      } catch (SQLException e) {
        return true;
      }
    });
    return out;
  }

  private String primaryKey(String table) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(
        "SELECT a.attname FROM pg_constraint k JOIN pg_attribute a ON a.attrelid = k.conrelid"
            + " AND a.attnum = k.conkey[1] WHERE k.conrelid = to_regclass(?) AND k.contype IN ('p', 'u')"
            + " AND cardinality(k.conkey) = 1 ORDER BY k.contype LIMIT 1")) {
      p.setString(1, quoteName(table));
      try (ResultSet r = p.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  Long oid(String table) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT to_regclass(?)::oid")) {
      p.setString(1, quoteName(table));
      try (ResultSet r = p.executeQuery()) {
        if (!r.next()) return null;
        long v = r.getLong(1);
        return r.wasNull() ? null : v;
      }
    }
  }

  private long count(String table) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet r = s.executeQuery("SELECT count(*) FROM " + quoteName(table))) {
      r.next();
      return r.getLong(1);
    }
  }

  /** {@code schema.table} or {@code table}, each part quoted as PostgreSQL needs. */
  static String quoteName(String name) {
    String[] parts = name.split("\\.", 2);
    return parts.length == 2 ? quoteIdent(parts[0]) + "." + quoteIdent(parts[1]) : quoteIdent(name);
  }

  /** Always quoted (a table may be called "order"); a name already quoted is kept. */
  static String quoteIdent(String id) {
    if (id.length() > 1 && id.startsWith("\"") && id.endsWith("\"")) return id;
    return "\"" + id.replace("\"", "\"\"") + "\"";
  }

  static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
