package dev.specgate.rules.dryrun;

import java.util.List;

/**
 * One statement as it ran on PostgreSQL.
 *
 * @param locks the locks this statement took (relations in the database, not system catalogs),
 *     observed while its transaction was still open
 * @param rewrites tables whose storage it replaced (relfilenode changed)
 * @param scans tables it read in full (a sequential scan counted in pg_stat_xact_user_tables)
 * @param blockedReads tables a probe session could not SELECT from while the locks were held
 * @param blockedWrites tables a probe session could not write to while the locks were held
 * @param scale the seeded rows it ran over and the time extrapolated to the packet's stated row
 *     count; null when its time does not grow with the table (no rewrite, no scan)
 * @param observed false when the locks could not be seen (a statement outside a transaction that
 *     finished before the observer saw it)
 * @param dataDependent true when PostgreSQL rejected it for the data it met (an integrity or data
 *     exception on tables filled with synthetic rows): the dry run cannot tell whether production
 *     data passes, so this is not reported as {@code migration-fails}
 */
public record ObservedStatement(
    String file,
    int line,
    int endLine,
    String sql,
    boolean ok,
    String error,
    double durationMs,
    List<ObservedLock> locks,
    List<String> rewrites,
    List<String> scans,
    List<String> blockedReads,
    List<String> blockedWrites,
    Scale scale,
    boolean observed,
    boolean dataDependent) {

  public ObservedStatement {
    locks = List.copyOf(locks);
    rewrites = List.copyOf(rewrites);
    scans = List.copyOf(scans);
    blockedReads = List.copyOf(blockedReads);
    blockedWrites = List.copyOf(blockedWrites);
  }

  /** A statement PostgreSQL rejected. */
  public static ObservedStatement failed(
      String file, int line, int endLine, String sql, String error, double ms, boolean dataDependent) {
    return new ObservedStatement(file, line, endLine, sql, false, error, ms, List.of(), List.of(), List.of(),
        List.of(), List.of(), null, true, dataDependent);
  }

  /**
   * @param table the table whose size drives the time
   * @param seededRows rows it held during the dry run
   * @param statedRows rows the packet says it holds in production, or -1 when unstated
   * @param estimatedMs the time at the stated size (linear in rows), or -1 when unstated
   */
  public record Scale(String table, long seededRows, long statedRows, double estimatedMs) {}
}
