package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `specgate dry-run` and `check --dry-run` through the real entry point, on real files. */
class DryRunCommandTest {
  @TempDir Path dir;

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void theGoodExampleAsJson() throws Exception {
    Run r = run("dry-run", "examples/account-status-good", "--format", "json");
    assertThat(r.err()).isEmpty();
    assertThat(r.exit()).isZero();
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.at("/dryRun/statements/1/locks/0/relation").asText()).isEqualTo("accounts");
    assertThat(j.at("/dryRun/statements/1/locks/0/mode").asText()).isEqualTo("AccessExclusiveLock");
    assertThat(j.at("/dryRun/longestLock/line").asInt()).isEqualTo(2);
    assertThat(j.at("/summary/error").asInt()).isZero();
  }

  @Test
  void checkWithDryRunIsOneReportAndOneExitCode() throws Exception {
    Path m = Files.createDirectories(dir.resolve("db/migrations"));
    Files.writeString(m.resolve("1_t.sql"), "CREATE TABLE t (id int PRIMARY KEY);\nALTER TABLE t ADD COLUMN x int REFERENCES missing (id);\n");
    Run r = run("check", dir.toString(), "--dry-run", "--format", "json");
    assertThat(r.exit()).as(r.err()).isEqualTo(1);
    JsonNode j = new ObjectMapper().readTree(r.out());
    assertThat(j.get("findings").toString()).contains("\"rule\":\"migration-fails\"")
        .contains("relation \\\"missing\\\" does not exist");
    // one JSON shape: check --dry-run carries the same dryRun section as dry-run
    assertThat(j.at("/dryRun/statements/1/ok").asBoolean()).isFalse();
    assertThat(j.at("/dryRun/statements/1/line").asInt()).isEqualTo(2);
    assertThat(j.at("/dryRun/statements/0/locks").toString()).contains("{\"relation\":\"t\",\"mode\":\"AccessExclusiveLock\"}");
    assertThat(j.at("/dryRun/postgres").asText()).isNotBlank();
    Run plain = run("check", dir.toString(), "--format", "json");
    assertThat(plain.out()).doesNotContain("migration-fails").doesNotContain("\"dryRun\"");
  }

  @Test
  void badOptionsAndUnusableDatabasesAreClearErrorsWithoutAStackTrace() {
    Run url = run("dry-run", "examples/account-status-good", "--db", "postgres://nowhere/db");
    assertThat(url.exit()).isEqualTo(2);
    assertThat(url.err()).startsWith("specgate: dry run: --db: expected embedded or jdbc:postgresql://").doesNotContain("\tat ");
    Run down = run("dry-run", "examples/account-status-good", "--db", "jdbc:postgresql://localhost:1/postgres?user=x&password=hunter2");
    assertThat(down.exit()).isEqualTo(2);
    assertThat(down.err()).startsWith("specgate: dry run: --db jdbc:postgresql://localhost:1/postgres?user=x&password=***: cannot create")
        .doesNotContain("hunter2").doesNotContain("\tat ");
    Run rows = run("dry-run", "examples/account-status-good", "--rows", "accounts");
    assertThat(rows.exit()).isEqualTo(2);
    assertThat(rows.err()).contains("--rows: expected TABLE=N");
    Run format = run("dry-run", "examples/account-status-good", "--format", "sarif");
    assertThat(format.exit()).isEqualTo(2);
    assertThat(format.err()).contains("--format: expected text, json or markdown");
  }
}
