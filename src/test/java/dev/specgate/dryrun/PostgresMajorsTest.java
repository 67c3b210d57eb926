package dev.specgate.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.engine.Config;
import dev.specgate.rules.dryrun.ObservedLock;
import dev.specgate.rules.dryrun.ObservedStatement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Majors other than the bundled one: their binaries come from Maven Central (the local Maven
 * repository first), and the dry run works the same on them. A smoke test; the rest of the suite
 * runs on the bundled major.
 */
class PostgresMajorsTest {
  @Test
  void theBundledMajorIsTheDefaultPostgresVersion() {
    assertThat(PostgresBinaries.BUNDLED_MAJOR).isEqualTo(Config.defaults().postgresVersion());
  }

  @ParameterizedTest
  @ValueSource(ints = {14, 17})
  void aChangeRunsAndIsObservedOnAnotherMajor(int major) throws Exception {
    var changes = Changes.of()
        .base("db/migrations/1_accounts.up.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, balance int);\n")
        .add("db/migrations/2_balance.up.sql", "ALTER TABLE accounts ALTER COLUMN balance TYPE bigint;\n")
        .add("db/migrations/2_balance.down.sql", "ALTER TABLE accounts ALTER COLUMN balance TYPE int;\n")
        .range();
    DryRunResult r = DryRun.run(changes, Config.defaults(),
        new DryRunOptions(null, major, Map.of("accounts", 1_000L), DryRunOptions.DEFAULT_ROW_CEILING, DryRunOptions.DEFAULT_MAX_DATABASE_MB));
    assertThat(r.evidence().postgres()).startsWith(major + ".");
    ObservedStatement s = r.evidence().statements().get(0);
    assertThat(s.locks()).contains(new ObservedLock("accounts", "AccessExclusiveLock"));
    assertThat(s.rewrites()).containsExactly("accounts");
    assertThat(r.evidence().rollback()).singleElement().satisfies(o -> assertThat(o.differences()).isEmpty());
  }
}
