package dev.specgate.engine;

/**
 * Findings the engine itself raises, beside the rule catalogue: a suppression comment that is
 * malformed or suppresses nothing, and a rule that failed on an input (reported, never a crash).
 */
public final class EngineDiagnostics {
  public static final String INVALID_SUPPRESSION = "invalid-suppression";
  public static final String INTERNAL_ERROR = "internal-error";

  private EngineDiagnostics() {}
}
