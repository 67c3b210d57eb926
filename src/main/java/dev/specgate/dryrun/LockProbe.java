package dev.specgate.dryrun;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A second session that tries what the application does, a read and a write, under a short
 * lock_timeout while a statement holds its locks: whatever times out is blocked.
 */
final class LockProbe implements AutoCloseable {
  private static final String LOCK_NOT_AVAILABLE = "55P03";
  private final Connection c;

  LockProbe(Connection c) throws SQLException {
    this.c = c;
    c.setAutoCommit(true);
    try (Statement s = c.createStatement()) {
      // A request that is not granted at once is blocked: the lock it waits for is held for the whole
      // statement, so a short timeout only saves time.
      s.execute("SET lock_timeout = '20ms'");
      s.execute("SET statement_timeout = '2s'");
    }
  }

  /** True when a SELECT on the table cannot get its lock. */
  boolean readBlocked(String table) throws SQLException {
    return blocked("SELECT FROM " + Seeder.quoteName(table) + " LIMIT 1", false);
  }

  /** True when a write (it takes ROW EXCLUSIVE, as INSERT, UPDATE and DELETE do) cannot get its lock. */
  boolean writeBlocked(String table) throws SQLException {
    return blocked("DELETE FROM " + Seeder.quoteName(table) + " WHERE false", true);
  }

  private boolean blocked(String sql, boolean rollback) throws SQLException {
    try (Statement s = c.createStatement()) {
      if (rollback) s.execute("BEGIN");
      try {
        s.execute(sql);
        return false;
      } catch (SQLException e) {
        if (LOCK_NOT_AVAILABLE.equals(e.getSQLState())) return true;
        // the table is gone or renamed for other sessions: nothing to wait for
        return false;
      } finally {
        if (rollback) s.execute("ROLLBACK");
      }
    }
  }

  @Override
  public void close() throws SQLException {
    c.close();
  }
}
