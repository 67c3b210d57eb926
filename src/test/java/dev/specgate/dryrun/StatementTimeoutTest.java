package dev.specgate.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.rules.dryrun.ObservedStatement;
import dev.specgate.sql.Dialect;
import dev.specgate.sql.MigrationParser;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A statement of the change that would run for ever (a pull request's pg_sleep) is cancelled by the
 * driver after the timeout, even when the SQL lifts PostgreSQL's own statement_timeout first.
 */
class StatementTimeoutTest {
  @Test
  void aStatementOverTheTimeoutIsCancelledWhateverTheSqlSets() throws Exception {
    String sql = "SET statement_timeout = 0;\nSELECT pg_sleep(60);\nCREATE TABLE after_sleep (id int);\n";
    Script script = new Script("db/migrations/2_sleep.sql", "db/migrations/2_sleep.sql", 0,
        MigrationParser.parse("db/migrations/2_sleep.sql", sql, Dialect.POSTGRES).statements(), false, null);
    try (ScratchDatabase db = ScratchDatabase.embedded(PostgresBinaries.BUNDLED_MAJOR, DryRunOptions.DEFAULT_MAX_DATABASE_MB); Connection c = db.connect()) {
      long t0 = System.nanoTime();
      List<ObservedStatement> ran = new ScriptRunner(c, db, 1).run(script, null);
      double seconds = (System.nanoTime() - t0) / 1e9;
      assertThat(seconds).as("the sleep was cut short").isLessThan(30);
      ObservedStatement sleep = ran.get(ran.size() - 1);
      assertThat(sleep.line()).isEqualTo(2);
      assertThat(sleep.ok()).isFalse();
      assertThat(sleep.error()).startsWith("cancelled after 1 s").contains("SQLSTATE 57014");
    }
  }
}
