package dev.specgate.sql;

import java.util.List;

/**
 * A parsed migration file: its statements in order. {@code path} is repository-relative.
 */
public record Migration(String path, Dialect dialect, List<Statement> statements) {
  public Migration {
    statements = List.copyOf(statements);
  }
}
