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
import dev.specgate.rules.sql.SqlRuleSupport.DeclaredColumn;

/**
 * ADD COLUMN … json on an existing table: json has no equality operator, so queries already running
 * against the table with SELECT DISTINCT, UNION or GROUP BY over its columns (SELECT * included)
 * start failing. PostgreSQL only.
 */
@RuleInfo(
    id = "json-column",
    family = Family.SQL,
    severity = Severity.WARNING,
    aliases = {"eugene:E3", "strong_migrations:add_column_json"},
    summary = "A json column added to an existing table breaks DISTINCT / UNION / GROUP BY queries on it")
public final class JsonColumn implements Rule {
  @Override
  public void check(RuleContext context, Findings findings) {
    SqlRuleSupport.PerStatement out = new SqlRuleSupport.PerStatement(findings);
    for (DeclaredColumn d : SqlRuleSupport.declaredColumns(context)) {
      String type = d.column().type() == null ? "" : d.column().type().trim().toLowerCase(Locale.ROOT);
      if (!d.existingTable() || !(type.equals("json") || type.equals("json[]"))) continue;
      String table = SqlRuleSupport.name(d.table());
      out.report(SqlRuleSupport.location(d.at()),
          "ADD COLUMN " + d.column().name() + " json on existing table " + table
              + ": json has no equality operator",
          "Queries on " + table + " that compare whole rows — SELECT DISTINCT, UNION, GROUP BY or"
              + " DISTINCT ON over SELECT * — fail with \"could not identify an equality operator for"
              + " type json\" once the column exists.",
          "ALTER TABLE " + table + " ADD COLUMN " + d.column().name() + " jsonb;");
    }
    out.flush();
  }
}
