package dev.specgate.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.specgate.core.Severity;
import dev.specgate.sql.Dialect;
import dev.specgate.sql.MigrationTool;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConfigLoaderTest {
  @Test
  void emptyFileGivesDefaults() throws ConfigException {
    Config c = ConfigLoader.parse("", ".specgate.yml");
    assertThat(c.dialect()).isEqualTo(Dialect.POSTGRES);
    assertThat(c.postgresVersion()).isEqualTo(15);
    assertThat(c.largeTableRows()).isEqualTo(1_000_000L);
    assertThat(c.failOn()).isEqualTo(Severity.ERROR);
    assertThat(c.requiredPacketFiles()).containsExactly("spec.md", "tasks.md", "acceptance-criteria.md");
  }

  @Test
  void readsEveryKeyOfTheDesign() throws ConfigException {
    String yaml = """
        dialect: mysql
        postgresVersion: 10
        migrationTool: flyway
        migrations: ["db/**/*.sql"]
        packets: ["**/spec.md"]
        requiredPacketFiles: [spec.md, tasks.md, acceptance-criteria.md, evidence.md]
        largeTableRows: 500000
        failOn: warning
        rules:
          missing-lock-timeout: error
          tasks-open: off
        guardrails:
          categories:
            migration: ["db/migrations/**"]
            tests: ["src/test/**", "**/*Test.java"]
        """;
    Config c = ConfigLoader.parse(yaml, ".specgate.yml");
    assertThat(c.dialect()).isEqualTo(Dialect.MYSQL);
    assertThat(c.postgresVersion()).isEqualTo(10);
    assertThat(c.migrationTool()).isEqualTo(MigrationTool.FLYWAY);
    assertThat(c.migrations()).containsExactly("db/**/*.sql");
    assertThat(c.requiredPacketFiles()).contains("evidence.md");
    assertThat(c.largeTableRows()).isEqualTo(500_000L);
    assertThat(c.failOn()).isEqualTo(Severity.WARNING);
    assertThat(c.ruleSeverities()).containsEntry("missing-lock-timeout", Optional.of(Severity.ERROR))
        .containsEntry("tasks-open", Optional.empty());
    assertThat(c.guardrailCategories()).containsEntry("tests", List.of("src/test/**", "**/*Test.java"));
    assertThat(c.source()).isEqualTo(".specgate.yml");
  }

  @Test
  void unknownKeyNamesFileLineAndTheKeysExpected() {
    assertThatThrownBy(() -> ConfigLoader.parse("dialect: postgres\nlargeTableRow: 5\n", "repo/.specgate.yml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageStartingWith("repo/.specgate.yml:2: unknown key 'largeTableRow'")
        .hasMessageContaining("largeTableRows");
  }

  @Test
  void badValuesSayWhatWasExpected() {
    assertThatThrownBy(() -> ConfigLoader.parse("\n\nfailOn: fatal\n", "c.yml"))
        .hasMessage("c.yml:3: failOn: expected error, warning or notice, found 'fatal'");
    assertThatThrownBy(() -> ConfigLoader.parse("largeTableRows: lots\n", "c.yml"))
        .hasMessageStartingWith("c.yml:1: largeTableRows: expected a whole number");
    assertThatThrownBy(() -> ConfigLoader.parse("dialect: oracle\n", "c.yml"))
        .hasMessageContaining("expected postgres or mysql");
    assertThatThrownBy(() -> ConfigLoader.parse("migrations: {a: b}\n", "c.yml"))
        .hasMessageContaining("migrations: expected a list of strings, found a mapping");
  }

  @Test
  void unknownRuleIdInRulesIsAnError() {
    assertThatThrownBy(() -> ConfigLoader.parse("rules:\n  no-such-rule: error\n", "c.yml"))
        .hasMessageStartingWith("c.yml:2: rules: unknown rule 'no-such-rule'");
  }

  @Test
  void brokenYamlIsReportedWithItsLine() {
    assertThatThrownBy(() -> ConfigLoader.parse("dialect: postgres\nfailOn: \"unclosed\n", "c.yml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("c.yml:")
        .hasMessageContaining("not valid YAML");
  }

  @Test
  void topLevelListIsRejected() {
    assertThatThrownBy(() -> ConfigLoader.parse("- a\n- b\n", "c.yml"))
        .hasMessage("c.yml:1: expected a mapping of settings (key: value), found a list");
  }

  @Test
  void aDraftPullRequestTurnsTasksOpenOff() throws ConfigException {
    Config c = ConfigLoader.parse("rules:\n  tasks-open: warning\n", "c.yml");
    assertThat(c.forPullRequest(false).isEnabled("tasks-open")).isTrue();
    assertThat(c.forPullRequest(true).isEnabled("tasks-open")).isFalse();
    assertThat(c.forPullRequest(true).severityOf("nullable-first", Severity.ERROR)).contains(Severity.ERROR);
  }
}
