package dev.specgate.rules.sql;

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
import java.util.Locale;

/**
 * ALTER COLUMN … DROP NOT NULL on an existing table: code already running assumes the column is
 * never NULL, and new writers may now leave it NULL. A contract change, not a lock problem (the
 * ACCESS EXCLUSIVE lock is brief). PostgreSQL only.
 */
@RuleInfo(
    id = "drop-not-null",
    family = Family.SQL,
    severity = Severity.NOTICE,
    aliases = {"squawk:ban-drop-not-null"},
    summary = "DROP NOT NULL lets NULLs reach readers that assume the column is always set")
public final class DropNotNull implements Rule {
  @Override
  public void check(RuleContext context, Findings findings) {
    SqlRuleSupport.PerStatement out = new SqlRuleSupport.PerStatement(findings);
    for (SqlRuleSupport.ActionAt x : SqlRuleSupport.alterActionsOnExistingTables(context, true)) {
      if (x.at().rollback() || !(x.action() instanceof AlterAction.DropNotNull d)) continue;
      out.report(SqlRuleSupport.location(x.at()),
          "DROP NOT NULL on " + x.table() + "." + d.column() + ": readers that assume it is always set may now get NULL",
          "Code deployed today reads " + d.column() + " as never NULL (no null check, a NOT NULL model"
              + " field, a join on it); once writers may leave it empty, those readers fail or"
              + " silently drop rows.",
          "Ship readers that handle NULL first, then drop the constraint in a later release.");
    }
    out.flush();
  }
}
