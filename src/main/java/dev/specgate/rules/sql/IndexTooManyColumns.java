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

/** A non-unique index with more than three key columns: rarely used beyond its first columns. */
@RuleInfo(
    id = "index-too-many-columns",
    family = Family.SQL,
    severity = Severity.NOTICE,
    aliases = {"strong_migrations:add_index_columns"},
    summary = "A non-unique index with more than three columns")
public final class IndexTooManyColumns implements Rule {
  @Override
  public void check(RuleContext context, Findings out) {
    for (At at : SqlRuleSupport.statements(context, false)) {
      if (!(at.op() instanceof Operation.CreateIndex ci) || ci.unique() || ci.columns().size() <= 3) continue;
      if (ci.method() != null && !ci.method().equals("btree")) continue;
      out.report(SqlRuleSupport.location(at), "index " + (ci.name() == null ? "" : ci.name() + " ")
              + "on " + SqlRuleSupport.name(ci.table()) + " has " + ci.columns().size() + " columns",
          "A B-tree is used from its leading columns; the fourth and later ones rarely narrow a search"
              + " but make the index larger, slower to build (under SHARE, or long with CONCURRENTLY)"
              + " and slower to update on every write.",
          "Index the two or three most selective leading columns; use INCLUDE (…) for columns only read.");
    }
  }
}
