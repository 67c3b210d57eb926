package dev.specgate.dryrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.core.Finding;
import dev.specgate.engine.Analysis;
import dev.specgate.engine.Config;
import dev.specgate.engine.Report;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleRegistry;
import dev.specgate.rules.dryrun.DryRunEvidence;
import dev.specgate.rules.dryrun.ObservedLock;
import dev.specgate.rules.dryrun.ObservedStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dry run on the process's embedded PostgreSQL (the default major), end to end. */
class DryRunTest {
  private static final String ACCOUNTS =
      "CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL, balance int,"
          + " created_at timestamptz NOT NULL DEFAULT now());\n";
  private static final String SPEC_1M = "# Spec\n\n## Context\n- accounts has 1,000,000 rows.\n";

  private static DryRunOptions rows(Map<String, Long> rows) {
    return new DryRunOptions(null, null, rows, DryRunOptions.DEFAULT_ROW_CEILING, DryRunOptions.DEFAULT_MAX_DATABASE_MB);
  }

  private static ObservedStatement at(DryRunEvidence e, String file, int line) {
    return e.statements().stream().filter(s -> s.file().equals(file) && s.line() == line).findFirst()
        .orElseThrow(() -> new AssertionError("no statement at " + file + ":" + line + " in " + e.statements()));
  }

  @Test
  void theGoodExampleShowsTheExpandLocksAndAConcurrentIndexThatBlocksNothing() throws Exception {
    DryRunResult r = DryRun.run(Changes.folder("examples/account-status-good"), Config.defaults());
    DryRunEvidence e = r.evidence();
    assertThat(e.postgres()).startsWith(PostgresBinaries.BUNDLED_MAJOR + ".");
    assertThat(e.database()).isEqualTo("embedded");
    ObservedStatement add = at(e, "db/migrations/V1__add_account_status.sql", 2);
    assertThat(add.ok()).isTrue();
    assertThat(add.locks()).contains(new ObservedLock("accounts", "AccessExclusiveLock"));
    assertThat(add.blockedReads()).containsExactly("accounts");
    assertThat(add.blockedWrites()).containsExactly("accounts");
    assertThat(add.rewrites()).isEmpty();
    assertThat(add.scale()).as("a metadata-only ADD COLUMN does not grow with the table").isNull();
    ObservedStatement index = at(e, "db/migrations/V2__index_account_status.sql", 1);
    assertThat(index.ok()).isTrue();
    assertThat(index.locks()).contains(new ObservedLock("accounts", "ShareUpdateExclusiveLock"));
    assertThat(index.blockedReads()).isEmpty();
    assertThat(index.blockedWrites()).isEmpty();
    assertThat(e.dataset()).containsExactly(new DryRunEvidence.SeededTable("accounts", 20_000, 18_000_000));
    assertThat(e.notes()).anyMatch(n -> n.contains("no migration before the change creates accounts"));
    assertThat(e.notes()).anyMatch(n -> n.contains("no down/revert/undo migration"));
    assertThat(e.longestLock()).get().extracting(DryRunEvidence.LongestLock::mode).isEqualTo("AccessExclusiveLock");
    assertThat(r.report().failed()).isFalse();
  }

  @Test
  void aRewriteIsMeasuredExtrapolatedAndJoinsTheStaticFinding() throws Exception {
    var changes = Changes.of()
        .base("db/migrations/1_accounts.sql", ACCOUNTS)
        .add("db/migrations/2_balance.sql", "SET lock_timeout = '5s';\nALTER TABLE accounts ALTER COLUMN balance TYPE bigint;\n")
        .add("spec.md", SPEC_1M)
        .range();
    DryRunResult r = DryRun.run(changes, Config.defaults(), rows(Map.of("accounts", 5_000L)));
    ObservedStatement s = at(r.evidence(), "db/migrations/2_balance.sql", 2);
    assertThat(s.rewrites()).containsExactly("accounts");
    assertThat(s.scale().seededRows()).isEqualTo(5_000);
    assertThat(s.scale().statedRows()).isEqualTo(1_000_000);
    assertThat(s.scale().estimatedMs()).isEqualTo(s.durationMs() * 200, org.assertj.core.data.Offset.offset(0.001));
    Finding f = r.report().findings().stream().filter(x -> x.rule().equals("column-type-change")).findFirst().orElseThrow();
    assertThat(f.message()).contains("; measured: ACCESS EXCLUSIVE on accounts for ")
        .contains("with 5,000 rows, reads and writes blocked; rewrote accounts; ≈ ").contains("at the stated 1M rows");

    // No static rule reported it: the observation alone becomes the finding of the matching rule.
    List<Rule> without = RuleRegistry.all().stream().filter(x -> !x.id().equals("column-type-change")).toList();
    Report alone = Analysis.run(changes, Config.defaults(), without, r.evidence());
    Finding measured = alone.findings().stream().filter(x -> x.rule().equals("column-type-change")).findFirst().orElseThrow();
    assertThat(measured.line()).isEqualTo(2);
    assertThat(measured.message()).startsWith("measured: ACCESS EXCLUSIVE on accounts").contains("rewrote accounts");
  }

  @Test
  void aRejectedStatementStopsItsFileAndIsReportedWithPostgresMessage() throws Exception {
    var changes = Changes.of()
        .base("db/migrations/1_accounts.sql", ACCOUNTS)
        .add("db/migrations/V2__bad.sql", "ALTER TABLE accounts ADD COLUMN note text;\nALTER TABLE accounts ALTER COLUMN emial SET DEFAULT '';\nALTER TABLE accounts ADD COLUMN never text;\n")
        .add("db/migrations/V3__next.sql", "ALTER TABLE accounts ADD COLUMN later text;\n")
        .range();
    DryRunResult r = DryRun.run(changes, Config.defaults().withMigrations(List.of("**/*.sql")));
    assertThat(r.evidence().statements()).extracting(ObservedStatement::line, ObservedStatement::ok)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(1, true), org.assertj.core.groups.Tuple.tuple(2, false),
            org.assertj.core.groups.Tuple.tuple(1, true));
    Finding f = r.report().findings().stream().filter(x -> x.rule().equals("migration-fails")).findFirst().orElseThrow();
    assertThat(f.file()).isEqualTo("db/migrations/V2__bad.sql");
    assertThat(f.line()).isEqualTo(2);
    assertThat(f.message()).contains("column \"emial\" of relation \"accounts\" does not exist").contains("42703");
    assertThat(r.evidence().notes()).anyMatch(n -> n.contains("V2__bad.sql stopped at line 2"));
    assertThat(r.evidence().rollback()).isEmpty();
  }

  @Test
  void aNewEnumValueUsedInItsTransactionFailsOnPostgresAsEnumValueInTransactionSays() throws Exception {
    String used = "db/migrations/20240301120000_archived.sql";
    String alone = "db/migrations/20240302120000_closed_late.sql";
    var changes = Changes.of()
        .base("db/migrations/20240101000000_orders.sql", "-- +goose Up\n"
            + "CREATE TYPE order_status AS ENUM ('open', 'closed');\n"
            + "CREATE TABLE orders (id bigint PRIMARY KEY, status order_status NOT NULL DEFAULT 'open');\n")
        .add(used, "-- +goose Up\nALTER TYPE order_status ADD VALUE 'archived';\n"
            + "UPDATE orders SET status = 'archived' WHERE id = 1;\n")
        .add(alone, "-- +goose Up\nALTER TYPE order_status ADD VALUE 'closed_late';\n")
        .range();
    DryRunResult r = DryRun.run(changes, Config.defaults());
    // goose's transaction: ADD VALUE itself runs (PostgreSQL 12+), the use of the value does not
    assertThat(at(r.evidence(), used, 2).ok()).isTrue();
    ObservedStatement update = at(r.evidence(), used, 3);
    assertThat(update.ok()).isFalse();
    assertThat(update.error()).contains("unsafe use of new value");
    assertThat(at(r.evidence(), alone, 2).ok()).isTrue();
    assertThat(r.report().findings()).anyMatch(f -> f.rule().equals("enum-value-in-transaction")
        && f.file().equals(used) && f.line() == 3);
    assertThat(r.report().findings()).noneMatch(f -> f.rule().equals("enum-value-in-transaction") && f.file().equals(alone));
  }

  @Test
  void aDieselMigrationRunsAsItsMetadataTomlSays() throws Exception {
    String index = "CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);\n";
    var changes = Changes.of()
        .base("migrations/2024-05-01-090000_accounts/up.sql", ACCOUNTS)
        .add("migrations/2024-05-02-101500_email_idx/up.sql", index)
        .add("migrations/2024-05-02-101500_email_idx/metadata.toml", "run_in_transaction = false\n")
        .add("migrations/2024-05-03-101500_email_idx_2/up.sql", index.replace("accounts_email_idx", "accounts_email_idx_2"))
        .range();
    DryRunResult r = DryRun.run(changes, Config.defaults());
    assertThat(at(r.evidence(), "migrations/2024-05-02-101500_email_idx/up.sql", 1).ok()).isTrue();
    ObservedStatement inTransaction = at(r.evidence(), "migrations/2024-05-03-101500_email_idx_2/up.sql", 1);
    assertThat(inTransaction.ok()).isFalse();
    assertThat(inTransaction.error()).contains("cannot run inside a transaction block");
  }

  @Test
  void aBaseHistoryThatDoesNotApplyNamesTheFileAndLineAndProducesNoEvidence() {
    var changes = Changes.of()
        .base("db/migrations/1_accounts.sql", ACCOUNTS)
        .base("db/migrations/2_broken.sql", "ALTER TABLE acounts ADD COLUMN x int;\n")
        .add("db/migrations/3_change.sql", "ALTER TABLE accounts ADD COLUMN y int;\n")
        .range();
    assertThatThrownBy(() -> DryRun.run(changes, Config.defaults()))
        .isInstanceOf(DryRunException.class)
        .hasMessageStartingWith("db/migrations/2_broken.sql:1: the migration history before the change does not apply")
        .hasMessageContaining("relation \"acounts\" does not exist")
        .hasMessageContaining("nothing after this file was applied, so it produced no evidence");
  }

  @Test
  void aStatementRejectedForTheRowsItMetIsANoteAndMeasuredOnTheStaticFinding() throws Exception {
    var changes = Changes.of()
        .base("db/migrations/1_accounts.sql", ACCOUNTS)
        .add("db/migrations/2_status.sql", "ALTER TABLE accounts ADD COLUMN status text NOT NULL;\n")
        .range();
    DryRunResult r = DryRun.run(changes, Config.defaults(), rows(Map.of("accounts", 100L)));
    assertThat(r.evidence().statements()).singleElement().satisfies(s -> {
      assertThat(s.ok()).isFalse();
      assertThat(s.dataDependent()).isTrue();
    });
    assertThat(r.report().findings()).noneMatch(f -> f.rule().equals("migration-fails"));
    assertThat(r.evidence().notes()).anyMatch(n -> n.contains("failed on the synthetic rows"));
    Finding f = r.report().findings().stream().filter(x -> x.rule().equals("nullable-first")).findFirst().orElseThrow();
    assertThat(f.message()).contains("; measured: PostgreSQL rejected it on the dry run's synthetic rows: column \"status\"");
  }

  @Test
  void aMysqlConfigurationIsRefused() {
    var changes = Changes.of().add("db/migrations/1_x.sql", "CREATE TABLE x (id int);\n").range();
    assertThatThrownBy(() -> DryRun.run(changes, Config.defaults().withDialect(dev.specgate.sql.Dialect.MYSQL)))
        .isInstanceOf(DryRunException.class)
        .hasMessage("the dry run applies migrations to PostgreSQL, but defaults sets dialect: mysql");
  }

  @Test
  void aTableItCannotFillIsReportedNotSkipped() throws Exception {
    var changes = Changes.of()
        .base("db/migrations/1_places.sql", "CREATE TABLE places (id bigint PRIMARY KEY, spot point NOT NULL);\n")
        .add("db/migrations/2_name.sql", "ALTER TABLE places ADD COLUMN name text;\n")
        .range();
    DryRunResult r = DryRun.run(changes, Config.defaults());
    assertThat(r.evidence().notes()).anyMatch(n -> n.startsWith("table places could not be filled with synthetic rows")
        && n.contains("column spot is NOT NULL and of type point"));
    assertThat(r.evidence().dataset()).isEmpty();
  }

  @Test
  void foreignKeysTakeTheirParentsKeysAndANewCheckDoesNotFailOnSyntheticValues() throws Exception {
    var changes = Changes.of()
        .base("db/migrations/1_accounts.sql", ACCOUNTS
            + "CREATE TABLE invoices (id bigint PRIMARY KEY, account_id bigint NOT NULL REFERENCES accounts (id), state text);\n")
        .add("db/migrations/2_fk.sql", "ALTER TABLE invoices ADD CONSTRAINT invoices_state_check CHECK (state IN ('open', 'paid')) NOT VALID;\n"
            + "ALTER TABLE invoices VALIDATE CONSTRAINT invoices_state_check;\n")
        .range();
    DryRunResult r = DryRun.run(changes, Config.defaults(), rows(Map.of("invoices", 3_000L)));
    assertThat(r.evidence().statements()).allMatch(ObservedStatement::ok);
    assertThat(r.evidence().dataset()).extracting(DryRunEvidence.SeededTable::table).contains("accounts", "invoices");
    ObservedStatement validate = at(r.evidence(), "db/migrations/2_fk.sql", 2);
    assertThat(validate.locks()).contains(new ObservedLock("invoices", "ShareUpdateExclusiveLock"));
    assertThat(validate.blockedWrites()).isEmpty();
    assertThat(validate.scans()).containsExactly("invoices");
  }

  @Test
  void toolTransactionsDecideWhetherConcurrentlyRuns() throws Exception {
    var changes = Changes.of()
        .base("db/migrations/00001_accounts.sql", "-- +goose Up\n" + ACCOUNTS)
        .add("db/migrations/00002_idx.sql", "-- +goose Up\n-- +goose NO TRANSACTION\nCREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);\n"
            + "-- +goose Down\n-- +goose NO TRANSACTION\nDROP INDEX CONCURRENTLY accounts_email_idx;\n")
        .add("db/migrations/00003_idx2.sql", "-- +goose Up\nCREATE INDEX CONCURRENTLY accounts_created_idx ON accounts (created_at);\n"
            + "-- +goose Down\nDROP INDEX accounts_created_idx;\n")
        .range();
    DryRunResult r = DryRun.run(changes, Config.defaults());
    ObservedStatement outside = at(r.evidence(), "db/migrations/00002_idx.sql", 3);
    assertThat(outside.ok()).isTrue();
    assertThat(outside.locks()).contains(new ObservedLock("accounts", "ShareUpdateExclusiveLock"));
    ObservedStatement inside = at(r.evidence(), "db/migrations/00003_idx2.sql", 2);
    assertThat(inside.ok()).isFalse();
    assertThat(inside.error()).contains("cannot run inside a transaction block");
    assertThat(r.report().findings()).anyMatch(f -> f.rule().equals("migration-fails") && f.line() == 2
        && f.file().equals("db/migrations/00003_idx2.sql"));
  }

  @Test
  void aGooseDownSectionIsTheRollbackAndRestoresTheSchema() throws Exception {
    var changes = Changes.of()
        .base("db/migrations/00001_accounts.sql", "-- +goose Up\n" + ACCOUNTS)
        .add("db/migrations/00002_status.sql", "-- +goose Up\nALTER TABLE accounts ADD COLUMN status text;\n"
            + "CREATE INDEX accounts_status_idx ON accounts (status);\n-- +goose Down\nALTER TABLE accounts DROP COLUMN status;\n")
        .range();
    DryRunResult r = DryRun.run(changes, Config.defaults());
    assertThat(r.evidence().rollback()).singleElement().satisfies(o -> {
      assertThat(o.source()).isEqualTo("db/migrations/00002_status.sql (down section)");
      assertThat(o.ok()).isTrue();
      assertThat(o.differences()).isEmpty();
    });
    assertThat(r.evidence().rerun()).isEmpty();
    assertThat(r.evidence().statements()).hasSize(2);
  }

  /** A history that does not hold the table a new foreign key references is no failing migration. */
  @Test
  void aForeignKeyToATableNoMigrationCreatesGetsAStandInWithTheColumnsType() throws Exception {
    var changes = Changes.of().base("db/migrations/1_accounts.sql", ACCOUNTS)
        .add("db/migrations/2_org.sql", "ALTER TABLE accounts ADD COLUMN org_ref uuid;\n"
            + "ALTER TABLE accounts ADD CONSTRAINT accounts_org_fk FOREIGN KEY (org_ref) REFERENCES organisations (ref) NOT VALID;\n"
            + "ALTER TABLE accounts VALIDATE CONSTRAINT accounts_org_fk;\n").range();
    DryRunResult r = DryRun.run(changes, Config.defaults(), rows(Map.of("accounts", 1_000L)));
    assertThat(r.evidence().statements()).hasSize(3).allMatch(ObservedStatement::ok);
    assertThat(r.evidence().notes()).anyMatch(n -> n.startsWith("no migration before the change creates organisations,"
        + " which a foreign key of the change references: the dry run created a stand-in (\"ref\" uuid, primary key (\"ref\"))"));
    assertThat(r.report().findings()).noneMatch(f -> f.rule().equals("migration-fails"));
  }

  @Test
  void aServerUrlGetsAScratchDatabaseThatIsAlwaysDropped() throws Exception {
    int port = EmbeddedCluster.forMajor(PostgresBinaries.BUNDLED_MAJOR).getPort();
    String url = "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    var changes = Changes.of().base("db/migrations/1_accounts.sql", ACCOUNTS)
        .add("db/migrations/2_x.sql", "ALTER TABLE accounts ADD COLUMN x int;\n").range();
    DryRunResult r = DryRun.run(changes, Config.defaults(),
        new DryRunOptions(url, null, Map.of(), DryRunOptions.DEFAULT_ROW_CEILING, DryRunOptions.DEFAULT_MAX_DATABASE_MB));
    assertThat(r.evidence().database()).isEqualTo(url);
    assertThat(r.evidence().statements()).singleElement().extracting(ObservedStatement::ok).isEqualTo(true);
    try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE 'specgate_dryrun_%'")) {
      rs.next();
      assertThat(rs.getInt(1)).as("scratch databases left behind").isZero();
    }
  }

  /**
   * SQL from a pull request runs as a role that is no superuser: COPY … FROM PROGRAM (a shell
   * command on the machine running specgate) and server-side file reads are refused, the rest of
   * the change runs.
   */
  @Test
  void aPullRequestsSqlCannotRunCommandsOrReadFilesOnTheHost(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
      throws Exception {
    java.nio.file.Path marker = dir.resolve("pwned");
    var command = Changes.of()
        .base("db/migrations/1_accounts.sql", ACCOUNTS)
        .add("db/migrations/2_evil.sql", "CREATE TABLE loot (line text);\n"
            + "COPY loot FROM PROGRAM 'touch " + marker + "';\n")
        .range();
    ObservedStatement copy = at(DryRun.run(command, Config.defaults()).evidence(), "db/migrations/2_evil.sql", 2);
    assertThat(java.nio.file.Files.exists(marker)).as("the command ran on the host").isFalse();
    assertThat(copy.ok()).isFalse();
    assertThat(copy.error()).contains("must be superuser").contains("SQLSTATE 42501");
    var read = Changes.of()
        .base("db/migrations/1_accounts.sql", ACCOUNTS)
        .add("db/migrations/2_read.sql", "SELECT pg_read_file('/etc/hostname');\n")
        .range();
    ObservedStatement file = at(DryRun.run(read, Config.defaults()).evidence(), "db/migrations/2_read.sql", 1);
    assertThat(file.ok()).isFalse();
    assertThat(file.error()).contains("permission denied").contains("SQLSTATE 42501");
  }

  @Test
  void aUserWithoutCreateDatabaseRightsGetsAClearMessage() throws Exception {
    int port = EmbeddedCluster.forMajor(PostgresBinaries.BUNDLED_MAJOR).getPort();
    String admin = "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    try (Connection c = java.sql.DriverManager.getConnection(admin); Statement s = c.createStatement()) {
      s.execute("DO $$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'reader') THEN"
          + " CREATE ROLE reader LOGIN PASSWORD 'secret' NOCREATEDB; END IF; END $$");
    }
    String url = "jdbc:postgresql://localhost:" + port + "/postgres?user=reader&password=secret";
    var changes = Changes.of().add("db/migrations/1_x.sql", "CREATE TABLE x (id int);\n").range();
    assertThatThrownBy(() -> DryRun.run(changes, Config.defaults(),
        new DryRunOptions(url, null, Map.of(), DryRunOptions.DEFAULT_ROW_CEILING, DryRunOptions.DEFAULT_MAX_DATABASE_MB)))
        .isInstanceOf(DryRunException.class)
        .hasMessageContaining("password=***")
        .hasMessageNotContaining("secret")
        .hasMessageContaining("the user may not create databases")
        .hasMessageContaining("Grant CREATEDB");
    assertThatThrownBy(() -> DryRun.run(changes, Config.defaults(),
        new DryRunOptions("mysql://db/x", null, Map.of(), DryRunOptions.DEFAULT_ROW_CEILING, DryRunOptions.DEFAULT_MAX_DATABASE_MB)))
        .isInstanceOf(DryRunException.class)
        .hasMessageStartingWith("--db: expected embedded or jdbc:postgresql://");
  }

  @Test
  void jsonHasTheDesignShapeAndMarkdownTheEvidenceHeadings() throws Exception {
    var changes = Changes.of()
        .base("db/migrations/1_accounts.up.sql", ACCOUNTS)
        .add("db/migrations/2_status.up.sql", "ALTER TABLE accounts ADD COLUMN status text;\n")
        .add("db/migrations/2_status.down.sql", "ALTER TABLE accounts DROP COLUMN status;\n")
        .range();
    DryRunResult r = DryRun.run(changes, Config.defaults());
    JsonNode j = new ObjectMapper().readTree(DryRunRenderer.json(r));
    assertThat(j.get("version").asInt()).isEqualTo(1);
    assertThat(j.get("tool").asText()).isEqualTo("specgate");
    JsonNode d = j.get("dryRun");
    assertThat(d.get("database").asText()).isEqualTo("embedded");
    JsonNode st = d.get("statements").get(0);
    assertThat(st.get("file").asText()).isEqualTo("db/migrations/2_status.up.sql");
    assertThat(st.get("line").asInt()).isEqualTo(1);
    assertThat(st.get("endLine").asInt()).isEqualTo(1);
    assertThat(st.get("ok").asBoolean()).isTrue();
    assertThat(st.get("error").isNull()).isTrue();
    assertThat(st.get("locks").get(0).get("relation").asText()).isEqualTo("accounts");
    assertThat(st.get("locks").get(0).get("mode").asText()).isEqualTo("AccessExclusiveLock");
    assertThat(st.get("blocks").get("reads").get(0).asText()).isEqualTo("accounts");
    assertThat(st.get("rewrites").isArray()).isTrue();
    assertThat(d.get("longestLock").get("mode").asText()).isEqualTo("AccessExclusiveLock");
    JsonNode rb = d.get("rollback").get(0);
    assertThat(rb.get("source").asText()).isEqualTo("db/migrations/2_status.down.sql");
    assertThat(rb.get("ok").asBoolean()).isTrue();
    assertThat(rb.get("differences").size()).isZero();
    assertThat(j.get("findings").isArray()).isTrue();
    assertThat(j.get("summary").has("error")).isTrue();
    String md = DryRunRenderer.markdown(r);
    assertThat(md).contains("### Migration dry-run output", "### Longest lock", "### Batch size and lock notes",
        "### Rollback tested", "### Rollback boundary",
        "- `db/migrations/2_status.down.sql`: ok, the schema is as before the change",
        "the change applied again after the rollback");
  }
}
