package dev.specgate.sql.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.sql.LockLevel;
import dev.specgate.sql.Volatility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The volatility catalogue and the lock modes (dev.specgate.sql); the lock table is LockModelTest. */
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

  @Test
  void describesWhatTheLockBlocks() {
    assertThat(LockLevel.ACCESS_EXCLUSIVE.describe("accounts"))
        .isEqualTo("ACCESS EXCLUSIVE on accounts: blocks reads and writes until it commits");
    assertThat(LockLevel.SHARE.describe("accounts")).contains("blocks writes").contains("reads continue");
    assertThat(LockLevel.SHARE.isDangerous()).isTrue();
    assertThat(LockLevel.SHARE_UPDATE_EXCLUSIVE.isDangerous()).isFalse();
  }
}
