package dev.specgate.sql;

import java.util.Locale;

/**
 * What InnoDB does for one ALTER TABLE action (MySQL manual, "Online DDL Operations", 8.0 and 8.4):
 * the algorithm it can use (INSTANT, INPLACE, COPY), whether the table is rebuilt, and whether
 * other sessions may keep writing while it runs. Assumes MySQL 8.0.29 or later (8.4 is the same for
 * these operations); notes say where older 8.0 releases and MariaDB differ. Every ALTER, INSTANT
 * included, also needs an exclusive metadata lock at its start and end: it waits behind any open
 * transaction that touched the table, and every later query on the table waits behind it.
 */
public final class MysqlOnlineDdl {
  private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
  private MysqlOnlineDdl() {}

  public enum Algorithm { INSTANT, INPLACE, COPY }

  /**
   * @param concurrentDml other sessions may insert, update and delete while it runs
   * @param operation the operation as the manual names it
   * @param note where MySQL releases or MariaDB differ, or what makes it so
   */
  public record Plan(String operation, Algorithm algorithm, boolean rebuildsTable, boolean concurrentDml, String note) {
    /** Writes wait for the whole operation: a table copy, or an in-place build that forbids DML. */
    public boolean blocksWrites() {
      return algorithm == Algorithm.COPY || !concurrentDml;
    }
  }

  /** What the statement around the action says about it. */
  public record Facts(boolean typeChanged, boolean foreignKeyChecksOff, boolean autoIncrement) {}

  /** The plan for one action; {@code null} when the action is not one this table covers. */
  public static Plan of(AlterAction a, Facts facts) {
    if (a instanceof AlterAction.AddColumn ac) {
      if (facts.autoIncrement()) {
        return new Plan("add an AUTO_INCREMENT column", Algorithm.INPLACE, true, false,
            "every row gets a value while writes wait");
      }
      return new Plan("add a column", Algorithm.INSTANT, false, true,
          "INSTANT at any position since 8.0.29 (only as the last column from 8.0.12; MariaDB 10.3+"
              + " last, 10.4+ any position); a stored generated column copies the table");
    }
    if (a instanceof AlterAction.DropColumn) {
      return new Plan("drop a column", Algorithm.INSTANT, false, true,
          "INSTANT since 8.0.29 (before: INPLACE with a rebuild; MariaDB 10.4+ instant)");
    }
    if (a instanceof AlterAction.RenameColumn) return new Plan("rename a column", Algorithm.INSTANT, false, true, "");
    if (a instanceof AlterAction.SetDefault || a instanceof AlterAction.DropDefault) {
      return new Plan("set or drop a column default", Algorithm.INSTANT, false, true, "");
    }
    if (a instanceof AlterAction.AlterColumnType) {
      return facts.typeChanged()
          ? new Plan("change a column's data type", Algorithm.COPY, true, false,
              "only a VARCHAR widening within the same length-byte size (up to 255 bytes) is INPLACE")
          : null;
    }
    if (a instanceof AlterAction.SetNotNull) {
      return new Plan("make a column NOT NULL", Algorithm.INPLACE, true, true,
          "rebuilds the table; fails if a row holds NULL (strict SQL mode)");
    }
    if (a instanceof AlterAction.DropNotNull) {
      return new Plan("make a column NULL", Algorithm.INPLACE, true, true, "rebuilds the table");
    }
    if (a instanceof AlterAction.AddIndex ai) {
      String kind = ai.kind() == null ? "INDEX" : ai.kind().toUpperCase(Locale.ROOT);
      if (kind.equals("FULLTEXT") || kind.equals("SPATIAL")) {
        return new Plan("add a " + kind + " index", Algorithm.INPLACE, kind.equals("FULLTEXT"), false,
            "LOCK=SHARED at best: reads continue, writes wait");
      }
      return new Plan("add a secondary index", Algorithm.INPLACE, false, true, "");
    }
    if (a instanceof AlterAction.DropIndex) return new Plan("drop an index", Algorithm.INPLACE, false, true, "");
    if (a instanceof AlterAction.AddConstraint ac) {
      switch (ac.constraint().kind()) {
        case FOREIGN_KEY -> {
          return facts.foreignKeyChecksOff()
              ? new Plan("add a foreign key (foreign_key_checks=0)", Algorithm.INPLACE, false, true, "")
              : new Plan("add a foreign key", Algorithm.COPY, true, false,
                  "INPLACE only with SET foreign_key_checks = 0 (existing rows are then not checked)");
        }
        case CHECK -> {
          return new Plan("add a CHECK constraint", Algorithm.COPY, true, false,
              "every row is checked during a table copy (MySQL 8.0.16+)");
        }
        case PRIMARY_KEY -> {
          return new Plan("add a primary key", Algorithm.INPLACE, true, true,
              "rebuilds the table; COPY when a column must first become NOT NULL");
        }
        case UNIQUE -> {
          return new Plan("add a unique index", Algorithm.INPLACE, false, true, "");
        }
        default -> {
          return null;
        }
      }
    }
    if (a instanceof AlterAction.DropConstraint dc) {
      if ("primary".equalsIgnoreCase(dc.name())) {
        return new Plan("drop the primary key", Algorithm.COPY, true, false,
            "INPLACE only when a new primary key is added in the same statement");
      }
      return new Plan("drop a constraint", Algorithm.INPLACE, false, true, "");
    }
    if (a instanceof AlterAction.RenameTable) return new Plan("rename the table", Algorithm.INSTANT, false, true, "");
    if (a instanceof AlterAction.OtherAction o) {
      String t = SPACES.matcher(o.text().toLowerCase(Locale.ROOT)).replaceAll(" ").trim();
      if (t.startsWith("convert to character set") || t.startsWith("convert to charset")) {
        return new Plan("convert the table's character set", Algorithm.COPY, true, false, "");
      }
      if (t.startsWith("engine") || t.equals("force") || t.startsWith("row_format")) {
        return new Plan("rebuild the table (" + o.text().trim() + ")", Algorithm.INPLACE, true, true, "");
      }
    }
    return null;
  }

  /** The ALGORITHM= written in the statement, upper-cased, or null. */
  public static String writtenAlgorithm(Operation.AlterTable alter) {
    return written(alter, "algorithm");
  }

  /** The LOCK= written in the statement, upper-cased, or null. */
  public static String writtenLock(Operation.AlterTable alter) {
    return written(alter, "lock");
  }

  private static String written(Operation.AlterTable alter, String key) {
    for (AlterAction a : alter.actions()) {
      if (a instanceof AlterAction.OtherAction o) {
        String t = SPACES.matcher(o.text()).replaceAll("");
        if (t.toLowerCase(Locale.ROOT).startsWith(key + "=")) return t.substring(key.length() + 1).toUpperCase(Locale.ROOT);
      }
    }
    return null;
  }
}
