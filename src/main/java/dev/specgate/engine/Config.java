package dev.specgate.engine;

import dev.specgate.core.Severity;
import dev.specgate.sql.Dialect;
import dev.specgate.sql.MigrationTool;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of one analysis: {@code .specgate.yml} merged over defaults (DESIGN section 4).
 *
 * @param ruleSeverities per rule: a severity, or empty for "off"
 * @param guardrailCategories what an "Allowed:" item's words map to: category → path globs
 * @param source where the settings came from (a file path) or "defaults"
 */
public record Config(
    Dialect dialect,
    int postgresVersion,
    MigrationTool migrationTool,
    List<String> migrations,
    List<String> packets,
    List<String> requiredPacketFiles,
    long largeTableRows,
    Severity failOn,
    Map<String, Optional<Severity>> ruleSeverities,
    Map<String, List<String>> guardrailCategories,
    String source) {

  public static final List<String> DEFAULT_MIGRATIONS =
      List.of(
          "**/migrations/**/*.sql",
          "**/migrate/**/*.sql",
          "**/V*__*.sql",
          "**/U*__*.sql",
          "**/*.up.sql",
          "**/*.down.sql",
          "**/deploy/**/*.sql",
          "**/revert/**/*.sql");

  public Config {
    migrations = List.copyOf(migrations);
    packets = List.copyOf(packets);
    requiredPacketFiles = List.copyOf(requiredPacketFiles);
    ruleSeverities = Map.copyOf(ruleSeverities);
    Map<String, List<String>> cats = new LinkedHashMap<>();
    guardrailCategories.forEach((k, v) -> cats.put(k, List.copyOf(v)));
    guardrailCategories = java.util.Collections.unmodifiableMap(cats);
  }

  public static Config defaults() {
    return new Config(
        Dialect.POSTGRES,
        15,
        MigrationTool.AUTO,
        DEFAULT_MIGRATIONS,
        List.of("**/spec.md"),
        List.of("spec.md", "tasks.md", "acceptance-criteria.md"),
        1_000_000L,
        Severity.ERROR,
        Map.of(),
        Map.of(),
        "defaults");
  }

  /** The configured severity of a rule, empty when the rule is off. */
  public Optional<Severity> severityOf(String ruleId, Severity defaultSeverity) {
    return ruleSeverities.getOrDefault(ruleId, Optional.of(defaultSeverity));
  }

  public boolean isEnabled(String ruleId) {
    return ruleSeverities.getOrDefault(ruleId, Optional.of(Severity.NOTICE)).isPresent();
  }

  public Config withFailOn(Severity s) {
    return new Config(dialect, postgresVersion, migrationTool, migrations, packets,
        requiredPacketFiles, largeTableRows, s, ruleSeverities, guardrailCategories, source);
  }

  public Config withDialect(Dialect d) {
    return new Config(d, postgresVersion, migrationTool, migrations, packets,
        requiredPacketFiles, largeTableRows, failOn, ruleSeverities, guardrailCategories, source);
  }

  public Config withMigrations(List<String> globs) {
    return new Config(dialect, postgresVersion, migrationTool, globs, packets,
        requiredPacketFiles, largeTableRows, failOn, ruleSeverities, guardrailCategories, source);
  }

  /**
   * The settings for a pull request in the given state. {@code tasks-open} is about a PR marked
   * ready (DESIGN section 3): on a draft, open tasks are expected, so the rule is off.
   */
  public Config forPullRequest(boolean draft) {
    if (!draft) return this;
    Map<String, Optional<Severity>> severities = new LinkedHashMap<>(ruleSeverities);
    severities.put("tasks-open", Optional.empty());
    return withRuleSeverities(severities);
  }

  public Config withRuleSeverities(Map<String, Optional<Severity>> severities) {
    return new Config(dialect, postgresVersion, migrationTool, migrations, packets,
        requiredPacketFiles, largeTableRows, failOn, severities, guardrailCategories, source);
  }
}
