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
 * ALTER DOMAIN … ADD CONSTRAINT (without NOT VALID) checks every column of that domain in every
 * table, each under a lock that blocks writes. PostgreSQL only. (CREATE DOMAIN with a CHECK is only
 * what makes such an ALTER necessary later; docs/parity.md says why it is not a finding.)
 */
@RuleInfo(
    id = "domain-constraint",
    family = Family.SQL,
    severity = Severity.WARNING,
    aliases = {"squawk:ban-alter-domain-with-add-constraint"},
    summary = "ALTER DOMAIN … ADD CONSTRAINT without NOT VALID scans every table using the domain")
public final class DomainConstraint implements Rule {
  @Override
  public void check(RuleContext context, Findings out) {
    for (At at : SqlRuleSupport.statements(context, true)) {
      if (!at.postgres()) continue;
      if (at.op() instanceof Operation.AlterObject ao && "DOMAIN".equals(ao.objectKind())
          && ao.action() != null && ao.action().startsWith("ADD") && !ao.action().contains("NOT VALID")) {
        String d = SqlRuleSupport.name(ao.name());
        out.report(SqlRuleSupport.location(at), "ALTER DOMAIN " + d + " ADD CONSTRAINT checks every column of type " + d,
            "Every table with a column of this domain is scanned to check the new constraint, each"
                + " under a SHARE lock (writes wait) for as long as its scan takes.",
            "ALTER DOMAIN " + d + " ADD CONSTRAINT <name> CHECK (…) NOT VALID;\n"
                + "ALTER DOMAIN " + d + " VALIDATE CONSTRAINT <name>;  -- later, without blocking writes");
      }
    }
  }
}
