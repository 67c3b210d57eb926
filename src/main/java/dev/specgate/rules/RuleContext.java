package dev.specgate.rules;

import dev.specgate.core.ChangeSet;
import dev.specgate.sql.MigrationFile;
import dev.specgate.packet.Packet;
import dev.specgate.sql.schema.SchemaHistory;
import java.util.List;
import java.util.function.Supplier;

/** Everything a rule may read about one analysis. Read-only; shared by all rules of a run. */
public interface RuleContext {
  /** The configuration values rules read. */
  RuleSettings config();

  /** The raw inputs (for rules that read files other than migrations and packets). */
  ChangeSet changeSet();

  /** Every migration found, up and down, in the order their tool runs them. */
  List<MigrationFile> migrations();

  /**
   * The migrations rules report on: forward migrations the change touched (for a PATHS analysis,
   * every forward migration).
   */
  default List<MigrationFile> changedMigrations() {
    return migrations().stream().filter(m -> !m.isDown() && m.inChange()).toList();
  }

  /** Rollback scripts the change touched. */
  default List<MigrationFile> changedDownMigrations() {
    return migrations().stream().filter(m -> m.isDown() && m.inChange()).toList();
  }

  /** Packets in scope: those the change adds or edits, and those naming a changed migration. */
  List<Packet> packets();

  /**
   * What {@code specgate dry-run} observed on a real PostgreSQL, when this analysis ran with it
   * ({@code dry-run}, {@code check --dry-run}); empty for a static analysis.
   */
  default java.util.Optional<dev.specgate.rules.dryrun.DryRunEvidence> dryRun() {
    return java.util.Optional.empty();
  }

  /** The schema as the forward migrations build it, queryable before any statement. */
  SchemaHistory schema();

  /**
   * A value computed once per analysis and shared by the rules that ask for it under the same key
   * (an index of statements, the searchable files, …). The value must be immutable. Contexts built
   * by hand in tests may compute it every time.
   */
  default <T> T shared(String key, Supplier<T> compute) {
    return compute.get();
  }
}
