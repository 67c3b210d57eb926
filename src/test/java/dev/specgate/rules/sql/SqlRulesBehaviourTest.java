package dev.specgate.rules.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.Finding;
import dev.specgate.core.SourceFile;
import dev.specgate.engine.Analysis;
import dev.specgate.engine.Config;
import dev.specgate.sql.MigrationTool;
import dev.specgate.rules.Rule;
import dev.specgate.sql.Dialect;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SQL rules on in-memory change sets: semantics the fixtures do not show one by one. */
class SqlRulesBehaviourTest {

  private static Rule rule(String id) {
    return SqlRules.all().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
  }

  private static List<Finding> run(String id, Config config, SourceFile... files) {
    return run(id, config, new ChangeSet(ChangeSet.Kind.PATHS, List.of(files), true));
  }

  private static List<Finding> run(String id, Config config, ChangeSet changes) {
    return Analysis.run(changes, config, List.of(rule(id))).findings().stream()
        .filter(f -> f.rule().equals(id)).toList();
  }

  private static List<Finding> run(String id, SourceFile... files) {
    return run(id, Config.defaults(), files);
  }

  private static SourceFile sql(String path, String... lines) {
    return SourceFile.added(path, String.join("\n", lines) + "\n");
  }

  private static Config withTool(MigrationTool tool) {
    return Config.defaults().withMigrationTool(tool);
  }

  private static Config withPostgres(int version) {
    return Config.defaults().withPostgresVersion(version);
  }

  @Test
  void everyRuleHasItsCatalogueIdOnce() {
    List<String> ids = new ArrayList<>();
    for (Rule r : SqlRules.all()) ids.add(r.id());
    assertThat(ids).containsExactly("nullable-first", "volatile-default-rewrite",
        "index-not-concurrent", "concurrently-in-transaction", "constraint-not-valid",
        "validate-same-transaction", "set-not-null-scan", "unique-without-index",
        "column-type-change", "rename-breaks-old-code", "destructive-drop", "unbatched-backfill",
        "ddl-and-dml-mixed", "missing-lock-timeout", "table-lock-maintenance", "unparsed-statement",
        "lock-held-across-statements", "exclusion-constraint", "json-column", "detach-partition-not-concurrent",
        "domain-constraint", "truncate-cascade", "drop-database", "duplicate-column-assignment",
        "unbalanced-transaction", "pg14-concurrent-index-corruption", "identifier-too-long",
        "foreign-key-without-index", "alter-table-combinable", "column-default-change", "drop-not-null",
        "index-too-many-columns", "discouraged-column-type", "statement-not-rerunnable", "enum-value-ordering",
      "enum-value-in-transaction",
        "missing-statement-timeout", "mysql-table-copy", "mysql-table-rebuild");
  }

  @Test
  void findingSpansTheStatementAndNamesLockAndSafeSql() {
    List<Finding> f = run("nullable-first",
        sql("db/migrations/V5__status.sql", "SET lock_timeout = '5s';", "ALTER TABLE accounts",
            "  ADD COLUMN status text NOT NULL;"));
    assertThat(f).hasSize(1);
    assertThat(f.get(0).location().line()).isEqualTo(2);
    assertThat(f.get(0).location().endLine()).isEqualTo(3);
    assertThat(f.get(0).file()).isEqualTo("db/migrations/V5__status.sql");
    assertThat(f.get(0).why()).contains("ACCESS EXCLUSIVE on accounts: blocks reads and writes");
    assertThat(f.get(0).fix()).contains("ALTER TABLE accounts ADD COLUMN status text;")
        .contains("CHECK (status IS NOT NULL) NOT VALID")
        .contains("VALIDATE CONSTRAINT accounts_status_not_null")
        .contains("ALTER COLUMN status SET NOT NULL");
  }

  @Test
  void tableCreatedInAnotherFileOfAKnownChangeIsNotExisting() {
    SourceFile v1 = sql("db/migrations/V1__t.sql", "CREATE TABLE t (id int);");
    SourceFile v2 = sql("db/migrations/V2__i.sql", "CREATE INDEX t_id ON t (id);");
    assertThat(run("index-not-concurrent", Config.defaults(),
        new ChangeSet(ChangeSet.Kind.RANGE, List.of(v1, v2), true))).isEmpty();
    // check PATH is a snapshot, not a known change: only the same file makes a table new
    assertThat(run("index-not-concurrent", v1, v2)).hasSize(1);
    assertThat(run("index-not-concurrent", sql("db/migrations/V3__ti.sql",
        "CREATE TABLE u (id int);", "CREATE INDEX u_id ON u (id);"))).isEmpty();
  }

  @Test
  void tableCreatedByAnAppliedMigrationIsExisting() {
    ChangeSet cs = new ChangeSet(ChangeSet.Kind.RANGE, List.of(
        SourceFile.unchanged("db/migrations/V1__t.sql", "CREATE TABLE t (id int);\n"),
        sql("db/migrations/V2__i.sql", "CREATE INDEX t_id ON t (id);")), true);
    assertThat(run("index-not-concurrent", Config.defaults(), cs)).hasSize(1);
  }

  @Test
  void rollbackScriptsAreCheckedForLocksButNeverForDestructiveDrops() {
    SourceFile up = sql("db/migrations/000002_notes.up.sql",
        "ALTER TABLE accounts ADD COLUMN notes text;",
        "CREATE INDEX CONCURRENTLY accounts_notes ON accounts (notes);");
    SourceFile down = sql("db/migrations/000002_notes.down.sql",
        "DROP INDEX accounts_notes;", "ALTER TABLE accounts DROP COLUMN notes;");
    assertThat(run("destructive-drop", up, down)).isEmpty();
    List<Finding> idx = run("index-not-concurrent", up, down);
    assertThat(idx).extracting(Finding::file).containsExactly("db/migrations/000002_notes.down.sql");
    assertThat(run("missing-lock-timeout", up, down)).extracting(Finding::file)
        .containsExactlyInAnyOrder("db/migrations/000002_notes.up.sql", "db/migrations/000002_notes.down.sql");
  }

  @Test
  void gooseDownSectionIsARollback() {
    SourceFile f = sql("db/migrations/20240101000000_x.sql",
        "-- +goose Up", "ALTER TABLE accounts ADD COLUMN notes text;",
        "-- +goose Down", "ALTER TABLE accounts DROP COLUMN notes;");
    assertThat(run("destructive-drop", f)).isEmpty();
    assertThat(run("destructive-drop", sql("db/migrations/20240101000000_x.sql",
        "-- +goose Up", "ALTER TABLE accounts DROP COLUMN notes;"))).hasSize(1);
    List<Finding> predating = run("destructive-drop", sql("db/migrations/20240101000000_x.sql",
        "-- +goose Up", "ALTER TABLE accounts ADD COLUMN notes text;",
        "-- +goose Down", "ALTER TABLE accounts DROP COLUMN notes;", "DROP TABLE sessions;"));
    assertThat(predating).extracting(x -> x.location().line()).containsExactly(5);
    assertThat(predating.get(0).message()).contains("rollback script");
  }

  @Test
  void mysqlSkipsPostgresOnlyRulesButKeepsNullableFirst() {
    Config mysql = Config.defaults().withDialect(Dialect.MYSQL);
    SourceFile f = sql("db/migrations/1_x.sql",
        "ALTER TABLE `orders` ADD COLUMN `region_id` BIGINT NOT NULL;",
        "CREATE INDEX orders_region ON orders (region_id);",
        "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (region_id) REFERENCES regions (id);");
    assertThat(run("nullable-first", mysql, f)).hasSize(1);
    assertThat(run("nullable-first", mysql, f).get(0).why()).contains("strict mode");
    assertThat(run("index-not-concurrent", mysql, f)).isEmpty();
    assertThat(run("constraint-not-valid", mysql, f)).isEmpty();
    assertThat(run("missing-lock-timeout", mysql, f)).isEmpty();
  }

  @Test
  void anyDefaultRewritesBeforePostgres11ButNotAfter() {
    SourceFile f = sql("db/migrations/1_x.sql",
        "ALTER TABLE accounts ADD COLUMN plan text DEFAULT 'free';",
        "ALTER TABLE accounts ADD COLUMN note text DEFAULT NULL;");
    assertThat(run("volatile-default-rewrite", withPostgres(10), f)).hasSize(1);
    assertThat(run("volatile-default-rewrite", withPostgres(11), f)).isEmpty();
    List<Finding> uuid = run("volatile-default-rewrite", sql("db/migrations/2_x.sql",
        "ALTER TABLE accounts ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();"));
    assertThat(uuid).hasSize(1);
    assertThat(uuid.get(0).message()).contains("gen_random_uuid");
    assertThat(uuid.get(0).why()).contains("ACCESS EXCLUSIVE on accounts").contains("rewritten");
  }

  @Test
  void concurrentlyInATransactionTheToolOpens() {
    SourceFile flywayMixed = sql("db/migrations/V3__idx.sql",
        "ALTER TABLE accounts ADD COLUMN email text;",
        "CREATE INDEX CONCURRENTLY accounts_email ON accounts (email);");
    SourceFile flywayAlone = sql("db/migrations/V4__idx.sql",
        "CREATE INDEX CONCURRENTLY accounts_name ON accounts (name);");
    List<Finding> f = run("concurrently-in-transaction", flywayMixed, flywayAlone);
    assertThat(f).extracting(Finding::file).containsExactly("db/migrations/V3__idx.sql");
    assertThat(f.get(0).fix()).contains("its own migration file");
    assertThat(run("concurrently-in-transaction", withTool(MigrationTool.PLAIN), flywayMixed)).isEmpty();
  }

  @Test
  void validateInTheSameTransactionOnlyWithoutACommitBetween() {
    String add = "ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES accounts (id) NOT VALID;";
    String validate = "ALTER TABLE orders VALIDATE CONSTRAINT fk;";
    assertThat(run("validate-same-transaction",
        sql("db/migrations/1.sql", "BEGIN;", add, validate, "COMMIT;"))).hasSize(1);
    assertThat(run("validate-same-transaction",
        sql("db/migrations/1.sql", "BEGIN;", add, "COMMIT;", "BEGIN;", validate, "COMMIT;"))).isEmpty();
    assertThat(run("validate-same-transaction", sql("db/migrations/1.sql", add, validate))).isEmpty();
    // goose wraps the whole file in one transaction
    assertThat(run("validate-same-transaction",
        sql("db/migrations/1.sql", "-- +goose Up", add, validate))).hasSize(1);
  }

  @Test
  void setNotNullIsSilentAfterAValidatedCheckInAnEarlierMigration() {
    SourceFile v1 = sql("db/migrations/V1__check.sql",
        "ALTER TABLE accounts ADD CONSTRAINT email_nn CHECK (email IS NOT NULL) NOT VALID;");
    SourceFile v2 = sql("db/migrations/V2__validate.sql", "ALTER TABLE accounts VALIDATE CONSTRAINT email_nn;");
    SourceFile v3 = sql("db/migrations/V3__set.sql", "ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;");
    assertThat(run("set-not-null-scan", v1, v2, v3)).isEmpty();
    assertThat(run("set-not-null-scan", v1, v3)).hasSize(1);
    assertThat(run("set-not-null-scan", withPostgres(11), v1, v2, v3)).hasSize(1);
  }

  @Test
  void columnTypeChangeUsesThePriorTypeAndSaysWhenUnknown() {
    SourceFile base = SourceFile.unchanged("db/migrations/V1__t.sql",
        "CREATE TABLE t (id integer, name varchar(80));\n");
    ChangeSet cs = new ChangeSet(ChangeSet.Kind.RANGE, List.of(base, sql("db/migrations/V2__x.sql",
        "ALTER TABLE t ALTER COLUMN name TYPE text;",
        "ALTER TABLE t ALTER COLUMN id TYPE bigint;",
        "ALTER TABLE t ALTER COLUMN other TYPE bigint;")), true);
    List<Finding> f = run("column-type-change", Config.defaults(), cs);
    assertThat(f).extracting(x -> x.location().line()).containsExactly(2, 3);
    assertThat(f.get(0).message()).contains("integer → bigint");
    assertThat(f.get(1).message()).contains("previous type is unknown");
  }

  @Test
  void missingLockTimeoutOncePerFileAndNotAfterSet() {
    List<Finding> f = run("missing-lock-timeout", sql("db/migrations/1.sql",
        "ALTER TABLE a ADD COLUMN x int;", "ALTER TABLE b ADD COLUMN y int;",
        "CREATE INDEX b_y ON b (y);"));
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).contains("2 more");
    assertThat(run("missing-lock-timeout", sql("db/migrations/1.sql",
        "SET lock_timeout = '2s';", "ALTER TABLE a ADD COLUMN x int;"))).isEmpty();
    assertThat(run("missing-lock-timeout", sql("db/migrations/1.sql",
        "SET lock_timeout = 0;", "ALTER TABLE a ADD COLUMN x int;"))).hasSize(1);
  }

  @Test
  void unbatchedBackfillHonoursPacketRowCounts() {
    SourceFile upd = sql("db/migrations/V3__fill.sql", "UPDATE accounts SET plan = 'free' WHERE plan IS NULL;");
    SourceFile small = SourceFile.added("packet/spec.md", "# Fill plan\n\n## Context\naccounts has 20,000 rows.\n");
    SourceFile large = SourceFile.added("packet/spec.md", "# Fill plan\n\n## Context\naccounts has 18M rows.\n");
    assertThat(run("unbatched-backfill", upd, small)).isEmpty();
    List<Finding> big = run("unbatched-backfill", upd, large);
    assertThat(big).hasSize(1);
    assertThat(big.get(0).message()).contains("18000000 rows");
    List<Finding> unknown = run("unbatched-backfill", upd);
    assertThat(unknown).hasSize(1);
    assertThat(unknown.get(0).message()).contains("no packet states its size");
  }

  @Test
  void listedRowsAreATargetedFixUpNotABackfill() {
    assertThat(UnbatchedBackfill.targetsListedRows("id = 42")).isTrue();
    assertThat(UnbatchedBackfill.targetsListedRows("name = 'legacy' AND kind IN (1, 2)")).isTrue();
    assertThat(UnbatchedBackfill.targetsListedRows("a.os = 1502")).isTrue();
    assertThat(UnbatchedBackfill.targetsListedRows("status IS NULL")).isFalse();
    assertThat(UnbatchedBackfill.targetsListedRows("a.post_id = cnt.post_id")).isFalse();
    assertThat(UnbatchedBackfill.targetsListedRows("created_at < now()")).isFalse();
    assertThat(UnbatchedBackfill.targetsListedRows(null)).isFalse();
  }

  @Test
  void destructiveDropExceptionNeedsACompleteHeadTree() {
    String spec = String.join("\n", "# Retire legacy_flag", "", "## Phases", "### 3. Cleanup",
        "Drop the column `legacy_flag` from `accounts`, shipped on its own.", "",
        "## Compatibility", "Old code remains compatible for 7 days.", "");
    SourceFile mig = sql("db/migrations/V9__drop.sql", "ALTER TABLE accounts DROP COLUMN legacy_flag;");
    SourceFile specFile = SourceFile.added("spec.md", spec);
    assertThat(run("destructive-drop", Config.defaults(),
        new ChangeSet(ChangeSet.Kind.RANGE, List.of(mig, specFile), true))).isEmpty();
    List<Finding> partial = run("destructive-drop", Config.defaults(),
        new ChangeSet(ChangeSet.Kind.RANGE, List.of(mig, specFile), false));
    assertThat(partial).hasSize(1);
    assertThat(partial.get(0).message()).contains("head tree is not available");
    String noWindow = spec.replace("Old code remains compatible for 7 days.", "Nothing else.");
    List<Finding> f = run("destructive-drop", mig, SourceFile.added("spec.md", noWindow));
    assertThat(f).hasSize(1);
    assertThat(f.get(0).message()).contains("compatibility window");
  }

  @Test
  void ddlAndDmlMixedOncePerFileAtTheBackfill() {
    List<Finding> f = run("ddl-and-dml-mixed", sql("db/migrations/1.sql",
        "ALTER TABLE accounts ADD COLUMN status text;",
        "UPDATE accounts SET status = 'a';", "DELETE FROM accounts WHERE status = 'x';"));
    assertThat(f).extracting(x -> x.location().line()).containsExactly(2);
    assertThat(run("ddl-and-dml-mixed", sql("db/migrations/1.sql",
        "CREATE TABLE plans (id int);", "INSERT INTO plans VALUES (1);"))).isEmpty();
  }

  @Test
  void unparsedStatementCarriesTheReason() {
    List<Finding> f = run("unparsed-statement", sql("db/migrations/1.sql",
        "ALTER TABLE a ADD COLUMN x int;", "FROBNICATE TABLE a", "  WITH VIGOR;"));
    assertThat(f).hasSize(1);
    assertThat(f.get(0).location().line()).isEqualTo(2);
    assertThat(f.get(0).location().endLine()).isEqualTo(3);
    assertThat(f.get(0).message()).startsWith("could not parse this statement (lines 2–3): ");
  }
  @Test
  void enumValueInTransactionFollowsTheVersionAndTheToolsTransaction() {
    SourceFile alone = sql("db/migrations/1_status.sql", "ALTER TYPE order_status ADD VALUE 'archived';");
    // plain file, no transaction: fine on every version
    assertThat(run("enum-value-in-transaction", withPostgres(11), alone)).isEmpty();
    assertThat(run("enum-value-in-transaction", withPostgres(16), alone)).isEmpty();
    SourceFile goose = sql("db/migrations/20240301120000_status.sql", "-- +goose Up",
        "ALTER TYPE order_status ADD VALUE 'archived';");
    // goose wraps the file: refused before 12, allowed from 12 when the value is not used
    List<Finding> pg11 = run("enum-value-in-transaction", withPostgres(11), goose);
    assertThat(pg11).hasSize(1);
    assertThat(pg11.get(0).message()).contains("goose runs inside a transaction").contains("PostgreSQL 11");
    assertThat(pg11.get(0).fix()).contains("-- +goose NO TRANSACTION");
    assertThat(run("enum-value-in-transaction", withPostgres(12), goose)).isEmpty();
    // a quoted type name and an escaped value are matched as PostgreSQL reads them
    SourceFile used = sql("db/migrations/20240301120000_status.sql", "-- +goose Up",
        "ALTER TYPE \"Order_Status\" ADD VALUE IF NOT EXISTS 'won''t ship';",
        "INSERT INTO orders (id, status) VALUES (1, 'won''t ship');",
        "SELECT 'won''t ship'::text;");
    List<Finding> f = run("enum-value-in-transaction", withPostgres(15), used);
    assertThat(f).hasSize(1);
    assertThat(f.get(0).location().line()).isEqualTo(3);
    assertThat(f.get(0).message()).contains("'won't ship'").contains("(line 2)");
    // the same value after the file: another migration, another transaction
    SourceFile later = sql("db/migrations/20240302120000_use.sql", "-- +goose Up",
        "UPDATE orders SET status = 'archived';");
    assertThat(run("enum-value-in-transaction", withPostgres(15), goose, later)).isEmpty();
  }
}
