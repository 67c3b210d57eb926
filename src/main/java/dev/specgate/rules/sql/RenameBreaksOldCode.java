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
 * RENAME COLUMN / RENAME TO on an existing table: code still deployed during the rollout uses the
 * old name. Forward migrations only (renaming back is what a rollback is for). PostgreSQL and MySQL.
 */
@RuleInfo(
    id = "rename-breaks-old-code",
    family = Family.SQL,
    severity = Severity.ERROR,
    aliases = {"squawk:renaming-column", "squawk:renaming-table", "strong_migrations:rename_column", "strong_migrations:rename_table",
        "strong_migrations:rename_schema", "strong_migrations:rename_enum_value"},
    summary = "RENAME COLUMN / RENAME TO on a table in use breaks code still using the old name")
public final class RenameBreaksOldCode implements Rule {
  @Override
  public void check(RuleContext context, Findings findings) {
    SqlRuleSupport.PerStatement out = new SqlRuleSupport.PerStatement(findings);
    for (At at : SqlRuleSupport.statements(context, false)) {
      if (at.op() instanceof Operation.AlterTable alter) {
        if (!SqlRuleSupport.existing(context, at, alter.table())) continue;
        String table = SqlRuleSupport.name(alter.table());
        for (AlterAction a : alter.actions()) {
          if (a instanceof AlterAction.RenameColumn r) reportColumn(at, table, r.from(), r.to(), out);
          else if (a instanceof AlterAction.RenameTable r) reportTable(at, table, r.newName(), out);
        }
      } else if (at.op() instanceof Operation.RenameObject r
          && r.objectKind() != null
          && r.objectKind().toUpperCase(Locale.ROOT).equals("TABLE")
          && SqlRuleSupport.existing(context, at, r.from())) {
        reportTable(at, SqlRuleSupport.name(r.from()), r.to(), out);
      } else if (at.op() instanceof Operation.RenameObject r && "SCHEMA".equalsIgnoreCase(r.objectKind())) {
        out.report(SqlRuleSupport.location(at),
            "RENAME of schema " + SqlRuleSupport.name(r.from()) + " to " + r.to()
                + ": every query that qualifies a name with " + r.from() + " fails until the new code runs",
            "The rename is instant, but during a rolling deploy the old version's schema-qualified"
                + " queries (and search_path settings naming " + r.from() + ") fail.",
            "Create the new schema and move objects over in steps, or keep the old schema's name"
                + " until no deployed code uses it.");
      } else if (at.op() instanceof Operation.AlterObject ao && "TYPE".equals(ao.objectKind())
          && ao.action() != null && ao.action().startsWith("RENAME VALUE")) {
        out.report(SqlRuleSupport.location(at),
            "ALTER TYPE " + SqlRuleSupport.name(ao.name()) + " " + ao.action()
                + ": code still deployed writes the old value and fails",
            "Once renamed, the old label is no longer a valid value of the enum: inserts and updates"
                + " from the version still running fail with \"invalid input value for enum\".",
            "Add the new value (ALTER TYPE … ADD VALUE), move writers and rows to it, and stop using"
                + " the old one in a later release.");
      }
    }
    out.flush();
  }

  private static void reportColumn(At at, String table, String from, String to, SqlRuleSupport.PerStatement out) {
    out.report(
        SqlRuleSupport.location(at),
        "RENAME COLUMN " + from + " TO " + to + " on existing table " + table
            + ": code still deployed queries " + from + " and fails until every instance runs the new version",
        SqlRuleSupport.lock(LockLevel.ACCESS_EXCLUSIVE, table) + " (brief: no rewrite). The"
            + " rename is instant, but during a rolling deploy the old version's queries on " + from
            + " fail, and rolling the code back breaks too.",
        "Expand and contract over two releases:\n"
            + "ALTER TABLE " + table + " ADD COLUMN " + to + " <type>;\n"
            + "-- write both columns, backfill " + to + " from " + from + " in batches, switch reads to "
            + to + ";\n"
            + "-- a later release, once no code reads " + from + ":\n"
            + "ALTER TABLE " + table + " DROP COLUMN " + from + ";");
  }

  private static void reportTable(At at, String table, String to, SqlRuleSupport.PerStatement out) {
    out.report(
        SqlRuleSupport.location(at),
        "RENAME of existing table " + table + " to " + to
            + ": code still deployed queries " + table + " and fails until every instance runs the new version",
        SqlRuleSupport.lock(LockLevel.ACCESS_EXCLUSIVE, table) + " (brief: no rewrite). During"
            + " a rolling deploy the old version's queries on " + table + " fail.",
        (at.postgres()
            ? "Keep the old name working for the compatibility window with a view:\n"
                + "ALTER TABLE " + table + " RENAME TO " + to + ";\n"
                + "CREATE VIEW " + table + " AS SELECT * FROM " + to + ";  -- simple views are updatable\n"
                + "-- drop the view in a later release, once no code uses " + table + "."
            : "Create the new table and move data and writers over in steps, or keep both names"
                + " (a view) until no deployed code uses " + table + "."));
  }
}
