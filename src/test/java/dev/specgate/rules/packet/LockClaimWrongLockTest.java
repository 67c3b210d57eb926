package dev.specgate.rules.packet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.packet.StatedLock;
import dev.specgate.sql.Dialect;
import dev.specgate.sql.LockLevel;
import dev.specgate.sql.LockModel;
import dev.specgate.sql.MigrationParser;
import dev.specgate.sql.Statement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which lock of a statement (per {@link LockModel}) a plan's stated lock is compared with. */
class LockClaimWrongLockTest {
  private static Statement parse(String sql) {
    return MigrationParser.parse("m.sql", sql, Dialect.POSTGRES).statements().get(0);
  }

  private static StatedLock claim(String step, String claimed) {
    return new StatedLock("plan.md", 1, step, claimed, StatedLock.levelsIn(claimed), false, false,
        StatedLock.Source.TABLE, null);
  }

  private static final LockModel.Schema ORDERS_IDX = new LockModel.Schema() {
    @Override
    public Optional<String> tableOfIndex(String index) {
      return index.equals("orders_account_idx") ? Optional.of("orders") : Optional.empty();
    }

    @Override
    public Optional<String> referencedTable(String table, String constraint) {
      return Optional.empty();
    }

    @Override
    public List<String> foreignKeyTargets(String table) {
      return List.of();
    }
  };

  @Test
  void aClaimNamingTheReferencedTableIsComparedWithTheLockOnIt() {
    Statement fk = parse("ALTER TABLE orders ADD COLUMN account_id bigint REFERENCES accounts (id);");
    LockModel.RelationLock onParent =
        LockClaimWrong.lockFor(claim("Add account_id to orders (locks accounts)", "SHARE ROW EXCLUSIVE"), fk,
            LockModel.Schema.NONE);
    assertThat(onParent.relation()).isEqualTo("accounts");
    assertThat(onParent.level()).isEqualTo(LockLevel.SHARE_ROW_EXCLUSIVE);

    LockModel.RelationLock wrong =
        LockClaimWrong.lockFor(claim("Add account_id to orders (locks accounts)", "SHARE"), fk, LockModel.Schema.NONE);
    assertThat(wrong.relation()).as("neither lock is the one stated: the first relation named").isEqualTo("orders");

    LockModel.RelationLock onTable =
        LockClaimWrong.lockFor(claim("Add the account_id column", "ACCESS EXCLUSIVE"), fk, LockModel.Schema.NONE);
    assertThat(onTable.relation()).isEqualTo("orders");
    assertThat(onTable.level()).isEqualTo(LockLevel.ACCESS_EXCLUSIVE);
  }

  @Test
  void withoutANamedRelationTheStatementsTableAndElseTheStrongestLockCount() {
    LockModel.RelationLock reindex = LockClaimWrong.lockFor(claim("Rebuild the index", "SHARE"),
        parse("REINDEX INDEX orders_account_idx;"), ORDERS_IDX);
    // REINDEX INDEX: SHARE on the table, ACCESS EXCLUSIVE on the index (reads that use it wait).
    // The statement acts on the index, so the claim is compared with the index's lock.
    assertThat(reindex.relation()).isEqualTo("orders_account_idx");
    assertThat(reindex.level()).isEqualTo(LockLevel.ACCESS_EXCLUSIVE);
    assertThat(LockModel.locks(parse("REINDEX INDEX orders_account_idx;").op(), ORDERS_IDX))
        .extracting(LockModel.RelationLock::relation).containsExactly("orders", "orders_account_idx");

    LockModel.RelationLock unknownTable = LockClaimWrong.lockFor(claim("Rebuild the index", "SHARE"),
        parse("REINDEX INDEX orders_account_idx;"), LockModel.Schema.NONE);
    assertThat(unknownTable.relation()).isEqualTo("orders_account_idx");
    assertThat(unknownTable.level()).isEqualTo(LockLevel.ACCESS_EXCLUSIVE);

    LockModel.RelationLock none = LockClaimWrong.lockFor(claim("Create the table", "none"),
        parse("CREATE TABLE notes (id bigint PRIMARY KEY);"), LockModel.Schema.NONE);
    assertThat(none.level()).isEqualTo(LockLevel.NONE);
  }
}
