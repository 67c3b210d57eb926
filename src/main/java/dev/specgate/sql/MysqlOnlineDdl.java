package dev.specgate.sql;

import dev.specgate.core.Spaces;
import java.util.Locale;

/**
 * What InnoDB does for one ALTER TABLE action (MySQL manual, "Online DDL Operations", 5.7, 8.0 and
 * 8.4; MariaDB, "InnoDB Online DDL Operations with the INSTANT Alter Algorithm"): the algorithm it
 * can use (INSTANT, INPLACE, COPY), whether the table is rebuilt, and whether other sessions may
 * keep writing while it runs, on the configured {@link MysqlServer}. Where the server decides it:
 * INSTANT exists from MySQL 8.0.12 (ADD COLUMN as the last column, SET/DROP DEFAULT, RENAME TABLE),
 * ADD COLUMN anywhere and DROP COLUMN are INSTANT from 8.0.29, RENAME COLUMN from 8.0.28; MariaDB
 * adds a last column instantly from 10.3.2 and adds anywhere / drops / reorders from 10.4. Before
 * that, adding or dropping a column rebuilds the table in place. Every ALTER, INSTANT
 * included, also needs an exclusive metadata lock at its start and end: it waits behind any open
 * transaction that touched the table, and every later query on the table waits behind it.
 */
public final class MysqlOnlineDdl {
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
  /**
   * @param positioned an added column is placed with FIRST or AFTER (not appended last)
   */
  public record Facts(boolean typeChanged, boolean foreignKeyChecksOff, boolean autoIncrement, boolean positioned) {}

  /** The plan for one action on {@code server}; {@code null} when the action is not one this table covers. */
  public static Plan of(AlterAction a, Facts facts, MysqlServer server) {
    if (a instanceof AlterAction.AddColumn) {
      if (facts.autoIncrement()) {
        return new Plan("add an AUTO_INCREMENT column", Algorithm.INPLACE, true, false,
            "every row gets a value while writes wait");
      }
      boolean instant = facts.positioned() ? instantAddAnywhere(server) : instantAddLast(server);
      return instant
          ? new Plan("add a column", Algorithm.INSTANT, false, true,
              "a stored generated column copies the table")
          : new Plan("add a column", Algorithm.INPLACE, true, true,
              facts.positioned() && instantAddLast(server)
                  ? "INSTANT only as the last column on " + server.describe() + "; FIRST/AFTER rebuilds the table"
                  : "no INSTANT ADD COLUMN on " + server.describe());
    }
    if (a instanceof AlterAction.DropColumn) {
      return instantAddAnywhere(server)
          ? new Plan("drop a column", Algorithm.INSTANT, false, true, "")
          : new Plan("drop a column", Algorithm.INPLACE, true, true, "no INSTANT DROP COLUMN on " + server.describe());
    }
    if (a instanceof AlterAction.RenameColumn) {
      boolean instant = server.mariadb() ? instantExists(server) : server.atLeast(8, 0, 28);
      return new Plan("rename a column", instant ? Algorithm.INSTANT : Algorithm.INPLACE, false, true, "");
    }
    if (a instanceof AlterAction.SetDefault || a instanceof AlterAction.DropDefault) {
      return new Plan("set or drop a column default", instantExists(server) ? Algorithm.INSTANT : Algorithm.INPLACE,
          false, true, "");
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
    if (a instanceof AlterAction.RenameTable) {
      return new Plan("rename the table", instantExists(server) ? Algorithm.INSTANT : Algorithm.INPLACE, false, true, "");
    }
    if (a instanceof AlterAction.OtherAction o) {
      String t = Spaces.collapse(o.text().toLowerCase(Locale.ROOT)).trim();
      if (t.startsWith("convert to character set") || t.startsWith("convert to charset")) {
        return new Plan("convert the table's character set", Algorithm.COPY, true, false, "");
      }
      if (t.startsWith("engine") || t.equals("force") || t.startsWith("row_format")) {
        return new Plan("rebuild the table (" + o.text().trim() + ")", Algorithm.INPLACE, true, true, "");
      }
    }
    return null;
  }

  /** ALGORITHM=INSTANT exists: MySQL 8.0.12, MariaDB 10.3.2. */
  private static boolean instantExists(MysqlServer s) {
    return s.mariadb() ? s.atLeast(10, 3, 2) : s.atLeast(8, 0, 12);
  }

  /** INSTANT ADD COLUMN as the last column: MySQL 8.0.12, MariaDB 10.3.2. */
  private static boolean instantAddLast(MysqlServer s) {
    return instantExists(s);
  }

  /** INSTANT ADD COLUMN at any position and INSTANT DROP COLUMN: MySQL 8.0.29, MariaDB 10.4. */
  private static boolean instantAddAnywhere(MysqlServer s) {
    return s.mariadb() ? s.atLeast(10, 4, 0) : s.atLeast(8, 0, 29);
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
        String t = Spaces.remove(o.text());
        if (t.toLowerCase(Locale.ROOT).startsWith(key + "=")) return t.substring(key.length() + 1).toUpperCase(Locale.ROOT);
      }
    }
    return null;
  }
}
