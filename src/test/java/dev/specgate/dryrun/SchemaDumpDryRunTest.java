package dev.specgate.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.engine.Config;
import dev.specgate.rules.dryrun.DryRunEvidence;
import dev.specgate.rules.dryrun.ObservedLock;
import dev.specgate.rules.dryrun.ObservedStatement;
import dev.specgate.rules.dryrun.RollbackOutcome;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The dry run builds the schema before the change from the schema dump (Rails db/structure.sql,
 * dbmate db/schema.sql) on the process's embedded PostgreSQL: the change is measured on the real
 * table, with the dump's columns and indexes, not on a stand-in.
 */
class SchemaDumpDryRunTest {
  private static final String STRUCTURE;

  static {
    try {
      STRUCTURE = Files.readString(Path.of("src/test/resources/schema-dumps/structure.sql"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static final String RUBY = "class AddAccountUuidKey < ActiveRecord::Migration[7.1]\n  def change\n  end\nend\n";
  private static final String CHANGE = "db/migrate/20240401000000_external_uuid_text.sql";

  private static DryRunOptions rows(long n) {
    return new DryRunOptions(null, null, Map.of("accounts", n), DryRunOptions.DEFAULT_ROW_CEILING, DryRunOptions.DEFAULT_MAX_DATABASE_MB);
  }

  private static ObservedStatement at(DryRunEvidence e, String file, int line) {
    return e.statements().stream().filter(s -> s.file().equals(file) && s.line() == line).findFirst()
        .orElseThrow(() -> new AssertionError("no statement at " + file + ":" + line + " in " + e.statements()));
  }

  @Test
  void aRailsChangeIsMeasuredOnTheTableTheStructureDumpHolds() throws Exception {
    var changes = Changes.of()
        .base("db/migrate/20240105093000_create_accounts.rb", RUBY)
        .base("db/structure.sql", STRUCTURE)
        .add(CHANGE, "ALTER TABLE accounts ALTER COLUMN external_uuid TYPE text;\n")
        .range();
    DryRunEvidence e = DryRun.run(changes, Config.defaults(), rows(2_000)).evidence();
    assertThat(e.notes()).noneMatch(n -> n.contains("stand-in"));
    assertThat(e.notes()).anyMatch(n -> n.startsWith("db/structure.sql (the schema dump before the change) was loaded first"));
    // pgcrypto ships with PostgreSQL; the dump's every statement applies
    assertThat(e.notes()).noneMatch(n -> n.contains("were not applied") || n.contains("was not applied"));
    assertThat(e.tablesBefore()).contains("accounts", "orders", "schema_migrations", "ar_internal_metadata");
    ObservedStatement s = at(e, CHANGE, 1);
    assertThat(s.ok()).as(s.error()).isTrue();
    assertThat(s.rewrites()).containsExactly("accounts");
    // the rewrite rebuilds the dump's unique index on the column
    assertThat(s.locks()).contains(new ObservedLock("accounts", "AccessExclusiveLock"),
        new ObservedLock("index_accounts_on_external_uuid", "AccessExclusiveLock"));
    // the dump's rows of schema_migrations are no evidence: nothing of the dump is among the statements
    assertThat(e.statements()).allMatch(x -> x.file().equals(CHANGE));
    assertThat(e.dataset()).containsExactly(new DryRunEvidence.SeededTable("accounts", 2_000, -1));
  }

  @Test
  void aChildTableOfTheDumpIsFilledWithItsParentsKeys() throws Exception {
    var changes = Changes.of()
        .base("db/structure.sql", STRUCTURE)
        .add(CHANGE, "ALTER TABLE orders ALTER COLUMN total_cents TYPE bigint;\n")
        .range();
    DryRunEvidence e = DryRun.run(changes, Config.defaults(),
        new DryRunOptions(null, null, Map.of("orders", 3_000L), DryRunOptions.DEFAULT_ROW_CEILING, DryRunOptions.DEFAULT_MAX_DATABASE_MB)).evidence();
    assertThat(e.notes()).noneMatch(n -> n.contains("could not be filled") || n.contains("stand-in"));
    // the dump's foreign key orders.account_id → accounts: accounts is filled first, with the dump's NOT NULL columns
    assertThat(e.dataset()).extracting(DryRunEvidence.SeededTable::table, DryRunEvidence.SeededTable::rows)
        .contains(org.assertj.core.groups.Tuple.tuple("orders", 3_000L));
    ObservedStatement s = at(e, CHANGE, 1);
    assertThat(s.rewrites()).containsExactly("orders");
    assertThat(s.locks()).contains(new ObservedLock("orders", "AccessExclusiveLock"),
        new ObservedLock("index_orders_on_account_id", "AccessExclusiveLock"));
  }

  @Test
  void withoutTheDumpTheSameChangeRunsOnAStandIn() throws Exception {
    var changes = Changes.of()
        .base("db/migrate/20240105093000_create_accounts.rb", RUBY)
        .add(CHANGE, "ALTER TABLE accounts ALTER COLUMN external_uuid TYPE text;\n")
        .range();
    DryRunEvidence e = DryRun.run(changes, Config.defaults(), rows(2_000)).evidence();
    assertThat(e.notes()).anyMatch(n -> n.startsWith("no migration before the change creates accounts: the dry run created a stand-in"));
    assertThat(at(e, CHANGE, 1).locks()).doesNotContain(new ObservedLock("index_accounts_on_external_uuid", "AccessExclusiveLock"));
  }

  @Test
  void aDumpStatementThisPostgresRejectsIsNamedAndTheRunGoesOn() throws Exception {
    String dump = STRUCTURE.replace("--\n-- Name: account_state; Type: TYPE;",
        "CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public;\n\n"
            + "COMMENT ON EXTENSION postgis IS 'PostGIS geometry and geography spatial types and functions';\n\n"
            + "CREATE TABLE public.places (id bigint NOT NULL, location public.geometry(Point,4326));\n\n"
            + "CREATE SCHEMA public;\n\n"
            + "--\n-- Name: account_state; Type: TYPE;");
    var changes = Changes.of()
        .base("db/structure.sql", dump)
        .add(CHANGE, "ALTER TABLE accounts ADD COLUMN nickname text;\n")
        .range();
    DryRunEvidence e = DryRun.run(changes, Config.defaults(), rows(100)).evidence();
    assertThat(e.notes()).anyMatch(n -> n.startsWith("4 statements of db/structure.sql were not applied")
        && n.contains("CREATE EXTENSION IF NOT EXISTS postgis WITH SCHEMA public (not available on this PostgreSQL)")
        && n.contains("COMMENT ON EXTENSION postgis") && n.contains("CREATE TABLE public.places")
        && n.endsWith("; …"));
    assertThat(e.notes()).noneMatch(n -> n.contains("stand-in"));
    assertThat(e.tablesBefore()).contains("accounts").doesNotContain("places");
    assertThat(at(e, CHANGE, 1).ok()).isTrue();
  }

  @Test
  void theDumpsSessionSettingsDoNotReachTheChange() throws Exception {
    // pg_dump empties search_path and turns lock_timeout and check_function_bodies off for the dump only
    String probe = String.join("\n",
        "DO $$",
        "BEGIN",
        "  IF current_setting('search_path') = '' THEN RAISE EXCEPTION 'search_path leaked'; END IF;",
        "  IF current_setting('check_function_bodies') = 'off' THEN RAISE EXCEPTION 'check_function_bodies leaked'; END IF;",
        "  IF current_setting('client_min_messages') = 'warning' THEN RAISE EXCEPTION 'client_min_messages leaked'; END IF;",
        "END",
        "$$;",
        "CREATE TABLE account_notes (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id), body text);",
        "ALTER TABLE accounts ADD COLUMN nickname text;",
        "");
    var changes = Changes.of()
        // without the SET search_path Rails appends, so the dump's own set_config is the last word
        .base("db/structure.sql", STRUCTURE.replace("SET search_path TO \"$user\", public;", ""))
        .add(CHANGE, probe)
        .range();
    DryRunEvidence e = DryRun.run(changes, Config.defaults(), rows(100)).evidence();
    assertThat(e.statements()).allSatisfy(s -> assertThat(s.ok()).as(s.line() + ": " + s.error()).isTrue());
    assertThat(e.statements()).hasSize(3);
    assertThat(at(e, CHANGE, 9).locks()).contains(new ObservedLock("accounts", "AccessExclusiveLock"));
  }

  @Test
  void dbmateMigrationsTheDumpListsAreNotReplayedOnTopOfIt() throws Exception {
    String schema = String.join("\n",
        "SET statement_timeout = 0;",
        "SELECT pg_catalog.set_config('search_path', '', false);",
        "CREATE TABLE public.accounts (id bigint NOT NULL, email character varying(255) NOT NULL);",
        "ALTER TABLE ONLY public.accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);",
        "CREATE TABLE public.schema_migrations (version character varying(128) NOT NULL);",
        "INSERT INTO public.schema_migrations (version) VALUES ('20240101000000');",
        "");
    String create = "-- migrate:up\nCREATE TABLE accounts (id bigint PRIMARY KEY, email varchar(255) NOT NULL);\n"
        + "-- migrate:down\nDROP TABLE accounts;\n";
    String later = "-- migrate:up\nCREATE TABLE notes (id bigint PRIMARY KEY);\n-- migrate:down\nDROP TABLE notes;\n";
    String change = "db/migrations/20240301000000_email_text.sql";
    var changes = Changes.of()
        .base("db/schema.sql", schema)
        .base("db/migrations/20240101000000_accounts.sql", create)
        .base("db/migrations/20240201000000_notes.sql", later)
        // not listed, and its table is in the dump already: left out with a note, the run goes on
        .base("db/migrations/20240210000000_accounts_again.sql", create)
        .add(change, "-- migrate:up\nALTER TABLE accounts ALTER COLUMN email TYPE text;\n"
            + "-- migrate:down\nALTER TABLE accounts ALTER COLUMN email TYPE varchar(255);\n")
        .range();
    DryRunEvidence e = DryRun.run(changes, Config.defaults(), rows(100)).evidence();
    assertThat(e.notes()).anyMatch(n -> n.startsWith("1 migration before the change not replayed: the schema dump's"
        + " schema_migrations lists it") && n.contains("db/migrations/20240101000000_accounts.sql"));
    assertThat(e.notes()).anyMatch(n -> n.startsWith("db/migrations/20240210000000_accounts_again.sql (before the change)"
        + " does not apply on top of the schema dump and was left out: line 2: relation \"accounts\" already exists"));
    // a migration the dump does not list is replayed on top of it
    assertThat(e.tablesBefore()).contains("accounts", "notes");
    ObservedStatement s = at(e, change, 2);
    assertThat(s.ok()).isTrue();
    // varchar(255) to text is binary-coercible: no rewrite on the dump's column (a stand-in's would be text already)
    assertThat(s.rewrites()).isEmpty();
    assertThat(e.rollback()).extracting(RollbackOutcome::ok).containsExactly(true);
    assertThat(e.rollback().get(0).differences()).isEmpty();
  }

  @Test
  void aPhaseRollbackIsVerifiedOnTheDumpsSchema() throws Exception {
    String spec = String.join("\n",
        "# Spec", "", "## Phases", "", "### Phase 1 — Expand", "", "```sql",
        "ALTER TABLE accounts ADD COLUMN nickname text;",
        "CREATE INDEX CONCURRENTLY index_accounts_on_nickname ON accounts (nickname);",
        "```", "", "**Rollback (Phase 1):**", "", "```sql",
        "DROP INDEX CONCURRENTLY index_accounts_on_nickname;",
        "ALTER TABLE accounts DROP COLUMN nickname;",
        "```", "");
    var changes = Changes.of()
        .base("db/migrate/20240105093000_create_accounts.rb", RUBY)
        .base("db/structure.sql", STRUCTURE)
        .add("docs/plans/nickname/spec.md", spec)
        .range();
    DryRunEvidence e = DryRun.run(changes, Config.defaults()).evidence();
    assertThat(e.notes()).noneMatch(n -> n.contains("stand-in"));
    assertThat(e.notes()).filteredOn(n -> n.startsWith("db/structure.sql (the schema dump")).hasSize(1);
    assertThat(e.rollback()).singleElement().satisfies(r -> {
      assertThat(r.ok()).isTrue();
      assertThat(r.differences()).isEmpty();
    });
    assertThat(e.rerun()).isEmpty();
  }

  @Test
  void aMigrationVersionIsTheDigitsBeforeTheUnderscore() {
    assertThat(SchemaDumpLoader.versionOf("db/migrate/20240105093000_create_accounts.sql")).isEqualTo("20240105093000");
    assertThat(SchemaDumpLoader.versionOf("db/migrations/V2__x.sql")).isNull();
    assertThat(SchemaDumpLoader.versionOf("db/migrations/1.sql")).isNull();
  }
}
