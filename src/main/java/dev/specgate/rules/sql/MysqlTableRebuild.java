package dev.specgate.rules.sql;

import dev.specgate.core.Severity;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.rules.sql.SqlRuleSupport.ActionAt;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.MysqlOnlineDdl;
import dev.specgate.sql.Operation;

/**
 * MySQL: an ALTER TABLE on an existing table that InnoDB runs in place but by rebuilding the whole
 * table (NULL / NOT NULL changes, ADD PRIMARY KEY, ENGINE=, FORCE; ADD/DROP COLUMN on servers
 * without INSTANT for it, per {@code mysqlVersion}): writes continue, but the rebuild
 * takes as long as a copy, replicas apply it after the primary has finished (replication lag), and
 * the metadata lock at its end waits for open transactions.
 */
@RuleInfo(
    id = "mysql-table-rebuild",
    family = Family.SQL,
    severity = Severity.NOTICE,
    aliases = {"strong_migrations:change_column_null_mysql"},
    summary = "MySQL ALTER TABLE that rebuilds the whole table in place")
public final class MysqlTableRebuild implements Rule {
  @Override
  public void check(RuleContext context, Findings findings) {
    SqlRuleSupport.PerStatement out = new SqlRuleSupport.PerStatement(findings);
    for (ActionAt x : SqlRuleSupport.alterActionsOnExistingTables(context, false)) {
      if (x.at().postgres() || MysqlDdlSupport.statementChangesAType(context, x)) continue;
      MysqlOnlineDdl.Plan plan = MysqlDdlSupport.plan(context, x);
      if (plan == null || plan.blocksWrites() || !plan.rebuildsTable()) continue;
      out.report(SqlRuleSupport.location(x.at()),
          "MySQL will " + plan.operation() + " on existing table " + x.table() + " by rebuilding the table",
          "InnoDB" + MysqlDdlSupport.assumed(context) + ": INPLACE with a table rebuild" + (plan.note().isEmpty() ? "" : " (" + plan.note() + ")")
              + ". Writes continue, but the rebuild takes as long as copying the table, replicas replay"
              + " it only after the primary finishes (replication lag of that length), and changes made"
              + " meanwhile are buffered in the online log (innodb_online_alter_log_max_size)."
              + MysqlDdlSupport.METADATA_LOCK,
          MysqlDdlSupport.ONLINE_TOOLS);
    }
    out.flush();
  }
}
