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
import java.util.HashSet;
import java.util.Set;

/** UPDATE … SET a = …, a = …: PostgreSQL rejects it ("multiple assignments to same column"). */
@RuleInfo(
    id = "duplicate-column-assignment",
    family = Family.SQL,
    severity = Severity.ERROR,
    aliases = {"squawk:ban-duplicate-column-assignments"},
    summary = "UPDATE assigns the same column twice: PostgreSQL rejects the statement")
public final class DuplicateColumnAssignment implements Rule {
  @Override
  public void check(RuleContext context, Findings out) {
    for (At at : SqlRuleSupport.statements(context, true)) {
      if (!at.postgres() || !(at.op() instanceof Operation.Update u)) continue;
      Set<String> seen = new HashSet<>();
      for (String c : u.columns()) {
        if (!seen.add(c.toLowerCase(Locale.ROOT))) {
          out.report(SqlRuleSupport.location(at), "UPDATE " + SqlRuleSupport.name(u.table()) + " assigns " + c + " twice",
              "PostgreSQL fails the statement with \"multiple assignments to same column\", and with it"
                  + " the migration (or the rest of its transaction).",
              "Assign " + c + " once, combining the two expressions.");
          break;
        }
      }
    }
  }
}
