package dev.specgate.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.engine.Config;
import dev.specgate.rules.dryrun.ObservedStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A change's SQL cannot fill the disk of the machine running the dry run: past the scratch
 * database's budget its statement is cancelled and says why, the run goes on to its report, and the
 * database is dropped. Temporary files (a sort spilling) are bounded by the role's temp_file_limit.
 */
class DatabaseBudgetTest {
  private static final String ACCOUNTS = "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n";

  @Test
  void aStatementThatWouldFillTheDiskIsCancelledAtTheBudget() throws Exception {
    // about 5 GB if it ran to the end; the budget is 16 MB
    var changes = Changes.of().base("db/migrations/1_accounts.sql", ACCOUNTS)
        .add("db/migrations/2_fill.sql", "CREATE TABLE filler AS\n"
            // in the select list the series streams (in FROM it would spill to a temporary file first)
            + "  SELECT generate_series(1, 5000000) AS id, repeat('x', 1000) AS pad;\n"
            + "ALTER TABLE accounts ADD COLUMN note text;\n").range();
    long t0 = System.nanoTime();
    DryRunResult r = DryRun.run(changes, Config.defaults(),
        new DryRunOptions(null, null, Map.of(), DryRunOptions.DEFAULT_ROW_CEILING, 16));
    double seconds = (System.nanoTime() - t0) / 1e9;

    ObservedStatement fill = r.evidence().statements().get(0);
    assertThat(fill.ok()).isFalse();
    assertThat(fill.line()).isEqualTo(1);
    assertThat(fill.error())
        .startsWith("cancelled: the scratch database grew to ")
        .contains("over the 16 MB a dry run may write (dryRunMaxDatabaseMb)")
        .contains("SQLSTATE 57014");
    assertThat(r.evidence().statements()).as("the script stops at the cancelled statement").hasSize(1);
    assertThat(seconds).as("stopped long before the statement timeout").isLessThan(60);
    assertThat(scratchDatabasesLeft()).isZero();
  }

  @Test
  void aSortSpillingPastTheBudgetIsStoppedByTheTempFileLimit() throws Exception {
    try (ScratchDatabase db = ScratchDatabase.embedded(PostgresBinaries.BUNDLED_MAJOR, 16); Connection c = db.connect();
        Statement s = c.createStatement()) {
      s.execute("SET work_mem = '64kB'");
      // the change's SQL may not lift the limit: it is a superuser's setting
      assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> s.execute("SET temp_file_limit = -1")))
          .hasMessageContaining("permission denied");
      Throwable spill = org.assertj.core.api.Assertions.catchThrowable(() -> s.executeQuery(
          "SELECT count(*) FROM (SELECT md5(g::text) || repeat('y', 200) AS k FROM generate_series(1, 2000000) g ORDER BY 1) t"));
      assertThat(spill).hasMessageContaining("temporary file size exceeds temp_file_limit (16384kB)");
    }
  }

  /** A schema dump comes from the pull request too: one over the budget stops the run, it is not skipped. */
  @Test
  void aSchemaDumpOverTheBudgetStopsTheRunSayingWhy() throws Exception {
    var changes = Changes.of()
        .base("db/structure.sql", ACCOUNTS + "CREATE TABLE filler AS\n"
            + "  SELECT generate_series(1, 5000000) AS id, repeat('x', 1000) AS pad;\n")
        .add("db/migrations/2_note.sql", "ALTER TABLE accounts ADD COLUMN note text;\n").range();
    Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(() -> DryRun.run(changes, Config.defaults(),
        new DryRunOptions(null, null, Map.of(), DryRunOptions.DEFAULT_ROW_CEILING, 16)));
    assertThat(thrown).isInstanceOf(DryRunException.class)
        .hasMessageStartingWith("cancelled: the scratch database grew to ")
        .hasMessageContaining("while the dry run loaded the schema before the change: raise dryRunMaxDatabaseMb");
    assertThat(scratchDatabasesLeft()).isZero();
  }

  @Test
  void aStatementSpillingPastTheBudgetSaysWhichLimitStoppedIt() throws Exception {
    var changes = Changes.of().base("db/migrations/1_accounts.sql", ACCOUNTS)
        .add("db/migrations/2_fill.sql", "CREATE TABLE filler AS\n"
            + "  SELECT g AS id, repeat('x', 1000) AS pad FROM generate_series(1, 5000000) g;\n").range();
    DryRunResult r = DryRun.run(changes, Config.defaults(),
        new DryRunOptions(null, null, Map.of(), DryRunOptions.DEFAULT_ROW_CEILING, 16));
    assertThat(r.evidence().statements()).singleElement().extracting(ObservedStatement::error).asString()
        .isEqualTo("temporary file size exceeds temp_file_limit (16384kB), the dry run's budget"
            + " (dryRunMaxDatabaseMb; SQLSTATE 53400)");
    assertThat(scratchDatabasesLeft()).isZero();
  }

  /** The change's role may end its own sessions; the watch's is a superuser's, so the budget holds. */
  @Test
  void theChangesRoleCannotEndTheWatch() throws Exception {
    try (ScratchDatabase db = ScratchDatabase.embedded(PostgresBinaries.BUNDLED_MAJOR, 16); Connection c = db.connect();
        Statement s = c.createStatement()) {
      try (ResultSet r = s.executeQuery("SELECT count(*) FROM pg_stat_activity"
          + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND pg_terminate_backend(pid)")) {
        r.next();
        assertThat(r.getInt(1)).as("sessions the change's role could end").isZero();
      } catch (java.sql.SQLException e) {
        assertThat(e.getMessage()).contains("must be a superuser to terminate superuser process");
      }
      Throwable fill = org.assertj.core.api.Assertions.catchThrowable(() -> s.execute(
          "CREATE TABLE filler AS SELECT generate_series(1, 5000000) AS id, repeat('x', 1000) AS pad"));
      assertThat(fill).hasMessageContaining("canceling statement due to user request");
      assertThat(db.overBudget()).isPresent();
      assertThat(db.sizeUnbounded()).isEmpty();
    }
  }

  private static int scratchDatabasesLeft() throws Exception {
    String url = EmbeddedCluster.forMajor(PostgresBinaries.BUNDLED_MAJOR).getJdbcUrl("postgres", "postgres");
    try (Connection c = java.sql.DriverManager.getConnection(url); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_database WHERE datname LIKE 'specgate_dryrun_%'")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
