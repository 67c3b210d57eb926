package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code specgate check --base REF [--head REF]} end to end through {@link Main#run} on temporary
 * git repositories: tables created in base are existing, tables created in the change are new, and
 * findings land only on what the change touched.
 */
class CheckBaseRangeTest {
  private static final String ACCOUNTS =
      "CREATE TABLE accounts (\n  id bigint PRIMARY KEY,\n  email text\n);\n";

  @TempDir Path repo;
  private Git git;

  @BeforeEach
  void init() throws Exception {
    git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call();
  }

  @AfterEach
  void close() {
    git.close();
  }

  private void write(String path, String text) throws IOException {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private void commit(String message) throws Exception {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    PersonIdent who = new PersonIdent("Test", "test@example.com");
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
  }

  private record Result(int exit, String out, String err) {
    JsonNode json() throws IOException {
      return new ObjectMapper().readTree(out);
    }

    List<JsonNode> findings() throws IOException {
      List<JsonNode> all = new ArrayList<>();
      json().path("findings").forEach(all::add);
      return all;
    }

    List<String> where(String rule) throws IOException {
      List<String> at = new ArrayList<>();
      for (JsonNode f : findings()) {
        if (f.path("rule").asText().equals(rule)) {
          at.add(f.path("file").asText() + ":" + f.path("line").asInt());
        }
      }
      return at;
    }
  }

  private Result check(String... extra) {
    List<String> args = new ArrayList<>(List.of("check", repo.toString(), "--format", "json"));
    args.addAll(List.of(extra));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Main.run(
            args.toArray(String[]::new),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void notNullColumnOnATableFromBaseFires() throws Exception {
    write("db/migrations/001_create_accounts.sql", ACCOUNTS);
    commit("base");
    write("db/migrations/002_add_status.sql",
        "-- accounts gets a status\nALTER TABLE accounts ADD COLUMN status text NOT NULL;\n");
    commit("head");

    Result r = check("--base", "HEAD~1");

    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isEqualTo(Main.EXIT_FINDINGS);
    assertThat(r.where("nullable-first")).containsExactly("db/migrations/002_add_status.sql:2");
  }

  @Test
  void tableAndIndexCreatedInTheChangeAreNew() throws Exception {
    write("db/migrations/001_create_accounts.sql", ACCOUNTS);
    commit("base");
    write("db/migrations/002_orders.sql",
        "CREATE TABLE orders (\n  id bigint PRIMARY KEY,\n  account_id bigint NOT NULL\n);\n"
            + "CREATE INDEX orders_account_idx ON orders (account_id);\n"
            + "ALTER TABLE orders ADD COLUMN note text NOT NULL;\n");
    commit("head");

    Result r = check("--base", "HEAD~1");

    assertThat(r.err()).isEmpty();
    assertThat(r.where("index-not-concurrent")).isEmpty();
    assertThat(r.where("nullable-first")).isEmpty();
    assertThat(r.where("missing-lock-timeout")).isEmpty();
    assertThat(r.findings()).noneMatch(f -> f.path("severity").asText().equals("error"));
    assertThat(r.exit()).isEqualTo(Main.EXIT_OK);
  }

  @Test
  void indexOnATableFromBaseFiresWhereTheSameIndexOnANewTableDoesNot() throws Exception {
    write("db/migrations/001_create_accounts.sql", ACCOUNTS);
    commit("base");
    write("db/migrations/002_indexes.sql",
        "CREATE TABLE sessions (id bigint PRIMARY KEY, account_id bigint);\n"
            + "CREATE INDEX sessions_account_idx ON sessions (account_id);\n"
            + "CREATE INDEX accounts_email_idx ON accounts (email);\n");
    commit("head");

    Result r = check("--base", "HEAD~1");

    assertThat(r.where("index-not-concurrent")).containsExactly("db/migrations/002_indexes.sql:3");
    assertThat(r.exit()).isEqualTo(Main.EXIT_FINDINGS);
  }

  @Test
  void findingsLandOnlyOnWhatTheChangeTouched() throws Exception {
    write("db/migrations/001_create_accounts.sql", ACCOUNTS);
    commit("accounts");
    // An unsafe statement that shipped earlier: not this change's doing.
    write("db/migrations/002_old_index.sql", "CREATE INDEX accounts_email_idx ON accounts (email);\n");
    commit("old index");
    write("db/migrations/002_old_index.sql",
        "CREATE INDEX accounts_email_idx ON accounts (email);\n"
            + "ALTER TABLE accounts ADD COLUMN plan text NOT NULL;\n");
    write("db/migrations/003_status.sql", "ALTER TABLE accounts ADD COLUMN status text NOT NULL;\n");
    commit("head");

    Result r = check("--base", "HEAD~1");

    assertThat(r.where("nullable-first"))
        .containsExactlyInAnyOrder(
            "db/migrations/002_old_index.sql:2", "db/migrations/003_status.sql:1");
    assertThat(r.where("index-not-concurrent")).isEmpty();
    for (JsonNode f : r.findings()) {
      String at = f.path("file").asText() + ":" + f.path("line").asInt();
      assertThat(at).as("finding %s", f).isIn(
          "db/migrations/002_old_index.sql:2", "db/migrations/003_status.sql:1");
    }

    // A range that starts one commit earlier includes the old index, and then it is reported.
    Result wider = check("--base", "HEAD~2");
    assertThat(wider.where("index-not-concurrent"))
        .containsExactly("db/migrations/002_old_index.sql:1");
  }

  @Test
  void headOptionPicksAnEarlierCommitAndIgnoresLaterOnes() throws Exception {
    write("db/migrations/001_create_accounts.sql", ACCOUNTS);
    commit("base");
    write("db/migrations/002_add_status.sql", "ALTER TABLE accounts ADD COLUMN status text NOT NULL;\n");
    commit("middle");
    write("db/migrations/003_more.sql", "ALTER TABLE accounts ADD COLUMN tier text NOT NULL;\n");
    commit("later");

    Result r = check("--base", "HEAD~2", "--head", "HEAD~1");

    assertThat(r.where("nullable-first")).containsExactly("db/migrations/002_add_status.sql:1");
  }

  @Test
  void uncommittedEditsAreNotPartOfTheRange() throws Exception {
    write("db/migrations/001_create_accounts.sql", ACCOUNTS);
    commit("base");
    write("db/migrations/002_comment.sql", "COMMENT ON TABLE accounts IS 'people';\n");
    commit("head");
    write("db/migrations/003_wip.sql", "ALTER TABLE accounts ADD COLUMN wip text NOT NULL;\n");

    Result r = check("--base", "HEAD~1");

    assertThat(r.where("nullable-first")).isEmpty();
    assertThat(r.exit()).isEqualTo(Main.EXIT_OK);
  }

  @Test
  void unknownBaseRefIsAUsageErrorNamingTheRef() throws Exception {
    write("db/migrations/001_create_accounts.sql", ACCOUNTS);
    commit("base");

    Result r = check("--base", "origin/nope");

    assertThat(r.exit()).isEqualTo(Main.EXIT_USAGE);
    assertThat(r.err()).contains("origin/nope").contains("expected a branch, tag or commit id")
        .doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void baseOutsideAGitRepositoryIsAUsageError(@TempDir Path plain) throws Exception {
    Files.writeString(plain.resolve("x.sql"), "SELECT 1;\n");
    ByteArrayOutputStream err = new ByteArrayOutputStream();

    int exit = Main.run(new String[] {"check", plain.toString(), "--base", "main"},
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));

    assertThat(exit).isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("not inside a git repository");
  }
}
