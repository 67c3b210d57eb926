package dev.specgate.rules.sql;

import java.util.regex.Pattern;
import dev.specgate.core.Severity;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.rules.sql.SqlRuleSupport.At;
import dev.specgate.sql.LockLevel;
import dev.specgate.sql.Operation;

/**
 * CREATE INDEX / DROP INDEX without CONCURRENTLY on an existing table. PostgreSQL only (MySQL
 * builds secondary indexes online). Rollback scripts are checked: they run under load too.
 */
@RuleInfo(
    id = "index-not-concurrent",
    family = Family.SQL,
    severity = Severity.ERROR,
    aliases = {"squawk:require-concurrent-index-creation", "squawk:require-concurrent-index-deletion", "eugene:E6", "strong_migrations:add_index", "strong_migrations:remove_index", "strong_migrations:add_reference"},
    summary = "CREATE INDEX / DROP INDEX without CONCURRENTLY locks an existing table")
public final class IndexNotConcurrent implements Rule {
  private static final Pattern CREATE_INDEX = Pattern.compile("(?i)^(create\\s++(unique\\s++)?+index)\\b");
  @Override
  public void check(RuleContext context, Findings findings) {
    SqlRuleSupport.PerStatement out = new SqlRuleSupport.PerStatement(findings);
    for (At at : SqlRuleSupport.statements(context, true)) {
      if (!at.postgres()) continue;
      if (at.op() instanceof Operation.CreateIndex ci && !ci.concurrently()) {
        if (!SqlRuleSupport.existing(context, at, ci.table())) continue;
        String table = SqlRuleSupport.name(ci.table());
        out.report(
            SqlRuleSupport.location(at),
            "CREATE INDEX" + (ci.name() == null ? "" : " " + ci.name()) + " on existing table "
                + table + " without CONCURRENTLY blocks writes while the index is built",
            SqlRuleSupport.lock(LockLevel.SHARE, table)
                + ". The table is read in full to build the index (no rewrite); every INSERT,"
                + " UPDATE and DELETE waits for the whole build.",
            "Build it concurrently, outside a transaction (its own migration file when the tool"
                + " wraps files in one):\n"
                + withConcurrently(at.statement().sql(), "INDEX") + ";\n"
                + "-- a failed concurrent build leaves an INVALID index: DROP INDEX CONCURRENTLY it and retry");
      } else if (at.op() instanceof Operation.DropIndex di && !di.concurrently()) {
        for (String index : di.names()) {
          String table = SqlRuleSupport.tableOfIndex(context, at, index);
          if (table != null && !SqlRuleSupport.existing(context, at, table)) continue;
          String where = table == null ? "its table" : table;
          out.report(
              SqlRuleSupport.location(at),
              "DROP INDEX " + index + " without CONCURRENTLY locks " + where
                  + (table == null ? " (an index the migrations do not create: its table counts as existing)" : ""),
              SqlRuleSupport.lock(LockLevel.ACCESS_EXCLUSIVE, where)
                  + ". The drop itself is quick, but it queues behind every running query on the"
                  + " table and every later query queues behind it.",
              "DROP INDEX CONCURRENTLY" + (di.ifExists() ? " IF EXISTS " : " ") + index
                  + ";  -- outside a transaction; one index per statement");
          break;
        }
      }
    }
    out.flush();
  }

  /** The statement with CONCURRENTLY inserted after CREATE [UNIQUE] INDEX. */
  static String withConcurrently(String sql, String what) {
    String one = sql.trim();
    String r = CREATE_INDEX.matcher(one).replaceFirst("$1 CONCURRENTLY");
    return r.equals(one) ? "CREATE INDEX CONCURRENTLY …" : r;
  }
}
