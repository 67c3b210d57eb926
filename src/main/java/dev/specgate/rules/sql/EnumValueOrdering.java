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
 * ALTER TYPE … ADD VALUE without BEFORE or AFTER appends the value at the end of the enum's sort
 * order, which is rarely where it belongs when the enum is ordered (ORDER BY, &lt;, &gt;). A style rule:
 * off unless the config gives it a severity.
 */
@RuleInfo(
    id = "enum-value-ordering",
    family = Family.SQL,
    severity = Severity.NOTICE,
    aliases = {"squawk:require-enum-value-ordering"},
    enabledByDefault = false,
    summary = "ALTER TYPE … ADD VALUE without BEFORE or AFTER")
public final class EnumValueOrdering implements Rule {
  @Override
  public void check(RuleContext context, Findings out) {
    for (At at : SqlRuleSupport.statements(context, false)) {
      if (!at.postgres() || !(at.op() instanceof Operation.AlterObject ao) || !"TYPE".equals(ao.objectKind())) continue;
      String a = ao.action() == null ? "" : ao.action();
      if (!a.startsWith("ADD VALUE") || a.contains(" BEFORE ") || a.contains(" AFTER ")) continue;
      out.report(SqlRuleSupport.location(at), "ALTER TYPE " + SqlRuleSupport.name(ao.name())
              + " ADD VALUE without BEFORE or AFTER: the value sorts last",
          "Enum values compare in declaration order; a value appended at the end changes what ORDER BY"
              + " and range comparisons on the enum return when the order means something.",
          "ALTER TYPE " + SqlRuleSupport.name(ao.name()) + " ADD VALUE '<value>' AFTER '<existing value>';");
    }
  }
}
