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
 * CREATE INDEX CONCURRENTLY / REINDEX CONCURRENTLY when the target is PostgreSQL 14: releases 14.0 to
 * 14.3 can build such an index with missing entries (fixed in 14.4). postgresVersion is a major
 * version, so the rule cannot tell 14.3 from 14.4: it asks to check.
 */
@RuleInfo(
    id = "pg14-concurrent-index-corruption",
    family = Family.SQL,
    severity = Severity.WARNING,
    aliases = {"strong_migrations:add_index_corruption"},
    summary = "A concurrent index build on PostgreSQL 14: 14.0 to 14.3 can corrupt it")
public final class Pg14ConcurrentIndexCorruption implements Rule {
  @Override
  public void check(RuleContext context, Findings out) {
    if (context.config().postgresVersion() != 14) return;
    for (At at : SqlRuleSupport.statements(context, true)) {
      boolean concurrent = at.op() instanceof Operation.CreateIndex ci && ci.concurrently()
          || at.op() instanceof Operation.Maintenance m && m.kind() == Operation.Maintenance.Kind.REINDEX && m.concurrently();
      if (!at.postgres() || !concurrent) continue;
      out.report(SqlRuleSupport.location(at), "concurrent index build on PostgreSQL 14 (target postgresVersion: 14)",
          "PostgreSQL 14.0 to 14.3 can build an index CONCURRENTLY (or REINDEX CONCURRENTLY) with"
              + " missing entries when rows are updated during the build: queries using it then miss"
              + " rows silently. 14.4 fixed it; indexes built before need a REINDEX.",
          "Check the server: SHOW server_version;  -- 14.4 or later is safe. On 14.0–14.3, upgrade the"
              + " minor release first (or build the index without CONCURRENTLY in a window).");
    }
  }
}
