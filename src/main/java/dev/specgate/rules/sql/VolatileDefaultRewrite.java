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
import dev.specgate.sql.LockLevel;
import dev.specgate.sql.Volatility;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * ADD COLUMN whose value PostgreSQL must compute per row: a volatile DEFAULT, a serial type
 * (nextval), an identity or stored generated column — or any non-null DEFAULT before PostgreSQL
 * 11. Each rewrites the whole table under ACCESS EXCLUSIVE. PostgreSQL only.
 */
@RuleInfo(
    id = "volatile-default-rewrite",
    family = Family.SQL,
    severity = Severity.ERROR,
    aliases = {"squawk:adding-field-with-default", "eugene:E11", "strong_migrations:add_column_default", "strong_migrations:add_column_default_callable", "strong_migrations:add_column_generated_stored", "strong_migrations:add_column_auto_incrementing"},
    summary = "ADD COLUMN with a volatile DEFAULT (or any DEFAULT before PostgreSQL 11) rewrites the table")
public final class VolatileDefaultRewrite implements Rule {
  @Override
  public void check(RuleContext context, Findings findings) {
    SqlRuleSupport.PerStatement out = new SqlRuleSupport.PerStatement(findings);
    int pg = context.config().postgresVersion();
    for (ActionAt x : SqlRuleSupport.alterActionsOnExistingTables(context, true)) {
      if (!(x.action() instanceof AlterAction.AddColumn add)) continue;
      At at = x.at();
      String reason = reason(add.column(), pg, at.statement().sql(),
          f -> context.schema().functionVolatility(at.file(), at.statement(), f));
      if (reason != null) report(at, x.table(), add.column(), reason, out);
    }
    out.flush();
  }

  /** Why this column rewrites the table, or {@code null} when it does not. */
  static String reason(ColumnDef c, int postgresVersion, String sql,
      Function<String, Optional<String>> declaredVolatility) {
    var fn = Volatility.volatileFunction(c.defaultExpr());
    if (fn.isPresent()) {
      return "its DEFAULT calls " + fn.get() + "(), a volatile function, so every existing row gets"
          + " its own value";
    }
    // A user function is VOLATILE unless its CREATE FUNCTION says IMMUTABLE or STABLE.
    for (String f : Volatility.userFunctions(c.defaultExpr())) {
      Optional<String> declared = declaredVolatility.apply(f);
      if (declared.isEmpty()) {
        return "its DEFAULT calls " + f + "(), a function no migration here creates; PostgreSQL"
            + " treats a function as VOLATILE unless it is declared IMMUTABLE or STABLE, and a"
            + " volatile default is computed for every existing row";
      }
      if (declared.get().equals("VOLATILE")) {
        return "its DEFAULT calls " + f + "(), which its CREATE FUNCTION leaves VOLATILE (the"
            + " default when no volatility is declared), so every existing row gets its own value";
      }
    }
    if (Volatility.isSerialType(c.type())) {
      return "a " + c.type() + " column defaults to nextval(), a volatile function, so every"
          + " existing row gets its own value";
    }
    if (c.generated()) {
      String text = sql == null ? "" : sql.toLowerCase(Locale.ROOT);
      if (text.contains("identity")) {
        return "an identity column draws a sequence value for every existing row";
      }
      if (text.contains("stored")) {
        return "a stored generated column is computed and written for every existing row";
      }
      // GENERATED ALWAYS AS (…) without STORED is VIRTUAL (PostgreSQL 18+): nothing is written.
      return null;
    }
    if (postgresVersion < 11 && c.hasDefault()
        && !c.defaultExpr().trim().toLowerCase(Locale.ROOT).equals("null")) {
      return "before PostgreSQL 11 (target: " + postgresVersion + ") any DEFAULT is written into"
          + " every existing row";
    }
    return null;
  }

  private static void report(At at, String table, ColumnDef c, String reason, SqlRuleSupport.PerStatement out) {
    String col = c.name();
    String type = Volatility.isSerialType(c.type()) ? baseOfSerial(c.type()) : c.type();
    String def = c.defaultExpr() != null ? c.defaultExpr()
        : Volatility.isSerialType(c.type()) || c.generated()
            ? "nextval('" + table.replace('.', '_') + "_" + col + "_seq')"
        : "<expression>";
    String fix = reason.startsWith("a stored generated")
        ? "Add a plain column, keep it filled for new rows (a trigger or the application), and"
            + " backfill existing rows in batches; on PostgreSQL 18+ a VIRTUAL generated column"
            + " (computed on read) writes nothing:\n"
            + "ALTER TABLE " + table + " ADD COLUMN " + col + " " + type + ";\n"
            + "-- or: ALTER TABLE " + table + " ADD COLUMN " + col + " " + type
            + " GENERATED ALWAYS AS (<expression>) VIRTUAL;"
        : "Add the column without a per-row default, set the default for new rows only, then"
            + " backfill existing rows in batches:\n"
            + "ALTER TABLE " + table + " ADD COLUMN " + col + " " + type + ";\n"
            + (c.defaultExpr() == null
                ? "CREATE SEQUENCE " + table.replace('.', '_') + "_" + col + "_seq OWNED BY " + table
                    + "." + col + ";\n"
                : "")
            + "ALTER TABLE " + table + " ALTER COLUMN " + col + " SET DEFAULT " + def + ";"
            + "  -- new rows only, no rewrite\n"
            + "UPDATE " + table + " SET " + col + " = " + def + " WHERE " + SqlRuleSupport.batchRange(col) + " AND "
            + col + " IS NULL;  -- repeat per batch"
;
    out.report(
        SqlRuleSupport.location(at),
        "ADD COLUMN " + col + " rewrites existing table " + table + ": " + reason,
        SqlRuleSupport.lock(LockLevel.ACCESS_EXCLUSIVE, table)
            + ". The whole table and all its indexes are rewritten while the lock is held, so"
            + " reads and writes wait for as long as the copy takes (minutes on a large table),"
            + " and the rewrite needs disk for a second copy.",
        fix);
  }

  private static String baseOfSerial(String t) {
    String s = t.trim().toLowerCase(Locale.ROOT);
    if (s.startsWith("big") || s.equals("serial8")) return "bigint";
    if (s.startsWith("small") || s.equals("serial2")) return "smallint";
    return "integer";
  }
}
