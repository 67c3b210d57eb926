package dev.specgate.sql.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.SourceFile;
import dev.specgate.sql.MigrationFile;
import dev.specgate.sql.MigrationTool;
import dev.specgate.sql.Dialect;
import dev.specgate.sql.MigrationParser;
import dev.specgate.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaHistoryTest {

  /** A migration the change touched. */
  static MigrationFile changed(String path, String sql) {
    return file(SourceFile.added(path, sql));
  }

  /** A migration already applied before the change (context). */
  static MigrationFile applied(String path, String sql) {
    return file(SourceFile.unchanged(path, sql));
  }

  static MigrationFile file(SourceFile src) {
    var migration = MigrationParser.parse(src.path(), src.content(), Dialect.POSTGRES);
    return new MigrationFile(src, migration,
        MigrationOrder.direction(src.path()), MigrationOrder.orderKey(src.path(), MigrationTool.AUTO),
        MigrationOrder.runsInTransaction(src.path(), src.content(), migration.statements(), MigrationTool.AUTO, false));
  }

  static SchemaHistory replay(MigrationFile... files) {
    List<MigrationFile> ordered = new ArrayList<>(List.of(files));
    ordered.sort(Comparator.comparing(MigrationFile::orderKey));
    return SchemaHistory.replay(ordered);
  }

  static Statement st(MigrationFile f, int index) {
    return f.migration().statements().get(index);
  }

  @Test
  void replaysFromOneSeedOfDumpsDoNotSeeEachOther() {
    MigrationFile dump = new MigrationFile(SourceFile.unchanged("db/structure.sql", ""),
        MigrationParser.parse("db/structure.sql",
            "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\nCREATE INDEX accounts_email ON accounts (email);\n",
            Dialect.POSTGRES),
        MigrationFile.Direction.UP, "", false);
    SchemaHistory.Seed seed = SchemaHistory.seed(List.of(dump));
    MigrationFile adds = changed("db/migrate/1_add.sql", "ALTER TABLE accounts ADD COLUMN name text NOT NULL;\nSELECT 1;");
    MigrationFile drops = changed("db/migrate/1_drop.sql", "DROP TABLE accounts;\nSELECT 1;");

    SchemaHistory added = seed.replay(List.of(adds), true);
    SchemaHistory dropped = seed.replay(List.of(drops), true);
    SchemaHistory untouched = seed.replay(List.of(), true);

    assertThat(added.columnBefore(adds, st(adds, 1), "accounts", "name")).isPresent();
    assertThat(added.indexesOn(adds, st(adds, 1), "accounts")).extracting(SchemaHistory.IndexInfo::name)
        .containsExactly("accounts_email");
    assertThat(dropped.tableBefore(drops, st(drops, 1), "accounts")).isEmpty();
    assertThat(dropped.indexesOn(drops, st(drops, 1), "accounts")).isEmpty();
    // neither replay changed the dumps' schema the next one starts from
    MigrationFile reads = changed("db/migrate/2_read.sql", "SELECT 1;");
    SchemaHistory again = seed.replay(List.of(reads), true);
    assertThat(again.tableBefore(reads, st(reads, 0), "accounts").orElseThrow().columns()).containsOnlyKeys("id", "email");
    assertThat(again.indexesOn(reads, st(reads, 0), "accounts")).hasSize(1);
    assertThat(again.isExistingTable(reads, st(reads, 0), "accounts")).isTrue();
    assertThat(untouched.tableBefore(reads, st(reads, 0), "accounts")).isPresent();
  }

  @Test
  void tableCreatedEarlierInTheSameFileIsNotExisting() {
    MigrationFile f = changed("db/migrations/1_x.sql",
        "ALTER TABLE accounts ADD COLUMN a int;\nCREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN b int;\n");
    SchemaHistory h = replay(f);
    assertThat(h.isExistingTable(f, st(f, 0), "accounts")).isTrue();
    assertThat(h.isExistingTable(f, st(f, 2), "t")).isFalse();
    assertThat(h.isExistingTable(f, st(f, 2), "public.T")).isFalse();
  }

  @Test
  void tableCreatedAnywhereInTheChangeIsNotExistingButAppliedOnesAre() {
    MigrationFile base = applied("db/migrations/V1__base.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY);");
    MigrationFile v2 = changed("db/migrations/V2__t.sql", "CREATE TABLE orders (id bigint);");
    MigrationFile v3 = changed("db/migrations/V3__alter.sql",
        "ALTER TABLE orders ADD COLUMN x int;\nALTER TABLE accounts ADD COLUMN y int;");
    SchemaHistory h = replay(v3, base, v2);
    assertThat(h.isExistingTable(v3, st(v3, 0), "orders")).isFalse();
    assertThat(h.isExistingTable(v3, st(v3, 1), "accounts")).isTrue();
  }

  @Test
  void inASnapshotOnlyTheSameFileMakesATableNew() {
    MigrationFile v1 = changed("db/migrations/V1__t.sql", "CREATE TABLE orders (id bigint);");
    MigrationFile v2 = changed("db/migrations/V2__alter.sql",
        "ALTER TABLE orders ADD COLUMN x int;\nCREATE TABLE u (id int);\nALTER TABLE u ADD COLUMN y int;");
    SchemaHistory h = SchemaHistory.replay(List.of(v1, v2), false);
    assertThat(h.isExistingTable(v2, st(v2, 0), "orders")).isTrue();
    assertThat(h.isExistingTable(v2, st(v2, 2), "u")).isFalse();
    assertThat(h.columnBefore(v2, st(v2, 1), "orders", "x")).isPresent();
  }

  @Test
  void createIfNotExistsOfAnAppliedTableKeepsItExisting() {
    MigrationFile base = applied("db/migrations/V1__base.sql", "CREATE TABLE accounts (id bigint);");
    MigrationFile v2 = changed("db/migrations/V2__again.sql",
        "CREATE TABLE IF NOT EXISTS accounts (id bigint);\nALTER TABLE accounts ADD COLUMN y int;");
    SchemaHistory h = replay(base, v2);
    assertThat(h.isExistingTable(v2, st(v2, 1), "accounts")).isTrue();
  }

  @Test
  void replayFollowsToolOrderNotListOrder() {
    MigrationFile v10 = applied("db/migrations/V10__widen.sql", "ALTER TABLE t ALTER COLUMN name TYPE text;");
    MigrationFile v9 = applied("db/migrations/V9__create.sql", "CREATE TABLE t (name varchar(20));");
    MigrationFile v11 = changed("db/migrations/V11__x.sql", "ALTER TABLE t ALTER COLUMN name TYPE varchar(5);");
    SchemaHistory h = replay(v11, v10, v9);
    assertThat(h.columnBefore(v11, st(v11, 0), "t", "name").map(TableState.Column::type)).contains("text");
  }

  @Test
  void columnTypeNullabilityAndDefaultBeforeEachStatement() {
    MigrationFile base = applied("db/migrations/V1__base.sql",
        "CREATE TABLE accounts (id integer PRIMARY KEY, name varchar(80) NOT NULL DEFAULT 'x', email text);");
    MigrationFile v2 = changed("db/migrations/V2__change.sql", String.join("\n",
        "ALTER TABLE accounts ALTER COLUMN id TYPE bigint;",
        "ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;",
        "ALTER TABLE accounts RENAME COLUMN email TO mail;",
        "ALTER TABLE accounts DROP COLUMN name;",
        "SELECT 1;"));
    SchemaHistory h = replay(base, v2);
    assertThat(h.columnBefore(v2, st(v2, 0), "accounts", "id").map(TableState.Column::type)).contains("integer");
    assertThat(h.columnBefore(v2, st(v2, 1), "accounts", "id").map(TableState.Column::type)).contains("bigint");
    assertThat(h.columnBefore(v2, st(v2, 0), "accounts", "id").map(TableState.Column::notNull)).contains(true);
    assertThat(h.columnBefore(v2, st(v2, 1), "accounts", "email").map(TableState.Column::notNull)).contains(false);
    assertThat(h.columnBefore(v2, st(v2, 2), "accounts", "email").map(TableState.Column::notNull)).contains(true);
    assertThat(h.columnBefore(v2, st(v2, 3), "accounts", "mail")).isPresent();
    assertThat(h.columnBefore(v2, st(v2, 3), "accounts", "email")).isEmpty();
    assertThat(h.columnBefore(v2, st(v2, 3), "accounts", "name").map(TableState.Column::defaultExpr)).contains("'x'");
    assertThat(h.columnBefore(v2, st(v2, 4), "accounts", "name")).isEmpty();
  }

  @Test
  void unknownColumnOfATableNoMigrationCreates() {
    MigrationFile f = changed("db/migrations/1.sql", "ALTER TABLE legacy ALTER COLUMN c TYPE bigint;");
    SchemaHistory h = replay(f);
    assertThat(h.columnBefore(f, st(f, 0), "legacy", "c")).isEmpty();
    assertThat(h.isExistingTable(f, st(f, 0), "legacy")).isTrue();
  }

  @Test
  void validatedNotNullCheckIsTrackedAcrossMigrations() {
    MigrationFile v1 = applied("db/migrations/V1__a.sql", "CREATE TABLE accounts (id bigint, email text, phone text);");
    MigrationFile v2 = changed("db/migrations/V2__b.sql", String.join("\n",
        "ALTER TABLE accounts ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;",
        "ALTER TABLE accounts ADD CONSTRAINT phone_nn CHECK (phone IS NOT NULL) NOT VALID;",
        "ALTER TABLE accounts VALIDATE CONSTRAINT email_nn;",
        "ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;"));
    MigrationFile v3 = changed("db/migrations/V3__c.sql", "ALTER TABLE accounts ALTER COLUMN phone SET NOT NULL;");
    SchemaHistory h = replay(v1, v2, v3);
    assertThat(h.hasValidatedNotNullCheck(v2, st(v2, 2), "accounts", "email")).isFalse();
    assertThat(h.hasValidatedNotNullCheck(v2, st(v2, 3), "accounts", "email")).isTrue();
    assertThat(h.hasValidatedNotNullCheck(v3, st(v3, 0), "accounts", "phone")).isFalse();
    assertThat(h.constraintBefore(v2, st(v2, 3), "accounts", "phone_nn").map(TableState.Constraint::validated))
        .contains(false);
  }

  @Test
  void checkCreatedWithTheTableIsValidated() {
    MigrationFile v1 = applied("db/migrations/V1__a.sql",
        "CREATE TABLE accounts (id bigint, email text, CONSTRAINT email_present CHECK ((email IS NOT NULL)));");
    MigrationFile v2 = changed("db/migrations/V2__b.sql", "ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;");
    SchemaHistory h = replay(v1, v2);
    assertThat(h.hasValidatedNotNullCheck(v2, st(v2, 0), "accounts", "email")).isTrue();
  }

  @Test
  void indexesKnowTheirTableThroughRenamesAndDrops() {
    MigrationFile v1 = applied("db/migrations/V1__a.sql", String.join("\n",
        "CREATE TABLE accounts (id bigint, email text);",
        "CREATE INDEX accounts_email_idx ON accounts (email);"));
    MigrationFile v2 = changed("db/migrations/V2__b.sql", String.join("\n",
        "ALTER INDEX accounts_email_idx RENAME TO accounts_mail_idx;",
        "ALTER TABLE accounts RENAME TO users;",
        "DROP INDEX accounts_mail_idx;",
        "SELECT 1;"));
    SchemaHistory h = replay(v1, v2);
    assertThat(h.indexBefore(v2, st(v2, 0), "accounts_email_idx").map(SchemaHistory.IndexInfo::table)).contains("accounts");
    assertThat(h.indexBefore(v2, st(v2, 1), "accounts_mail_idx").map(SchemaHistory.IndexInfo::table)).contains("accounts");
    assertThat(h.indexBefore(v2, st(v2, 2), "accounts_mail_idx").map(SchemaHistory.IndexInfo::table)).contains("users");
    assertThat(h.indexBefore(v2, st(v2, 3), "accounts_mail_idx")).isEmpty();
    assertThat(h.tableBefore(v2, st(v2, 2), "users")).isPresent();
    assertThat(h.tableBefore(v2, st(v2, 2), "accounts")).isEmpty();
    assertThat(h.indexesOn(v1, st(v1, 1), "accounts")).isEmpty();
  }

  @Test
  void downMigrationsAndDownSectionsAreNotReplayed() {
    MigrationFile up = changed("m/000001_t.up.sql", "CREATE TABLE t (id int);");
    MigrationFile down = changed("m/000001_t.down.sql", "DROP TABLE t;");
    MigrationFile goose = changed("m/20240101000000_u.sql", String.join("\n",
        "-- +goose Up", "CREATE TABLE u (id int);", "-- +goose Down", "DROP TABLE u;"));
    MigrationFile later = changed("m/20250101000000_v.sql", "ALTER TABLE u ADD COLUMN x int;");
    SchemaHistory h = replay(up, down, goose, later);
    assertThat(h.isRollback(down, st(down, 0))).isTrue();
    assertThat(h.isRollback(goose, st(goose, 0))).isFalse();
    assertThat(h.isRollback(goose, st(goose, 1))).isTrue();
    assertThat(h.tableBefore(later, st(later, 0), "u")).isPresent();
    assertThat(h.tableBefore(down, st(down, 0), "t")).isPresent();
  }
}
