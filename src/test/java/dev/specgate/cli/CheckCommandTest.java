package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI through its main entry, on real files. */
class CheckCommandTest {
  @TempDir Path dir;

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path write(String rel, String text) throws Exception {
    return write(dir, rel, text);
  }

  /** Writes {@code text} to {@code dir/rel}, making the folders (the CLI tests' files on disk). */
  static Path write(Path dir, String rel, String text) throws Exception {
    Path p = dir.resolve(rel);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void jsonFollowsTheContractWithPathsRelativeToTheDirectory() throws Exception {
    write("db/migrations/V7__status.sql", "SET lock_timeout = '5s';\nALTER TABLE accounts ADD COLUMN status text NOT NULL;\n");
    Run r = run("check", dir.toString(), "--format", "json");
    assertThat(r.exit()).isEqualTo(1);
    JsonNode json = new ObjectMapper().readTree(r.out());
    assertThat(json.get("version").asInt()).isEqualTo(1);
    assertThat(json.get("tool").asText()).isEqualTo("specgate");
    JsonNode f = json.get("findings").get(0);
    List<String> fields = new ArrayList<>();
    f.fieldNames().forEachRemaining(fields::add);
    assertThat(fields).containsExactly("rule", "severity", "file", "line", "endLine", "column", "message", "why", "fix");
    assertThat(json.get("findings").findValuesAsText("rule")).contains("nullable-first");
    assertThat(json.get("findings").findValuesAsText("file")).allMatch(p -> p.equals("db/migrations/V7__status.sql"));
    assertThat(json.get("summary").get("error").asInt()).isGreaterThanOrEqualTo(1);
    assertThat(json.get("summary").has("warning")).isTrue();
    assertThat(json.get("summary").has("notice")).isTrue();
    assertThat(json.get("summary").has("files")).isTrue();
  }

  @Test
  void textGroupsByFileAndMarksTheOffendingLine() throws Exception {
    write("db/migrations/V7__status.sql", "SET lock_timeout = '5s';\nALTER TABLE accounts ADD COLUMN status text NOT NULL;\n");
    Run r = run("check", dir.toString());
    assertThat(r.out()).contains("db/migrations/V7__status.sql")
        .contains("nullable-first")
        .contains("> 2 | ALTER TABLE accounts ADD COLUMN status text NOT NULL;")
        .contains("why: ").contains("fix: ")
        .doesNotContain("\u001b[");
  }

  @Test
  void aCleanMigrationExitsZero() throws Exception {
    write("db/migrations/V1__t.sql", "CREATE TABLE t (id bigint PRIMARY KEY);\n");
    Run r = run("check", dir.toString(), "--format", "json");
    assertThat(r.exit()).as(r.out()).isEqualTo(0);
  }

  @Test
  void failOnWarningTurnsWarningsIntoAFailure() throws Exception {
    write("db/migrations/V1__t.sql", "CREATE TABLE t (id bigint PRIMARY KEY);\n");
    write("db/migrations/V2__m.sql",
        "SET lock_timeout = '2s';\nALTER TABLE t ADD COLUMN c text;\nUPDATE t SET c = 'x' WHERE id BETWEEN 1 AND 1000;\n");
    Run warn = run("check", dir.toString(), "--fail-on", "notice", "--format", "json");
    Run err = run("check", dir.toString(), "--format", "json");
    assertThat(warn.exit()).as(warn.out()).isEqualTo(1);
    assertThat(err.exit()).as(err.out()).isEqualTo(0);
  }

  @Test
  void aFileNamedOnTheCommandLineIsAnalysedWhateverItsPath() throws Exception {
    Path f = write("anywhere/change.sql", "CREATE INDEX i ON accounts (a);\n");
    Run r = run("check", f.toString(), "--format", "json");
    assertThat(r.out()).contains("index-not-concurrent");
  }

  @Test
  void badConfigExitsTwoNamingFileAndLine() throws Exception {
    write(".specgate.yml", "dialect: postgres\nfailOn: fatal\n");
    Run r = run("check", dir.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(".specgate.yml:2: failOn: expected one of error, warning, notice").doesNotContain("Exception");
  }

  @Test
  void usageErrorsExitTwo() {
    assertThat(run("check", dir.resolve("missing").toString()).exit()).isEqualTo(2);
    assertThat(run("check", dir.toString(), "--format", "yaml").err()).contains("--format: expected one of");
    assertThat(run("check", "--bogus").exit()).isEqualTo(2);
    assertThat(run("check", dir.toString(), "--head", "HEAD").err()).contains("--head needs --base");
    assertThat(run("check", dir.toString(), "--base", "main").err()).contains("not inside a git repository");
  }

  @Test
  void rulesListsTheCatalogueAndExplainShowsTheProse() {
    Run rules = run("rules");
    assertThat(rules.exit()).isZero();
    assertThat(rules.out()).contains("nullable-first").contains("packet-incomplete").contains("guardrail-forbidden");
    Run explain = run("explain", "nullable-first");
    assertThat(explain.exit()).isZero();
    assertThat(explain.out()).contains("nullable-first (sql, default error)").contains("## Fix");
    Run unknown = run("explain", "no-such-rule");
    assertThat(unknown.exit()).isEqualTo(2);
    assertThat(unknown.err()).contains("unknown rule 'no-such-rule'");
  }

  @Test
  void whatIsNotAnalysedIsSaidOnStderr() throws Exception {
    Path notes = write("notes.txt", "ALTER TABLE a DROP COLUMN b;\n");
    Run r = run("check", notes.toString(), "--format", "json");
    assertThat(r.exit()).isZero();
    assertThat(r.err()).contains("notes.txt: not a migration (.sql, .sql.postgres) or packet file (.md); not analysed")
        .contains("no migration or packet found");
  }

  @Test
  void progressGoesToStderrOnlyAndOnlyWhenAskedOffATerminal() throws Exception {
    write("db/migrations/V1__a.sql", "SET lock_timeout = '5s';\nCREATE TABLE a (id int);\n");
    Run quiet = run("check", dir.toString(), "--format", "json");
    assertThat(quiet.err()).doesNotContain("\r");
    Run shown = run("check", dir.toString(), "--format", "json", "--progress");
    assertThat(shown.exit()).isEqualTo(quiet.exit());
    assertThat(shown.out()).isEqualTo(quiet.out());
    new ObjectMapper().readTree(shown.out());
    assertThat(shown.err()).contains("\r").endsWith("\r");
  }

  @Test
  void theCdsTrainingRunPrintsTheSameAsAnyOther() throws Exception {
    write("db/migrations/V1__a.sql", "ALTER TABLE accounts ADD COLUMN status text NOT NULL;\n");
    Run plain = run("check", dir.toString(), "--format", "json");
    System.setProperty(CheckCommand.CDS_TRAINING, "true");
    try {
      Run training = run("check", dir.toString(), "--format", "json");
      assertThat(training.out()).isEqualTo(plain.out());
      assertThat(training.err()).isEqualTo(plain.err());
      assertThat(training.exit()).isEqualTo(plain.exit());
    } finally {
      System.clearProperty(CheckCommand.CDS_TRAINING);
    }
  }
}
