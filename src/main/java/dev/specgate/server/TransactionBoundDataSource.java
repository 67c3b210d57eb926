package dev.specgate.server;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The pool as db-scheduler sees it: inside {@link #bind} it hands out the caller's open
 * transaction (closing it is a no-op), so a job row and its queue execution are written in one
 * transaction; anywhere else, a pooled connection. db-scheduler does not commit a connection whose
 * auto-commit is off, which leaves the commit to us.
 */
final class TransactionBoundDataSource implements DataSource {
  private final DataSource pool;
  private final ThreadLocal<Connection> bound = new ThreadLocal<>();

  TransactionBoundDataSource(DataSource pool) {
    this.pool = pool;
  }

  interface Body<T> {
    T run() throws SQLException;
  }

  /** Runs {@code body} with {@code transaction} handed out by {@link #getConnection()} on this thread. */
  <T> T bind(Connection transaction, Body<T> body) throws SQLException {
    Connection before = bound.get();
    bound.set(transaction);
    try {
      return body.run();
    } finally {
      if (before == null) bound.remove();
      else bound.set(before);
    }
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection c = bound.get();
    if (c == null) return pool.getConnection();
    return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
        (proxy, method, args) -> {
          if (method.getName().equals("close")) return null; // the transaction's owner closes it
          try {
            return method.invoke(c, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    throw new SQLFeatureNotSupportedException("the pool has its own credentials");
  }

  @Override
  public PrintWriter getLogWriter() throws SQLException {
    return pool.getLogWriter();
  }

  @Override
  public void setLogWriter(PrintWriter out) throws SQLException {
    pool.setLogWriter(out);
  }

  @Override
  public void setLoginTimeout(int seconds) throws SQLException {
    pool.setLoginTimeout(seconds);
  }

  @Override
  public int getLoginTimeout() throws SQLException {
    return pool.getLoginTimeout();
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    return pool.getParentLogger();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return pool.unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return pool.isWrapperFor(iface);
  }
}
