package dev.specgate.rules.sql;

import dev.specgate.core.Spaces;
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
 * UPDATE / DELETE over an existing large table with no key-range or LIMIT batching. A WHERE that
 * only compares columns with literals (listed rows) is a targeted fix-up and not reported. A table is
 * large when a packet states a row count at or above {@code largeTableRows}; a table whose size no
 * packet states counts as large. Forward migrations only. PostgreSQL and MySQL.
 */
@RuleInfo(
    id = "unbatched-backfill",
    family = Family.SQL,
    severity = Severity.ERROR,
    summary = "UPDATE / DELETE over a whole large table in one statement")
public final class UnbatchedBackfill implements Rule {
  /** True when the WHERE clause only compares columns with literal values: see {@link ListedRows}. */
  static boolean targetsListedRows(String where) {
    return ListedRows.matches(where);
  }

  /** PostgreSQL's own catalogue (pg_index, information_schema, …) is not application data. */
  private static boolean isCatalog(String table) {
    String t = dev.specgate.sql.Names.normalize(table).toLowerCase(java.util.Locale.ROOT);
    return t.startsWith("pg_") || t.startsWith("pg_catalog.") || t.startsWith("information_schema.");
  }

  private static dev.specgate.sql.Dialect dialectOf(At at) {
    return at.postgres() ? dev.specgate.sql.Dialect.POSTGRES : dev.specgate.sql.Dialect.MYSQL;
  }

  @Override
  public void check(RuleContext context, Findings out) {
    long large = context.config().largeTableRows();
    for (At at : SqlRuleSupport.statements(context, false)) {
      if (at.postgres()) LoopedBackfill.check(context, at, out);
      String table;
      String verb;
      String where;
      if (at.postgres() && LoopedBackfill.limitRejected(at.statement())) continue; // reported above
      if (at.op() instanceof Operation.Update u && !u.limited()) {
        table = u.table();
        verb = "UPDATE";
        where = u.where();
      } else if (at.op() instanceof Operation.Delete d && !d.limited()) {
        table = d.table();
        verb = "DELETE";
        where = d.where();
      } else {
        continue;
      }
      if (table == null || !SqlRuleSupport.existing(context, at, table)) continue;
      // WITH batch AS (SELECT id … LIMIT n) UPDATE … FROM batch: the CTE is the batch
      if (dev.specgate.sql.BatchingSyntax.batchedByCte(at.statement(), dialectOf(at))) continue;
      if (isCatalog(table) || targetsListedRows(where)) continue;
      TableSize size = TableSize.of(context, table);
      if (size.rows().isPresent() && size.rows().getAsLong() < large) continue;
      String name = SqlRuleSupport.name(table);
      String sizeText = size.rows().isPresent()
          ? "the packet states " + size.rows().getAsLong() + " rows (≥ " + large + ")"
          : "no packet states its size, so it counts as large";
      String scope = where == null ? "every row" : "every row matching " + Spaces.collapse(where);
      out.report(
          SqlRuleSupport.location(at),
          verb + " of " + scope + " of existing table " + name + " in one statement, with no"
              + " key-range or LIMIT batching (" + sizeText + ")",
          SqlRuleSupport.lock(LockLevel.ROW_EXCLUSIVE, name) + " (no rewrite of the table, but"
              + " a pass over all of it). One huge transaction also writes a new version of each row at"
              + " once: WAL burst, replica lag, table bloat, and no way to resume if it fails"
              + " halfway.",
          "Batch by key range, committing each batch (throttle between batches):\n"
              + (verb.equals("UPDATE")
                  ? "UPDATE " + name + " SET … WHERE id >= <start> AND id < <start> + 10000"
                      + (where == null ? "" : " AND (" + Spaces.collapse(where) + ")") + ";"
                  : "DELETE FROM " + name + " WHERE id IN (SELECT id FROM " + name
                      + (where == null ? "" : " WHERE " + Spaces.collapse(where))
                      + " ORDER BY id LIMIT 10000);")
              + "\n-- or, if the table is small, state its row count in the packet's spec"
              + " (e.g. \"" + name + " has 20k rows\") or suppress with a reason:\n"
              + "-- specgate:ignore unbatched-backfill: <table size / why one statement is fine>");
    }
  }
}
