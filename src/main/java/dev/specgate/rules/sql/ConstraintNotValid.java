package dev.specgate.rules.sql;

import dev.specgate.core.Spaces;
import java.util.regex.Pattern;
import dev.specgate.core.Severity;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.rules.sql.SqlRuleSupport.ActionAt;
import dev.specgate.rules.sql.SqlRuleSupport.At;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.ConstraintDef;
import dev.specgate.sql.LockLevel;

/**
 * ADD FOREIGN KEY / CHECK on an existing table without NOT VALID, also written inline on an added
 * column (ADD COLUMN … REFERENCES / CHECK). PostgreSQL only.
 */
@RuleInfo(
    id = "constraint-not-valid",
    family = Family.SQL,
    severity = Severity.ERROR,
    aliases = {"squawk:constraint-missing-not-valid", "squawk:adding-foreign-key-constraint", "eugene:E1", "strong_migrations:add_foreign_key", "strong_migrations:add_check_constraint"},
    summary = "ADD FOREIGN KEY / CHECK on an existing table without NOT VALID scans it under a lock")
public final class ConstraintNotValid implements Rule {
  private static final Pattern FOREIGN_KEY = Pattern.compile("(?i)\\bforeign\\s++key\\s*+\\(");
  private static final Pattern REFERENCES = Pattern.compile("(?i)\\)\\s*+references\\s");
  @Override
  public void check(RuleContext context, Findings findings) {
    SqlRuleSupport.PerStatement out = new SqlRuleSupport.PerStatement(findings);
    for (ActionAt x : SqlRuleSupport.alterActionsOnExistingTables(context, true)) {
      At at = x.at();
      String table = x.table();
      AlterAction a = x.action();
      if (a instanceof AlterAction.AddColumn add) {
        inlineConstraints(at, table, add.column(), out);
        continue;
      }
      if (!(a instanceof AlterAction.AddConstraint ac) || ac.notValid()) continue;
      ConstraintDef c = ac.constraint();
      boolean fk = c.kind() == ConstraintDef.Kind.FOREIGN_KEY;
      if (!fk && c.kind() != ConstraintDef.Kind.CHECK) continue;
      String name = c.name() != null ? c.name()
          : table.replace('.', '_') + "_" + String.join("_", c.columns()) + (fk ? "_fkey" : "_check");
      String why = fk
          ? SqlRuleSupport.lock(LockLevel.SHARE_ROW_EXCLUSIVE, table) + ", and the same on "
              + SqlRuleSupport.name(c.referencedTable()) + ". PostgreSQL reads every row of "
              + table + " to check it has a match (a full scan, no rewrite) while writes to both"
              + " tables wait."
          : SqlRuleSupport.lock(LockLevel.ACCESS_EXCLUSIVE, table) + ". PostgreSQL reads every"
              + " row to check the expression (a full scan, no rewrite) while the lock is held.";
      String def = definition(at.statement().sql(), c, name);
      out.report(
          SqlRuleSupport.location(at),
          "ADD " + (fk ? "FOREIGN KEY" : "CHECK") + " constraint " + name + " on existing table "
              + table + " without NOT VALID validates every row under the lock",
          why,
          "Add it NOT VALID (instant; new writes are checked from then on), then validate in a"
              + " separate transaction, which takes only SHARE UPDATE EXCLUSIVE (reads and writes"
              + " continue):\n"
              + "ALTER TABLE " + table + " ADD CONSTRAINT " + name + " " + def + " NOT VALID;\n"
              + "-- in a later migration or after COMMIT:\n"
              + "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + name + ";");
    }
    out.flush();
  }

  /**
   * ADD COLUMN … REFERENCES / CHECK on an existing table: the constraint is validated against every
   * row in the same statement, under the ADD COLUMN's ACCESS EXCLUSIVE lock (a new column is NULL
   * or its default in every row, but PostgreSQL still reads them all), and a REFERENCES also locks
   * the referenced table.
   */
  private static void inlineConstraints(
      At at, String table, dev.specgate.sql.ColumnDef c, SqlRuleSupport.PerStatement out) {
    String col = c.name();
    String base = table.replace('.', '_') + "_" + col;
    String type = c.type() == null ? "<type>" : c.type();
    if (c.references() != null) {
      String ref = SqlRuleSupport.name(c.references());
      out.report(
          SqlRuleSupport.location(at),
          "ADD COLUMN " + col + " … REFERENCES " + ref + " on existing table " + table
              + " validates the new foreign key against every row under the lock",
          SqlRuleSupport.lock(LockLevel.ACCESS_EXCLUSIVE, table) + ", and SHARE ROW EXCLUSIVE on "
              + ref + " (writes to it wait). PostgreSQL reads every row of " + table
              + " to validate the constraint (a full scan, no rewrite) while both locks are held.",
          "Add the column plain, then the constraint NOT VALID, and validate it separately:\n"
              + "ALTER TABLE " + table + " ADD COLUMN " + col + " " + type + ";\n"
              + "ALTER TABLE " + table + " ADD CONSTRAINT " + base + "_fkey FOREIGN KEY (" + col
              + ") REFERENCES " + ref + " NOT VALID;\n"
              + "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + base + "_fkey;");
    }
    if (c.check() != null) {
      out.report(
          SqlRuleSupport.location(at),
          "ADD COLUMN " + col + " … CHECK on existing table " + table
              + " validates the check against every row under ACCESS EXCLUSIVE",
          SqlRuleSupport.lock(LockLevel.ACCESS_EXCLUSIVE, table) + ". PostgreSQL reads every row"
              + " to check the expression (a full scan, no rewrite) while the lock is held.",
          "Add the column plain, then the check NOT VALID, and validate it separately:\n"
              + "ALTER TABLE " + table + " ADD COLUMN " + col + " " + type + ";\n"
              + "ALTER TABLE " + table + " ADD CONSTRAINT " + base + "_check CHECK (" + c.check()
              + ") NOT VALID;\n"
              + "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + base + "_check;");
    }
  }

  private static String definition(String sql, ConstraintDef c, String name) {
    if (c.kind() == ConstraintDef.Kind.CHECK) {
      return "CHECK (" + (c.expression() == null ? "…" : c.expression()) + ")";
    }
    // plain code for the end of the clause: a lazy regex up to "\\s*$" was quadratic in trailing spaces
    java.util.regex.Matcher m = FOREIGN_KEY.matcher(sql);
    if (m.find()) {
      String clause = sql.substring(m.start()).strip();
      if (REFERENCES.matcher(clause).find()) {
        String lower = clause.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith("valid")) {
          String before = lower.substring(0, lower.length() - "valid".length()).stripTrailing();
          if (before.length() < lower.length() - "valid".length() && before.endsWith("not")
              && before.length() > 3 && Character.isWhitespace(before.charAt(before.length() - 4))) {
            clause = clause.substring(0, before.length() - 3).stripTrailing();
          }
        }
        return Spaces.collapse(clause);
      }
    }
    return "FOREIGN KEY (" + String.join(", ", c.columns()) + ") REFERENCES "
        + (c.referencedTable() == null ? "…" : c.referencedTable());
  }
}
