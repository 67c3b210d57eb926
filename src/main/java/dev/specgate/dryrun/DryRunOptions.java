package dev.specgate.dryrun;

import java.util.Map;

/**
 * How to run: where (the embedded cluster, or a server's JDBC URL), which PostgreSQL major for the
 * embedded one, and how many synthetic rows.
 *
 * @param jdbcUrl null for the embedded cluster
 * @param postgresMajor null: {@code postgresVersion} of the config
 * @param rows rows per table (table name as the migrations write it), overriding the packet
 * @param rowCeiling at most this many rows per table when the count comes from the packet
 */
public record DryRunOptions(
    String jdbcUrl, Integer postgresMajor, Map<String, Long> rows, long rowCeiling) {

  public static final long DEFAULT_ROW_CEILING = 20_000;

  public DryRunOptions {
    rows = Map.copyOf(rows);
  }

  public static DryRunOptions defaults() {
    return new DryRunOptions(null, null, Map.of(), DEFAULT_ROW_CEILING);
  }

  /** The defaults with the configuration's {@code dryRunRowCeiling}. */
  public static DryRunOptions forConfig(dev.specgate.engine.Config config) {
    return new DryRunOptions(null, null, Map.of(), config.dryRunRowCeiling());
  }
}
