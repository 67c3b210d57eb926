package dev.specgate.rules.sql;

import dev.specgate.core.Location;
import dev.specgate.rules.Findings;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.sql.SqlRuleSupport.At;
import dev.specgate.sql.BatchingSyntax;
import dev.specgate.sql.Dialect;
import dev.specgate.sql.LockLevel;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;

/**
 * The two "batched" backfills that are not batches on PostgreSQL, reported as
 * {@code unbatched-backfill}: {@code UPDATE … LIMIT n} / {@code DELETE … LIMIT n} (MySQL syntax;
 * PostgreSQL rejects the statement), and a {@code DO} block that loops over UPDATE / DELETE
 * batches without COMMIT between them — a DO block is one transaction, so every batch's row locks
 * and row versions are held until the last batch ends. Seed 004's own template writes both.
 */
final class LoopedBackfill {
  private LoopedBackfill() {}

  /** True for an UPDATE / DELETE with its own LIMIT clause, which PostgreSQL rejects. */
  static boolean limitRejected(Statement s) {
    return (s.op() instanceof Operation.Update u && u.limited()
            || s.op() instanceof Operation.Delete d && d.limited())
        && BatchingSyntax.hasOwnLimit(s, Dialect.POSTGRES);
  }

  static void check(RuleContext context, At at, Findings out) {
    if (limitRejected(at.statement())) {
      reportLimit(at, at.statement(), out);
      return;
    }
    if (!(at.op() instanceof Operation.DoBlock)) return;
    BatchingSyntax.DoBody body = BatchingSyntax.doBody(at.statement(), Dialect.POSTGRES);
    for (Statement inner : body.dml()) {
      if (limitRejected(inner)) reportLimit(at, inner, out);
    }
    if (!body.loops() || body.commits()) return;
    String table = null;
    for (Statement inner : body.dml()) {
      String t = inner.op() instanceof Operation.Update u ? u.table()
          : inner.op() instanceof Operation.Delete d ? d.table() : null;
      if (t != null && SqlRuleSupport.existing(context, at, t)) {
        TableSize size = TableSize.of(context, t);
        if (size.rows().isEmpty() || size.rows().getAsLong() >= context.config().largeTableRows()) {
          table = t;
          break;
        }
      }
    }
    if (table == null) return;
    boolean batched = body.dml().stream()
        .anyMatch(st -> BatchingSyntax.isBatched(st, Dialect.POSTGRES));
    String name = SqlRuleSupport.name(table);
    out.report(SqlRuleSupport.location(at),
        "the DO block loops over " + (batched ? "batches of " + name : "changes to " + name)
            + " but runs as ONE transaction: no " + (batched ? "batch" : "iteration")
            + " commits until the whole block ends, so this is an unbatched backfill of " + name,
        SqlRuleSupport.lock(LockLevel.ROW_EXCLUSIVE, name) + "; every row the loop changes stays"
            + " locked, and every row version stays unvacuumable, until the whole DO block commits."
            + " pg_sleep between batches only makes that transaction longer.",
        "Run each batch as its own transaction from a script or job (one statement per batch):\n"
            + "UPDATE " + name + " SET … WHERE id >= <start> AND id < <start> + 10000;\n"
            + "-- or, on PostgreSQL 11+, COMMIT inside the loop of a DO block run outside any"
            + " transaction block");
  }

  private static void reportLimit(At at, Statement s, Findings out) {
    String verb = s.op() instanceof Operation.Update ? "UPDATE" : "DELETE";
    String table = s.op() instanceof Operation.Update u ? u.table() : ((Operation.Delete) s.op()).table();
    String name = SqlRuleSupport.name(table);
    out.report(
        new Location(at.path(), s.span().startLine(), s.span().startColumn(), s.span().endLine(),
            s.span().endColumn()),
        verb + " … LIMIT on " + name + " is not PostgreSQL: PostgreSQL rejects the statement"
            + " (syntax error at LIMIT), so this batch never runs",
        "PostgreSQL's " + verb + " has no LIMIT clause (that is MySQL syntax); a batch must be"
            + " bounded by a key range or a sub-select.",
        verb.equals("UPDATE")
            ? "UPDATE " + name + " SET … WHERE id IN (SELECT id FROM " + name
                + " WHERE … ORDER BY id LIMIT 1000);"
            : "DELETE FROM " + name + " WHERE id IN (SELECT id FROM " + name
                + " WHERE … ORDER BY id LIMIT 1000);");
  }
}
