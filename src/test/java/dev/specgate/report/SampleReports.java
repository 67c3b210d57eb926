package dev.specgate.report;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.Finding;
import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.core.SourceFile;
import dev.specgate.engine.Report;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import java.util.List;

/** Small in-memory reports for the renderer tests. */
final class SampleReports {
  static final String MIGRATION = "db/migrations/V7__add status.sql";
  static final String MIGRATION_SQL = String.join("\n",
      "SET lock_timeout = '5s';",
      "ALTER TABLE accounts",
      "  ADD COLUMN status text NOT NULL;",
      "CREATE INDEX accounts_status ON accounts (status);",
      "");

  private SampleReports() {}

  @RuleInfo(id = "nullable-first", family = Family.SQL, severity = Severity.ERROR,
      summary = "ADD COLUMN NOT NULL without DEFAULT on an existing table")
  static final class FakeNullableFirst implements Rule {
    @Override
    public void check(RuleContext context, Findings out) {}
  }

  @RuleInfo(id = "index-not-concurrent", family = Family.SQL, severity = Severity.ERROR,
      summary = "CREATE INDEX without CONCURRENTLY blocks writes to an existing table")
  static final class FakeIndexNotConcurrent implements Rule {
    @Override
    public void check(RuleContext context, Findings out) {}
  }

  static List<Rule> rules() {
    return List.of(new FakeNullableFirst(), new FakeIndexNotConcurrent());
  }

  static Finding nullableFirst() {
    return new Finding("nullable-first", Severity.ERROR, Location.lines(MIGRATION, 2, 3),
        "column `status` is added NOT NULL without a DEFAULT to existing table `accounts`",
        "PostgreSQL rejects the ALTER if `accounts` has rows | it takes ACCESS EXCLUSIVE.",
        "ALTER TABLE accounts ADD COLUMN status text;");
  }

  static Finding indexNotConcurrent() {
    return new Finding("index-not-concurrent", Severity.ERROR, new Location(MIGRATION, 4, 1, 4, 50),
        "index `accounts_status` on `accounts` is built under a SHARE lock",
        "Writes wait until the build finishes.",
        "CREATE INDEX CONCURRENTLY accounts_status ON accounts (status);");
  }

  static Finding packetWarning() {
    return new Finding("spec-missing-rollback", Severity.WARNING, Location.line("packets/status/spec.md", 1),
        "spec.md has no rollback section: 100% <done>, a,b:c", "", "");
  }

  static Report report() {
    return new Report(List.of(nullableFirst(), indexNotConcurrent(), packetWarning()),
        List.of(MIGRATION), List.of("packets/status", "packets/other"), 5, 3, Severity.ERROR);
  }

  static ChangeSet changes() {
    return ChangeSet.ofPaths(List.of(SourceFile.added(MIGRATION, MIGRATION_SQL)));
  }
}
