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
import dev.specgate.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A lock-taking statement on an existing relation with no {@code SET statement_timeout} before it in
 * its file: a scan or rewrite under the lock then runs as long as it takes. Reported once per file.
 * Off unless the config gives it a severity (missing-lock-timeout covers the lock wait itself).
 */
@RuleInfo(
    id = "missing-statement-timeout",
    family = Family.SQL,
    severity = Severity.NOTICE,
    aliases = {"squawk:require-statement-timeout"},
    enabledByDefault = false,
    summary = "A lock-taking statement on an existing relation with no SET statement_timeout before it")
public final class MissingStatementTimeout implements Rule {
  @Override
  public void check(RuleContext context, Findings out) {
    Set<String> reported = new LinkedHashSet<>();
    for (At at : SqlRuleSupport.statements(context, true)) {
      if (reported.contains(at.path()) || SqlRuleSupport.blockingLocksOnExisting(context, at).isEmpty()) continue;
      if (timeoutBefore(at)) continue;
      reported.add(at.path());
      out.report(SqlRuleSupport.location(at), "lock-taking statement with no SET statement_timeout before it in this file",
          "A scan or rewrite under a lock that blocks writes runs for as long as it takes; a statement"
              + " timeout turns a migration that is slower than planned into a failure that releases"
              + " the lock.",
          "SET statement_timeout = '15min';  -- at the top of the file, sized for the largest table");
    }
  }

  private static boolean timeoutBefore(At at) {
    for (Statement s : at.file().migration().statements()) {
      if (s.index() >= at.statement().index()) return false;
      if (s.op() instanceof Operation.SetParameter p && p.name() != null
          && p.name().toLowerCase(Locale.ROOT).replace("\"", "").endsWith("statement_timeout")) {
        return true;
      }
    }
    return false;
  }
}
