package dev.specgate.rules.sql;

import dev.specgate.core.Severity;
import dev.specgate.sql.MigrationTool;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.rules.sql.SqlRuleSupport.At;
import dev.specgate.sql.Operation;

/**
 * CREATE/DROP INDEX CONCURRENTLY (and REINDEX … CONCURRENTLY) inside BEGIN…COMMIT or in a file
 * the migration tool runs in a transaction: PostgreSQL refuses it ("cannot run inside a
 * transaction block"). PostgreSQL only.
 */
@RuleInfo(
    id = "concurrently-in-transaction",
    family = Family.SQL,
    severity = Severity.ERROR,
    aliases = {"squawk:ban-concurrent-index-creation-in-transaction"},
    summary = "CREATE/DROP INDEX CONCURRENTLY inside a transaction fails")
public final class ConcurrentlyInTransaction implements Rule {
  @Override
  public void check(RuleContext context, Findings out) {
    for (At at : SqlRuleSupport.statements(context, true)) {
      if (!at.postgres()) continue;
      String what = concurrentStatement(at.op());
      if (what == null) continue;
      boolean explicit = at.statement().inExplicitTransaction();
      if (!explicit && !at.file().toolTransaction()) continue;
      MigrationTool tool = SqlRuleSupport.tool(context, at.file());
      String where = explicit
          ? "inside BEGIN … COMMIT"
          : SqlRuleSupport.inToolTransaction(tool);
      out.report(
          SqlRuleSupport.location(at),
          what + " " + where + ": PostgreSQL refuses it and the migration fails",
          "A concurrent build or drop commits in several steps of its own and waits for older"
              + " transactions between them, so PostgreSQL rejects it with \"" + what
              + " cannot run inside a transaction block\". The deploy stops at this migration"
              + " (and, in a transaction, everything before it in the file rolls back).",
          fix(explicit, tool));
    }
  }

  static String concurrentStatement(Operation op) {
    if (op instanceof Operation.CreateIndex ci && ci.concurrently()) return "CREATE INDEX CONCURRENTLY";
    if (op instanceof Operation.DropIndex di && di.concurrently()) return "DROP INDEX CONCURRENTLY";
    if (op instanceof Operation.Maintenance m && m.concurrently()
        && m.kind() == Operation.Maintenance.Kind.REINDEX) {
      return "REINDEX CONCURRENTLY";
    }
    return null;
  }

  private static String fix(boolean explicit, MigrationTool tool) {
    if (explicit) {
      return "Move the statement out of BEGIN … COMMIT (after COMMIT, or into its own migration file),"
          + " and make sure the tool does not wrap the file in a transaction either.";
    }
    return switch (tool) {
      case GOOSE -> "Put the statement in its own migration whose first line is:\n-- +goose NO TRANSACTION";
      case DBMATE -> "Put the statement in its own migration with:\n-- migrate:up transaction:false";
      case FLYWAY -> "Put the statement in its own migration file: Flyway runs a file that holds only"
          + " non-transactional statements outside a transaction (or set executeInTransaction=false"
          + " in the script's configuration).";
      case GOLANG_MIGRATE -> "Put the statement alone in its own migration file: golang-migrate sends a"
          + " file as one query, and PostgreSQL runs several statements of one query as one"
          + " transaction.";
      case DIESEL -> "Put the statement in its own migration and add a metadata.toml beside its up.sql"
          + " with:\nrun_in_transaction = false";
      default -> "Run the statement outside any transaction, in a migration of its own.";
    };
  }
}
