package dev.specgate.sql.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.sql.MigrationFile.Direction;
import dev.specgate.sql.MigrationTool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrationOrderTest {

  private static List<String> sorted(MigrationTool tool, String... paths) {
    List<String> out = new ArrayList<>(List.of(paths));
    out.sort(Comparator.comparing(p -> MigrationOrder.orderKey(p, tool)));
    return out;
  }

  @Test
  void flywayVersionsCompareNumericallyPartByPart() {
    assertThat(sorted(MigrationTool.FLYWAY,
        "db/V2__b.sql", "db/V1.10__d.sql", "db/V1.2__c.sql", "db/V1__a.sql", "db/V1.1__x.sql",
        "db/R__views.sql", "db/V10__z.sql"))
        .containsExactly("db/V1__a.sql", "db/V1.1__x.sql", "db/V1.2__c.sql", "db/V1.10__d.sql",
            "db/V2__b.sql", "db/V10__z.sql", "db/R__views.sql");
  }

  @Test
  void flywayUnderscoreVersionSeparatorsAndSubfolders() {
    assertThat(sorted(MigrationTool.AUTO, "db/2024/V3__c.sql", "db/V1_5__b.sql", "db/V1__a.sql"))
        .containsExactly("db/V1__a.sql", "db/V1_5__b.sql", "db/2024/V3__c.sql");
  }

  @Test
  void numericAndTimestampPrefixesSortAsNumbers() {
    assertThat(sorted(MigrationTool.PLAIN,
        "migrations/10_ten.sql", "migrations/2_two.sql", "migrations/1_one.sql"))
        .containsExactly("migrations/1_one.sql", "migrations/2_two.sql", "migrations/10_ten.sql");
    assertThat(sorted(MigrationTool.GOLANG_MIGRATE,
        "m/20240102000000_b.up.sql", "m/20231231235959_a.up.sql", "m/20240102000000_b.down.sql"))
        .startsWith("m/20231231235959_a.up.sql");
  }

  @Test
  void numberedFoldersSortAsNumbers() {
    assertThat(sorted(MigrationTool.AUTO,
        "schema/delta/100/01_b.sql", "schema/delta/73/23_a.sql", "schema/delta/73/3_a.sql"))
        .containsExactly("schema/delta/73/3_a.sql", "schema/delta/73/23_a.sql", "schema/delta/100/01_b.sql");
  }

  @Test
  void dieselDashedAndPlainTimestampsInterleaveAsDieselRunsThem() {
    // crates.io: diesel strips the dashes, so 2017-09-23-210614 is 20170923210614
    assertThat(sorted(MigrationTool.AUTO,
        "migrations/2017-09-23-210614_b/up.sql",
        "migrations/20170820180453_a/up.sql",
        "migrations/2026-05-27-120000-0000_d/up.sql",
        "migrations/20171001000000_c/up.sql",
        "migrations/00000000000000_diesel_initial_setup/up.sql"))
        .containsExactly(
            "migrations/00000000000000_diesel_initial_setup/up.sql",
            "migrations/20170820180453_a/up.sql",
            "migrations/2017-09-23-210614_b/up.sql",
            "migrations/20171001000000_c/up.sql",
            "migrations/2026-05-27-120000-0000_d/up.sql");
  }

  @Test
  void dieselFoldersCarryTheOrderOfGenericFileNames() {
    assertThat(sorted(MigrationTool.AUTO,
        "migrations/2023-02-01-000000_second/up.sql",
        "migrations/2023-01-01-000000_first/up.sql",
        "migrations/2023-01-01-000000_first/down.sql"))
        .containsExactly(
            "migrations/2023-01-01-000000_first/down.sql",
            "migrations/2023-01-01-000000_first/up.sql",
            "migrations/2023-02-01-000000_second/up.sql");
  }

  @Test
  void directionOfRollbackScripts() {
    assertThat(MigrationOrder.direction("m/000001_init.down.sql")).isEqualTo(Direction.DOWN);
    assertThat(MigrationOrder.direction("migrations/2023-01-01-000000_x/down.sql")).isEqualTo(Direction.DOWN);
    assertThat(MigrationOrder.direction("sqitch/revert/accounts.sql")).isEqualTo(Direction.DOWN);
    assertThat(MigrationOrder.direction("db/U3__undo.sql")).isEqualTo(Direction.DOWN);
    assertThat(MigrationOrder.direction("m/20240101_x.postgres.down.sql")).isEqualTo(Direction.DOWN);
    assertThat(MigrationOrder.direction("m/000001_init.up.sql")).isEqualTo(Direction.UP);
    assertThat(MigrationOrder.direction("db/V3__add.sql")).isEqualTo(Direction.UP);
    assertThat(MigrationOrder.direction("sqitch/deploy/accounts.sql")).isEqualTo(Direction.UP);
    assertThat(MigrationOrder.direction("db/migrations/update_users.sql")).isEqualTo(Direction.UP);
  }

  @Test
  void gooseRunsInTransactionUnlessAnnotated() {
    String tx = "-- +goose Up\nCREATE INDEX CONCURRENTLY i ON t (a);\n";
    String noTx = "-- +goose NO TRANSACTION\n" + tx;
    assertThat(inTransaction("m/1_x.sql", tx, MigrationTool.GOOSE)).isTrue();
    assertThat(inTransaction("m/1_x.sql", noTx, MigrationTool.GOOSE)).isFalse();
    assertThat(inTransaction("m/1_x.sql", tx, MigrationTool.AUTO)).isTrue();
    assertThat(inTransaction("m/1_x.sql", noTx, MigrationTool.AUTO)).isFalse();
  }

  @Test
  void dbmateRunsInTransactionUnlessTransactionFalse() {
    String tx = "-- migrate:up\nCREATE INDEX CONCURRENTLY i ON t (a);\n-- migrate:down\nDROP INDEX i;\n";
    String noTx = tx.replace("-- migrate:up", "-- migrate:up transaction:false");
    assertThat(inTransaction("db/1_x.sql", tx, MigrationTool.DBMATE)).isTrue();
    assertThat(inTransaction("db/1_x.sql", noTx, MigrationTool.DBMATE)).isFalse();
    assertThat(MigrationOrder.resolve("db/1_x.sql", tx, MigrationTool.AUTO)).isEqualTo(MigrationTool.DBMATE);
  }

  @Test
  void flywayRunsInTransactionUnlessOnlyNonTransactionalStatements() {
    String only = "-- index\nCREATE INDEX CONCURRENTLY i ON t (a);\n";
    String mixed = "CREATE TABLE x (id int);\nCREATE INDEX CONCURRENTLY i ON t (a);\n";
    assertThat(inTransaction("db/V2__i.sql", only, MigrationTool.FLYWAY)).isFalse();
    assertThat(inTransaction("db/V2__i.sql", mixed, MigrationTool.FLYWAY)).isTrue();
    assertThat(inTransaction("db/V2__i.sql", mixed, MigrationTool.AUTO)).isTrue();
    assertThat(inTransaction("db/V2__i.sql",
        "-- flyway:executeInTransaction=false\n" + mixed, MigrationTool.FLYWAY)).isFalse();
  }

  @Test
  void golangMigrateIsOneImplicitTransactionOnlyForSeveralStatements() {
    String one = "CREATE INDEX CONCURRENTLY i ON t (a);\n";
    String two = "CREATE TABLE x (id int);\n" + one;
    assertThat(inTransaction("m/1_i.up.sql", one, MigrationTool.GOLANG_MIGRATE)).isFalse();
    assertThat(inTransaction("m/1_i.up.sql", two, MigrationTool.GOLANG_MIGRATE)).isTrue();
    // a semicolon inside a string or a dollar-quoted body does not split
    String quoted = "INSERT INTO t VALUES ('a;b');\n";
    String body = "DO $$ BEGIN PERFORM 1; PERFORM 2; END $$;\n";
    assertThat(inTransaction("m/1_i.up.sql", quoted, MigrationTool.GOLANG_MIGRATE)).isFalse();
    assertThat(inTransaction("m/1_i.up.sql", body, MigrationTool.GOLANG_MIGRATE)).isFalse();
  }

  @Test
  void popxFilesRunInATransactionUnlessAutocommit() {
    String one = "CREATE INDEX CONCURRENTLY i ON t (a);\n";
    assertThat(inTransaction("m/20240101000000_i.postgres.up.sql", one, MigrationTool.AUTO)).isTrue();
    assertThat(inTransaction("m/20240101000000_i.postgres.autocommit.up.sql", one,
        MigrationTool.AUTO)).isFalse();
    assertThat(inTransaction("m/20240101000000_i.autocommit.up.sql", one + one,
        MigrationTool.AUTO)).isFalse();
  }

  @Test
  void plainAndSqitchNeverWrap() {
    String two = "CREATE TABLE x (id int);\nCREATE INDEX CONCURRENTLY i ON t (a);\n";
    assertThat(inTransaction("db/migrations/x.sql", two, MigrationTool.PLAIN)).isFalse();
    assertThat(inTransaction("db/migrations/x.sql", two, MigrationTool.AUTO)).isFalse();
    assertThat(inTransaction("deploy/x.sql", two, MigrationTool.SQITCH)).isFalse();
  }

  @Test
  void downSectionOfSingleFileMigrations() {
    String goose = "-- +goose Up\nCREATE TABLE t (id int);\n-- +goose Down\nDROP TABLE t;\n";
    assertThat(MigrationOrder.downSectionStart(goose)).isEqualTo(goose.indexOf("-- +goose Down"));
    String dbmate = "-- migrate:up\nCREATE TABLE t (id int);\n\n-- migrate:down\nDROP TABLE t;\n";
    assertThat(MigrationOrder.downSectionStart(dbmate)).isEqualTo(dbmate.indexOf("-- migrate:down"));
    assertThat(MigrationOrder.downSectionStart("CREATE TABLE t (id int);")).isEqualTo(-1);
  }

  /** Parses {@code text} once and asks the tool semantics about its statements. */
  private static boolean inTransaction(String path, String text, MigrationTool tool) {
    return inTransaction(path, text, tool, false);
  }

  private static boolean inTransaction(String path, String text, MigrationTool tool, boolean multiStatement) {
    return MigrationOrder.runsInTransaction(path, text,
        dev.specgate.sql.MigrationParser.parse(path, text, dev.specgate.sql.Dialect.POSTGRES).statements(), tool,
        multiStatement);
  }

  @Test
  void golangMigrateMultiStatementRunsEachStatementOnItsOwn() {
    String two = "CREATE TABLE t (a int);\nCREATE INDEX CONCURRENTLY i ON t (a);\n";
    assertThat(inTransaction("db/1_x.up.sql", two, MigrationTool.AUTO, false)).isTrue();
    assertThat(inTransaction("db/1_x.up.sql", two, MigrationTool.GOLANG_MIGRATE, true)).isFalse();
    assertThat(inTransaction("db/1_x.up.sql", two, MigrationTool.AUTO, true)).isFalse();
    // ory/popx names keep their own rule: a transaction unless .autocommit.
    assertThat(inTransaction("db/1_x.postgres.up.sql", two, MigrationTool.AUTO, true)).isTrue();
    // the option is golang-migrate's: a Flyway file is not affected
    assertThat(inTransaction("db/V1__x.sql", "CREATE TABLE t (a int);\nSELECT 1;", MigrationTool.AUTO, true)).isTrue();
  }

  @Test
  void dieselRunsInTransactionUnlessAStatementCannot() {
    String path = "migrations/2024-01-31-120000_add_index/up.sql";
    assertThat(MigrationOrder.resolve(path, "", MigrationTool.AUTO)).isEqualTo(MigrationTool.DIESEL);
    assertThat(MigrationOrder.resolve("migrations/20240131120000_x/down.sql", "", MigrationTool.AUTO))
        .isEqualTo(MigrationTool.DIESEL);
    assertThat(inTransaction(path, "ALTER TABLE t ADD COLUMN c int;\nUPDATE t SET c = 1;\n", MigrationTool.AUTO)).isTrue();
    // with no tree to find metadata.toml in (a bare diff): only applies with run_in_transaction = false
    assertThat(inTransaction(path, "CREATE INDEX CONCURRENTLY i ON t (c);\n", MigrationTool.AUTO)).isFalse();
  }

  @Test
  void dieselFollowsTheMetadataTomlBesideTheFile() {
    String path = "migrations/2024-01-31-120000_add_index/up.sql";
    String sql = "CREATE INDEX CONCURRENTLY i ON t (c);\n";
    var statements = dev.specgate.sql.MigrationParser.parse(path, sql, dev.specgate.sql.Dialect.POSTGRES).statements();
    assertThat(MigrationOrder.runsInTransaction(path, sql, statements, MigrationTool.AUTO, false,
        DieselMetadata.ABSENT)).isTrue();
    assertThat(MigrationOrder.runsInTransaction(path, sql, statements, MigrationTool.AUTO, false,
        DieselMetadata.read("run_in_transaction = false\n"))).isFalse();
    assertThat(MigrationOrder.runsInTransaction(path, sql, statements, MigrationTool.AUTO, false,
        DieselMetadata.read("run_in_transaction = maybe\n"))).isTrue();
    // not diesel: the metadata is not read
    assertThat(MigrationOrder.runsInTransaction("db/V1__x.sql", sql, statements, MigrationTool.AUTO, false,
        DieselMetadata.ABSENT)).isFalse();
  }

  @Test
  void sqitchFoldersAreSqitchAndRunWithoutATransaction() {
    assertThat(MigrationOrder.resolve("sqitch/deploy/accounts.sql", "", MigrationTool.AUTO)).isEqualTo(MigrationTool.SQITCH);
    assertThat(MigrationOrder.resolve("sqitch/verify/accounts.sql", "", MigrationTool.AUTO)).isEqualTo(MigrationTool.SQITCH);
    assertThat(inTransaction("sqitch/deploy/a.sql", "CREATE TABLE a (id int);\nCREATE TABLE b (id int);\n",
        MigrationTool.AUTO)).isFalse();
  }

  @Test
  void flywayReadsTheParsedStatementsNotTheText() {
    // a semicolon inside a function body is not a statement boundary
    String body = "CREATE INDEX CONCURRENTLY i ON t (a);\nVACUUM t;\nALTER TYPE mood ADD VALUE 'x';\n";
    assertThat(inTransaction("db/V3__x.sql", body, MigrationTool.FLYWAY)).isFalse();
    String fn = "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1; SELECT 2 $$;\n";
    assertThat(inTransaction("db/V4__x.sql", fn, MigrationTool.FLYWAY)).isTrue();
    assertThat(inTransaction("m/1_x.up.sql", fn, MigrationTool.GOLANG_MIGRATE)).isFalse();
  }
}
