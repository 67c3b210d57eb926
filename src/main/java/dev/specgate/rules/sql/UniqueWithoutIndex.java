package dev.specgate.rules.sql;

import dev.specgate.core.Severity;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.rules.sql.SqlRuleSupport.ActionAt;
import dev.specgate.rules.sql.SqlRuleSupport.At;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.ColumnDef;
import dev.specgate.sql.ConstraintDef;
import dev.specgate.sql.LockLevel;
import java.util.List;

/**
 * ADD UNIQUE / PRIMARY KEY on an existing table without USING INDEX (also a column added with an
 * inline UNIQUE or PRIMARY KEY): the index is built under ACCESS EXCLUSIVE. PostgreSQL only.
 */
@RuleInfo(
    id = "unique-without-index",
    family = Family.SQL,
    severity = Severity.ERROR,
    aliases = {"squawk:disallowed-unique-constraint", "squawk:adding-serial-primary-key-field", "eugene:E7", "strong_migrations:add_unique_constraint"},
    summary = "ADD UNIQUE / PRIMARY KEY without USING INDEX builds the index under ACCESS EXCLUSIVE")
public final class UniqueWithoutIndex implements Rule {
  @Override
  public void check(RuleContext context, Findings findings) {
    SqlRuleSupport.PerStatement out = new SqlRuleSupport.PerStatement(findings);
    for (ActionAt x : SqlRuleSupport.alterActionsOnExistingTables(context, true)) {
      At at = x.at();
      String table = x.table();
      AlterAction a = x.action();
      if (a instanceof AlterAction.AddConstraint ac) {
        ConstraintDef c = ac.constraint();
        boolean pk = c.kind() == ConstraintDef.Kind.PRIMARY_KEY;
        if ((!pk && c.kind() != ConstraintDef.Kind.UNIQUE) || c.usingIndex() != null) continue;
        report(at, table, c.name(), pk, c.columns(), out);
      } else if (a instanceof AlterAction.AddColumn add) {
        ColumnDef c = add.column();
        if (c.primaryKey()) report(at, table, null, true, List.of(c.name()), out);
        else if (c.unique()) report(at, table, null, false, List.of(c.name()), out);
      }
    }
    out.flush();
  }

  private static void report(
      At at, String table, String name, boolean pk, List<String> columns, SqlRuleSupport.PerStatement out) {
    String kind = pk ? "PRIMARY KEY" : "UNIQUE";
    String base = table.replace('.', '_');
    String cname = name != null ? name
        : pk ? base + "_pkey" : base + "_" + String.join("_", columns) + "_key";
    String cols = String.join(", ", columns);
    out.report(
        SqlRuleSupport.location(at),
        "ADD " + kind + " on existing table " + table + " (" + cols + ") builds its unique index"
            + " while holding ACCESS EXCLUSIVE",
        SqlRuleSupport.lock(LockLevel.ACCESS_EXCLUSIVE, table) + ". The whole table is read and"
            + " sorted to build the index (no rewrite of the table itself) while the lock is held.",
        "Build the index concurrently first, then attach it (a brief lock, no scan):\n"
            + "CREATE UNIQUE INDEX CONCURRENTLY " + cname + "_idx ON " + table + " (" + cols + ");\n"
            + "ALTER TABLE " + table + " ADD CONSTRAINT " + cname + " " + kind + " USING INDEX "
            + cname + "_idx;"
            + (pk ? "\n-- PRIMARY KEY also needs its columns NOT NULL: prove that first with a"
                + " validated CHECK (col IS NOT NULL) so SET NOT NULL skips its scan" : ""));
  }
}
