package dev.specgate.engine;

import dev.specgate.core.Severity;
import dev.specgate.sql.Dialect;
import dev.specgate.sql.MigrationTool;
import dev.specgate.sql.MysqlServer;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The settings of one analysis: {@code .specgate.yml} merged over defaults (DESIGN section 4).
 * Each component is a key declared in {@link ConfigKey}, which holds its default and description.
 *
 * @param schemaDumps globs of schema dumps whose content at base seeds the schema history
 * @param ruleSeverities per rule: a severity, or empty for "off"
 * @param guardrailCategories what an "Allowed:" item's words map to: category → path globs
 * @param dryRun whether the Action and the service also run the dry run
 * @param dryRunRowCeiling the most rows the dry run inserts into one table
 * @param dryRunMaxDatabaseMb the most megabytes the dry run's scratch database may hold
 * @param source where the settings came from (a file path) or "defaults"
 */
public record Config(
    Dialect dialect,
    int postgresVersion,
    MysqlServer mysqlServer,
    MigrationTool migrationTool,
    boolean golangMigrateMultiStatement,
    List<String> migrations,
    List<String> schemaDumps,
    List<String> packets,
    List<String> requiredPacketFiles,
    long largeTableRows,
    Severity failOn,
    Map<String, Optional<Severity>> ruleSeverities,
    Map<String, List<String>> guardrailCategories,
    boolean dryRun,
    long dryRunRowCeiling,
    long dryRunMaxDatabaseMb,
    String source) {

  public Config {
    migrations = List.copyOf(migrations);
    schemaDumps = List.copyOf(schemaDumps);
    packets = List.copyOf(packets);
    requiredPacketFiles = List.copyOf(requiredPacketFiles);
    ruleSeverities = Map.copyOf(ruleSeverities);
    Map<String, List<String>> cats = new LinkedHashMap<>();
    guardrailCategories.forEach((k, v) -> cats.put(k, List.copyOf(v)));
    guardrailCategories = java.util.Collections.unmodifiableMap(cats);
  }

  /** Every key at its declared default. */
  public static Config defaults() {
    return fromValues(new EnumMap<>(ConfigKey.class), "defaults");
  }

  /**
   * The settings from values as a YAML file holds them (see {@link ConfigKey#defaultValue()}),
   * already checked by {@link ConfigLoader}; a key without a value takes its default.
   */
  @SuppressWarnings("unchecked")
  static Config fromValues(Map<ConfigKey, Object> values, String source) {
    Map<ConfigKey, Object> v = new EnumMap<>(ConfigKey.class);
    for (ConfigKey k : ConfigKey.values()) v.put(k, values.getOrDefault(k, k.defaultValue()));
    Map<String, Optional<Severity>> severities = new LinkedHashMap<>();
    ((Map<String, String>) v.get(ConfigKey.RULES)).forEach((id, s) ->
        severities.put(id, s.equals("off") ? Optional.empty() : Severity.parse(s)));
    return new Config(
        Dialect.parse((String) v.get(ConfigKey.DIALECT)).orElseThrow(),
        Math.toIntExact((Long) v.get(ConfigKey.POSTGRES_VERSION)),
        MysqlServer.parse((String) v.get(ConfigKey.MYSQL_VERSION)).orElseThrow(),
        MigrationTool.parse((String) v.get(ConfigKey.MIGRATION_TOOL)).orElseThrow(),
        (Boolean) v.get(ConfigKey.GOLANG_MIGRATE_MULTI_STATEMENT),
        (List<String>) v.get(ConfigKey.MIGRATIONS),
        (List<String>) v.get(ConfigKey.SCHEMA_DUMPS),
        (List<String>) v.get(ConfigKey.PACKETS),
        (List<String>) v.get(ConfigKey.REQUIRED_PACKET_FILES),
        (Long) v.get(ConfigKey.LARGE_TABLE_ROWS),
        Severity.parse((String) v.get(ConfigKey.FAIL_ON)).orElseThrow(),
        severities,
        (Map<String, List<String>>) v.get(ConfigKey.GUARDRAILS),
        (Boolean) v.get(ConfigKey.DRY_RUN),
        (Long) v.get(ConfigKey.DRY_RUN_ROW_CEILING),
        (Long) v.get(ConfigKey.DRY_RUN_MAX_DATABASE_MB),
        source);
  }

  /** The same settings with another {@code dryRunMaxDatabaseMb} (a service's ceiling over a pull request's own). */
  public Config withDryRunMaxDatabaseMb(long mb) {
    return new Config(dialect, postgresVersion, mysqlServer, migrationTool, golangMigrateMultiStatement, migrations,
        schemaDumps, packets, requiredPacketFiles, largeTableRows, failOn, ruleSeverities, guardrailCategories, dryRun,
        dryRunRowCeiling, mb, source);
  }

  /** The value of a key as a YAML file would write it (for {@code specgate config}). */
  public Object valueOf(ConfigKey key) {
    return switch (key) {
      case DIALECT -> dialect.label();
      case POSTGRES_VERSION -> (long) postgresVersion;
      case MYSQL_VERSION -> mysqlServer.label();
      case MIGRATION_TOOL -> migrationTool.label();
      case GOLANG_MIGRATE_MULTI_STATEMENT -> golangMigrateMultiStatement;
      case MIGRATIONS -> migrations;
      case SCHEMA_DUMPS -> schemaDumps;
      case PACKETS -> packets;
      case REQUIRED_PACKET_FILES -> requiredPacketFiles;
      case LARGE_TABLE_ROWS -> largeTableRows;
      case FAIL_ON -> failOn.label();
      case DRY_RUN -> dryRun;
      case DRY_RUN_ROW_CEILING -> dryRunRowCeiling;
      case DRY_RUN_MAX_DATABASE_MB -> dryRunMaxDatabaseMb;
      case RULES -> {
        Map<String, String> m = new LinkedHashMap<>();
        ruleSeverities.forEach((id, s) -> m.put(id, s.map(Severity::label).orElse("off")));
        yield m;
      }
      case GUARDRAILS -> guardrailCategories;
    };
  }

  /** The configured severity of a rule, empty when the rule is off. */
  public Optional<Severity> severityOf(String ruleId, Severity defaultSeverity) {
    return ruleSeverities.getOrDefault(ruleId, Optional.of(defaultSeverity));
  }

  public boolean isEnabled(String ruleId) {
    return ruleSeverities.getOrDefault(ruleId, Optional.of(Severity.NOTICE)).isPresent();
  }

  public Config withFailOn(Severity s) {
    return with(ConfigKey.FAIL_ON, s.label());
  }

  public Config withDialect(Dialect d) {
    return with(ConfigKey.DIALECT, d.label());
  }

  public Config withMigrations(List<String> globs) {
    return with(ConfigKey.MIGRATIONS, globs);
  }

  public Config withSchemaDumps(List<String> globs) {
    return with(ConfigKey.SCHEMA_DUMPS, globs);
  }

  public Config withPackets(List<String> globs) {
    return with(ConfigKey.PACKETS, globs);
  }

  public Config withMigrationTool(MigrationTool tool) {
    return with(ConfigKey.MIGRATION_TOOL, tool.label());
  }

  public Config withMysqlServer(MysqlServer server) {
    return with(ConfigKey.MYSQL_VERSION, server.label());
  }

  public Config withGolangMigrateMultiStatement(boolean on) {
    return with(ConfigKey.GOLANG_MIGRATE_MULTI_STATEMENT, on);
  }

  public Config withPostgresVersion(int version) {
    return with(ConfigKey.POSTGRES_VERSION, (long) version);
  }

  public Config withRequiredPacketFiles(List<String> files) {
    return with(ConfigKey.REQUIRED_PACKET_FILES, files);
  }

  public Config withLargeTableRows(long rows) {
    return with(ConfigKey.LARGE_TABLE_ROWS, rows);
  }

  public Config withGuardrailCategories(Map<String, List<String>> categories) {
    Map<String, List<String>> m = new LinkedHashMap<>();
    categories.forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), v));
    return with(ConfigKey.GUARDRAILS, m);
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
    Map<String, String> m = new LinkedHashMap<>();
    severities.forEach((id, s) -> m.put(id, s.map(Severity::label).orElse("off")));
    return with(ConfigKey.RULES, m);
  }

  /** This configuration with one key's value replaced (given as a YAML file would write it). */
  private Config with(ConfigKey key, Object value) {
    Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
    for (ConfigKey k : ConfigKey.values()) values.put(k, valueOf(k));
    values.put(key, value);
    return fromValues(values, source);
  }
}
