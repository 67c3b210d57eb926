package dev.specgate.engine;

/**
 * Findings the engine itself raises, beside the rule catalogue: a suppression comment that is
 * malformed or suppresses nothing, a rule that failed on an input (reported, never a crash), and a
 * migration tool's metadata file the tool itself cannot read.
 */
public final class EngineDiagnostics {
  public static final String INVALID_SUPPRESSION = "invalid-suppression";
  public static final String INTERNAL_ERROR = "internal-error";
  /** A migration tool's metadata file the tool cannot read (diesel's metadata.toml). */
  public static final String INVALID_MIGRATION_METADATA = "invalid-migration-metadata";

  private EngineDiagnostics() {}
}
