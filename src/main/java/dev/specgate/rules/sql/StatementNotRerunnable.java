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
 * Outside a transaction, a CREATE / DROP / ADD COLUMN / DROP COLUMN without IF [NOT] EXISTS: when
 * the migration fails half way, rerunning it stops at the first statement that already ran. A style
 * rule: off unless the config gives it a severity.
 */
@RuleInfo(
    id = "statement-not-rerunnable",
    family = Family.SQL,
    severity = Severity.NOTICE,
    aliases = {"squawk:prefer-robust-stmts"},
    enabledByDefault = false,
    summary = "Outside a transaction, CREATE/DROP/ADD COLUMN without IF [NOT] EXISTS cannot be rerun after a failure")
public final class StatementNotRerunnable implements Rule {
  @Override
  public void check(RuleContext context, Findings out) {
    for (At at : SqlRuleSupport.statements(context, false)) {
      if (!at.postgres() || SqlRuleSupport.inTransaction(context, at)) continue;
      String what = fragile(at.op());
      if (what == null) continue;
      out.report(SqlRuleSupport.location(at), what + " without IF " + (what.startsWith("DROP") ? "EXISTS" : "NOT EXISTS")
              + " outside a transaction",
          "If a later statement of this file fails, the migration is half applied; rerunning it fails"
              + " here, because this statement already ran.",
          "Write IF " + (what.startsWith("DROP") ? "EXISTS" : "NOT EXISTS") + ", or run the file in a transaction.");
    }
  }

  private static String fragile(Operation op) {
    if (op instanceof Operation.CreateTable ct && !ct.ifNotExists() && !ct.temporary()) return "CREATE TABLE";
    if (op instanceof Operation.CreateIndex ci && !ci.ifNotExists()) return "CREATE INDEX";
    if (op instanceof Operation.DropTable dt && !dt.ifExists()) return "DROP TABLE";
    if (op instanceof Operation.DropIndex di && !di.ifExists()) return "DROP INDEX";
    if (op instanceof Operation.AlterTable at) {
      for (AlterAction a : at.actions()) {
        if (a instanceof AlterAction.AddColumn ac && !ac.ifNotExists()) return "ADD COLUMN";
        if (a instanceof AlterAction.DropColumn dc && !dc.ifExists()) return "DROP COLUMN";
      }
    }
    return null;
  }
}
