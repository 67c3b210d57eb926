package dev.specgate.rules.guardrail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.Finding;
import dev.specgate.engine.Analysis;
import dev.specgate.engine.Config;
import dev.specgate.engine.Report;
import dev.specgate.git.GitRange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guardrail rules on a real git range (what check --base and the Action analyse). */
class GuardrailGitRangeTest {
  @TempDir Path repo;

  private void write(String path, String text) throws Exception {
    Path file = repo.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private static void commit(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    git.add().addFilepattern(".").setUpdate(true).call();
    PersonIdent who = new PersonIdent("Test", "test@example.com");
    git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call();
  }

  @Test
  void forbiddenAndOutOfScopeChangesOfARange() throws Exception {
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      write("packets/account-status/spec.md", Seed000.SPEC);
      write("db/migrations/V1__accounts.sql",
          "CREATE TABLE accounts (id bigint PRIMARY KEY, closed_at timestamptz, billing_pause_until timestamptz);\n");
      write("src/main/java/com/acme/status/StatusInference.java", String.join("\n",
          "class StatusInference {",
          "  Status statusOf(Account a) {",
          "    if (a.getClosedAt() != null) return Status.CLOSED;",
          "    return Status.ACTIVE;",
          "  }",
          "}", ""));
      write("src/search/Indexer.java", "class Indexer {\n}\n");
      commit(git, "base");

      write("db/migrations/V2__account_status.sql",
          "ALTER TABLE accounts ADD COLUMN account_status text;\n");
      write("src/main/java/com/acme/status/StatusInference.java", String.join("\n",
          "class StatusInference {",
          "  Status statusOf(Account a) {",
          "    return Status.ACTIVE;",
          "  }",
          "}", ""));
      write("src/search/Indexer.java", "class Indexer {\n  void status() {}\n}\n");
      // touch the packet so it is in scope whatever the engine's linking
      write("packets/account-status/spec.md", Seed000.SPEC + "\n");
      commit(git, "head");
    }
    ChangeSet range = GitRange.changeSet(repo, "HEAD~1", "HEAD");
    Report r = Analysis.run(range, Config.defaults());
    List<Finding> guard = r.findings().stream().filter(f -> f.rule().startsWith("guardrail-")).toList();
    assertThat(guard).extracting(f -> f.rule() + " " + f.file() + ":" + f.line()).containsExactlyInAnyOrder(
        "guardrail-forbidden src/main/java/com/acme/status/StatusInference.java:3",
        "guardrail-out-of-scope src/main/java/com/acme/status/StatusInference.java:3",
        "guardrail-out-of-scope src/search/Indexer.java:2");
    assertThat(guard.get(0).message()).isNotBlank();
  }
}
