package dev.specgate.sql;

import java.util.List;

/**
 * What a statement does, in our own terms. Rules read these records, never a JSqlParser class.
 * Table and object names are normalized (see {@link Names}): unquoted identifiers lower-cased
 * (PostgreSQL) and a leading {@code public.} schema dropped.
 */
public sealed interface Operation {

  /**
   * CREATE TABLE. {@code partitionOf} is the parent of {@code PARTITION OF parent} (else null),
   * {@code inherits} the parents of {@code INHERITS (…)}.
   */
  record CreateTable(
      String table,
      List<ColumnDef> columns,
      List<ConstraintDef> constraints,
      boolean ifNotExists,
      boolean asSelect,
      boolean temporary,
      String partitionOf,
      List<String> inherits) implements Operation {
    public CreateTable {
      columns = List.copyOf(columns);
      constraints = List.copyOf(constraints);
      inherits = List.copyOf(inherits == null ? List.of() : inherits);
    }

    public CreateTable(String table, List<ColumnDef> columns, List<ConstraintDef> constraints,
        boolean ifNotExists, boolean asSelect, boolean temporary) {
      this(table, columns, constraints, ifNotExists, asSelect, temporary, null, List.of());
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

  /** TRUNCATE; {@code cascade} when CASCADE was written (tables with foreign keys to these too). */
  record Truncate(List<String> tables, boolean cascade) implements Operation {
    public Truncate {
      tables = List.copyOf(tables);
    }

    public Truncate(List<String> tables) {
      this(tables, false);
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

  /**
   * VACUUM, CLUSTER, REINDEX, REFRESH MATERIALIZED VIEW. {@code target} may be null (whole db);
   * {@code targetKind} is REINDEX's INDEX / TABLE / SCHEMA / DATABASE / SYSTEM, else null.
   */
  record Maintenance(Kind kind, String target, boolean full, boolean concurrently, String targetKind)
      implements Operation {
    public enum Kind { VACUUM, ANALYZE, CLUSTER, REINDEX, REFRESH_MATERIALIZED_VIEW }

    public Maintenance(Kind kind, String target, boolean full, boolean concurrently) {
      this(kind, target, full, concurrently, null);
    }
  }

  /**
   * PostgreSQL {@code LOCK [TABLE] names [IN mode MODE] [NOWAIT]}: an explicit table lock
   * (ACCESS EXCLUSIVE when no mode is written).
   */
  record LockTable(List<String> tables, LockLevel mode, boolean nowait) implements Operation {
    public LockTable {
      tables = List.copyOf(tables);
    }
  }

  /**
   * CREATE of an object other than a table or index (FUNCTION, TRIGGER, TYPE, EXTENSION, VIEW,
   * SEQUENCE, SCHEMA, DOMAIN, …). {@code name} may be null.
   *
   * @param on the table a TRIGGER, POLICY or RULE is created on, else {@code null}
   * @param orReplace {@code CREATE OR REPLACE} was written
   * @param detail what the lock model and rules read of the object: a FUNCTION's declared
   *     volatility ({@code IMMUTABLE}, {@code STABLE}, {@code VOLATILE}; {@code null} when not
   *     declared, which PostgreSQL treats as VOLATILE); for a DOMAIN, {@code CHECK} when it has a
   *     constraint; for a TYPE, {@code ENUM} when it is an enum; else {@code null}
   */
  record CreateObject(String objectKind, String name, String on, boolean orReplace, String detail)
      implements Operation {
    public CreateObject(String objectKind, String name) {
      this(objectKind, name, null, false, null);
    }
  }

  /**
   * DROP of a non-table, non-index object (TYPE, FUNCTION, VIEW, SEQUENCE, …). {@code on} is the
   * table of a dropped TRIGGER, POLICY or RULE ({@code DROP TRIGGER t ON table}), else null.
   */
  record DropObject(String objectKind, List<String> names, boolean ifExists, String on, boolean cascade)
      implements Operation {
    public DropObject {
      names = List.copyOf(names);
    }

    public DropObject(String objectKind, List<String> names, boolean ifExists) {
      this(objectKind, names, ifExists, null, false);
    }
  }

  /**
   * ALTER of an object other than a table or index, except RENAME TO ({@link RenameObject}):
   * ALTER TYPE … ADD VALUE, ALTER DOMAIN … ADD CONSTRAINT, ALTER SEQUENCE, ALTER VIEW, … .
   * {@code action} is the rest of the statement after the name (and the {@code ON table} of a
   * trigger), upper-cased with single spaces, e.g. {@code ADD VALUE 'x' BEFORE 'y'}; {@code on} the
   * table of a TRIGGER/POLICY/RULE, else null.
   */
  record AlterObject(String objectKind, String name, String on, String action) implements Operation {}

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
