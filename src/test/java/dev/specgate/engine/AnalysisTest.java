package dev.specgate.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.FileStatus;
import dev.specgate.core.Finding;
import dev.specgate.core.LineRange;
import dev.specgate.core.SourceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnalysisTest {
  private static final String ADD_NOT_NULL = "ALTER TABLE accounts ADD COLUMN region text NOT NULL;\n";

  private static List<String> rules(Report r) {
    return r.findings().stream().map(Finding::rule).toList();
  }

  private static Report check(String path, String sql) {
    return Analysis.run(ChangeSet.ofPaths(List.of(SourceFile.added(path, sql))), Config.defaults());
  }

  @Test
  void suppressionWithReasonSilencesTheFindingOnTheNextStatement() {
    Report r = check("db/migrations/V2__r.sql",
        "-- specgate:ignore nullable-first: accounts is empty everywhere\n" + ADD_NOT_NULL);
    assertThat(rules(r)).doesNotContain("nullable-first", EngineDiagnostics.INVALID_SUPPRESSION);
  }

  @Test
  void suppressionWithoutReasonIsReportedAndSuppressesNothing() {
    Report r = check("db/migrations/V2__r.sql", "-- specgate:ignore nullable-first\n" + ADD_NOT_NULL);
    assertThat(rules(r)).contains("nullable-first", EngineDiagnostics.INVALID_SUPPRESSION);
    Finding bad = r.findings().stream().filter(f -> f.rule().equals(EngineDiagnostics.INVALID_SUPPRESSION)).findFirst().orElseThrow();
    assertThat(bad.line()).isEqualTo(1);
    assertThat(bad.message()).contains("gives no reason");
  }

  @Test
  void suppressionNamingAnUnknownRuleIsReported() {
    Report r = check("db/migrations/V2__r.sql", "-- specgate:ignore nullable-frist: typo\n" + ADD_NOT_NULL);
    assertThat(r.findings()).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo(EngineDiagnostics.INVALID_SUPPRESSION);
      assertThat(f.message()).contains("unknown rule nullable-frist");
    });
    assertThat(rules(r)).contains("nullable-first");
  }

  @Test
  void suppressionThatMatchesNothingIsReported() {
    Report r = check("db/migrations/V2__r.sql",
        "-- specgate:ignore index-not-concurrent: not an index\n" + "SELECT 1;\n");
    assertThat(r.findings()).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo(EngineDiagnostics.INVALID_SUPPRESSION);
      assertThat(f.message()).contains("matches no finding");
    });
  }

  @Test
  void fileWideSuppressionCoversEveryStatement() {
    Report r = check("db/migrations/V2__r.sql",
        "-- specgate:ignore-file nullable-first: seed data for an empty table\n" + ADD_NOT_NULL
            + "ALTER TABLE accounts ADD COLUMN tier text NOT NULL;\n");
    assertThat(rules(r)).doesNotContain("nullable-first", EngineDiagnostics.INVALID_SUPPRESSION);
  }

  @Test
  void postgresOnlyFilesAreReadAsPostgresAndSqliteOnesStayOut() {
    String create = "CREATE INDEX i ON accounts (region);\n";
    Report pg = check("synapse/storage/schema/main/migrations/74/01_i.sql.postgres", create);
    assertThat(pg.migrations()).containsExactly("synapse/storage/schema/main/migrations/74/01_i.sql.postgres");
    assertThat(rules(pg)).contains("index-not-concurrent");
    Report sqlite = check("app/migrations/74/01_i.sql.sqlite", create);
    assertThat(sqlite.migrations()).isEmpty();
    // even with dialect: mysql, a .sql.postgres file is PostgreSQL
    Report mixed = Analysis.run(ChangeSet.ofPaths(List.of(SourceFile.added("db/migrations/1_i.sql.postgres", create))),
        Config.defaults().withDialect(dev.specgate.sql.Dialect.MYSQL));
    assertThat(rules(mixed)).contains("index-not-concurrent");
  }

  @Test
  void railsStructureDumpIsNotAMigrationUnderTheDefaultGlobs() {
    // db/structure.sql is the schema Rails dumps after migrating (db/migrate/*.rb are the changes):
    // analysing it would report every table as created by the change.
    Report r = check("db/structure.sql", "CREATE TABLE accounts (id bigint);\nCREATE INDEX i ON accounts (id);\n");
    assertThat(r.migrations()).isEmpty();
    assertThat(r.findings()).isEmpty();
  }

  @Test
  void severityOverrideAndOffComeFromConfig() throws ConfigException {
    Config c = ConfigLoader.parse("rules:\n  nullable-first: notice\n  missing-lock-timeout: off\n", "c.yml");
    Report r = Analysis.run(ChangeSet.ofPaths(List.of(SourceFile.added("db/migrations/V2__r.sql", ADD_NOT_NULL))), c);
    assertThat(r.findings()).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo("nullable-first");
      assertThat(f.severity().label()).isEqualTo("notice");
    });
    assertThat(rules(r)).doesNotContain("missing-lock-timeout");
    assertThat(r.failed()).as("a notice does not fail at fail-on error").isFalse();
  }

  @Test
  void findingsAreSortedAndTheReportCountsWhatItRead() {
    Report r = check("db/migrations/V2__r.sql", ADD_NOT_NULL + "CREATE INDEX i ON accounts (region);\n");
    assertThat(r.statementsAnalysed()).isEqualTo(2);
    assertThat(r.migrations()).containsExactly("db/migrations/V2__r.sql");
    assertThat(r.findings()).isSortedAccordingTo((a, b) -> Integer.compare(a.line(), b.line()));
    assertThat(r.exitCode()).isEqualTo(1);
  }

  @Test
  void aChangeReportsOnlyWhatItTouched() {
    String before = "CREATE INDEX i1 ON accounts (a);\n";
    String after = before + ADD_NOT_NULL;
    SourceFile modified = new SourceFile("db/migrations/V2__r.sql", FileStatus.MODIFIED, after, before, null,
        List.of(new LineRange(2, 2)), false, null);
    Report r = Analysis.run(new ChangeSet(ChangeSet.Kind.RANGE, List.of(modified), true), Config.defaults());
    assertThat(r.findings()).isNotEmpty().allSatisfy(f -> assertThat(f.line()).isEqualTo(2));
  }

  @Test
  void aTableCreatedInTheSameFileIsNotExisting() {
    Report r = check("db/migrations/V3__t.sql",
        "CREATE TABLE invoices (id bigint PRIMARY KEY);\nCREATE INDEX invoices_id ON invoices (id);\n"
            + "ALTER TABLE invoices ADD COLUMN total numeric NOT NULL;\n");
    assertThat(rules(r)).doesNotContain("index-not-concurrent", "nullable-first");
  }

  @Test
  void unparsableSqlIsANoticeNeverACrash() {
    Report r = check("db/migrations/V4__x.sql", "ALTER TABLE ;;; $$ unterminated\n");
    assertThat(r.findings()).anySatisfy(f -> assertThat(f.rule()).isEqualTo("unparsed-statement"));
  }

  @Test
  void aBinaryMigrationIsReportedNotSkipped() {
    SourceFile binary = new SourceFile("db/migrations/V5__blob.sql", FileStatus.ADDED, null, null, null, List.of(), true, null);
    Report r = Analysis.run(ChangeSet.ofPaths(List.of(binary)), Config.defaults());
    assertThat(r.findings()).anySatisfy(f -> {
      assertThat(f.rule()).isEqualTo("unparsed-statement");
      assertThat(f.file()).isEqualTo("db/migrations/V5__blob.sql");
      assertThat(f.message()).contains("binary");
    });
  }

  @Test
  void suppressionSyntaxInCodeIsNotADirective() {
    SourceFile code = SourceFile.added("src/test/java/SomeTest.java",
        "class SomeTest { String s = \"-- specgate:ignore nullable-first\"; }\n");
    Report r = Analysis.run(ChangeSet.ofPaths(List.of(code)), Config.defaults());
    assertThat(rules(r)).doesNotContain(EngineDiagnostics.INVALID_SUPPRESSION);
  }

  @Test
  void markdownThatShowsTheSqlSyntaxIsDocumentationNotADirective() {
    SourceFile doc = SourceFile.added("docs/howto.md",
        "# How to\n\nWrite `-- specgate:ignore nullable-first: table is empty` above it, or\n"
            + "`<!-- specgate:ignore tasks-open: tracked elsewhere -->` in Markdown:\n\n"
            + "```markdown\n<!-- specgate:ignore vague-language: quoted from the ticket -->\n```\n");
    Report r = Analysis.run(ChangeSet.ofPaths(List.of(doc)), Config.defaults());
    assertThat(rules(r)).doesNotContain(EngineDiagnostics.INVALID_SUPPRESSION);
  }
}
