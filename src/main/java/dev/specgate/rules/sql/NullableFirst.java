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
import dev.specgate.sql.ColumnDef;
import dev.specgate.sql.LockLevel;

/**
 * ADD COLUMN … NOT NULL without DEFAULT on an existing table. PostgreSQL refuses it as soon as the
 * table has a row; MySQL fills an implicit default, and old code inserting without the column
 * fails under strict mode. Rollback scripts are checked too: a failing rollback is no rollback.
 */
@RuleInfo(
    id = "nullable-first",
    family = Family.SQL,
    severity = Severity.ERROR,
    aliases = {"squawk:adding-required-field"},
    summary = "ADD COLUMN NOT NULL without a DEFAULT on an existing table fails or breaks old code")
public final class NullableFirst implements Rule {
  @Override
  public void check(RuleContext context, Findings findings) {
    SqlRuleSupport.PerStatement out = new SqlRuleSupport.PerStatement(findings);
    for (ActionAt x : SqlRuleSupport.alterActionsOnExistingTables(context, false)) {
      if (!(x.action() instanceof AlterAction.AddColumn add)) continue;
      ColumnDef c = add.column();
      boolean notNull = c.notNull() || c.primaryKey();
      if (!notNull || c.hasDefault() || c.generated()) continue;
      report(x.at(), x.alter().table(), c, out);
    }
    out.flush();
  }

  private static void report(At at, String tableName, ColumnDef c, SqlRuleSupport.PerStatement out) {
    String table = SqlRuleSupport.name(tableName);
    String col = c.name();
    String type = c.type() == null ? "<type>" : c.type();
    if (at.postgres()) {
      String check = table.replace('.', '_') + "_" + col + "_not_null";
      out.report(
          SqlRuleSupport.location(at),
          "ADD COLUMN " + col + " NOT NULL without a DEFAULT on existing table " + table
              + ": fails as soon as the table has a row, and old code that inserts without "
              + col + " breaks",
          SqlRuleSupport.lock(LockLevel.ACCESS_EXCLUSIVE, table)
              + ". PostgreSQL must give every existing row a value; with no DEFAULT it is NULL, so"
              + " the statement aborts with \"column contains null values\" on any non-empty table"
              + " (it checks the rows; nothing is rewritten, the deploy just fails)."
              + " Even when it succeeds, application code still running the old version inserts"
              + " rows without " + col + " and gets a NOT NULL violation.",
          "Add the column nullable, backfill it in batches, then enforce NOT NULL without a long"
              + " lock:\n"
              + "ALTER TABLE " + table + " ADD COLUMN " + col + " " + type + ";\n"
              + "-- backfill in batches (one transaction each), e.g.\n"
              + "UPDATE " + table + " SET " + col + " = <value> WHERE " + SqlRuleSupport.batchRange(col) + " AND "
              + col + " IS NULL;\n"
              + "ALTER TABLE " + table + " ADD CONSTRAINT " + check + " CHECK (" + col
              + " IS NOT NULL) NOT VALID;\n"
              + "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + check + ";\n"
              + "ALTER TABLE " + table + " ALTER COLUMN " + col + " SET NOT NULL;\n"
              + "ALTER TABLE " + table + " DROP CONSTRAINT " + check + ";\n"
              + "-- or, when one constant suits every row (PostgreSQL 11+, no rewrite):\n"
              + "ALTER TABLE " + table + " ADD COLUMN " + col + " " + type
              + " NOT NULL DEFAULT <constant>;");
    } else {
      out.report(
          SqlRuleSupport.location(at),
          "ADD COLUMN " + col + " NOT NULL without a DEFAULT on existing table " + table
              + ": old code that inserts without " + col + " fails",
          "MySQL fills existing rows with the type's implicit default (0, '', …), which is"
              + " rarely the right value, and under strict mode every INSERT that omits " + col
              + " fails with \"Field '" + col + "' doesn't have a default value\" while old code is"
              + " still deployed.",
          "Add it nullable, backfill in batches, then make it NOT NULL once every writer sets it:\n"
              + "ALTER TABLE " + table + " ADD COLUMN " + col + " " + type + " NULL;\n"
              + "-- backfill in batches, then:\n"
              + "ALTER TABLE " + table + " MODIFY COLUMN " + col + " " + type + " NOT NULL;");
    }
  }
}
