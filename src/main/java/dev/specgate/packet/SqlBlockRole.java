package dev.specgate.packet;

/**
 * What a SQL fence of a plan is for, read from where it sits (its label, headings, leading
 * comment). The role decides how the SQL rules read it.
 */
public enum SqlBlockRole {
  /** Phase SQL: checked like a forward migration. */
  PHASE("phase SQL"),
  /** A backfill script: checked like a migration, and its batching in particular. */
  BACKFILL("backfill script"),
  /** Rollback SQL: checked like a down migration (dropping what the phase created is its purpose). */
  ROLLBACK("rollback SQL"),
  /** Validation / monitoring queries: must be read-only. */
  VALIDATION("validation query");

  private final String label;

  SqlBlockRole(String label) {
    this.label = label;
  }

  /** "rollback SQL", "validation query", … for messages and {@code specgate packet}. */
  public String label() {
    return label;
  }
}
