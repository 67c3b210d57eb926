package dev.specgate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/specgate.schema.json} is generated from {@link ConfigKey} and kept true: the shipped
 * file is the generated one (regenerate: {@code ./mvnw -q test -Dtest=ConfigSchemaTest
 * -Dspecgate.writeDocs=true}), every config in the repository passes both the schema and the
 * loader, and bad ones fail both.
 */
class ConfigSchemaTest {
  private static final Path DOCS = Path.of(ConfigSchema.DOCS_PATH);
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private static String generated() throws Exception {
    return JSON.writeValueAsString(ConfigSchema.schema()) + "\n";
  }

  private static JsonSchema shipped() throws Exception {
    return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(Files.readString(DOCS));
  }

  private static Set<ValidationMessage> validate(String yaml) throws Exception {
    JsonNode doc = new YAMLMapper().readTree(yaml);
    return shipped().validate(doc == null ? JSON.createObjectNode() : doc);
  }

  @Test
  void theShippedSchemaIsTheGeneratedOne() throws Exception {
    if (Boolean.getBoolean("specgate.writeDocs")) Files.writeString(DOCS, generated());
    assertThat(DOCS).as("%s exists (regenerate: -Dspecgate.writeDocs=true)", DOCS).exists();
    assertThat(Files.readString(DOCS)).as("%s is stale: regenerate with ./mvnw -q test -Dtest=ConfigSchemaTest"
        + " -Dspecgate.writeDocs=true", DOCS).isEqualTo(generated());
  }

  @Test
  void theShippedReferenceIsTheGeneratedOne() throws Exception {
    Path reference = Path.of(ConfigSchema.REFERENCE_PATH);
    if (Boolean.getBoolean("specgate.writeDocs")) Files.writeString(reference, ConfigSchema.reference());
    assertThat(Files.readString(reference)).as("%s is stale: regenerate with ./mvnw -q test -Dtest=ConfigSchemaTest"
        + " -Dspecgate.writeDocs=true", reference).isEqualTo(ConfigSchema.reference());
    for (ConfigKey k : ConfigKey.values()) assertThat(ConfigSchema.reference()).contains("| `" + k.key() + "` |");
  }

  @Test
  void theSchemaDeclaresEveryKeyWithItsDefault() throws Exception {
    JsonNode props = JSON.readTree(Files.readString(DOCS)).get("properties");
    for (ConfigKey k : ConfigKey.values()) {
      assertThat(props.has(k.key())).as(k.key()).isTrue();
      assertThat(props.get(k.key()).get("description").asText()).as(k.key()).isNotBlank();
      assertThat(props.get(k.key()).has("default")).as(k.key()).isTrue();
    }
    assertThat(props.size()).isEqualTo(ConfigKey.values().length);
    assertThat(props.get("packets").get("default").toString()).isEqualTo("[\"**/spec.md\",\"**/migration-plan.md\"]");
  }

  @Test
  void theExamplesConfigsAndTheFixturesConfigsPassTheSchemaAndTheLoader() throws Exception {
    List<Path> configs;
    try (Stream<Path> s = Stream.concat(Files.walk(Path.of("examples")), Files.walk(Path.of("rules")))) {
      configs = s.filter(p -> p.getFileName().toString().equals(".specgate.yml")).sorted().toList();
    }
    assertThat(configs).contains(Path.of("examples/account-status-good/.specgate.yml"),
        Path.of("examples/weak-ticket/.specgate.yml"));
    for (Path c : configs) {
      String text = Files.readString(c);
      assertThat(validate(text)).as(c.toString()).isEmpty();
      ConfigLoader.load(text, c.toString());
    }
    assertThat(Files.readString(Path.of("examples/weak-ticket/.specgate.yml")))
        .startsWith("# yaml-language-server: $schema=../../docs/specgate.schema.json");
  }

  @Test
  void badConfigsFailTheSchemaAndTheLoader() throws Exception {
    List<String> bad = List.of(
        "failOn: fatal\n",
        "dialect: oracle\n",
        "largeTableRow: 5\n",
        "postgresVersion: 8\n",
        "largeTableRows: 0\n",
        "migrations: {a: b}\n",
        "dryRun: 3\n",
        "rules:\n  no-such-rule: error\n",
        "rules:\n  nullable-first: fatal\n",
        "guardrails:\n  category:\n    api: [clients/**]\n",
        "guardrails:\n  categories:\n    api: 3\n");
    for (String yaml : bad) {
      assertThat(validate(yaml)).as(yaml).isNotEmpty();
      assertThatThrownBy(() -> ConfigLoader.parse(yaml, "c.yml")).as(yaml).isInstanceOf(ConfigException.class);
    }
  }
}
