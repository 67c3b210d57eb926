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
        .hasMessage("c.yml:3: failOn: expected one of error, warning, notice, found 'fatal'");
    assertThatThrownBy(() -> ConfigLoader.parse("largeTableRows: lots\n", "c.yml"))
        .hasMessageStartingWith("c.yml:1: largeTableRows: expected a whole number");
    assertThatThrownBy(() -> ConfigLoader.parse("dialect: oracle\n", "c.yml"))
        .hasMessageContaining("expected one of postgres, mysql");
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

  @Test
  void mysqlVersionAndGolangMigrateMultiStatement() throws ConfigException {
    Config d = Config.defaults();
    assertThat(d.mysqlServer().label()).isEqualTo("8.4");
    assertThat(d.golangMigrateMultiStatement()).isFalse();
    Config c = ConfigLoader.parse("mysqlVersion: \"8.0.28\"\ngolangMigrateMultiStatement: true\n", "c.yml");
    assertThat(c.mysqlServer().describe()).isEqualTo("MySQL 8.0.28");
    assertThat(c.golangMigrateMultiStatement()).isTrue();
    // unquoted, YAML reads 5.7 as a number: its text is still the version
    assertThat(ConfigLoader.parse("mysqlVersion: 5.7\n", "c.yml").mysqlServer().label()).isEqualTo("5.7");
    assertThat(ConfigLoader.parse("mysqlVersion: MariaDB-10.11\n", "c.yml").mysqlServer().describe())
        .isEqualTo("MariaDB 10.11");
    assertThatThrownBy(() -> ConfigLoader.parse("\nmysqlVersion: eight\n", "c.yml"))
        .hasMessage("c.yml:2: mysqlVersion: expected a version such as 8.4, found 'eight'");
    assertThatThrownBy(() -> ConfigLoader.parse("mysqlVersion: 8\n", "c.yml"))
        .hasMessageStartingWith("c.yml:1: mysqlVersion: expected a version");
  }

  @Test
  void dryRunKeysAndTheDefaultPacketGlobs() throws ConfigException {
    Config d = Config.defaults();
    assertThat(d.dryRun()).isFalse();
    assertThat(d.dryRunRowCeiling()).isEqualTo(20_000L);
    assertThat(d.packets()).containsExactly("**/spec.md", "**/migration-plan.md");
    Config c = ConfigLoader.parse("dryRun: true\ndryRunRowCeiling: 5000\n", "c.yml");
    assertThat(c.dryRun()).isTrue();
    assertThat(c.dryRunRowCeiling()).isEqualTo(5000L);
    assertThatThrownBy(() -> ConfigLoader.parse("dryRun: maybe\n", "c.yml"))
        .hasMessage("c.yml:1: dryRun: expected true or false, found a string 'maybe'");
    assertThatThrownBy(() -> ConfigLoader.parse("dryRunRowCeiling: 0\n", "c.yml"))
        .hasMessage("c.yml:1: dryRunRowCeiling: expected a whole number from 1 to 10000000, found 0");
  }

  @Test
  void aMistypedKeyOrRuleOrValueGetsTheNearestName() {
    assertThatThrownBy(() -> ConfigLoader.parse("\nfailon: warning\n", "c.yml"))
        .hasMessageStartingWith("c.yml:2: unknown key 'failon'; did you mean 'failOn'?");
    assertThatThrownBy(() -> ConfigLoader.parse("rules:\n  nullable-frist: off\n", "c.yml"))
        .hasMessageStartingWith("c.yml:2: rules: unknown rule 'nullable-frist'; did you mean 'nullable-first'?");
    assertThatThrownBy(() -> ConfigLoader.parse("failOn: warnng\n", "c.yml"))
        .hasMessageEndingWith("found 'warnng'; did you mean 'warning'?");
    assertThatThrownBy(() -> ConfigLoader.parse("rules:\n  nullable-first: eror\n", "c.yml"))
        .hasMessageEndingWith("found 'eror'; did you mean 'error'?");
    // nothing near: no suggestion
    assertThatThrownBy(() -> ConfigLoader.parse("colour: red\n", "c.yml"))
        .hasMessageNotContaining("did you mean");
  }

  @Test
  void aliasesAreRefusedWithTheirLine() {
    String yaml = "packets: &p [\"**/spec.md\"]\nmigrations: *p\n";
    assertThatThrownBy(() -> ConfigLoader.parse(yaml, "c.yml"))
        .isInstanceOf(ConfigException.class)
        .hasMessage("c.yml:2: YAML aliases (*p) are not supported; write the value out");
    assertThatThrownBy(() -> ConfigLoader.parse("failOn: &f error\nrules:\n  tasks-open: *f\n", "c.yml"))
        .hasMessageStartingWith("c.yml:3: YAML aliases (*f)");
  }

  @Test
  void aSecondDocumentIsRefusedWithItsLine() {
    assertThatThrownBy(() -> ConfigLoader.parse("failOn: error\n---\nfailOn: notice\n", "c.yml"))
        .hasMessageStartingWith("c.yml:3: a second YAML document");
  }

  @Test
  void duplicateKeysAreRefusedAtTheSecondOne() {
    assertThatThrownBy(() -> ConfigLoader.parse("failOn: error\ndialect: postgres\nfailOn: notice\n", "c.yml"))
        .hasMessage("c.yml:3: duplicate key 'failOn' (first at line 1)");
    assertThatThrownBy(() -> ConfigLoader.parse("rules:\n  tasks-open: off\n  tasks-open: error\n", "c.yml"))
        .hasMessage("c.yml:3: duplicate key 'rules.tasks-open' (first at line 2)");
    assertThatThrownBy(() -> ConfigLoader.parse(
        "guardrails:\n  categories:\n    api: [a]\n    api: [b]\n", "c.yml"))
        .hasMessage("c.yml:4: duplicate key 'guardrails.categories.api' (first at line 3)");
  }

  @Test
  void bytesThatAreNotUtf8NameTheByteOffsetAndLine() {
    byte[] latin1 = "failOn: error\n# caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> ConfigLoader.load(latin1, "c.yml"))
        .hasMessage("c.yml:2: not valid UTF-8 at byte offset 19 (byte 0xE9); save the file as UTF-8");
  }

  @Test
  void linesRecordWhereEachValueCameFrom() throws ConfigException {
    ConfigLoader.Loaded l = ConfigLoader.load("# settings\nfailOn: warning\nrules:\n  tasks-open: off\n", "c.yml");
    assertThat(l.lines()).containsEntry("failOn", 2).containsEntry("rules", 3).containsEntry("rules.tasks-open", 4)
        .doesNotContainKey("dialect");
    assertThat(l.config().isEnabled("tasks-open")).isFalse();
  }

  @Test
  void aFileOfCommentsOnlyGivesDefaultsAndAnAnchorAloneIsHarmless() throws ConfigException {
    assertThat(ConfigLoader.parse("# yaml-language-server: $schema=docs/specgate.schema.json\n# nothing yet\n", "c.yml").failOn())
        .isEqualTo(Severity.ERROR);
    assertThat(ConfigLoader.parse("failOn: &f warning\n", "c.yml").failOn()).isEqualTo(Severity.WARNING);
  }
}
