package dev.specgate.rules.sql;

import dev.specgate.core.Severity;
import dev.specgate.sql.MigrationFile;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.rules.sql.SqlRuleSupport.At;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;

/**
 * A forward migration file that both changes the schema of an existing table and backfills data
 * (UPDATE / DELETE of an existing table, INSERT … SELECT). Reported once per file, at the first
 * backfill statement. PostgreSQL and MySQL.
 */
@RuleInfo(
    id = "ddl-and-dml-mixed",
    family = Family.SQL,
    severity = Severity.WARNING,
    summary = "A schema change and a data backfill in one migration file")
public final class DdlAndDmlMixed implements Rule {
  @Override
  public void check(RuleContext context, Findings out) {
    for (MigrationFile f : context.changedMigrations()) {
      At ddl = null;
      At dml = null;
      for (Statement s : f.migration().statements()) {
        if (context.schema().isRollback(f, s)) continue;
        At at = new At(f, s, false);
        if (ddl == null && isSchemaChange(context, at)) ddl = at;
        if (dml == null && isBackfill(context, at)) dml = at;
      }
      if (ddl == null || dml == null) continue;
      boolean tx = f.toolTransaction() || dml.statement().inExplicitTransaction();
      out.report(
          SqlRuleSupport.location(dml),
          "this file changes the schema (line " + ddl.statement().line() + ": "
              + SqlRuleSupport.brief(ddl.statement()) + ") and backfills data (line "
              + dml.statement().line() + ")",
          (tx
              ? "The file runs in one transaction, so the lock the schema change takes is held"
                  + " for as long as the backfill runs."
              : "Without one transaction, a failure in the backfill leaves the schema change"
                  + " applied and the data half-written.")
              + " A schema change and a backfill also deploy, retry and roll back differently:"
              + " the schema change must be quick and reversible, the backfill batched, throttled"
              + " and resumable.",
          "Ship the schema change in one migration and the backfill in a separate migration (or a"
              + " batched background job), after the schema change is deployed.");
    }
  }

  private static boolean isSchemaChange(RuleContext c, At at) {
    Operation op = at.op();
    String table = null;
    if (op instanceof Operation.AlterTable a) table = a.table();
    else if (op instanceof Operation.CreateIndex ci) table = ci.table();
    else if (op instanceof Operation.DropTable dt && !dt.tables().isEmpty()) table = dt.tables().get(0);
    else if (op instanceof Operation.DropIndex di && !di.names().isEmpty()) {
      table = SqlRuleSupport.tableOfIndex(c, at, di.names().get(0));
      if (table == null) return true;
    }
    return table != null && SqlRuleSupport.existing(c, at, table);
  }

  private static boolean isBackfill(RuleContext c, At at) {
    Operation op = at.op();
    if (op instanceof Operation.Update u) return u.table() != null && SqlRuleSupport.existing(c, at, u.table());
    if (op instanceof Operation.Delete d) return d.table() != null && SqlRuleSupport.existing(c, at, d.table());
    if (op instanceof Operation.Insert i) {
      return i.fromSelect() && i.table() != null && SqlRuleSupport.existing(c, at, i.table());
    }
    return false;
  }
}
