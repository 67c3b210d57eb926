package dev.specgate.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.sql.AlterAction.AddColumn;
import dev.specgate.sql.AlterAction.AddConstraint;
import dev.specgate.sql.ConstraintDef.Kind;
import dev.specgate.sql.Operation.AlterTable;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MigrationParserTest {

  private static Operation pg(String sql) {
    return only(MigrationParser.parse("m.sql", sql, Dialect.POSTGRES));
  }

  private static Operation my(String sql) {
    return only(MigrationParser.parse("m.sql", sql, Dialect.MYSQL));
  }

  private static Operation only(Migration m) {
    assertThat(m.statements()).hasSize(1);
    return m.statements().get(0).op();
  }

  private static AlterTable alter(String table, AlterAction... actions) {
    return new AlterTable(table, List.of(actions), false);
  }

  private static ColumnDef col(String name, String type, boolean notNull, String def) {
    return new ColumnDef(name, type, notNull, def, false, false, false, null, null);
  }

  static Stream<Arguments> postgres() {
    return Stream.of(
        // ADD COLUMN facts
        Arguments.of("ALTER TABLE accounts ADD COLUMN status text NOT NULL",
            alter("accounts", new AddColumn(col("status", "text", true, null), false))),
        Arguments.of("alter table public.Accounts add column if not exists \"Score\" numeric(10, 2) default 0",
            alter("accounts", new AddColumn(col("Score", "numeric(10,2)", false, "0"), true))),
        Arguments.of("ALTER TABLE a ADD COLUMN created timestamp with time zone DEFAULT now() NOT NULL",
            alter("a", new AddColumn(col("created", "timestamp with time zone", true, "now()"), false))),
        Arguments.of("ALTER TABLE a ADD id uuid DEFAULT gen_random_uuid() PRIMARY KEY",
            alter("a", new AddColumn(new ColumnDef("id", "uuid", true, "gen_random_uuid()", true, false, false, null, null), false))),
        Arguments.of("ALTER TABLE a ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY",
            alter("a", new AddColumn(new ColumnDef("n", "bigint", false, null, false, false, true, null, null), false))),
        Arguments.of("ALTER TABLE a ADD COLUMN n bigserial",
            alter("a", new AddColumn(new ColumnDef("n", "bigserial", false, null, false, false, true, null, null), false))),
        Arguments.of("ALTER TABLE a ADD COLUMN total int GENERATED ALWAYS AS (x * 2) STORED",
            alter("a", new AddColumn(new ColumnDef("total", "int", false, null, false, false, true, null, null), false))),
        Arguments.of("ALTER TABLE orders ADD COLUMN user_id int REFERENCES users(id) ON DELETE CASCADE",
            alter("orders", new AddColumn(new ColumnDef("user_id", "int", false, null, false, false, false, "users", null), false))),
        Arguments.of("ALTER TABLE a ADD COLUMN age int CHECK (age > 0) UNIQUE",
            alter("a", new AddColumn(new ColumnDef("age", "int", false, null, false, true, false, null, "age > 0"), false))),
        Arguments.of("ALTER TABLE a ADD COLUMN s text DEFAULT 'a' || 'b' COLLATE \"C\"",
            alter("a", new AddColumn(col("s", "text", false, "'a' || 'b'"), false))),
        Arguments.of("ALTER TABLE a ADD COLUMN k int DEFAULT CASE WHEN true THEN 1 ELSE NULL END NOT NULL",
            alter("a", new AddColumn(col("k", "int", true, "CASE WHEN true THEN 1 ELSE NULL END"), false))),
        // constraints
        Arguments.of("ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID",
            alter("orders", new AddConstraint(new ConstraintDef("orders_user_fk", Kind.FOREIGN_KEY, List.of("user_id"), "users", null, null, List.of("id")), true))),
        Arguments.of("ALTER TABLE a ADD CONSTRAINT c CHECK (x IS NOT NULL) NOT VALID",
            alter("a", new AddConstraint(new ConstraintDef("c", Kind.CHECK, List.of(), null, "x IS NOT NULL", null, List.of()), true))),
        Arguments.of("ALTER TABLE a ADD CONSTRAINT a_email_key UNIQUE USING INDEX a_email_idx",
            alter("a", new AddConstraint(new ConstraintDef("a_email_key", Kind.UNIQUE, List.of(), null, null, "a_email_idx", List.of()), false))),
        Arguments.of("ALTER TABLE a ADD PRIMARY KEY (id, \"Tenant\")",
            alter("a", new AddConstraint(new ConstraintDef(null, Kind.PRIMARY_KEY, List.of("id", "Tenant"), null, null, null, List.of()), false))),
        Arguments.of("ALTER TABLE a ADD CONSTRAINT u UNIQUE (email)",
            alter("a", new AddConstraint(new ConstraintDef("u", Kind.UNIQUE, List.of("email"), null, null, null, List.of()), false))),
        Arguments.of("ALTER TABLE person ADD CONSTRAINT person_local_not_null NOT NULL local",
            alter("person", new AddConstraint(new ConstraintDef("person_local_not_null", Kind.NOT_NULL, List.of("local"), null, null, null, List.of()), false))),
        Arguments.of("ALTER TABLE a VALIDATE CONSTRAINT c",
            alter("a", new AlterAction.ValidateConstraint("c"))),
        Arguments.of("ALTER TABLE a DROP CONSTRAINT IF EXISTS c CASCADE",
            alter("a", new AlterAction.DropConstraint("c", true))),
        // ALTER COLUMN
        Arguments.of("ALTER TABLE a ALTER COLUMN n TYPE bigint",
            alter("a", new AlterAction.AlterColumnType("n", "bigint", null))),
        Arguments.of("ALTER TABLE a ALTER n SET DATA TYPE varchar(200) USING n::varchar(200)",
            alter("a", new AlterAction.AlterColumnType("n", "varchar(200)", "n::varchar(200)"))),
        Arguments.of("ALTER TABLE a ALTER COLUMN n SET NOT NULL, ALTER COLUMN m DROP NOT NULL",
            alter("a", new AlterAction.SetNotNull("n"), new AlterAction.DropNotNull("m"))),
        Arguments.of("ALTER TABLE a ALTER COLUMN n SET DEFAULT now(), ALTER COLUMN m DROP DEFAULT",
            alter("a", new AlterAction.SetDefault("n", "now()"), new AlterAction.DropDefault("m"))),
        Arguments.of("ALTER TABLE a DROP COLUMN IF EXISTS b CASCADE, DROP c",
            alter("a", new AlterAction.DropColumn("b", true, true), new AlterAction.DropColumn("c", false, false))),
        Arguments.of("ALTER TABLE a RENAME COLUMN b TO c", alter("a", new AlterAction.RenameColumn("b", "c"))),
        Arguments.of("ALTER TABLE a RENAME b TO c", alter("a", new AlterAction.RenameColumn("b", "c"))),
        Arguments.of("ALTER TABLE a RENAME TO b", alter("a", new AlterAction.RenameTable("b"))),
        Arguments.of("ALTER TABLE a RENAME CONSTRAINT x TO y", alter("a", new AlterAction.RenameConstraint("x", "y"))),
        Arguments.of("ALTER TABLE a SET UNLOGGED", alter("a", new AlterAction.SetLogged(false))),
        Arguments.of("ALTER TABLE a SET LOGGED", alter("a", new AlterAction.SetLogged(true))),
        Arguments.of("ALTER TABLE a OWNER TO bob", alter("a", new AlterAction.OtherAction("OWNER TO bob"))),
        Arguments.of("ALTER TABLE IF EXISTS ONLY a ENABLE ROW LEVEL SECURITY",
            new AlterTable("a", List.of(new AlterAction.OtherAction("ENABLE ROW LEVEL SECURITY")), true)),
        // indexes
        Arguments.of("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS idx ON ONLY public.t USING gin (lower(email), b DESC) WHERE deleted_at IS NULL",
            new Operation.CreateIndex("idx", "t", List.of("lower(email)", "b"), true, true, true, "deleted_at IS NULL", "gin")),
        Arguments.of("CREATE INDEX i ON t USING btree (community_id, f (published) DESC NULLS LAST, post_id DESC)",
            new Operation.CreateIndex("i", "t", List.of("community_id", "f (published)", "post_id"), false, false, false, null, "btree")),
        Arguments.of("CREATE INDEX ON t (a)",
            new Operation.CreateIndex(null, "t", List.of("a"), false, false, false, null, null)),
        Arguments.of("DROP INDEX CONCURRENTLY IF EXISTS \"Idx\", b",
            new Operation.DropIndex(List.of("Idx", "b"), true, true)),
        Arguments.of("DROP INDEX a", new Operation.DropIndex(List.of("a"), false, false)),
        // DML
        Arguments.of("UPDATE accounts SET status = 'x', n = n + 1 WHERE status IS NULL",
            new Operation.Update("accounts", List.of("status", "n"), "status IS NULL", false)),
        Arguments.of("UPDATE accounts SET status = 'x'",
            new Operation.Update("accounts", List.of("status"), null, false)),
        Arguments.of("UPDATE a SET x = 1 WHERE id BETWEEN 1 AND 1000",
            new Operation.Update("a", List.of("x"), "id BETWEEN 1 AND 1000", true)),
        Arguments.of("UPDATE a SET x = 1 WHERE id >= 1 AND id < 1000 RETURNING id",
            new Operation.Update("a", List.of("x"), "id >= 1 AND id < 1000", true)),
        Arguments.of("UPDATE a SET x = 1 WHERE id IN (SELECT id FROM a WHERE x IS NULL LIMIT 500)",
            new Operation.Update("a", List.of("x"), "id IN (SELECT id FROM a WHERE x IS NULL LIMIT 500)", true)),
        Arguments.of("UPDATE a SET x = 1 WHERE id >= 1 AND id < 1000 OR x IS NULL",
            new Operation.Update("a", List.of("x"), "id >= 1 AND id < 1000 OR x IS NULL", false)),
        Arguments.of("UPDATE a SET x = 1 WHERE id IN (SELECT id FROM b)",
            new Operation.Update("a", List.of("x"), "id IN (SELECT id FROM b)", false)),
        Arguments.of("DELETE FROM a WHERE ctid IN (SELECT ctid FROM a WHERE old LIMIT 1000)",
            new Operation.Delete("a", "ctid IN (SELECT ctid FROM a WHERE old LIMIT 1000)", true)),
        Arguments.of("DELETE FROM ONLY a", new Operation.Delete("a", null, false)),
        Arguments.of("INSERT INTO a (x) VALUES (1)", new Operation.Insert("a", false)),
        Arguments.of("INSERT INTO a SELECT * FROM b", new Operation.Insert("a", true)),
        Arguments.of("WITH s AS (SELECT 1) INSERT INTO a SELECT * FROM s", new Operation.Insert("a", true)),
        Arguments.of("WITH d AS (DELETE FROM a WHERE old RETURNING id) SELECT count(*) FROM d",
            new Operation.Delete("a", "old", false)),
        Arguments.of("WITH RECURSIVE g(f, t) AS (SELECT 1, 2) CYCLE f, t SET is_cycle USING path, h AS (SELECT 1) DELETE FROM a WHERE id < 10",
            new Operation.Delete("a", "id < 10", false)),
        Arguments.of("UPDATE t SET (a[1], b.c) = ROW(1, 2), f1[5].q2 = 43 WHERE id > 0 AND id <= 100",
            new Operation.Update("t", List.of("a", "b", "f1"), "id > 0 AND id <= 100", true)),
        Arguments.of("TRUNCATE TABLE ONLY a, b RESTART IDENTITY", new Operation.Truncate(List.of("a", "b"))),
        Arguments.of("DROP TABLE IF EXISTS a, b CASCADE", new Operation.DropTable(List.of("a", "b"), true, true)),
        // session and transactions
        Arguments.of("SET lock_timeout = '5s'", new Operation.SetParameter("lock_timeout", "'5s'", false)),
        Arguments.of("SET LOCAL statement_timeout TO 0", new Operation.SetParameter("statement_timeout", "0", true)),
        Arguments.of("SET SESSION lock_timeout TO '1s'", new Operation.SetParameter("lock_timeout", "'1s'", false)),
        Arguments.of("RESET lock_timeout", new Operation.SetParameter("lock_timeout", null, false)),
        Arguments.of("BEGIN", new Operation.Transaction(Operation.Transaction.Kind.BEGIN)),
        Arguments.of("START TRANSACTION", new Operation.Transaction(Operation.Transaction.Kind.BEGIN)),
        Arguments.of("COMMIT", new Operation.Transaction(Operation.Transaction.Kind.COMMIT)),
        Arguments.of("END", new Operation.Transaction(Operation.Transaction.Kind.COMMIT)),
        Arguments.of("ROLLBACK", new Operation.Transaction(Operation.Transaction.Kind.ROLLBACK)),
        Arguments.of("SAVEPOINT s1", new Operation.Transaction(Operation.Transaction.Kind.SAVEPOINT)),
        // maintenance
        Arguments.of("VACUUM FULL accounts", new Operation.Maintenance(Operation.Maintenance.Kind.VACUUM, "accounts", true, false)),
        Arguments.of("VACUUM (FULL, ANALYZE) accounts", new Operation.Maintenance(Operation.Maintenance.Kind.VACUUM, "accounts", true, false)),
        Arguments.of("VACUUM ANALYZE", new Operation.Maintenance(Operation.Maintenance.Kind.VACUUM, null, false, false)),
        Arguments.of("CLUSTER accounts USING accounts_pkey", new Operation.Maintenance(Operation.Maintenance.Kind.CLUSTER, "accounts", false, false)),
        Arguments.of("REINDEX INDEX CONCURRENTLY idx", new Operation.Maintenance(Operation.Maintenance.Kind.REINDEX, "idx", false, true, "INDEX")),
        Arguments.of("REINDEX TABLE accounts", new Operation.Maintenance(Operation.Maintenance.Kind.REINDEX, "accounts", false, false, "TABLE")),
        Arguments.of("REFRESH MATERIALIZED VIEW CONCURRENTLY mv", new Operation.Maintenance(Operation.Maintenance.Kind.REFRESH_MATERIALIZED_VIEW, "mv", false, true)),
        Arguments.of("REPACK (VERBOSE) accounts USING INDEX accounts_pkey", new Operation.Maintenance(Operation.Maintenance.Kind.CLUSTER, "accounts", false, false)),
        Arguments.of("REPACK accounts", new Operation.Maintenance(Operation.Maintenance.Kind.VACUUM, "accounts", true, false)),
        Arguments.of("ANALYZE post (url)", new Operation.Maintenance(Operation.Maintenance.Kind.ANALYZE, "post", false, false)),
        // other objects
        Arguments.of("DO $$ BEGIN PERFORM 1; END $$", new Operation.DoBlock("plpgsql")),
        Arguments.of("DO LANGUAGE 'plpgsql' $$ BEGIN END $$", new Operation.DoBlock("plpgsql")),
        Arguments.of("CREATE OR REPLACE FUNCTION app.f(a int) RETURNS int AS $$ SELECT a $$ LANGUAGE sql", new Operation.CreateObject("FUNCTION", "app.f", null, true, null)),
        Arguments.of("CREATE TRIGGER trg BEFORE UPDATE ON a FOR EACH ROW EXECUTE FUNCTION f()", new Operation.CreateObject("TRIGGER", "trg", "a", false, null)),
        Arguments.of("CREATE TYPE mood AS ENUM ('sad', 'ok')", new Operation.CreateObject("TYPE", "mood", null, false, "ENUM")),
        Arguments.of("CREATE EXTENSION IF NOT EXISTS pgcrypto", new Operation.CreateObject("EXTENSION", "pgcrypto")),
        Arguments.of("CREATE MATERIALIZED VIEW mv AS SELECT 1", new Operation.CreateObject("MATERIALIZED VIEW", "mv")),
        Arguments.of("CREATE OR REPLACE VIEW v AS SELECT 1", new Operation.CreateObject("VIEW", "v", null, true, null)),
        Arguments.of("CREATE SEQUENCE IF NOT EXISTS s AS bigint", new Operation.CreateObject("SEQUENCE", "s")),
        Arguments.of("CREATE SCHEMA IF NOT EXISTS app", new Operation.CreateObject("SCHEMA", "app")),
        Arguments.of("CREATE DOMAIN d AS text CHECK (VALUE <> '')", new Operation.CreateObject("DOMAIN", "d", null, false, "CHECK")),
        Arguments.of("CREATE POLICY p ON a USING (true)", new Operation.CreateObject("POLICY", "p", "a", false, null)),
        Arguments.of("DROP TYPE IF EXISTS mood, other CASCADE", new Operation.DropObject("TYPE", List.of("mood", "other"), true, null, true)),
        Arguments.of("DROP FUNCTION f(in a text), g()", new Operation.DropObject("FUNCTION", List.of("f", "g"), false)),
        Arguments.of("DROP TRIGGER IF EXISTS trg ON a", new Operation.DropObject("TRIGGER", List.of("trg"), true, "a", false)),
        Arguments.of("DROP MATERIALIZED VIEW mv", new Operation.DropObject("MATERIALIZED VIEW", List.of("mv"), false)),
        Arguments.of("ALTER INDEX IF EXISTS a_idx RENAME TO b_idx", new Operation.RenameObject("INDEX", "a_idx", "b_idx")),
        Arguments.of("ALTER SEQUENCE s RENAME TO t", new Operation.RenameObject("SEQUENCE", "s", "t")),
        Arguments.of("ALTER FUNCTION f(int) RENAME TO g", new Operation.RenameObject("FUNCTION", "f", "g")),
        Arguments.of("ALTER TRIGGER t ON a RENAME TO u", new Operation.RenameObject("TRIGGER", "t", "u")),
        Arguments.of("ALTER TYPE mood RENAME TO feeling", new Operation.RenameObject("TYPE", "mood", "feeling")),
        Arguments.of("ALTER VIEW v RENAME TO w", new Operation.RenameObject("VIEW", "v", "w")),
        Arguments.of("ALTER TYPE mood ADD VALUE 'happy'", new Operation.AlterObject("TYPE", "mood", null, "ADD VALUE 'happy'")),
        Arguments.of("COMMENT ON FUNCTION f(int) IS 'a' 'b'", new Operation.Other("COMMENT")),
        Arguments.of("GRANT SELECT ON a TO bob", new Operation.Other("GRANT")),
        Arguments.of("REVOKE ALL ON a FROM bob", new Operation.Other("REVOKE")),
        Arguments.of("SELECT setval('s', 1)", new Operation.Other("SELECT")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("postgres")
  void postgresForms(String sql, Operation expected) {
    assertThat(pg(sql)).isEqualTo(expected);
  }

  @Test
  void createTableColumnsAndConstraints() {
    Operation op = pg("CREATE TABLE IF NOT EXISTS app.users (\n"
        + "  id bigserial PRIMARY KEY,\n"
        + "  email varchar(255) NOT NULL UNIQUE,\n"
        + "  org_id int REFERENCES orgs (id),\n"
        + "  key text,\n"
        + "  CONSTRAINT users_email_check CHECK (email <> ''),\n"
        + "  FOREIGN KEY (org_id) REFERENCES orgs (id) ON DELETE SET NULL\n"
        + ") PARTITION BY HASH (id)");
    assertThat(op).isEqualTo(new Operation.CreateTable("app.users",
        List.of(new ColumnDef("id", "bigserial", true, null, true, false, true, null, null),
            new ColumnDef("email", "varchar(255)", true, null, false, true, false, null, null),
            new ColumnDef("org_id", "int", false, null, false, false, false, "orgs", null),
            new ColumnDef("key", "text", false, null, false, false, false, null, null)),
        List.of(new ConstraintDef("users_email_check", Kind.CHECK, List.of(), null, "email <> ''", null, List.of()),
            new ConstraintDef(null, Kind.FOREIGN_KEY, List.of("org_id"), "orgs", null, null, List.of("id"))),
        true, false, false));
    assertThat(pg("CREATE TEMP TABLE t AS SELECT 1")).isEqualTo(
        new Operation.CreateTable("t", List.of(), List.of(), false, true, true));
  }

  @Test
  void mysqlBacktickDdl() {
    assertThat(my("ALTER TABLE `orders` ADD COLUMN `Total` DECIMAL(10,2) NOT NULL DEFAULT '0.00' COMMENT 'sum' AFTER `id`"))
        .isEqualTo(alter("orders", new AddColumn(col("Total", "decimal(10,2)", true, "'0.00'"), false)));
    assertThat(my("ALTER TABLE t DROP FOREIGN KEY fk_a, DROP INDEX idx_a, DROP PRIMARY KEY"))
        .isEqualTo(alter("t", new AlterAction.DropConstraint("fk_a", false), new AlterAction.DropIndex("idx_a"),
            new AlterAction.DropConstraint("primary", false)));
    assertThat(my("ALTER TABLE t ADD INDEX idx_a (a, b(10)), ADD UNIQUE KEY uk (c)"))
        .isEqualTo(alter("t", new AlterAction.AddIndex("idx_a", List.of("a", "b"), "INDEX"),
            new AddConstraint(new ConstraintDef("uk", Kind.UNIQUE, List.of("c"), null, null, null, List.of()), false)));
    assertThat(my("ALTER TABLE t MODIFY COLUMN name VARCHAR(300) NOT NULL"))
        .isEqualTo(alter("t", new AlterAction.AlterColumnType("name", "varchar(300)", null), new AlterAction.SetNotNull("name")));
    assertThat(my("ALTER TABLE t CHANGE `old` `new` INT(11) NULL"))
        .isEqualTo(alter("t", new AlterAction.RenameColumn("old", "new"), new AlterAction.AlterColumnType("new", "int(11)", null),
            new AlterAction.DropNotNull("new")));
    assertThat(my("ALTER TABLE t ADD (a int, b int NOT NULL), ALGORITHM=INPLACE, LOCK=NONE"))
        .isEqualTo(alter("t", new AddColumn(col("a", "int", false, null), false), new AddColumn(col("b", "int", true, null), false),
            new AlterAction.OtherAction("ALGORITHM=INPLACE"), new AlterAction.OtherAction("LOCK=NONE")));
    assertThat(my("DROP INDEX idx ON `t`")).isEqualTo(new Operation.DropIndex(List.of("idx"), false, false, "t"));
    assertThat(my("UPDATE t SET a = 1 WHERE b = 2 LIMIT 1000")).isEqualTo(new Operation.Update("t", List.of("a"), "b = 2", true));
    assertThat(my("/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE */")).isEqualTo(new Operation.SetParameter("@OLD_SQL_MODE", "@@SQL_MODE", false));
    assertThat(my("RENAME TABLE a TO b")).isEqualTo(alter("a", new AlterAction.RenameTable("b")));
    Operation ct = my("CREATE TABLE `t` (\n `id` int(11) NOT NULL AUTO_INCREMENT COMMENT 'key',\n"
        + " PRIMARY KEY (`id`),\n KEY `idx` (`id`)\n) ENGINE=InnoDB DEFAULT CHARSET=utf8");
    assertThat(ct).isEqualTo(new Operation.CreateTable("t",
        List.of(new ColumnDef("id", "int(11)", true, null, false, false, true, null, null)),
        List.of(new ConstraintDef(null, Kind.PRIMARY_KEY, List.of("id"), null, null, null, List.of())), false, false, false));
  }

  @Test
  void transactionTracking() {
    Migration m = MigrationParser.parse("m.sql",
        "CREATE INDEX a ON t (x);\nBEGIN;\nCREATE INDEX CONCURRENTLY b ON t (y);\nCOMMIT;\nSELECT 1;", Dialect.POSTGRES);
    assertThat(m.statements()).extracting(Statement::inExplicitTransaction)
        .containsExactly(false, true, true, true, false);
    assertThat(m.statements()).extracting(Statement::index).containsExactly(0, 1, 2, 3, 4);
    assertThat(m.statements().get(2).line()).isEqualTo(3);
  }

  @Test
  void unparsedStatementsKeepTheirSpanAndAReasonWithFileLines() {
    Migration m = MigrationParser.parse("m.sql",
        "SELECT 1;\n\nFROBNICATE\n  the table;\nCREATE FUNCTION f() AS $$ x", Dialect.POSTGRES);
    assertThat(m.statements()).hasSize(3);
    Statement bad = m.statements().get(1);
    assertThat(bad.op()).isInstanceOf(Operation.Unparsed.class);
    assertThat(bad.line()).isEqualTo(3);
    assertThat(((Operation.Unparsed) bad.op()).reason()).contains("line 3");
    assertThat(((Operation.Unparsed) m.statements().get(2).op()).reason())
        .isEqualTo("unterminated dollar-quoted string starting at line 5");
    Operation partial = pg("ALTER TABLE a ALTER COLUMN b SET NOT NULL garbage");
    assertThat(partial).isInstanceOf(Operation.Unparsed.class);
    assertThat(((Operation.Unparsed) partial).reason()).contains("line 1, column 43");
  }

  @Test
  void statementsTheRecogniserDoesNotKnowGoToJSqlParser() {
    assertThat(pg("UPSERT INTO t (a) VALUES (1)")).isEqualTo(new Operation.Other("UPSERT"));
    assertThat(pg("FROBNICATE TABLE accounts WITH VIGOR"))
        .isEqualTo(new Operation.Unparsed("Encountered unexpected token: \"FROBNICATE\" (line 1, column 1)"));
  }

  @Test
  void truncatedStatementsAreUnparsedNotGuessed() {
    for (String sql : List.of("ALTER TABLE t ADD COLUMN c", "UPDATE t SET", "DELETE FROM t WHERE",
        "CREATE INDEX x USING", "COMMENT ON TABLE t", "CREATE FUNCTION f", "CREATE INDEX i ON t (a",
        "ALTER TABLE t ALTER COLUMN c TYPE", "SET lock_timeout =", "DROP TABLE")) {
      assertThat(pg(sql)).as(sql).isInstanceOf(Operation.Unparsed.class);
      assertThat(((Operation.Unparsed) pg(sql)).reason()).as(sql).doesNotStartWith("internal error");
    }
  }

  @Test
  void isThreadSafe() throws Exception {
    List<String> files = postgres().map(a -> (String) a.get()[0]).toList();
    List<Migration> sequential = files.stream().map(f -> MigrationParser.parse("f.sql", f, Dialect.POSTGRES)).toList();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 20; round++) {
        List<java.util.concurrent.Future<Migration>> futures = new java.util.ArrayList<>();
        for (String f : files) futures.add(pool.submit(() -> MigrationParser.parse("f.sql", f, Dialect.POSTGRES)));
        for (int k = 0; k < files.size(); k++) assertThat(futures.get(k).get()).isEqualTo(sequential.get(k));
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void nothingThrowsOnGarbage() {
    Random r = new Random(7);
    String[] pieces = {"ALTER", "TABLE", "ADD", "COLUMN", "(", ")", ",", "'", "\"", "`", "$$", "/*", "*/",
        "--", "\n", "CREATE", "INDEX", "ON", "DROP", "UPDATE", "SET", "WHERE", "BEGIN", "END", ";",
        "CONSTRAINT", "NOT", "NULL", "DEFAULT", "x", "1", "[", "]", "WITH", "AS", "SELECT", "E'\\'", "/*!"};
    for (int k = 0; k < 3000; k++) {
      StringBuilder b = new StringBuilder();
      int len = r.nextInt(30);
      for (int j = 0; j < len; j++) b.append(pieces[r.nextInt(pieces.length)]).append(' ');
      for (Dialect d : Dialect.values()) {
        Migration m = MigrationParser.parse("g.sql", b.toString(), d);
        for (Statement s : m.statements()) {
          assertThat(s.op()).isNotNull();
          if (s.op() instanceof Operation.Unparsed u) assertThat(u.reason()).doesNotStartWith("internal error");
        }
      }
    }
    for (int k = 0; k < 200; k++) {
      byte[] bytes = new byte[r.nextInt(300)];
      r.nextBytes(bytes);
      MigrationParser.parse("b.sql", new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1), Dialect.POSTGRES);
    }
    assertThat(MigrationParser.parse("e.sql", "$$", Dialect.POSTGRES).statements().get(0).op())
        .isInstanceOf(Operation.Unparsed.class);
    assertThat(MigrationParser.parse("e.sql", "/*", Dialect.POSTGRES).statements().get(0).op())
        .isInstanceOf(Operation.Unparsed.class);
    assertThat(MigrationParser.parse("e.sql", null, Dialect.POSTGRES).statements()).isEmpty();
  }
}
