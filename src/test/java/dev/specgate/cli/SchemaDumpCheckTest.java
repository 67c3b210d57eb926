package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A schema dump (Rails db/structure.sql, dbmate db/schema.sql) is the schema before the change:
 * the SQL of a plan or a migration is judged against the columns, indexes and functions it holds.
 * Through the CLI's main entry, on real layouts: a folder, and a git range (the dump at base).
 */
class SchemaDumpCheckTest {
  /** A pg_dump-style structure.sql: SET lines, set_config, extension comment, $$ functions, ONLY, sequences, schema_migrations inserts. */
  private static final Path STRUCTURE = Path.of("src/test/resources/schema-dumps/structure.sql");

  @TempDir Path dir;

  private Path write(String rel, String text) throws Exception {
    return CheckCommandTest.write(dir, rel, text);
  }

  private static List<String> findings(CheckCommandTest.Run r) throws Exception {
    JsonNode json = new ObjectMapper().readTree(r.out());
    List<String> out = new ArrayList<>();
    for (JsonNode f : json.get("findings")) {
      out.add(f.get("file").asText() + ":" + f.get("line").asInt() + " " + f.get("rule").asText());
    }
    return out;
  }

  private void railsLayout(boolean dump) throws Exception {
    write("db/migrate/20240401000000_add_account_uuid_key.rb",
        "class AddAccountUuidKey < ActiveRecord::Migration[7.1]\n  def change\n  end\nend\n");
    if (dump) write("db/structure.sql", Files.readString(STRUCTURE));
    write("docs/plans/accounts-uuid/spec.md", String.join("\n",
        "# Accounts keyed by uuid",
        "",
        "## Phase 1 — expand",
        "",
        "```sql",
        "ALTER TABLE accounts ALTER COLUMN email TYPE text;",
        "ALTER TABLE accounts ADD CONSTRAINT accounts_uuid_key PRIMARY KEY USING INDEX index_accounts_on_external_uuid;",
        "ALTER TABLE accounts ADD COLUMN referral text NOT NULL DEFAULT referral_code(1);",
        "ALTER TABLE accounts ALTER COLUMN display_name TYPE varchar(200);",
        "```",
        ""));
  }

  @Test
  void aRailsPlanIsJudgedAgainstTheStructureDump() throws Exception {
    railsLayout(true);
    List<String> f = findings(CheckCommandTest.run("check", dir.toString(), "--format", "json"));
    String spec = "docs/plans/accounts-uuid/spec.md:";
    // the dump says external_uuid is nullable and names the index: the primary key sets it NOT NULL, a full scan
    assertThat(f).contains(spec + "7 set-not-null-scan");
    // the dump says email is varchar(255) and display_name varchar(100): widening to text / varchar(200) is in place
    assertThat(f).doesNotContain(spec + "6 column-type-change", spec + "9 column-type-change");
    // the dump declares referral_code IMMUTABLE: no rewrite
    assertThat(f).doesNotContain(spec + "8 volatile-default-rewrite");
    // the dump itself is no migration and gets nothing
    assertThat(f).noneMatch(x -> x.startsWith("db/structure.sql"));
  }

  @Test
  void withoutTheDumpThePlanIsJudgedOnItsOwn() throws Exception {
    railsLayout(false);
    List<String> f = findings(CheckCommandTest.run("check", dir.toString(), "--format", "json"));
    String spec = "docs/plans/accounts-uuid/spec.md:";
    assertThat(f).doesNotContain(spec + "7 set-not-null-scan");
    assertThat(f).contains(spec + "6 column-type-change", spec + "9 column-type-change", spec + "8 volatile-default-rewrite");
  }

  @Test
  void aTableThePlanCreatesIfNotExistsIsExistingWhenTheDumpHasIt() throws Exception {
    write("db/migrate/20240401000000_last_seen.rb", "class LastSeen < ActiveRecord::Migration[7.1]\nend\n");
    write("docs/plans/last-seen/spec.md", String.join("\n", "# Last seen", "", "## Phase 1", "", "```sql",
        "CREATE TABLE IF NOT EXISTS accounts (id bigint PRIMARY KEY, email text NOT NULL);",
        "ALTER TABLE accounts ADD COLUMN last_seen_at timestamptz NOT NULL DEFAULT clock_timestamp();",
        "```", ""));
    String at = "docs/plans/last-seen/spec.md:7 volatile-default-rewrite";
    // without the dump the plan's CREATE makes accounts a new table: nothing to rewrite
    assertThat(findings(CheckCommandTest.run("check", dir.toString(), "--format", "json"))).doesNotContain(at);
    write("db/structure.sql", Files.readString(STRUCTURE));
    // with it, accounts exists, IF NOT EXISTS is a no-op, and the volatile default rewrites every row
    assertThat(findings(CheckCommandTest.run("check", dir.toString(), "--format", "json"))).contains(at);
  }

  @Test
  void theDumpPathsAreAConfigKey() throws Exception {
    railsLayout(false);
    write("schema/prod-dump.sql", Files.readString(STRUCTURE));
    String spec = "docs/plans/accounts-uuid/spec.md:";
    assertThat(findings(CheckCommandTest.run("check", dir.toString(), "--format", "json")))
        .doesNotContain(spec + "7 set-not-null-scan");
    write(".specgate.yml", "schemaDumps: [\"schema/*-dump.sql\"]\n");
    assertThat(findings(CheckCommandTest.run("check", dir.toString(), "--format", "json")))
        .contains(spec + "7 set-not-null-scan");
  }

  @Test
  void aNamedPlanBringsTheDumpAboveIt() throws Exception {
    // named files are read relative to the current folder, so this layout sits below it (in target/)
    Path root = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "schema-dump-");
    try {
      Path plan = root.resolve("docs/plans/uuid/spec.md");
      Files.createDirectories(plan.getParent());
      Files.writeString(plan, String.join("\n", "# Accounts", "", "## Phase 1", "", "```sql",
          "ALTER TABLE accounts ADD CONSTRAINT accounts_uuid_key PRIMARY KEY USING INDEX index_accounts_on_external_uuid;",
          "```", ""));
      String named = Path.of("").toAbsolutePath().relativize(plan.toAbsolutePath()).toString();
      assertThat(findings(CheckCommandTest.run("check", named, "--format", "json")))
          .noneMatch(x -> x.endsWith(" set-not-null-scan"));
      Files.createDirectories(root.resolve("db"));
      Files.copy(STRUCTURE, root.resolve("db/structure.sql"));
      assertThat(findings(CheckCommandTest.run("check", named, "--format", "json")))
          .contains(named.replace('\\', '/') + ":6 set-not-null-scan");
    } finally {
      try (var walk = Files.walk(root)) {
        walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }

  private static final String BASE_SCHEMA = String.join("\n",
      "SET statement_timeout = 0;",
      "SELECT pg_catalog.set_config('search_path', '', false);",
      "CREATE TABLE public.accounts (",
      "    id bigint NOT NULL,",
      "    email character varying(255) NOT NULL,",
      "    external_uuid uuid",
      ");",
      "ALTER TABLE ONLY public.accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY (id);",
      "INSERT INTO public.schema_migrations (version) VALUES ('20240101000000');",
      "");
  /** dbmate rewrites schema.sql after migrating: at head it already holds the change's result. */
  private static final String HEAD_SCHEMA = BASE_SCHEMA
      .replace("email character varying(255) NOT NULL", "email text NOT NULL")
      .replace("external_uuid uuid", "external_uuid uuid NOT NULL");
  private static final String MIGRATION = "db/migrations/20240501000000_accounts_uuid.sql";
  private static final String MIGRATION_SQL = String.join("\n",
      "-- migrate:up",
      "ALTER TABLE accounts ALTER COLUMN email TYPE text;",
      "ALTER TABLE accounts ALTER COLUMN external_uuid SET NOT NULL;",
      "",
      "-- migrate:down",
      "ALTER TABLE accounts ALTER COLUMN external_uuid DROP NOT NULL;",
      "");

  @Test
  void aDumpOverMaxFileBytesIsNamedNotSkipped() throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      write("db/schema.sql", BASE_SCHEMA + "-- padding\n".repeat(500));
      write("db/migrations/.keep", "");
      commit(git, "squashed");
      write(MIGRATION, MIGRATION_SQL);
      commit(git, "uuid not null");
    }
    CheckCommandTest.Run folder = CheckCommandTest.run("check", dir.toString(), "--max-file-bytes", "2000", "--format", "json");
    assertThat(findings(folder)).contains("db/schema.sql:1 internal-error");
    assertThat(folder.err()).contains("db/schema.sql").contains("not analysed");
    CheckCommandTest.Run range = CheckCommandTest.run("check", dir.toString(), "--base", "HEAD~1", "--max-file-bytes", "2000",
        "--format", "json");
    assertThat(findings(range)).contains("db/schema.sql:1 internal-error");
    assertThat(range.err()).contains("db/schema.sql: larger than 2000 bytes (--max-file-bytes); not analysed");
    // the default bound reads it
    assertThat(findings(CheckCommandTest.run("check", dir.toString(), "--base", "HEAD~1", "--format", "json")))
        .doesNotContain("db/schema.sql:1 internal-error");
  }

  @Test
  void aGitRangeReadsTheDumpAtBaseNotAtHead() throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      // a squashed history: the dump is the only place accounts is defined
      write("db/schema.sql", BASE_SCHEMA);
      write("db/migrations/.keep", "");
      commit(git, "squashed");
      write("db/schema.sql", HEAD_SCHEMA);
      write(MIGRATION, MIGRATION_SQL);
      commit(git, "uuid not null");
    }
    List<String> f = findings(CheckCommandTest.run("check", dir.toString(), "--base", "HEAD~1", "--format", "json"));
    // at base email was varchar(255): text is in place; external_uuid was nullable: SET NOT NULL scans
    assertThat(f).doesNotContain(MIGRATION + ":2 column-type-change");
    assertThat(f).contains(MIGRATION + ":3 set-not-null-scan");
    assertThat(f).noneMatch(x -> x.startsWith("db/schema.sql"));
  }

  @Test
  void aSnapshotLeavesOutWhatTheDumpSaysAboutTablesItsMigrationsChange() throws Exception {
    write("db/schema.sql", HEAD_SCHEMA);
    write(MIGRATION, MIGRATION_SQL);
    List<String> f = findings(CheckCommandTest.run("check", dir.toString(), "--format", "json"));
    // the dump at head already says NOT NULL and text; taken as the prior state it would hide both
    assertThat(f).contains(MIGRATION + ":3 set-not-null-scan", MIGRATION + ":2 column-type-change");
  }

  private static void commit(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    PersonIdent who = new PersonIdent("Test", "test@example.com");
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
  }
}
