package dev.specgate.rules.dryrun;

import java.util.List;
import java.util.Optional;

/**
 * What a dry run observed on a real PostgreSQL (DESIGN section 8): every statement of the change as
 * it ran, each rollback script's outcome with the catalog differences it left, and whether the
 * change applied again afterwards. Built by {@code dev.specgate.dryrun}; read by the dry-run rules
 * and by the measured evidence added to static findings.
 *
 * @param postgres the server version, e.g. "17.12"
 * @param database "embedded" or the JDBC URL given (without credentials)
 * @param statements the change's statements in the order they ran
 * @param rollback one outcome per rollback script; empty when the change has none
 * @param rerun the up statements that failed when applied again after the rollback (empty: all ran,
 *     or no rollback ran)
 * @param notes what the reader must know to trust the numbers: stand-in tables, tables that could
 *     not be seeded, statements not observed
 * @param dataset the synthetic rows each existing table held, and what the packet states
 * @param tablesBefore the tables that existed when the change started (its locks on these are the
 *     ones production feels; a table the change creates is empty and unused)
 */
public record DryRunEvidence(
    String postgres,
    String database,
    List<ObservedStatement> statements,
    List<RollbackOutcome> rollback,
    List<ObservedStatement> rerun,
    List<String> notes,
    List<SeededTable> dataset,
    List<String> tablesBefore) {

  /** A table filled with {@code rows} synthetic rows; {@code statedRows} -1 when the packet is silent. */
  public record SeededTable(String table, long rows, long statedRows) {}

  public DryRunEvidence {
    dataset = List.copyOf(dataset);
    tablesBefore = List.copyOf(tablesBefore);
    statements = List.copyOf(statements);
    rollback = List.copyOf(rollback);
    rerun = List.copyOf(rerun);
    notes = List.copyOf(notes);
  }

  /**
   * The strongest lock held longest on a table that existed before the change: ACCESS EXCLUSIVE
   * first, then duration.
   */
  public Optional<LongestLock> longestLock() {
    LongestLock best = null;
    for (ObservedStatement s : statements) {
      for (ObservedLock l : s.locks()) {
        if (!tablesBefore.contains(l.relation())) continue;
        LongestLock c = new LongestLock(s.file(), s.line(), l.relation(), l.mode(), s.durationMs());
        if (best == null || c.compareTo(best) > 0) best = c;
      }
    }
    return Optional.ofNullable(best);
  }

  /** The relation and mode held longest; ties go to the stronger mode. */
  public record LongestLock(String file, int line, String relation, String mode, double durationMs)
      implements Comparable<LongestLock> {
    @Override
    public int compareTo(LongestLock o) {
      int byStrength = Integer.compare(ObservedLock.strength(mode), ObservedLock.strength(o.mode));
      if (byStrength != 0) return byStrength;
      return Double.compare(durationMs, o.durationMs);
    }
  }
}
