package dev.specgate.rules.sql;

import dev.specgate.core.Severity;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.rules.sql.SqlRuleSupport.ActionAt;
import dev.specgate.rules.sql.SqlRuleSupport.At;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.Dialect;
import dev.specgate.sql.LockLevel;
import dev.specgate.sql.schema.TableState;
import dev.specgate.sql.schema.TypeChange;
import java.util.Optional;

/**
 * ALTER COLUMN … TYPE (MySQL MODIFY/CHANGE) that rewrites an existing table, judged against the
 * column's type before the statement as the replayed migrations built it. An unknown prior type
 * is reported, saying so. PostgreSQL and MySQL.
 */
@RuleInfo(
    id = "column-type-change",
    family = Family.SQL,
    severity = Severity.ERROR,
    aliases = {"squawk:changing-column-type", "eugene:E5", "strong_migrations:change_column", "strong_migrations:change_column_with_not_null", "strong_migrations:change_column_constraint"},
    summary = "ALTER COLUMN TYPE that rewrites an existing table under ACCESS EXCLUSIVE")
public final class ColumnTypeChange implements Rule {
  @Override
  public void check(RuleContext context, Findings findings) {
    SqlRuleSupport.PerStatement out = new SqlRuleSupport.PerStatement(findings);
    for (ActionAt x : SqlRuleSupport.alterActionsOnExistingTables(context, false)) {
      if (!(x.action() instanceof AlterAction.AlterColumnType t)) continue;
      At at = x.at();
      String table = x.table();
      Optional<TableState.Column> before =
          context.schema().columnBefore(at.file(), at.statement(), x.alter().table(), t.column());
      Dialect d = at.postgres() ? Dialect.POSTGRES : Dialect.MYSQL;
      String from = before.map(TableState.Column::type).orElse(null);
      if (from != null && TypeChange.isInPlace(from, t.newType(), t.using(), d)) continue;
      String col = t.column();
      String message = from == null
          ? "ALTER COLUMN " + col + " TYPE " + t.newType() + " on existing table " + table
              + ": the column's previous type is unknown (no migration here creates it), so it"
              + " may rewrite the table"
          : "ALTER COLUMN " + col + " TYPE " + from + " → " + t.newType() + " on existing table "
              + table + " rewrites the table";
      String why = at.postgres()
          ? SqlRuleSupport.lock(LockLevel.ACCESS_EXCLUSIVE, table) + ". Unless the new type"
              + " stores the old values as they are (varchar widening, varchar → text, numeric"
              + " precision increase), PostgreSQL rewrites every row and rebuilds every index"
              + " while the lock is held."
          : "MySQL copies the table (ALGORITHM=COPY) for any type change other than a varchar"
              + " widening: writes are blocked until the copy finishes.";
      out.report(
          SqlRuleSupport.location(at),
          message,
          why,
          "Expand and contract instead of changing the type in place:\n"
              + "ALTER TABLE " + table + " ADD COLUMN " + col + "_new " + t.newType() + ";\n"
              + "-- write both columns from the application (or a trigger), backfill in batches:\n"
              + "UPDATE " + table + " SET " + col + "_new = " + col
              + " WHERE " + SqlRuleSupport.batchRange(col) + ";\n"
              + "-- switch reads to " + col + "_new, then in a later release drop " + col
              + " and rename " + col + "_new.");
    }
    out.flush();
  }
}
