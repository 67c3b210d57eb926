package dev.specgate.sql;

import java.util.List;

/**
 * What a statement does, in our own terms. Rules read these records, never a JSqlParser class.
 * Table and object names are normalized (see {@link Names}): unquoted identifiers lower-cased
 * (PostgreSQL) and a leading {@code public.} schema dropped.
 */
public sealed interface Operation {

  record CreateTable(
      String table,
      List<ColumnDef> columns,
      List<ConstraintDef> constraints,
      boolean ifNotExists,
      boolean asSelect,
      boolean temporary) implements Operation {
    public CreateTable {
      columns = List.copyOf(columns);
      constraints = List.copyOf(constraints);
    }
  }

  record AlterTable(String table, List<AlterAction> actions, boolean ifExists)
      implements Operation {
    public AlterTable {
      actions = List.copyOf(actions);
    }
  }

  record DropTable(List<String> tables, boolean ifExists, boolean cascade) implements Operation {
    public DropTable {
      tables = List.copyOf(tables);
    }
  }

  record Truncate(List<String> tables) implements Operation {
    public Truncate {
      tables = List.copyOf(tables);
    }
  }

  /**
   * CREATE INDEX. {@code columns}: plain key columns normalized, expressions as written.
   * {@code method} is the access method of {@code USING method} lower-cased (gin, gist, btree, …)
   * or {@code null} when not written.
   */
  record CreateIndex(
      String name,
      String table,
      List<String> columns,
      boolean unique,
      boolean concurrently,
      boolean ifNotExists,
      String where,
      String method) implements Operation {
    public CreateIndex {
      columns = List.copyOf(columns);
    }

    public CreateIndex(String name, String table, List<String> columns, boolean unique,
        boolean concurrently, boolean ifNotExists, String where) {
      this(name, table, columns, unique, concurrently, ifNotExists, where, null);
    }
  }

  /** DROP INDEX. {@code table} is set for MySQL's {@code DROP INDEX name ON table}, else null. */
  record DropIndex(List<String> names, boolean concurrently, boolean ifExists, String table)
      implements Operation {
    public DropIndex {
      names = List.copyOf(names);
    }

    public DropIndex(List<String> names, boolean concurrently, boolean ifExists) {
      this(names, concurrently, ifExists, null);
    }
  }

  /** ALTER INDEX/SEQUENCE/VIEW/FUNCTION/TRIGGER/TYPE/SCHEMA … RENAME TO. */
  record RenameObject(String objectKind, String from, String to) implements Operation {}

  /**
   * UPDATE. {@code where} is the WHERE clause as written or {@code null}; {@code limited} when a
   * LIMIT (MySQL) or a key-range / sub-select batching predicate bounds the rows.
   */
  record Update(String table, List<String> columns, String where, boolean limited)
      implements Operation {
    public Update {
      columns = List.copyOf(columns);
    }
  }

  record Delete(String table, String where, boolean limited) implements Operation {}

  record Insert(String table, boolean fromSelect) implements Operation {}

  /** SET / SET LOCAL / RESET of a run-time parameter, e.g. lock_timeout. {@code value} may be null. */
  record SetParameter(String name, String value, boolean local) implements Operation {}

  /** Transaction control. */
  record Transaction(Kind kind) implements Operation {
    public enum Kind { BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE }
  }

  /** VACUUM, CLUSTER, REINDEX, REFRESH MATERIALIZED VIEW. {@code target} may be null (whole db). */
  record Maintenance(Kind kind, String target, boolean full, boolean concurrently)
      implements Operation {
    public enum Kind { VACUUM, ANALYZE, CLUSTER, REINDEX, REFRESH_MATERIALIZED_VIEW }
  }

  /**
   * CREATE of an object the rules do not inspect (FUNCTION, TRIGGER, TYPE, EXTENSION, VIEW,
   * SEQUENCE, SCHEMA, …). {@code name} may be null.
   */
  record CreateObject(String objectKind, String name) implements Operation {}

  /** DROP of a non-table, non-index object (TYPE, FUNCTION, VIEW, SEQUENCE, …). */
  record DropObject(String objectKind, List<String> names, boolean ifExists) implements Operation {
    public DropObject {
      names = List.copyOf(names);
    }
  }

  /** A DO block or anonymous code block. */
  record DoBlock(String language) implements Operation {}

  /**
   * A statement understood well enough to know it changes no schema and takes no notable lock
   * (SELECT, COMMENT ON, GRANT, REVOKE, …). {@code kind} names it, e.g. "COMMENT".
   */
  record Other(String kind) implements Operation {}

  /** A statement neither JSqlParser nor the recogniser understood. Never dropped silently. */
  record Unparsed(String reason) implements Operation {}
}
