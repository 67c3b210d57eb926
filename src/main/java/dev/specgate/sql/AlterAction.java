package dev.specgate.sql;

/** One action of an ALTER TABLE statement. Names are normalized (see {@link Names}). */
public sealed interface AlterAction {

  record AddColumn(ColumnDef column, boolean ifNotExists) implements AlterAction {}

  record DropColumn(String column, boolean ifExists, boolean cascade) implements AlterAction {}

  /** ALTER COLUMN … TYPE (PG) or MODIFY/CHANGE COLUMN with a type (MySQL). */
  record AlterColumnType(String column, String newType, String using) implements AlterAction {}

  record SetNotNull(String column) implements AlterAction {}

  record DropNotNull(String column) implements AlterAction {}

  record SetDefault(String column, String expression) implements AlterAction {}

  record DropDefault(String column) implements AlterAction {}

  /** ADD [CONSTRAINT name] …; {@code notValid} when NOT VALID was written. */
  record AddConstraint(ConstraintDef constraint, boolean notValid) implements AlterAction {}

  record ValidateConstraint(String name) implements AlterAction {}

  record DropConstraint(String name, boolean ifExists) implements AlterAction {}

  record RenameColumn(String from, String to) implements AlterAction {}

  /** ALTER TABLE … RENAME TO. */
  record RenameTable(String newName) implements AlterAction {}

  record RenameConstraint(String from, String to) implements AlterAction {}

  /** SET LOGGED / SET UNLOGGED. */
  record SetLogged(boolean logged) implements AlterAction {}

  /**
   * MySQL {@code ADD INDEX|KEY|FULLTEXT|SPATIAL [name] (cols)} inside ALTER TABLE: a plain
   * (non-unique) index built by the ALTER. {@code ADD UNIQUE [KEY|INDEX]} is an
   * {@link AddConstraint} of kind UNIQUE instead, like PostgreSQL's ADD UNIQUE. {@code kind} is
   * INDEX, FULLTEXT or SPATIAL; {@code name} may be null.
   */
  record AddIndex(String name, java.util.List<String> columns, String kind) implements AlterAction {
    public AddIndex {
      columns = java.util.List.copyOf(columns);
    }
  }

  /** MySQL {@code DROP INDEX|KEY name} inside ALTER TABLE. */
  record DropIndex(String name) implements AlterAction {}

  /**
   * An action the rules do not read (SET STATISTICS, OWNER TO, ENABLE TRIGGER, …), kept so a
   * statement is never silently empty. {@code text} is the action as written.
   */
  record OtherAction(String text) implements AlterAction {}
}
