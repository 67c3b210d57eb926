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
 * ALTER COLUMN … SET DEFAULT on a column that existed before this file, on an existing table: from
 * the commit on, every insert that omits the column — old application code still running during the
 * rollout included — gets the new value. Reported when the history knows the column's old default
 * differs (or the table predates the migrations). PostgreSQL only.
 */
@RuleInfo(
    id = "column-default-change",
    family = Family.SQL,
    severity = Severity.NOTICE,
    aliases = {"strong_migrations:change_column_default"},
    summary = "SET DEFAULT on an existing column changes what old code's inserts store")
public final class ColumnDefaultChange implements Rule {
  @Override
  public void check(RuleContext context, Findings findings) {
    SqlRuleSupport.PerStatement out = new SqlRuleSupport.PerStatement(findings);
    for (SqlRuleSupport.ActionAt x : SqlRuleSupport.alterActionsOnExistingTables(context, true)) {
      if (x.at().rollback() || !(x.action() instanceof AlterAction.SetDefault sd)) continue;
      if (addedInSameFile(x, sd.column())) continue;
      var before = context.schema().columnBefore(x.at().file(), x.at().statement(), x.alter().table(), sd.column());
      String old = before.map(c -> c.defaultExpr()).orElse(null);
      if (before.isPresent() && old != null && old.trim().equalsIgnoreCase(sd.expression().trim())) continue;
      out.report(SqlRuleSupport.location(x.at()),
          "SET DEFAULT on existing column " + x.table() + "." + sd.column()
              + (old == null ? "" : " (was " + old + ")") + " changes what inserts that omit it store",
          "The new default applies from the commit to every INSERT that leaves the column out, including"
              + " those of the application version still running during the rollout (and ORMs that omit"
              + " columns they consider unchanged): rows get a value that code did not choose.",
          "Make the application write the column explicitly first, then change the default in a later"
              + " release.");
    }
    out.flush();
  }

  private static boolean addedInSameFile(SqlRuleSupport.ActionAt x, String column) {
    for (var s : x.at().file().migration().statements()) {
      if (s.index() >= x.at().statement().index()) return false;
      if (s.op() instanceof Operation.AlterTable a && a.table().equals(x.alter().table())) {
        for (AlterAction act : a.actions()) {
          if (act instanceof AlterAction.AddColumn ac && ac.column().name().equalsIgnoreCase(column)) return true;
        }
      }
    }
    return false;
  }
}
