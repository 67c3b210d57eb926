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
import dev.specgate.sql.LockModel;
import dev.specgate.sql.Operation;
import java.util.Locale;
import java.util.List;

/**
 * Two ALTER TABLE statements in a row on the same existing table, each taking ACCESS EXCLUSIVE:
 * one statement with both actions queues for the lock once and, when both rewrite or scan, does it
 * once. RENAME cannot be combined with other actions and is left out. PostgreSQL only.
 */
@RuleInfo(
    id = "alter-table-combinable",
    family = Family.SQL,
    severity = Severity.NOTICE,
    aliases = {"eugene:W12"},
    summary = "Consecutive ALTER TABLE statements on one existing table that could be one")
public final class AlterTableCombinable implements Rule {
  private static final java.util.regex.Pattern MOVES_TABLE =
      java.util.regex.Pattern.compile("^\\s*+(attach|detach|set\\s+schema|set\\s+tablespace)");
  @Override
  public void check(RuleContext context, Findings out) {
    At previous = null;
    boolean reportedRun = false;
    for (At at : SqlRuleSupport.statements(context, true)) {
      if (at.op() instanceof Operation.SetParameter) continue;
      At prev = previous;
      previous = combinable(context, at) ? at : null;
      boolean sameRun = prev != null && previous != null && prev.path().equals(at.path())
          && prev.rollback() == at.rollback()
          && ((Operation.AlterTable) prev.op()).table().equals(((Operation.AlterTable) at.op()).table());
      if (!sameRun) {
        reportedRun = false;
        continue;
      }
      if (reportedRun) continue;
      reportedRun = true;
      String b = ((Operation.AlterTable) at.op()).table();
      String table = SqlRuleSupport.name(b);
      out.report(SqlRuleSupport.location(at), "another ALTER TABLE " + table + " right after the one at line "
              + prev.statement().line() + ": the two could be one statement",
          "Each statement queues for ACCESS EXCLUSIVE on " + table + " separately (blocking reads and"
              + " writes each time it waits), and each rewrite or scan runs separately.",
          "ALTER TABLE " + table + "\n  <first action>,\n  <second action>;");
    }
  }

  private static boolean combinable(RuleContext c, At at) {
    if (!at.postgres() || !(at.op() instanceof Operation.AlterTable alter) || alter.actions().isEmpty()) return false;
    List<AlterAction> actions = alter.actions();
    for (AlterAction a : actions) {
      if (a instanceof AlterAction.RenameColumn || a instanceof AlterAction.RenameTable
          || a instanceof AlterAction.RenameConstraint || LockModel.onAlteredTable(a) != LockLevel.ACCESS_EXCLUSIVE) {
        return false;
      }
      if (a instanceof AlterAction.OtherAction o && MOVES_TABLE.matcher(o.text().toLowerCase(Locale.ROOT)).lookingAt()) {
        return false;
      }
    }
    return SqlRuleSupport.existing(c, at, alter.table());
  }
}
