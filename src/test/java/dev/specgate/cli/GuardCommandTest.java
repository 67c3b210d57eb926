package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code specgate guard}: diff in, the check's renderers out, exit 0 / 1 / 2. */
class GuardCommandTest {
  private static final String SPEC = String.join("\n",
      "# Account status", "", "## AI coding guardrail", "",
      "Allowed:", "- migration file for nullable column", "- status mapping tests", "",
      "Do not:", "- remove closed_at", "- change reporting schema", "");

  private static final String DROP = String.join("\n",
      "diff --git a/db/migrations/V8__drop.sql b/db/migrations/V8__drop.sql",
      "new file mode 100644",
      "--- /dev/null",
      "+++ b/db/migrations/V8__drop.sql",
      "@@ -0,0 +1 @@",
      "+ALTER TABLE accounts DROP COLUMN closed_at;", "");

  private static final String ADD = String.join("\n",
      "diff --git a/db/migrations/V7__add.sql b/db/migrations/V7__add.sql",
      "new file mode 100644",
      "--- /dev/null",
      "+++ b/db/migrations/V7__add.sql",
      "@@ -0,0 +1 @@",
      "+ALTER TABLE accounts ADD COLUMN account_status text;", "");

  private static final String OUT_OF_SCOPE = String.join("\n",
      "--- a/src/search/Indexer.java",
      "+++ b/src/search/Indexer.java",
      "@@ -1 +1,2 @@",
      " index(a);",
      "+index(b);", "");

  @TempDir Path dir;
  private Path spec;
  private Path config;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void files() throws Exception {
    spec = Files.writeString(dir.resolve("spec.md"), SPEC);
    config = Files.writeString(dir.resolve("specgate.yml"), "failOn: error\n");
  }

  private int run(String stdin, String... args) {
    InputStream before = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
          new PrintStream(err, true, StandardCharsets.UTF_8));
    } finally {
      System.setIn(before);
    }
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void aForbiddenChangeExitsOneAndPointsAtTheDiffLine() throws Exception {
    Path diff = Files.writeString(dir.resolve("change.diff"), DROP);
    int code = run("", "guard", "--spec", spec.toString(), "--diff", diff.toString(),
        "--config", config.toString());
    assertThat(code).as(err()).isEqualTo(1);
    assertThat(out()).contains("guardrail-forbidden").contains("db/migrations/V8__drop.sql")
        .contains("remove closed_at");
  }

  @Test
  void anAllowedDiffOnStdinPassesWithTheJsonContract() throws Exception {
    int code = run(ADD, "guard", "--spec", spec.toString(), "--format", "json",
        "--config", config.toString());
    assertThat(code).as(err()).isZero();
    JsonNode json = new ObjectMapper().readTree(out());
    assertThat(json.get("version").asInt()).isEqualTo(1);
    assertThat(json.get("tool").asText()).isEqualTo("specgate");
    assertThat(json.get("findings").findValuesAsText("rule"))
        .noneMatch(r -> r.startsWith("guardrail-"));
  }

  @Test
  void jsonFindingsCarryFileAndLine() throws Exception {
    int code = run(DROP, "guard", "--spec", spec.toString(), "--diff", "-", "--format", "json",
        "--config", config.toString());
    assertThat(code).isEqualTo(1);
    JsonNode findings = new ObjectMapper().readTree(out()).get("findings");
    JsonNode forbidden = null;
    for (JsonNode f : findings) if (f.get("rule").asText().equals("guardrail-forbidden")) forbidden = f;
    assertThat(forbidden).isNotNull();
    assertThat(forbidden.get("file").asText()).isEqualTo("db/migrations/V8__drop.sql");
    assertThat(forbidden.get("line").asInt()).isEqualTo(1);
    assertThat(forbidden.get("severity").asText()).isEqualTo("error");
  }

  @Test
  void outOfScopeIsAWarningUnlessFailOnWarning() {
    assertThat(run(OUT_OF_SCOPE, "guard", "--spec", spec.toString(), "--config", config.toString()))
        .isZero();
    assertThat(out()).contains("guardrail-out-of-scope").contains("src/search/Indexer.java");
    assertThat(run(OUT_OF_SCOPE, "guard", "--spec", spec.toString(), "--config", config.toString(),
        "--fail-on", "warning")).isEqualTo(1);
  }

  @Test
  void aMalformedDiffExitsTwoNamingTheLine() {
    int code = run("--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n a\nnonsense\n", "guard", "--spec",
        spec.toString(), "--config", config.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err()).contains("malformed diff (stdin)").contains("line 5")
        .doesNotContain("Exception").doesNotContain("\tat ");
  }

  @Test
  void usageAndIoErrorsExitTwo() {
    assertThat(run("", "guard")).isEqualTo(2);
    assertThat(err()).contains("--spec");
    err.reset();
    assertThat(run("", "guard", "--spec", dir.resolve("missing.md").toString())).isEqualTo(2);
    assertThat(err()).contains("file not found").contains("missing.md");
    err.reset();
    assertThat(run("", "guard", "--spec", spec.toString(), "--diff", dir.resolve("none.diff").toString(),
        "--config", config.toString())).isEqualTo(2);
    assertThat(err()).contains("--diff: file not found");
    err.reset();
    assertThat(run("", "guard", "--spec", spec.toString(), "--format", "xml")).isEqualTo(2);
    assertThat(err()).contains("--format");
  }

  @Test
  void helpNamesTheOptions() {
    assertThat(run("", "guard", "--help")).isZero();
    assertThat(out()).contains("--spec").contains("--diff").contains("--fail-on");
  }

  @Test
  void anEmptyDiffPasses() {
    assertThat(run("", "guard", "--spec", spec.toString(), "--config", config.toString())).isZero();
  }

  @Test
  void specPathIsRelativeToTheCurrentDirectory() {
    Path cwd = dir.resolve("repo").toAbsolutePath();
    assertThat(GuardCommand.relative(cwd, cwd.resolve("packets/a/spec.md"))).isEqualTo("packets/a/spec.md");
    assertThat(GuardCommand.relative(cwd, dir.resolve("elsewhere/spec.md"))).isEqualTo("spec.md");
  }
}
