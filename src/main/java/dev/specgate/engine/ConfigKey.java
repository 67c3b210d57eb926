package dev.specgate.engine;

import dev.specgate.sql.MigrationTool;
import dev.specgate.core.Severity;
import dev.specgate.sql.Dialect;
import dev.specgate.sql.MysqlServer;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every key of {@code .specgate.yml}, declared once (DESIGN section 4): its type, default,
 * allowed values and description. {@link ConfigLoader} reads and checks a file by these
 * declarations, {@link Config#defaults()} is built from them, {@link ConfigSchema} turns them into
 * {@code docs/specgate.schema.json}, and {@code specgate config} prints them.
 *
 * <p>Defaults are given as the values a YAML file would hold (a string, a whole number, a boolean,
 * a list of strings, a mapping), so the schema and {@code specgate config} show them as written.
 */
public enum ConfigKey {
  DIALECT("dialect", Type.CHOICE, "postgres", labels(Dialect.values(), Dialect::label), 0, 0,
      "The SQL dialect of the migrations."),
  POSTGRES_VERSION("postgresVersion", Type.INTEGER, 15L, List.of(), 9, 30,
      "The target PostgreSQL major version (volatile-default-rewrite depends on it: before 11 any DEFAULT rewrites the table)."),
  MYSQL_VERSION("mysqlVersion", Type.VERSION, "8.4", List.of(MysqlServer.PATTERN), 0, 0,
      "The target MySQL or MariaDB server when dialect is mysql, quoted: \"5.7\", 8.0 (the latest 8.0 release), 8.0.28 (one release),"
          + " 8.4, or mariadb-10.11 and the like. Which ALTER TABLE operations are INSTANT, in place or a table copy depends on it."),
  MIGRATION_TOOL("migrationTool", Type.CHOICE, "auto", labels(MigrationTool.values(), MigrationTool::label), 0, 0,
      "The tool that runs the migrations: it decides the order of the files and which of them run inside a transaction"
          + " (diesel: as the metadata.toml beside them says; see docs/migration-tools.md)."),
  GOLANG_MIGRATE_MULTI_STATEMENT("golangMigrateMultiStatement", Type.BOOLEAN, false, List.of(), 0, 0,
      "true: golang-migrate's x-multi-statement option is on, so each statement of a .up.sql file runs on its own"
          + " (no implicit transaction around the file); false: the PostgreSQL driver sends the file as one query."),
  MIGRATIONS("migrations", Type.GLOBS,
      List.of("**/migrations/**/*.sql", "**/migrations/**/*.sql.postgres", "**/migrate/**/*.sql", "**/V*__*.sql", "**/U*__*.sql",
          "**/*.up.sql", "**/*.down.sql", "**/deploy/**/*.sql", "**/revert/**/*.sql"),
      List.of(), 0, 0,
      "Globs (.gitignore semantics: **/ matches zero or more folders) of the migration files."),
  SCHEMA_DUMPS("schemaDumps", Type.GLOBS, List.of("**/db/structure.sql", "**/db/schema.sql"), List.of(), 0, 0,
      "Globs of schema dumps (Rails db/structure.sql, dbmate db/schema.sql, a pg_dump --schema-only): the dump at"
          + " the base of a change (for check PATH, as it is) gives the tables, columns and indexes that exist before it."
          + " A file a migrations glob matches is a migration, not a dump. See docs/migration-tools.md."),
  PACKETS("packets", Type.GLOBS, List.of("**/spec.md", "**/migration-plan.md"), List.of(), 0, 0,
      "Globs of packet plan documents; a packet is the folder of a matching document."),
  REQUIRED_PACKET_FILES("requiredPacketFiles", Type.STRINGS, List.of("spec.md", "tasks.md", "acceptance-criteria.md"),
      List.of(), 0, 0, "The files every packet folder must hold."),
  LARGE_TABLE_ROWS("largeTableRows", Type.INTEGER, 1_000_000L, List.of(), 1, Long.MAX_VALUE,
      "From this many rows a table is large: rules that depend on size (rewrites, scans, batched backfills) apply."),
  FAIL_ON("failOn", Type.CHOICE, "error", labels(Severity.values(), Severity::label), 0, 0,
      "The lowest severity that fails the run (exit code 1, a failing Check Run)."),
  DRY_RUN("dryRun", Type.BOOLEAN, false, List.of(), 0, 0,
      "true: the Action and the service also apply the migrations to a throw-away PostgreSQL (the dry run)."),
  DRY_RUN_ROW_CEILING("dryRunRowCeiling", Type.INTEGER, 20_000L, List.of(), 1, 10_000_000,
      "The most rows the dry run inserts into one table to time a rewrite or backfill."),
  DRY_RUN_MAX_DATABASE_MB("dryRunMaxDatabaseMb", Type.INTEGER, 2_048L, List.of(), 16, 1_000_000,
      "The most megabytes the dry run's scratch database may hold; statements past it are cancelled (a change's"
          + " SQL could otherwise fill the disk)."),
  RULES("rules", Type.RULE_SEVERITIES, Map.of(), List.of("error", "warning", "notice", "off"), 0, 0,
      "Per rule id: error, warning, notice, or off. Rules not named keep their default severity."),
  GUARDRAILS("guardrails", Type.GUARDRAILS, Map.of(), List.of(), 0, 0,
      "guardrails.categories: what the words of an \"Allowed:\" item map to, as category name to path globs "
          + "(added to the built-in categories).");

  /** The shape of a key's value. */
  public enum Type {
    /** one of {@link #allowed()} */
    CHOICE,
    /** a whole number from {@link #min()} to {@link #max()} */
    INTEGER,
    BOOLEAN,
    /** a MySQL / MariaDB server version ({@link MysqlServer#parse}); {@code allowed().get(0)} is its pattern */
    VERSION,
    /** a list of globs, or one glob */
    GLOBS,
    /** a list of strings, or one string */
    STRINGS,
    /** a mapping of rule id to error | warning | notice | off */
    RULE_SEVERITIES,
    /** a mapping with the key categories: category name to a list of globs */
    GUARDRAILS
  }

  private final String key;
  private final Type type;
  private final Object defaultValue;
  private final List<String> allowed;
  private final long min;
  private final long max;
  private final String description;

  ConfigKey(String key, Type type, Object defaultValue, List<String> allowed, long min, long max, String description) {
    this.key = key;
    this.type = type;
    this.defaultValue = defaultValue;
    this.allowed = allowed;
    this.min = min;
    this.max = max;
    this.description = description;
  }

  /** The name in the file, e.g. {@code largeTableRows}. */
  public String key() {
    return key;
  }

  public Type type() {
    return type;
  }

  /** The default as a YAML value: String, Long, Boolean, List of String, or an empty Map. */
  public Object defaultValue() {
    return defaultValue;
  }

  /** The values a CHOICE key (or a rule's severity) may take. */
  public List<String> allowed() {
    return allowed;
  }

  public long min() {
    return min;
  }

  public long max() {
    return max;
  }

  public String description() {
    return description;
  }

  /** The key names, in declaration order. */
  public static List<String> names() {
    return Arrays.stream(values()).map(ConfigKey::key).toList();
  }

  public static java.util.Optional<ConfigKey> byName(String name) {
    return Arrays.stream(values()).filter(k -> k.key.equals(name)).findFirst();
  }

  private static <E> List<String> labels(E[] values, Function<E, String> label) {
    return Arrays.stream(values).map(label).toList();
  }
}
