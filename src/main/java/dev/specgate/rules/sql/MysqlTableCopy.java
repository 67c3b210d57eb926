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
import java.util.HashSet;
import java.util.Set;

/**
 * MySQL: an ALTER TABLE on an existing table that InnoDB can only do by copying the table or with
 * writes blocked (ADD FOREIGN KEY with foreign_key_checks on, ADD CHECK, DROP PRIMARY KEY, CONVERT TO
 * CHARACTER SET, FULLTEXT/SPATIAL index, AUTO_INCREMENT column), or one that asks for it
 * (ALGORITHM=COPY, LOCK=SHARED / EXCLUSIVE). Column type changes are column-type-change's.
 */
@RuleInfo(
    id = "mysql-table-copy",
    family = Family.SQL,
    severity = Severity.ERROR,
    aliases = {"strong_migrations:add_foreign_key_mysql", "strong_migrations:add_check_constraint_mysql",
        "strong_migrations:copy_algorithm", "strong_migrations:lock_option"},
    summary = "MySQL ALTER TABLE that copies the table or blocks writes (ALGORITHM=COPY / LOCK=SHARED)")
public final class MysqlTableCopy implements Rule {
  @Override
  public void check(RuleContext context, Findings findings) {
    SqlRuleSupport.PerStatement out = new SqlRuleSupport.PerStatement(findings);
    Set<String> explicitReported = new HashSet<>();
    for (ActionAt x : SqlRuleSupport.alterActionsOnExistingTables(context, false)) {
      if (x.at().postgres()) continue;
      String algorithm = MysqlOnlineDdl.writtenAlgorithm(x.alter());
      String lock = MysqlOnlineDdl.writtenLock(x.alter());
      boolean asksToBlock = "COPY".equals(algorithm) || "SHARED".equals(lock) || "EXCLUSIVE".equals(lock);
      if (asksToBlock && explicitReported.add(x.at().path() + "#" + x.at().statement().index())) {
        out.report(SqlRuleSupport.location(x.at()),
            "ALTER TABLE " + x.table() + " asks for " + ("COPY".equals(algorithm) ? "ALGORITHM=COPY" : "LOCK=" + lock)
                + ": writes to the table wait for the whole operation",
            ("COPY".equals(algorithm) ? "The table is copied row by row into a new one" : "The table is locked")
                + " and inserts, updates and deletes wait until it finishes." + MysqlDdlSupport.METADATA_LOCK,
            "Ask for the online form and let MySQL refuse if it cannot do it:\n"
                + "ALTER TABLE " + x.table() + " …, ALGORITHM=INPLACE, LOCK=NONE;\n" + MysqlDdlSupport.ONLINE_TOOLS);
      }
      if (x.action() instanceof AlterAction.AlterColumnType) continue; // column-type-change
      MysqlOnlineDdl.Plan plan = MysqlDdlSupport.plan(context, x);
      if (plan == null || !plan.blocksWrites()) continue;
      out.report(SqlRuleSupport.location(x.at()),
          "MySQL can " + plan.operation() + " on existing table " + x.table() + " only with "
              + (plan.algorithm() == MysqlOnlineDdl.Algorithm.COPY ? "ALGORITHM=COPY (a full table copy)" : "writes blocked"),
          "InnoDB" + MysqlDdlSupport.assumed(context) + ": " + plan.algorithm() + (plan.rebuildsTable() ? ", rebuilds the table" : "")
              + ", concurrent writes not permitted" + (plan.note().isEmpty() ? "" : " (" + plan.note() + ")")
              + ": inserts, updates and deletes wait for as long as it runs." + MysqlDdlSupport.METADATA_LOCK,
          MysqlDdlSupport.ONLINE_TOOLS);
    }
    out.flush();
  }
}
