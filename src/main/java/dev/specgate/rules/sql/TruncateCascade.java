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

/** TRUNCATE … CASCADE: also empties every table with a foreign key to the named ones, recursively. */
@RuleInfo(
    id = "truncate-cascade",
    family = Family.SQL,
    severity = Severity.ERROR,
    aliases = {"squawk:ban-truncate-cascade"},
    summary = "TRUNCATE … CASCADE also empties every table that references the truncated ones")
public final class TruncateCascade implements Rule {
  @Override
  public void check(RuleContext context, Findings out) {
    for (At at : SqlRuleSupport.statements(context, true)) {
      if (!at.postgres() || !(at.op() instanceof Operation.Truncate t) || !t.cascade()) continue;
      String tables = String.join(", ", t.tables().stream().map(SqlRuleSupport::name).toList());
      out.report(SqlRuleSupport.location(at),
          "TRUNCATE " + tables + " CASCADE also truncates every table with a foreign key to it",
          LockLevel.ACCESS_EXCLUSIVE.describe(tables) + ", and on every table reached through foreign"
              + " keys, recursively: their rows are deleted too, without a per-row trigger or a list of"
              + " what went.",
          "Name every table to empty explicitly, without CASCADE, so PostgreSQL refuses when a"
              + " referencing table was overlooked:\nTRUNCATE " + tables + ", <referencing tables>;");
    }
  }
}
