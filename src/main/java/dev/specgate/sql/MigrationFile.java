package dev.specgate.sql;

import dev.specgate.core.SourceFile;

/**
 * A migration file found in the workspace, parsed, with what its tool does with it.
 *
 * @param direction UP for forward migrations; DOWN for rollback scripts (golang-migrate and diesel
 *     {@code down.sql}, sqitch {@code revert/}, Flyway undo {@code U<version>__}), which are not
 *     replayed into the schema
 * @param orderKey sorts migrations in the order their tool runs them
 * @param toolTransaction true when the migration tool runs this file inside a transaction it opens
 *     (Flyway and goose by default, golang-migrate does not, …)
 */
public record MigrationFile(
    SourceFile source,
    Migration migration,
    Direction direction,
    String orderKey,
    boolean toolTransaction) {

  public enum Direction { UP, DOWN }

  public String path() {
    return source.path();
  }

  public boolean isDown() {
    return direction == Direction.DOWN;
  }

  /**
   * Equal by path: a path names one migration within an analysis, and the record's own equality
   * would walk every statement of the file each time it is hashed.
   */
  @Override
  public boolean equals(Object o) {
    return o instanceof MigrationFile m && m.path().equals(path());
  }

  @Override
  public int hashCode() {
    return path().hashCode();
  }

  /** True when the change touched this file (for a PATHS analysis: every file). */
  public boolean inChange() {
    return source.isChanged();
  }
}
