package dev.specgate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.rules.RuleRegistry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code specgate rules}, through the CLI's main entry. */
class RulesCommandTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void jsonListsEveryRuleWithItsPeerAliases() throws Exception {
    assertThat(run("rules", "--format", "json")).isZero();
    JsonNode rules = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    assertThat(rules.isArray()).isTrue();
    assertThat(rules).hasSize(RuleRegistry.all().size());
    List<String> ids = new ArrayList<>();
    for (JsonNode r : rules) {
      ids.add(r.get("id").asText());
      for (String field : List.of("id", "family", "severity", "summary", "aliases")) {
        assertThat(r.has(field)).as("%s has %s", r.get("id"), field).isTrue();
      }
    }
    assertThat(ids).contains("missing-lock-timeout", "lock-held-across-statements");
    JsonNode lockTimeout = rules.get(ids.indexOf("missing-lock-timeout"));
    assertThat(lockTimeout.get("family").asText()).isEqualTo("sql");
    assertThat(lockTimeout.get("severity").asText()).isEqualTo("warning");
    List<String> aliases = new ArrayList<>();
    lockTimeout.get("aliases").forEach(a -> aliases.add(a.asText()));
    assertThat(aliases).contains("squawk:require-lock-timeout", "eugene:E9");
    assertThat(rules.get(ids.indexOf("discouraged-column-type")).get("enabledByDefault").asBoolean()).isFalse();
  }

  @Test
  void textIsOneRuleALineAndMarksOptInRules() {
    assertThat(run("rules")).isZero();
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text.lines().count()).isEqualTo(RuleRegistry.all().size());
    assertThat(text).containsPattern("discouraged-column-type .*\\(off by default\\)");
  }

  @Test
  void anUnknownFormatIsAUsageError() {
    assertThat(run("rules", "--format", "yaml")).isEqualTo(Main.EXIT_USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("yaml");
  }
}
