package dev.specgate.dryrun;

/**
 * Rollback SQL that does not live in a migration file: a phase's rollback block from the plan
 * (DESIGN section 1, "phases … rollback, their SQL fences"). Each one is applied on its own after
 * the change, and the schema compared with the one before the change.
 *
 * @param source what it is, e.g. "spec.md: phase Expand rollback"
 * @param file the document holding it
 * @param line the line of the block's first SQL line in that document
 * @param sql the SQL
 * @param phase the phase it rolls back
 */
public record RollbackScript(String source, String file, int line, String sql, String phase) {}
