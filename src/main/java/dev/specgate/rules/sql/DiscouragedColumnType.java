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
import java.util.regex.Pattern;

/**
 * Column types that cost a migration later: {@code char(n)} (padded, no faster than text),
 * {@code integer}/{@code smallint} keys that overflow, {@code serial} instead of identity,
 * {@code varchar(n)} whose limit must later be raised under a lock, {@code timestamp} without time
 * zone. A style rule: off unless the config gives it a severity. PostgreSQL only.
 */
@RuleInfo(
    id = "discouraged-column-type",
    family = Family.SQL,
    severity = Severity.NOTICE,
    aliases = {"squawk:ban-char-field", "squawk:prefer-bigint-over-int", "squawk:prefer-bigint-over-smallint",
        "squawk:prefer-identity", "squawk:prefer-text-field", "squawk:prefer-timestamptz"},
    enabledByDefault = false,
    summary = "char(n), int/smallint, serial, varchar(n) or timestamp without time zone in a new column")
public final class DiscouragedColumnType implements Rule {
  private static final java.util.regex.Pattern SERIAL_N = java.util.regex.Pattern.compile("serial[248]");
  private static final Pattern CHAR = Pattern.compile("^(char|character|bpchar)(\\s*\\(.*\\))?$");
  private static final Pattern VARCHAR = Pattern.compile("^(varchar|character varying)\\s*\\(.*\\)$");
  private static final Pattern TIMESTAMP =
      Pattern.compile("^timestamp(\\s*\\(\\d+\\))?(\\s+without\\s+time\\s+zone)?$");

  @Override
  public void check(RuleContext context, Findings findings) {
    SqlRuleSupport.PerStatement out = new SqlRuleSupport.PerStatement(findings);
    for (DeclaredColumn d : SqlRuleSupport.declaredColumns(context)) {
      String type = d.column().type() == null ? "" : d.column().type().trim().toLowerCase(Locale.ROOT);
      String col = d.column().name();
      String advice = advice(type);
      if (advice == null) continue;
      out.report(SqlRuleSupport.location(d.at()),
          "column " + col + " of " + SqlRuleSupport.name(d.table()) + " is " + type + ": " + advice,
          "A type that is cheap to pick now and costly to change later: changing a column's type"
              + " rewrites the table under ACCESS EXCLUSIVE (blocks reads and writes).",
          "ALTER TABLE … ADD COLUMN " + col + " " + better(type) + ";");
    }
    out.flush();
  }

  static String advice(String type) {
    if (CHAR.matcher(type).matches()) return "char(n) pads with blanks and is no faster than text; use text (with a CHECK on length if needed)";
    if (type.equals("int") || type.equals("integer") || type.equals("int4")) return "integer overflows at 2^31; use bigint";
    if (type.equals("smallint") || type.equals("int2")) return "smallint overflows at 32767; use bigint";
    if (type.equals("serial") || type.equals("bigserial") || type.equals("smallserial") || SERIAL_N.matcher(type).matches()) {
      return "serial is a sequence default the table does not own cleanly; use bigint GENERATED ALWAYS AS IDENTITY";
    }
    if (VARCHAR.matcher(type).matches()) return "raising a varchar limit later is a schema change; use text (with a CHECK on length if needed)";
    if (TIMESTAMP.matcher(type).matches()) return "timestamp without time zone loses the offset; use timestamptz";
    return null;
  }

  private static String better(String type) {
    if (CHAR.matcher(type).matches() || VARCHAR.matcher(type).matches()) return "text";
    if (TIMESTAMP.matcher(type).matches()) return "timestamptz";
    if (type.contains("serial")) return "bigint GENERATED ALWAYS AS IDENTITY";
    return "bigint";
  }
}
