package dev.specgate.dryrun;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Optional;

/**
 * Keeps a scratch database under its size budget. The SQL comes from a pull request: one
 * {@code INSERT … SELECT … FROM generate_series(1, 1e9)} fills the disk of the machine running the
 * dry run (a CI runner, the service's host) well within the statement timeout. A thread of its own
 * reads {@code pg_database_size} every {@value #POLL_MS} ms on a connection of its own and, once the
 * database holds more than the budget, cancels every other statement running in it; the statement
 * cancelled then says why ({@link #exceeded()}). Temporary files (a sort spilling to disk) are not in
 * {@code pg_database_size}: on the embedded cluster the scratch role's {@code temp_file_limit} bounds them.
 */
final class SizeWatch implements AutoCloseable {
  /** A query costs a stat() per relation file; fast enough to stop a 200 MB/s insert within ~50 MB. */
  static final long POLL_MS = 250;

  /** Opens the watch's session on the scratch database. */
  interface Connector {
    Connection open() throws SQLException;
  }

  private final Connector connector;
  private final long maxMb;
  private final long maxBytes;
  private final Thread thread;
  private volatile long seenBytes = -1;
  private volatile boolean stopped;
  private volatile String failure;
  private Connection first;

  private SizeWatch(Connector connector, long maxMb) {
    this.connector = connector;
    this.maxMb = maxMb;
    this.maxBytes = maxMb << 20;
    this.thread = new Thread(this::watch, "specgate-dry-run-size-watch");
    thread.setDaemon(true);
  }

  /**
   * Starts watching; the first session is opened here, so a database it cannot reach fails now. On
   * the embedded cluster the session is a superuser's, which the change's role cannot terminate; a
   * session that ends anyway is opened again at the next poll.
   */
  static SizeWatch start(Connector connector, long maxMb) throws SQLException {
    SizeWatch w = new SizeWatch(connector, maxMb);
    w.first = connector.open();
    w.first.setAutoCommit(true);
    w.thread.start();
    return w;
  }

  /** Why statements were cancelled, once the database went over its budget. */
  Optional<String> exceeded() {
    long seen = seenBytes;
    if (seen < 0) return Optional.empty();
    return Optional.of(String.format(Locale.ROOT,
        "cancelled: the scratch database grew to %d MB, over the %d MB a dry run may write (dryRunMaxDatabaseMb)",
        seen >> 20, maxMb));
  }

  /** Set when the watch could not reach the database for a while: its size was not bounded then. */
  Optional<String> failure() {
    String f = failure;
    return f == null ? Optional.empty()
        : Optional.of("the scratch database's size watch lost its session (" + f + "): its size was not bounded"
            + " until it reconnected");
  }

  private void watch() {
    Connection c = first;
    try {
      while (!stopped) {
        try {
          if (c == null || c.isClosed()) {
            c = connector.open();
            c.setAutoCommit(true);
          }
          check(c);
        } catch (SQLException e) {
          if (stopped) return;
          if (failure == null) failure = Seeder.firstLine(e.getMessage());
          closeQuietly(c);
          c = null;
        }
        Thread.sleep(POLL_MS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      closeQuietly(c);
    }
  }

  private void check(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      long size;
      try (ResultSet r = s.executeQuery("SELECT pg_database_size(current_database())")) {
        size = r.next() ? r.getLong(1) : 0;
      }
      if (size > maxBytes) {
        if (seenBytes < 0) seenBytes = size;
        s.execute("SELECT pg_cancel_backend(pid) FROM pg_stat_activity"
            + " WHERE datname = current_database() AND pid <> pg_backend_pid()");
      }
    }
  }

  private static void closeQuietly(Connection c) {
    if (c == null) return;
    try {
      c.close();
    } catch (SQLException ignored) {
      // a session that failed: nothing left to release
    }
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
