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
 * diesel runs up.sql and down.sql in a transaction unless the metadata.toml beside them says
 * {@code run_in_transaction = false}: read from a folder, from named files and from a git range,
 * through the CLI's main entry on real diesel layouts.
 */
class DieselMetadataCheckTest {
  private static final String MIGRATION = "migrations/2024-05-02-101500_accounts_email_idx/";
  private static final String CONCURRENT =
      "SET lock_timeout = '5s';\nCREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);\n";

  @TempDir Path dir;

  private Path write(String rel, String text) throws Exception {
    return CheckCommandTest.write(dir, rel, text);
  }

  private static List<String> rulesAt(CheckCommandTest.Run r, String file) throws Exception {
    JsonNode json = new ObjectMapper().readTree(r.out());
    List<String> out = new ArrayList<>();
    for (JsonNode f : json.get("findings")) {
      if (f.get("file").asText().endsWith(file)) out.add(f.get("rule").asText() + ":" + f.get("line").asInt());
    }
    return out;
  }

  private void layout() throws Exception {
    write("migrations/00000000000000_diesel_initial_setup/up.sql", "SELECT 1;\n");
    write("migrations/2024-05-01-090000_accounts/up.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n");
    write("migrations/2024-05-01-090000_accounts/down.sql", "DROP TABLE accounts;\n");
    write(MIGRATION + "up.sql", CONCURRENT);
    write(MIGRATION + "down.sql", "DROP INDEX CONCURRENTLY accounts_email_idx;\n");
  }

  @Test
  void withoutMetadataTomlDieselRunsTheFileInATransactionAndConcurrentlyFails() throws Exception {
    layout();
    CheckCommandTest.Run r = CheckCommandTest.run("check", dir.toString(), "--format", "json");
    assertThat(rulesAt(r, MIGRATION + "up.sql")).containsExactly("concurrently-in-transaction:2");
    // down.sql runs in the transaction too
    assertThat(rulesAt(r, MIGRATION + "down.sql")).contains("concurrently-in-transaction:1");
    assertThat(r.out()).contains("in a file diesel runs inside a transaction (no metadata.toml beside it says"
        + " run_in_transaction = false)");
    assertThat(r.exit()).isEqualTo(1);
  }

  @Test
  void runInTransactionFalseMeansNoFinding() throws Exception {
    layout();
    write(MIGRATION + "metadata.toml", "# CONCURRENTLY cannot run in a transaction\nrun_in_transaction = false\n");
    CheckCommandTest.Run r = CheckCommandTest.run("check", dir.toString(), "--format", "json");
    assertThat(rulesAt(r, MIGRATION + "up.sql")).doesNotContain("concurrently-in-transaction:2");
    assertThat(rulesAt(r, MIGRATION + "down.sql")).noneMatch(s -> s.startsWith("concurrently-in-transaction"));
    assertThat(rulesAt(r, "metadata.toml")).isEmpty();
  }

  @Test
  void aNamedUpSqlBringsItsMetadataToml() throws Exception {
    layout();
    Path up = dir.resolve(MIGRATION + "up.sql");
    assertThat(rulesAt(CheckCommandTest.run("check", up.toString(), "--format", "json"), "up.sql"))
        .containsExactly("concurrently-in-transaction:2");
    write(MIGRATION + "metadata.toml", "run_in_transaction = false\n");
    CheckCommandTest.Run r = CheckCommandTest.run("check", up.toString(), "--format", "json");
    assertThat(rulesAt(r, "up.sql")).isEmpty();
    assertThat(r.exit()).isZero();
  }

  @Test
  void aMetadataTomlDieselCannotReadIsAnErrorAtItsLine() throws Exception {
    layout();
    write(MIGRATION + "metadata.toml", "# no transaction please\nrun_in_transaction = maybe\n");
    CheckCommandTest.Run r = CheckCommandTest.run("check", dir.toString(), "--format", "json");
    assertThat(rulesAt(r, MIGRATION + "metadata.toml")).containsExactly("invalid-migration-metadata:2");
    JsonNode f = new ObjectMapper().readTree(r.out()).get("findings").findParents("rule").stream()
        .filter(n -> n.get("rule").asText().equals("invalid-migration-metadata")).findFirst().orElseThrow();
    assertThat(f.get("severity").asText()).isEqualTo("error");
    assertThat(f.get("message").asText()).contains("run_in_transaction = maybe").contains("expected true or false")
        .contains("in a transaction");
    // diesel falls back to a transaction: the CONCURRENTLY fails, and is reported
    assertThat(rulesAt(r, MIGRATION + "up.sql")).containsExactly("concurrently-in-transaction:2");
    assertThat(r.exit()).isEqualTo(1);
  }

  @Test
  void aGitRangeReadsTheMetadataTomlAtHead() throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      write("migrations/2024-05-01-090000_accounts/up.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n");
      commit(git, "accounts");
      write(MIGRATION + "up.sql", CONCURRENT);
      commit(git, "index without metadata");
      write("migrations/2024-05-03-101500_accounts_id_email_idx/up.sql",
          "CREATE INDEX CONCURRENTLY accounts_id_email_idx ON accounts (id, email);\n");
      write("migrations/2024-05-03-101500_accounts_id_email_idx/metadata.toml", "run_in_transaction = false\n");
      commit(git, "index with metadata");
    }
    CheckCommandTest.Run first = CheckCommandTest.run("check", dir.toString(), "--base", "HEAD~2", "--head", "HEAD~1",
        "--format", "json");
    assertThat(rulesAt(first, MIGRATION + "up.sql")).containsExactly("concurrently-in-transaction:2");
    CheckCommandTest.Run second = CheckCommandTest.run("check", dir.toString(), "--base", "HEAD~1", "--format", "json");
    assertThat(rulesAt(second, "accounts_id_email_idx/up.sql")).isEmpty();
    assertThat(second.exit()).isZero();
  }

  @Test
  void anUnchangedMetadataTomlDieselCannotReadIsReportedWhenAMigrationBesideItChanges() throws Exception {
    try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
      write("migrations/2024-05-01-090000_accounts/up.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, email text);\n");
      write(MIGRATION + "up.sql", CONCURRENT);
      write(MIGRATION + "metadata.toml", "run_in_transaction = maybe\n");
      commit(git, "index, metadata diesel cannot read");
      write(MIGRATION + "up.sql", CONCURRENT + "-- the index speeds up the login lookup\n");
      commit(git, "the migration changes, its metadata.toml does not");
      write("README.md", "# accounts\n");
      commit(git, "an unrelated change");
    }
    CheckCommandTest.Run beside = CheckCommandTest.run("check", dir.toString(), "--base", "HEAD~2", "--head", "HEAD~1",
        "--format", "json");
    assertThat(rulesAt(beside, MIGRATION + "metadata.toml")).containsExactly("invalid-migration-metadata:1");
    CheckCommandTest.Run unrelated = CheckCommandTest.run("check", dir.toString(), "--base", "HEAD~1", "--format", "json");
    assertThat(rulesAt(unrelated, MIGRATION + "metadata.toml")).isEmpty();
  }

  @Test
  void aMetadataTomlTooLargeToReadIsNamedAndTheTransactionGuessedFromTheStatements() throws Exception {
    layout();
    write(MIGRATION + "metadata.toml", "run_in_transaction = false\n" + "# padding\n".repeat(200));
    CheckCommandTest.Run r = CheckCommandTest.run("check", dir.toString(), "--max-file-bytes", "1000", "--format", "json");
    assertThat(rulesAt(r, MIGRATION + "metadata.toml")).containsExactly("internal-error:1");
    // CONCURRENTLY only ever applied with run_in_transaction = false: no finding
    assertThat(rulesAt(r, MIGRATION + "up.sql")).doesNotContain("concurrently-in-transaction:2");
    assertThat(r.err()).contains("metadata.toml").contains("not analysed");
  }

  private static void commit(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    PersonIdent who = new PersonIdent("Test", "test@example.com");
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
  }
}
