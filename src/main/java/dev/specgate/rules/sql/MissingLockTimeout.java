package dev.specgate.rules.sql;

import dev.specgate.core.Severity;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.rules.sql.SqlRuleSupport.At;
import dev.specgate.sql.LockLevel;
import dev.specgate.sql.Operation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A statement taking SHARE or stronger (up to ACCESS EXCLUSIVE) on an existing table with no
 * earlier {@code SET lock_timeout} in its file. Reported once per file, at the first such
 * statement, naming how many more follow. Rollback scripts are checked. PostgreSQL only.
 */
@RuleInfo(
    id = "missing-lock-timeout",
    family = Family.SQL,
    severity = Severity.WARNING,
    summary = "A lock-taking statement on an existing table with no SET lock_timeout before it")
public final class MissingLockTimeout implements Rule {
  @Override
  public void check(RuleContext context, Findings out) {
    // Keyed by path: MigrationFile and At are records whose hash would walk every statement.
    Map<String, List<At>> perFile = new LinkedHashMap<>();
    Map<String, String> tables = new LinkedHashMap<>();
    for (At at : SqlRuleSupport.statements(context, true)) {
      if (!at.postgres()) continue;
      LockLevel level = LockLevel.of(at.op());
      if (!level.isDangerous()) continue;
      String table = tableOf(context, at);
      if (table != null && !SqlRuleSupport.existing(context, at, table)) continue;
      if (SqlRuleSupport.lockTimeoutBefore(at)) continue;
      perFile.computeIfAbsent(at.file().path(), f -> new ArrayList<>()).add(at);
      tables.putIfAbsent(at.file().path(), table == null ? "its table" : SqlRuleSupport.name(table));
    }
    for (List<At> ats : perFile.values()) {
      At first = ats.get(0);
      LockLevel level = LockLevel.of(first.op());
      String table = tables.get(first.file().path());
      int more = ats.size() - 1;
      out.report(
          SqlRuleSupport.location(first),
          "takes " + level.label() + " on existing table " + table + " with no SET lock_timeout"
              + " before it in this file" + (more > 0 ? " (and " + more + " more such statement"
              + (more > 1 ? "s" : "") + " after it)" : ""),
          SqlRuleSupport.lock(level, table) + ". If a long-running query or an open transaction"
              + " holds any conflicting lock, this statement waits for it — and every query on "
              + table + " that arrives meanwhile queues behind this one, so a short lock turns into"
              + " an outage for as long as the wait lasts (and, if the statement rewrites or scans"
              + " the table, for as long as that takes too).",
          "Bound the wait at the top of the file, and retry the migration when it times out:\n"
              + "SET lock_timeout = '5s';");
    }
  }

  /** The table the statement locks; {@code null} when it cannot be told (e.g. unknown index). */
  static String tableOf(RuleContext c, At at) {
    Operation op = at.op();
    if (op instanceof Operation.AlterTable a) return a.table();
    if (op instanceof Operation.CreateIndex ci) return ci.table();
    if (op instanceof Operation.DropTable dt) return dt.tables().isEmpty() ? null : dt.tables().get(0);
    if (op instanceof Operation.Truncate t) return t.tables().isEmpty() ? null : t.tables().get(0);
    if (op instanceof Operation.DropIndex di) {
      return di.names().isEmpty() ? null : SqlRuleSupport.tableOfIndex(c, at, di.names().get(0));
    }
    if (op instanceof Operation.Maintenance m) return m.target();
    if (op instanceof Operation.RenameObject r) {
      String kind = r.objectKind() == null ? "" : r.objectKind().toUpperCase(java.util.Locale.ROOT);
      if (kind.equals("TABLE")) return r.from();
      if (kind.equals("INDEX")) return SqlRuleSupport.tableOfIndex(c, at, r.from());
      return null;
    }
    return null;
  }
}
