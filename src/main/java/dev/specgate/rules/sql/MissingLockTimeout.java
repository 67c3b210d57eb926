package dev.specgate.rules.sql;

import dev.specgate.core.Severity;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.rules.sql.SqlRuleSupport.At;
import dev.specgate.sql.LockModel;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A statement taking SHARE or stronger (up to ACCESS EXCLUSIVE) on an existing table, view,
 * materialized view or index — any relation the lock model ({@link LockModel}) lists for it, the
 * parent of a new foreign key included — with no earlier {@code SET lock_timeout} in its file. Reported once per file, at the first such
 * statement, naming how many more follow. Rollback scripts are checked. PostgreSQL only.
 */
@RuleInfo(
    id = "missing-lock-timeout",
    family = Family.SQL,
    severity = Severity.WARNING,
    aliases = {"squawk:require-lock-timeout", "squawk:require-timeout-settings", "eugene:E9"},
    summary = "A lock-taking statement on an existing table with no SET lock_timeout before it")
public final class MissingLockTimeout implements Rule {
  @Override
  public void check(RuleContext context, Findings out) {
    // Keyed by path: MigrationFile and At are records whose hash would walk every statement.
    Map<String, List<At>> perFile = new LinkedHashMap<>();
    Map<String, LockModel.RelationLock> firstLock = new LinkedHashMap<>();
    for (At at : SqlRuleSupport.statements(context, true)) {
      List<LockModel.RelationLock> locks = SqlRuleSupport.blockingLocksOnExisting(context, at);
      if (locks.isEmpty()) continue;
      if (SqlRuleSupport.lockTimeoutBefore(at)) continue;
      perFile.computeIfAbsent(at.file().path(), f -> new ArrayList<>()).add(at);
      firstLock.putIfAbsent(at.file().path(), locks.get(0));
    }
    for (List<At> ats : perFile.values()) {
      At first = ats.get(0);
      LockModel.RelationLock lock = firstLock.get(first.file().path());
      String kind = SqlRuleSupport.kindName(lock.kind());
      String relation = SqlRuleSupport.name(lock.relation());
      int more = ats.size() - 1;
      out.report(
          SqlRuleSupport.location(first),
          "takes " + lock.level().label() + " on existing " + kind + " " + relation + " ("
              + lock.cause() + ") with no SET lock_timeout before it in this file"
              + (more > 0 ? " (and " + more + " more such statement" + (more > 1 ? "s" : "")
              + " after it)" : ""),
          SqlRuleSupport.lock(lock.level(), relation) + ". If a long-running query or an open"
              + " transaction holds any conflicting lock, this statement waits for it — and every"
              + " query on " + relation + " that arrives meanwhile queues behind this one, so a short"
              + " lock turns into an outage for as long as the wait lasts (and, if the statement"
              + " rewrites or scans the table, for as long as that takes too).",
          "Bound the wait at the top of the file, and retry the migration when it times out:\n"
              + "SET lock_timeout = '5s';");
    }
  }
}
