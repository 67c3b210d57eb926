package dev.specgate.rules.sql;

import dev.specgate.core.Spaces;
import java.util.regex.Pattern;
import dev.specgate.core.Severity;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.rules.sql.SqlRuleSupport.At;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.LockLevel;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Operation.Maintenance;

/**
 * VACUUM FULL, CLUSTER, REINDEX / REFRESH MATERIALIZED VIEW without CONCURRENTLY, and SET
 * LOGGED / UNLOGGED in a migration: maintenance that locks (and mostly rewrites) a table. Tables
 * created in the change are exempt. Rollback scripts are checked. PostgreSQL only.
 */
@RuleInfo(
    id = "table-lock-maintenance",
    family = Family.SQL,
    severity = Severity.ERROR,
    aliases = {"squawk:prefer-repack", "squawk:require-concurrent-reindex"},
    summary = "VACUUM FULL, CLUSTER, REINDEX / REFRESH without CONCURRENTLY, SET LOGGED/UNLOGGED lock the table")
public final class TableLockMaintenance implements Rule {
  private static final Pattern REINDEX = Pattern.compile(
      "(?i)^reindex\\s++(\\([^)]*+\\)\\s*+)?+(index|table|schema|database|system)\\b");
  @Override
  public void check(RuleContext context, Findings findings) {
    SqlRuleSupport.PerStatement out = new SqlRuleSupport.PerStatement(findings);
    for (At at : SqlRuleSupport.statements(context, true)) {
      if (!at.postgres()) continue;
      if (at.op() instanceof Maintenance m) {
        String locked = m.target();
        if (locked != null && m.kind() == Maintenance.Kind.REINDEX) {
          // REINDEX INDEX names an index: what matters is the table it is on
          String onTable = SqlRuleSupport.tableOfIndex(context, at, locked);
          if (onTable != null) locked = onTable;
        }
        if (locked != null && !SqlRuleSupport.existing(context, at, locked)) continue;
        String target = m.target() == null ? "every table of the database" : SqlRuleSupport.name(m.target());
        switch (m.kind()) {
          case VACUUM -> {
            if (m.full()) {
              report(at, "VACUUM FULL of " + target + " rewrites it", LockLevel.ACCESS_EXCLUSIVE, target,
                  "The table is copied to a new file and every index rebuilt while the lock is held.",
                  "Reclaim space online with pg_repack or pg_squeeze (or PostgreSQL 19's REPACK"
                      + " CONCURRENTLY); a plain VACUUM (SHARE UPDATE EXCLUSIVE) does not block"
                      + " reads or writes.", out);
            }
          }
          case CLUSTER -> report(at, "CLUSTER of " + target + " rewrites it in index order",
              LockLevel.ACCESS_EXCLUSIVE, target,
              "The table is copied in index order and every index rebuilt while the lock is held.",
              "Use pg_repack --order-by (online), or schedule it in a maintenance window outside"
                  + " the migrations.", out);
          case REINDEX -> {
            if (!m.concurrently()) {
              report(at, "REINDEX of " + target + " without CONCURRENTLY", LockLevel.SHARE, target,
                  "Writes wait for the whole rebuild, and the index being rebuilt is held under"
                      + " ACCESS EXCLUSIVE, so reads that would use it wait too.",
                  Spaces.collapse(REINDEX.matcher(at.statement().sql().trim())
                      .replaceFirst("REINDEX $1$2 CONCURRENTLY"))
                      + ";  -- PostgreSQL 12+, outside a transaction", out);
            }
          }
          case REFRESH_MATERIALIZED_VIEW -> {
            if (!m.concurrently()) {
              report(at, "REFRESH MATERIALIZED VIEW " + target + " without CONCURRENTLY",
                  LockLevel.ACCESS_EXCLUSIVE, target,
                  "The view's contents are recomputed and swapped in while the lock is held: every"
                      + " read of the view waits for the whole query.",
                  "REFRESH MATERIALIZED VIEW CONCURRENTLY " + target + ";  -- needs a unique index on"
                      + " the view; takes EXCLUSIVE, so reads continue", out);
            }
          }
          default -> { }
        }
      } else if (at.op() instanceof Operation.AlterTable alter) {
        if (!SqlRuleSupport.existing(context, at, alter.table())) continue;
        String table = SqlRuleSupport.name(alter.table());
        for (AlterAction a : alter.actions()) {
          if (a instanceof AlterAction.SetLogged s) {
            report(at, "SET " + (s.logged() ? "LOGGED" : "UNLOGGED") + " rewrites existing table " + table,
                LockLevel.ACCESS_EXCLUSIVE, table,
                "The whole table is rewritten"
                    + (s.logged() ? " and written to the WAL (a burst that replicas must replay)" : "")
                    + " while the lock is held.",
                "Create a new " + (s.logged() ? "logged" : "unlogged") + " table, copy the rows in"
                    + " batches, and swap names in a short transaction; or run it in a maintenance"
                    + " window.", out);
          }
        }
      }
    }
    out.flush();
  }

  private static void report(
      At at, String message, LockLevel level, String target, String rewrite, String fix, SqlRuleSupport.PerStatement out) {
    out.report(SqlRuleSupport.location(at), message,
        SqlRuleSupport.lock(level, target) + ". " + rewrite, fix);
  }
}
