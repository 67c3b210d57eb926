package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import dev.specgate.engine.ConfigSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code specgate config}: the effective configuration and where each value came from. */
class ConfigCommandTest {
  @TempDir Path dir;

  @Test
  void yamlNamesTheFileLineOfEachSetValueAndDefaultForTheRest() throws Exception {
    Files.writeString(dir.resolve(".specgate.yml"), "# team settings\nfailOn: warning\nrules:\n  tasks-open: off\n");
    CheckCommandTest.Run r = CheckCommandTest.run("config", dir.toString());
    assertThat(r.exit()).isZero();
    String file = dir.resolve(".specgate.yml").toString();
    assertThat(r.out()).startsWith("# effective configuration: " + file + " over the defaults\n");
    assertThat(r.out()).containsPattern("(?m)^failOn: warning +# " + java.util.regex.Pattern.quote(file) + ":2$");
    assertThat(r.out()).containsPattern("(?m)^dialect: postgres +# default$");
    assertThat(r.out()).containsPattern("(?m)^  tasks-open: off +# " + java.util.regex.Pattern.quote(file) + ":4$");
    assertThat(r.out()).containsPattern("(?m)^  nullable-first: error +# default$");
    assertThat(r.out()).containsPattern("(?m)^packets: \\[\"\\*\\*/spec.md\", \"\\*\\*/migration-plan.md\"\\] +# default$");
    assertThat(r.out()).containsPattern("(?m)^dryRunRowCeiling: 20000 +# default$");
  }

  @Test
  void jsonPassesTheSchemaAndSaysWhereEachValueCameFrom() throws Exception {
    CheckCommandTest.Run r = CheckCommandTest.run("config", "examples/account-status-good", "--format", "json");
    assertThat(r.exit()).as(r.err()).isZero();
    JsonNode printed = new ObjectMapper().readTree(r.out());
    var schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7)
        .getSchema(Files.readString(Path.of(ConfigSchema.DOCS_PATH)));
    assertThat(schema.validate(printed.get("config"))).isEmpty();
    String file = Path.of("examples/account-status-good/.specgate.yml").toString();
    assertThat(printed.get("from").get("failOn").asText()).isEqualTo(file + ":10");
    assertThat(printed.get("from").get("migrationTool").asText()).isEqualTo("default");
    assertThat(printed.get("from").get("rules.missing-lock-timeout").asText()).isEqualTo(file + ":12");
    assertThat(printed.get("from").get("rules.nullable-first").asText()).isEqualTo("default");
  }

  @Test
  void schemaPrintsTheShippedSchema() throws Exception {
    CheckCommandTest.Run r = CheckCommandTest.run("config", "--schema");
    assertThat(r.exit()).isZero();
    assertThat(new ObjectMapper().readTree(r.out())).isEqualTo(new ObjectMapper().readTree(Path.of(ConfigSchema.DOCS_PATH).toFile()));
  }

  @Test
  void aBadConfigIsAUsageErrorWithFileAndLine() throws Exception {
    Files.writeString(dir.resolve(".specgate.yml"), "failOn: error\nfailOn: notice\n");
    CheckCommandTest.Run r = CheckCommandTest.run("config", dir.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).isEqualTo("specgate: " + dir.resolve(".specgate.yml") + ":2: duplicate key 'failOn' (first at line 1)\n");
  }

  @Test
  void aConfigThatIsNotUtf8GivesTheByteOffsetThroughCheck() throws Exception {
    Files.write(dir.resolve(".specgate.yml"), new byte[] {'f', 'a', 'i', 'l', 'O', 'n', ':', ' ', (byte) 0xff, '\n'});
    CheckCommandTest.Run r = CheckCommandTest.run("check", dir.toString());
    assertThat(r.exit()).isEqualTo(2);
    assertThat(r.err()).contains(".specgate.yml:1: not valid UTF-8 at byte offset 8 (byte 0xFF)").doesNotContain("Input length");
  }
}
