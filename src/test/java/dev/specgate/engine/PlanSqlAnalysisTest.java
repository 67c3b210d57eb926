package dev.specgate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.Finding;
import dev.specgate.core.SourceFile;
import dev.specgate.rules.Family;
import dev.specgate.rules.Fixture;
import dev.specgate.rules.RuleRegistry;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SQL in a plan's fences goes through the SQL rules and is reported at the plan's own lines:
 * seed 004's template filled in for a real change (saved as migration-plan.md) gets each SQL
 * defect the template carries, and nothing else from the SQL rules.
 */
class PlanSqlAnalysisTest {
  private static final Path PACKETS = Path.of("src/test/resources/plan-sql");

  @Test
  void seed004PlanGetsItsSqlDefectsAtThePlansLines() throws Exception {
    Fixture fixture = Fixture.load(PACKETS.resolve("seed004-workspace-id"));
    Report report = Analysis.run(fixture.changes(), fixture.config());
    List<Fixture.Expected> sqlFindings = report.findings().stream()
        .filter(f -> RuleRegistry.byId(f.rule()).map(r -> r.info().family() == Family.SQL).orElse(false))
        .map(f -> new Fixture.Expected(f.rule(), f.file(), f.line()))
        .toList();
    assertThat(sqlFindings)
        .as("all findings:%n%s", describe(report.findings()))
        .containsExactlyInAnyOrderElementsOf(fixture.expected());
    assertThat(fixture.expected()).hasSize(5);
  }

  @Test
  void seed004TemplateAsWrittenGetsItsSqlDefectsAtItsLines() throws Exception {
    // The template exactly as seed 004 ships it (placeholders and all), saved as migration-plan.md.
    Fixture fixture = Fixture.load(PACKETS.resolve("seed004-template"));
    Report report = Analysis.run(fixture.changes(), fixture.config());
    List<Fixture.Expected> sqlFindings = report.findings().stream()
        .filter(f -> RuleRegistry.byId(f.rule()).map(r -> r.info().family() == Family.SQL).orElse(false))
        .map(f -> new Fixture.Expected(f.rule(), f.file(), f.line()))
        .toList();
    assertThat(sqlFindings)
        .as("all findings:%n%s", describe(report.findings()))
        .containsExactlyInAnyOrderElementsOf(fixture.expected());
    assertThat(report.findings()).noneMatch(f -> f.rule().equals("lock-claim-wrong"));
  }

  @Test
  void theDoLoopFindingSaysItIsOneTransaction() throws Exception {
    Fixture fixture = Fixture.load(PACKETS.resolve("seed004-workspace-id"));
    Report report = Analysis.run(fixture.changes(), fixture.config());
    List<String> messages = report.findings().stream()
        .filter(f -> f.rule().equals("unbatched-backfill")).map(Finding::message).toList();
    assertThat(messages).anySatisfy(m -> assertThat(m).contains("ONE transaction"));
    assertThat(messages).anySatisfy(m -> assertThat(m).contains("LIMIT").contains("not PostgreSQL"));
  }

  @Test
  void seed004LockTableAndCommentsAgreeWithTheStatements() throws Exception {
    Fixture fixture = Fixture.load(PACKETS.resolve("seed004-workspace-id"));
    Report report = Analysis.run(fixture.changes(), fixture.config());
    assertThat(report.findings()).as("all findings:%n%s", describe(report.findings()))
        .noneMatch(f -> f.rule().equals("lock-claim-wrong") || f.rule().equals("plan-migration-mismatch"));
  }

  @Test
  void aWrongLockTableRowIsReportedOnItsRow() {
    String spec = String.join("\n",
        "# Plan: orders status index",                                     // 1
        "",                                                                // 2
        "## Phase 1 — Expand",                                             // 3
        "",                                                                // 4
        "```sql",                                                          // 5
        "SET lock_timeout = '3s';",                                        // 6
        "CREATE INDEX orders_status_idx ON orders (status);",              // 7
        "ALTER TABLE orders ADD COLUMN note text;",                        // 8
        "```",                                                             // 9
        "",                                                                // 10
        "## Performance Impact Assessment",                                // 11
        "",                                                                // 12
        "| Step | Lock type | Lock duration |",                            // 13
        "|---|---|---|",                                                   // 14
        "| Add nullable column note | ACCESS EXCLUSIVE | Milliseconds |",  // 15
        "| Add index on status | SHARE UPDATE EXCLUSIVE | Minutes |",      // 16
        "| Rebuild search vectors | ACCESS EXCLUSIVE | Hours |",           // 17
        "");
    ChangeSet changes = ChangeSet.ofPaths(List.of(SourceFile.added("orders/spec.md", spec)));
    Report report = Analysis.run(changes, Config.defaults(),
        List.of(RuleRegistry.byId("lock-claim-wrong").orElseThrow()));
    assertThat(report.findings()).extracting(Finding::file, Finding::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("orders/spec.md", 16));
    assertThat(report.findings().get(0).message())
        .contains("SHARE UPDATE EXCLUSIVE").contains("takes SHARE on orders");
  }

  @Test
  void aMarkdownSuppressionAboveAFenceCoversItsStatements() {
    String spec = String.join("\n",
        "# Plan",
        "",
        "## Phase 1 — Expand",
        "",
        "<!-- specgate:ignore concurrently-in-transaction: our runner executes this fence statement by statement -->",
        "```sql",
        "BEGIN;",
        "CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);",
        "COMMIT;",
        "```",
        "",
        "```sql",
        "BEGIN;",
        "CREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);",
        "COMMIT;",
        "```",
        "");
    ChangeSet changes = ChangeSet.ofPaths(List.of(SourceFile.added("orders/spec.md", spec)));
    Report report = Analysis.run(changes, Config.defaults(),
        List.of(RuleRegistry.byId("concurrently-in-transaction").orElseThrow()));
    assertThat(report.findings()).extracting(Finding::rule, Finding::line)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("concurrently-in-transaction", 14));
  }

  private static String describe(List<Finding> findings) {
    StringBuilder b = new StringBuilder();
    for (Finding f : findings) {
      b.append("  ").append(f.file()).append(':').append(f.line()).append(' ').append(f.rule())
          .append(": ").append(f.message()).append('\n');
    }
    return b.toString();
  }
}
