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
import dev.specgate.sql.LockLevel;
import dev.specgate.sql.Operation;

/**
 * SET NOT NULL on an existing table without an earlier validated {@code CHECK (col IS NOT NULL)}
 * (PostgreSQL 12+ uses such a check to skip the scan). PostgreSQL only.
 */
@RuleInfo(
    id = "set-not-null-scan",
    family = Family.SQL,
    severity = Severity.ERROR,
    aliases = {"squawk:adding-not-nullable-field", "eugene:E2", "eugene:W14", "strong_migrations:change_column_null", "strong_migrations:change_column_null_postgresql"},
    summary = "SET NOT NULL without a validated CHECK (col IS NOT NULL) scans the table under ACCESS EXCLUSIVE")
public final class SetNotNullScan implements Rule {
  /**
   * The column made NOT NULL by SET NOT NULL or by PostgreSQL 18's {@code ADD CONSTRAINT c NOT
   * NULL col} (without NOT VALID), else null.
   */
  static String notNullColumn(AlterAction a) {
    if (a instanceof AlterAction.SetNotNull s) return s.column();
    if (a instanceof AlterAction.AddConstraint ac && !ac.notValid()
        && ac.constraint().kind() == dev.specgate.sql.ConstraintDef.Kind.NOT_NULL
        && ac.constraint().columns().size() == 1) {
      return ac.constraint().columns().get(0);
    }
    return null;
  }

  /** The key columns of an ADD PRIMARY KEY USING INDEX: the index's, when the history knows it. */
  private static java.util.List<String> primaryKeyUsingIndexColumns(RuleContext c, At at, AlterAction a) {
    if (a instanceof AlterAction.AddConstraint ac
        && ac.constraint().kind() == dev.specgate.sql.ConstraintDef.Kind.PRIMARY_KEY
        && ac.constraint().usingIndex() != null) {
      if (!ac.constraint().columns().isEmpty()) return ac.constraint().columns();
      return c.schema().indexBefore(at.file(), at.statement(), ac.constraint().usingIndex())
          .map(i -> i.columns()).orElse(java.util.List.of());
    }
    return java.util.List.of();
  }

  @Override
  public void check(RuleContext context, Findings findings) {
    SqlRuleSupport.PerStatement out = new SqlRuleSupport.PerStatement(findings);
    int pg = context.config().postgresVersion();
    for (ActionAt x : SqlRuleSupport.alterActionsOnExistingTables(context, true)) {
      At at = x.at();
      Operation.AlterTable alter = x.alter();
      String table = x.table();
      AlterAction a = x.action();
      for (String col : primaryKeyUsingIndexColumns(context, at, a)) {
        // ADD PRIMARY KEY USING INDEX sets its columns NOT NULL: the same scan, when the history
        // knows a column was nullable (Eugene's W14).
        var known = context.schema().columnBefore(at.file(), at.statement(), alter.table(), col);
        if (known.isEmpty() || known.get().notNull()
            || context.schema().hasValidatedNotNullCheck(at.file(), at.statement(), alter.table(), col)) {
          continue;
        }
        out.report(SqlRuleSupport.location(at),
            "ADD PRIMARY KEY USING INDEX makes nullable column " + table + "." + col + " NOT NULL,"
                + " which scans the whole table under ACCESS EXCLUSIVE",
            SqlRuleSupport.lock(LockLevel.ACCESS_EXCLUSIVE, table) + ". A primary key's columns must"
                + " be NOT NULL: PostgreSQL sets them so and reads every row to prove it while the lock"
                + " is held.",
            "Make the column NOT NULL first without the scan (a validated CHECK, then SET NOT NULL):\n"
                + "ALTER TABLE " + table + " ADD CONSTRAINT " + table.replace('.', '_') + "_" + col
                + "_not_null CHECK (" + col + " IS NOT NULL) NOT VALID;\n"
                + "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + table.replace('.', '_') + "_" + col
                + "_not_null;\nALTER TABLE " + table + " ALTER COLUMN " + col + " SET NOT NULL;");
      }
      String col = notNullColumn(a);
      if (col == null) continue;
      var before = context.schema().columnBefore(at.file(), at.statement(), alter.table(), col);
      if (before.isPresent() && before.get().notNull()) continue; // already NOT NULL: a no-op
      boolean hasCheck =
          context.schema().hasValidatedNotNullCheck(at.file(), at.statement(), alter.table(), col);
      if (hasCheck && pg >= 12) continue;
      String check = table.replace('.', '_') + "_" + col + "_not_null";
      String message = hasCheck
          ? "SET NOT NULL on " + table + "." + col + " scans the whole table: the target"
              + " PostgreSQL " + pg + " cannot use the validated CHECK (12+ can)"
          : "SET NOT NULL on " + table + "." + col + " scans the whole table under ACCESS"
              + " EXCLUSIVE: no validated CHECK (" + col + " IS NOT NULL) precedes it";
      out.report(
          SqlRuleSupport.location(at),
          message,
          SqlRuleSupport.lock(LockLevel.ACCESS_EXCLUSIVE, table) + ". PostgreSQL reads every"
              + " row to prove none is NULL (a full scan, no rewrite) while the lock is held.",
          pg >= 12
              ? "Prove it first with a constraint validated under a weak lock; SET NOT NULL then"
                  + " skips the scan:\n"
                  + "ALTER TABLE " + table + " ADD CONSTRAINT " + check + " CHECK (" + col
                  + " IS NOT NULL) NOT VALID;\n"
                  + "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + check + ";"
                  + "  -- separate transaction; SHARE UPDATE EXCLUSIVE\n"
                  + "ALTER TABLE " + table + " ALTER COLUMN " + col + " SET NOT NULL;\n"
                  + "ALTER TABLE " + table + " DROP CONSTRAINT " + check + ";"
              : "Before PostgreSQL 12 the scan cannot be skipped: keep a validated CHECK ("
                  + col + " IS NOT NULL) NOT VALID + VALIDATE instead of SET NOT NULL, or run it"
                  + " in a maintenance window.");
    }
    out.flush();
  }
}
