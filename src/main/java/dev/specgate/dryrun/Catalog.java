package dev.specgate.dryrun;

import dev.specgate.rules.dryrun.ObservedLock;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** The catalog queries that observe one statement: locks held, storage files, full scans. */
final class Catalog {
  private static final String USER_SCHEMA =
      "n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'";
  private static final String NAME =
      "CASE WHEN n.nspname = 'public' THEN c.relname ELSE n.nspname || '.' || c.relname END";

  private Catalog() {}

  /** The relation locks a backend holds (granted), relations named as in reports. */
  static Set<ObservedLock> locks(Connection c, int pid) throws SQLException {
    return locks(c, pid, Map.of());
  }

  /**
   * The same, naming each relation as {@code before} knew it (oid → name): a relation the
   * statement dropped or renamed keeps the name the statement used.
   */
  static Set<ObservedLock> locks(Connection c, int pid, Map<Long, String> before) throws SQLException {
    Set<ObservedLock> out = new LinkedHashSet<>();
    try (PreparedStatement p = c.prepareStatement(
        "SELECT l.relation::bigint, " + NAME + ", l.mode FROM pg_locks l LEFT JOIN pg_class c ON c.oid = l.relation"
            + " LEFT JOIN pg_namespace n ON n.oid = c.relnamespace"
            + " WHERE l.locktype = 'relation' AND l.granted AND l.pid = ?"
            + " AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())"
            + " AND (c.oid IS NULL OR " + USER_SCHEMA + ") ORDER BY 2, 3")) {
      p.setInt(1, pid);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          String name = before.getOrDefault(r.getLong(1), r.getString(2));
          if (name != null) out.add(new ObservedLock(name, r.getString(3)));
        }
      }
    }
    return out;
  }

  /** The relation locks a backend is waiting for: the locks it is about to take. */
  static Set<ObservedLock> waitingFor(Connection c, int pid, Map<Long, String> before) throws SQLException {
    Set<ObservedLock> out = new LinkedHashSet<>();
    try (PreparedStatement p = c.prepareStatement(
        "SELECT l.relation::bigint, l.mode FROM pg_locks l WHERE l.locktype = 'relation' AND NOT l.granted"
            + " AND l.pid = ?")) {
      p.setInt(1, pid);
      try (ResultSet r = p.executeQuery()) {
        while (r.next()) {
          String name = before.get(r.getLong(1));
          if (name != null) out.add(new ObservedLock(name, r.getString(2)));
        }
      }
    }
    return out;
  }

  /** Every user relation now: oid → name as reports write it. */
  static Map<Long, String> relationNames(Connection c) throws SQLException {
    Map<Long, String> out = new java.util.HashMap<>();
    try (PreparedStatement p = c.prepareStatement("SELECT c.oid::bigint, " + NAME
        + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE " + USER_SCHEMA);
        ResultSet r = p.executeQuery()) {
      while (r.next()) out.put(r.getLong(1), r.getString(2));
    }
    return out;
  }

  /** True when the backend waits for a lock (CONCURRENTLY at its wait phase). */
  static boolean waiting(Connection c, int pid) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT EXISTS (SELECT 1 FROM pg_locks WHERE pid = ? AND NOT granted)")) {
      p.setInt(1, pid);
      try (ResultSet r = p.executeQuery()) {
        r.next();
        return r.getBoolean(1);
      }
    }
  }

  static int backendPid(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT pg_backend_pid()"); ResultSet r = p.executeQuery()) {
      r.next();
      return r.getInt(1);
    }
  }

  /** Table name → its storage file number (tables and materialized views). */
  static Map<String, Long> fileNodes(Connection c) throws SQLException {
    return longs(c, "SELECT " + NAME + ", c.relfilenode FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE c.relkind IN ('r', 'm') AND " + USER_SCHEMA);
  }

  /** Table name → sequential scans this transaction started on it so far. */
  static Map<String, Long> seqScans(Connection c) throws SQLException {
    return longs(c, "SELECT CASE WHEN schemaname = 'public' THEN relname ELSE schemaname || '.' || relname END,"
        + " seq_scan FROM pg_stat_xact_user_tables");
  }

  /** Names of the tables (incl. partitioned and materialized views) that exist now. */
  static Set<String> tables(Connection c) throws SQLException {
    return fileNodesOrAll(c).keySet();
  }

  private static Map<String, Long> fileNodesOrAll(Connection c) throws SQLException {
    return longs(c, "SELECT " + NAME + ", c.oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
        + " WHERE c.relkind IN ('r', 'p', 'm') AND " + USER_SCHEMA);
  }

  private static Map<String, Long> longs(Connection c, String sql) throws SQLException {
    Map<String, Long> out = new LinkedHashMap<>();
    try (PreparedStatement p = c.prepareStatement(sql); ResultSet r = p.executeQuery()) {
      while (r.next()) out.put(r.getString(1), r.getLong(2));
    }
    return out;
  }

  static String serverVersion(Connection c) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SHOW server_version"); ResultSet r = p.executeQuery()) {
      r.next();
      String v = r.getString(1);
      int space = v.indexOf(' ');
      return space < 0 ? v : v.substring(0, space);
    }
  }
}
