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
import dev.specgate.sql.ConstraintDef;

/**
 * ADD CONSTRAINT … EXCLUDE on an existing table: the constraint's index is built and every row
 * checked under ACCESS EXCLUSIVE, and unlike CHECK or FOREIGN KEY it cannot be added NOT VALID nor
 * built concurrently first. PostgreSQL only.
 */
@RuleInfo(
    id = "exclusion-constraint",
    family = Family.SQL,
    severity = Severity.ERROR,
    aliases = {"eugene:E8", "strong_migrations:add_exclusion_constraint"},
    summary = "ADD EXCLUDE constraint on an existing table builds its index under ACCESS EXCLUSIVE")
public final class ExclusionConstraint implements Rule {
  @Override
  public void check(RuleContext context, Findings findings) {
    SqlRuleSupport.PerStatement out = new SqlRuleSupport.PerStatement(findings);
    for (SqlRuleSupport.ActionAt x : SqlRuleSupport.alterActionsOnExistingTables(context, true)) {
      if (!(x.action() instanceof AlterAction.AddConstraint ac) || ac.constraint().kind() != ConstraintDef.Kind.EXCLUDE) continue;
      String name = ac.constraint().name() == null ? "" : " " + ac.constraint().name();
      out.report(SqlRuleSupport.location(x.at()), "ADD CONSTRAINT" + name + " EXCLUDE on existing table " + x.table(),
          LockLevel.ACCESS_EXCLUSIVE.describe(x.table()) + ". The exclusion index is built and every row"
              + " checked against it while the lock is held; an exclusion constraint can be neither"
              + " NOT VALID nor attached to an index built concurrently.",
          "Enforce the rule in a new table (or a trigger) while the data moves over, or add the"
              + " constraint in a maintenance window; on a small table, suppress with its size.");
    }
    out.flush();
  }
}
