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

/** DROP DATABASE in a migration: everything in it is gone, with no way back but a restore. */
@RuleInfo(
    id = "drop-database",
    family = Family.SQL,
    severity = Severity.ERROR,
    aliases = {"squawk:ban-drop-database"},
    summary = "DROP DATABASE in a migration")
public final class DropDatabase implements Rule {
  @Override
  public void check(RuleContext context, Findings out) {
    for (At at : SqlRuleSupport.statements(context, false)) {
      if (at.op() instanceof Operation.DropObject d && "DATABASE".equals(d.objectKind())) {
        String db = d.names().isEmpty() ? "the database" : SqlRuleSupport.name(d.names().get(0));
        out.report(SqlRuleSupport.location(at), "DROP DATABASE " + db + " in a migration",
            "Every table, row and object in " + db + " is deleted; only a restore from backup brings"
                + " them back, and every client connected to it fails.",
            "Drop databases by hand, after a backup, outside the migrations.");
      }
    }
  }
}
