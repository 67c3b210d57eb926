package dev.specgate.dryrun;

import java.util.Map;

/**
 * How to run: where (the embedded cluster, or a server's JDBC URL), which PostgreSQL major for the
 * embedded one, how many synthetic rows, and how large the scratch database may grow.
 *
 * @param jdbcUrl null for the embedded cluster
 * @param postgresMajor null: {@code postgresVersion} of the config
 * @param rows rows per table (table name as the migrations write it), overriding the packet
 * @param rowCeiling at most this many rows per table when the count comes from the packet
 * @param maxDatabaseMb statements are cancelled once the scratch database holds more megabytes
 */
public record DryRunOptions(
    String jdbcUrl, Integer postgresMajor, Map<String, Long> rows, long rowCeiling, long maxDatabaseMb) {

  public static final long DEFAULT_ROW_CEILING = 20_000;
  public static final long DEFAULT_MAX_DATABASE_MB = 2_048;

  public DryRunOptions {
    rows = Map.copyOf(rows);
    if (maxDatabaseMb <= 0) throw new IllegalArgumentException("maxDatabaseMb must be positive: " + maxDatabaseMb);
  }

  public static DryRunOptions defaults() {
    return new DryRunOptions(null, null, Map.of(), DEFAULT_ROW_CEILING, DEFAULT_MAX_DATABASE_MB);
  }

  /** The defaults with the configuration's {@code dryRunRowCeiling} and {@code dryRunMaxDatabaseMb}. */
  public static DryRunOptions forConfig(dev.specgate.engine.Config config) {
    return new DryRunOptions(null, null, Map.of(), config.dryRunRowCeiling(), config.dryRunMaxDatabaseMb());
  }
}
