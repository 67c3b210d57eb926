package dev.specgate.rules.dryrun;

import java.util.List;

/**
 * One rollback script applied after the change: a down/revert/undo migration, or a phase's rollback
 * SQL from the plan.
 *
 * @param source what it is, e.g. "db/migrations/3_add.down.sql" or "spec.md: phase Expand rollback"
 * @param file the file holding it, line where it starts
 * @param phase the plan phase it rolls back, or null for a migration's down script
 * @param error PostgreSQL's message when a statement of it failed (with its line), else null
 * @param differences catalog objects that differ from before the change, after it ran
 */
public record RollbackOutcome(
    String source, String file, int line, String phase, boolean ok, String error, int errorLine,
    List<Difference> differences) {

  public RollbackOutcome {
    differences = List.copyOf(differences);
  }

  /** A catalog object that differs: its definition before the change and after the rollback. */
  public record Difference(String object, String before, String after) {}
}
