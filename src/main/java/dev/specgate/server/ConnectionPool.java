package dev.specgate.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** A small bounded JDBC connection pool (the service needs a handful of connections, no more). */
final class ConnectionPool implements AutoCloseable {
  private final String url;
  private final Properties props = new Properties();
  private final BlockingQueue<Connection> idle;
  private final int max;
  private final AtomicInteger open = new AtomicInteger();
  private volatile boolean closed;

  ConnectionPool(String url, String user, String password, int max) {
    this.url = url;
    this.max = max;
    this.idle = new ArrayBlockingQueue<>(max);
    if (user != null) props.setProperty("user", user);
    if (password != null) props.setProperty("password", password);
  }

  Connection borrow() throws SQLException {
    if (closed) throw new SQLException("the job store is closed");
    Connection c;
    while ((c = idle.poll()) != null) {
      if (!c.isClosed()) return c;
      open.decrementAndGet();
    }
    if (open.incrementAndGet() <= max) {
      try {
        return DriverManager.getConnection(url, props);
      } catch (SQLException e) {
        open.decrementAndGet();
        throw e;
      }
    }
    open.decrementAndGet();
    try {
      c = idle.poll(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for a database connection");
    }
    if (c == null) throw new SQLException("no database connection free after 10 s");
    return c;
  }

  void giveBack(Connection c, boolean broken) {
    try {
      if (broken || closed || c.isClosed()) {
        open.decrementAndGet();
        c.close();
        return;
      }
      if (!c.getAutoCommit()) c.rollback();
      c.setAutoCommit(true);
      if (!idle.offer(c)) {
        open.decrementAndGet();
        c.close();
      }
    } catch (SQLException e) {
      open.decrementAndGet();
      try {
        c.close();
      } catch (SQLException ignored) {
        // already broken
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    Connection c;
    while ((c = idle.poll()) != null) {
      try {
        c.close();
      } catch (SQLException ignored) {
        // closing anyway
      }
    }
  }
}
