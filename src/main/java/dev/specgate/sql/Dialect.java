package dev.specgate.sql;

import java.util.Locale;
import java.util.Optional;

/** The SQL dialect of a migration. Decides identifier quoting and lock semantics. */
public enum Dialect {
  POSTGRES, MYSQL;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<Dialect> parse(String text) {
    if (text == null) return Optional.empty();
    return switch (text.trim().toLowerCase(Locale.ROOT)) {
      case "postgres", "postgresql", "pg" -> Optional.of(POSTGRES);
      case "mysql", "mariadb" -> Optional.of(MYSQL);
      default -> Optional.empty();
    };
  }
}
