package dev.specgate.sql.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.sql.Dialect;
import dev.specgate.sql.LockLevel;
import dev.specgate.sql.MigrationParser;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Volatility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The volatility catalogue and the lock table (dev.specgate.sql), tested here with the schema. */
class VolatilityAndLockTest {

  @ParameterizedTest
  @ValueSource(strings = {"random()", "(random() * 100)::int", "clock_timestamp()", "timeofday()",
      "gen_random_uuid()", "public.uuid_generate_v4()", "uuid_generate_v1mc()",
      "nextval('accounts_id_seq'::regclass)", "NEXTVAL('s')", "gen_random_bytes(16)"})
  void volatileDefaults(String expr) {
    assertThat(Volatility.isVolatile(expr)).as(expr).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"now()", "CURRENT_TIMESTAMP", "localtimestamp", "statement_timestamp()",
      "transaction_timestamp()", "'random()'", "0", "'free'", "lower('X')", "uuid_generate_v5(ns, 'x')"})
  void stableOrImmutableDefaults(String expr) {
    assertThat(Volatility.isVolatile(expr)).as(expr).isFalse();
  }

  @Test
  void serialTypes() {
    assertThat(Volatility.isSerialType("bigserial")).isTrue();
    assertThat(Volatility.isSerialType("serial4")).isTrue();
    assertThat(Volatility.isSerialType("bigint")).isFalse();
  }

  @ParameterizedTest(name = "{0} takes {1}")
  @CsvSource(delimiter = '|', value = {
      "ALTER TABLE t ADD COLUMN c int|ACCESS_EXCLUSIVE",
      "ALTER TABLE t ADD CONSTRAINT f FOREIGN KEY (a) REFERENCES u (id)|SHARE_ROW_EXCLUSIVE",
      "ALTER TABLE t VALIDATE CONSTRAINT f|SHARE_UPDATE_EXCLUSIVE",
      "CREATE INDEX i ON t (a)|SHARE",
      "CREATE INDEX CONCURRENTLY i ON t (a)|SHARE_UPDATE_EXCLUSIVE",
      "DROP INDEX i|ACCESS_EXCLUSIVE",
      "DROP INDEX CONCURRENTLY i|SHARE_UPDATE_EXCLUSIVE",
      "UPDATE t SET a = 1|ROW_EXCLUSIVE",
      "VACUUM FULL t|ACCESS_EXCLUSIVE",
      "VACUUM t|SHARE_UPDATE_EXCLUSIVE",
      "REINDEX TABLE t|SHARE",
      "REFRESH MATERIALIZED VIEW CONCURRENTLY v|EXCLUSIVE",
      "TRUNCATE t|ACCESS_EXCLUSIVE",
      "SELECT 1|NONE"})
  void lockTable(String sql, LockLevel expected) {
    Operation op = MigrationParser.parse("x.sql", sql + ";", Dialect.POSTGRES).statements().get(0).op();
    assertThat(LockLevel.of(op)).isEqualTo(expected);
  }

  @Test
  void describesWhatTheLockBlocks() {
    assertThat(LockLevel.ACCESS_EXCLUSIVE.describe("accounts"))
        .isEqualTo("ACCESS EXCLUSIVE on accounts: blocks reads and writes until it commits");
    assertThat(LockLevel.SHARE.describe("accounts")).contains("blocks writes").contains("reads continue");
    assertThat(LockLevel.SHARE.isDangerous()).isTrue();
    assertThat(LockLevel.SHARE_UPDATE_EXCLUSIVE.isDangerous()).isFalse();
  }
}
