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
import java.util.regex.Pattern;

/**
 * ALTER TABLE … DETACH PARTITION without CONCURRENTLY on an existing partitioned table: ACCESS
 * EXCLUSIVE on the parent and the partition. PostgreSQL 14 added DETACH PARTITION … CONCURRENTLY.
 */
@RuleInfo(
    id = "detach-partition-not-concurrent",
    family = Family.SQL,
    severity = Severity.ERROR,
    aliases = {"squawk:require-concurrent-partition-detach"},
    summary = "DETACH PARTITION without CONCURRENTLY blocks reads and writes on the partitioned table")
public final class DetachPartitionNotConcurrent implements Rule {
  private static final Pattern DETACH = Pattern.compile("(?is)^\\s*detach\\s+partition\\s+(\\S+)\\s*$");

  @Override
  public void check(RuleContext context, Findings findings) {
    if (context.config().postgresVersion() < 14) return;
    SqlRuleSupport.PerStatement out = new SqlRuleSupport.PerStatement(findings);
    for (SqlRuleSupport.ActionAt x : SqlRuleSupport.alterActionsOnExistingTables(context, true)) {
      if (!(x.action() instanceof AlterAction.OtherAction o)) continue;
      var m = DETACH.matcher(o.text());
      if (!m.matches()) continue;
      String partition = m.group(1);
      out.report(SqlRuleSupport.location(x.at()),
          "DETACH PARTITION " + partition + " from existing table " + x.table() + " without CONCURRENTLY",
          LockLevel.ACCESS_EXCLUSIVE.describe(x.table()) + ", and on " + partition + ": every query on"
              + " the partitioned table waits.",
          "ALTER TABLE " + x.table() + " DETACH PARTITION " + partition + " CONCURRENTLY;"
              + "  -- PostgreSQL 14+, outside a transaction block");
    }
    out.flush();
  }
}
