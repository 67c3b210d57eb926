package dev.specgate.sql;

import java.util.Locale;
import java.util.Optional;

/**
 * The tool that runs the migrations. It decides file order and whether a file runs inside a
 * transaction the tool opens (which makes CREATE INDEX CONCURRENTLY fail). What each tool does is
 * {@link dev.specgate.sql.schema.MigrationOrder}'s to say.
 */
public enum MigrationTool {
  AUTO, PLAIN, FLYWAY, GOLANG_MIGRATE, GOOSE, DBMATE, SQITCH, DIESEL;

  public String label() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<MigrationTool> parse(String text) {
    if (text == null) return Optional.empty();
    String t = text.trim().toLowerCase(Locale.ROOT);
    for (MigrationTool m : values()) if (m.label().equals(t)) return Optional.of(m);
    return Optional.empty();
  }
}
