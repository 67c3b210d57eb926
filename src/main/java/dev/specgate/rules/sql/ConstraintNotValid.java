package dev.specgate.rules.sql;

import dev.specgate.core.Severity;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.rules.sql.SqlRuleSupport.At;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.ConstraintDef;
import dev.specgate.sql.LockLevel;
import dev.specgate.sql.Operation;

/** ADD FOREIGN KEY / CHECK on an existing table without NOT VALID. PostgreSQL only. */
@RuleInfo(
    id = "constraint-not-valid",
    family = Family.SQL,
    severity = Severity.ERROR,
    summary = "ADD FOREIGN KEY / CHECK on an existing table without NOT VALID scans it under a lock")
public final class ConstraintNotValid implements Rule {
  @Override
  public void check(RuleContext context, Findings findings) {
    SqlRuleSupport.PerStatement out = new SqlRuleSupport.PerStatement(findings);
    for (At at : SqlRuleSupport.statements(context, true)) {
      if (!at.postgres() || !(at.op() instanceof Operation.AlterTable alter)) continue;
      if (!SqlRuleSupport.existing(context, at, alter.table())) continue;
      String table = SqlRuleSupport.name(alter.table());
      for (AlterAction a : alter.actions()) {
        if (!(a instanceof AlterAction.AddConstraint ac) || ac.notValid()) continue;
        ConstraintDef c = ac.constraint();
        boolean fk = c.kind() == ConstraintDef.Kind.FOREIGN_KEY;
        if (!fk && c.kind() != ConstraintDef.Kind.CHECK) continue;
        String name = c.name() != null ? c.name()
            : table.replace('.', '_') + "_" + String.join("_", c.columns()) + (fk ? "_fkey" : "_check");
        String why = fk
            ? SqlRuleSupport.lock(LockLevel.SHARE_ROW_EXCLUSIVE, table) + ", and the same on "
                + SqlRuleSupport.name(c.referencedTable()) + ". PostgreSQL reads every row of "
                + table + " to check it has a match (a full scan, no rewrite) while writes to both"
                + " tables wait."
            : SqlRuleSupport.lock(LockLevel.ACCESS_EXCLUSIVE, table) + ". PostgreSQL reads every"
                + " row to check the expression (a full scan, no rewrite) while the lock is held.";
        String def = definition(at.statement().sql(), c, name);
        out.report(
            SqlRuleSupport.location(at),
            "ADD " + (fk ? "FOREIGN KEY" : "CHECK") + " constraint " + name + " on existing table "
                + table + " without NOT VALID validates every row under the lock",
            why,
            "Add it NOT VALID (instant; new writes are checked from then on), then validate in a"
                + " separate transaction, which takes only SHARE UPDATE EXCLUSIVE (reads and writes"
                + " continue):\n"
                + "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + def + " NOT VALID;\n"
                + "-- in a later migration or after COMMIT:\n"
                + "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + name + ";");
      }
    }
    out.flush();
  }

  private static String definition(String sql, ConstraintDef c, String name) {
    if (c.kind() == ConstraintDef.Kind.CHECK) {
      return "CHECK (" + (c.expression() == null ? "…" : c.expression()) + ")";
    }
    java.util.regex.Matcher m = java.util.regex.Pattern
        .compile("(?is)\\b(foreign\\s+key\\s*\\(.*?\\)\\s*references\\s+.*?)(\\s+not\\s+valid)?\\s*$")
        .matcher(sql.trim());
    if (m.find()) return m.group(1).replaceAll("\\s+", " ");
    return "FOREIGN KEY (" + String.join(", ", c.columns()) + ") REFERENCES "
        + (c.referencedTable() == null ? "…" : c.referencedTable());
  }
}
