package dev.specgate.rules.dryrun;

import dev.specgate.rules.Rule;
import java.util.List;

/**
 * The rules of the dryrun family: they read what {@code specgate dry-run} observed on a real
 * PostgreSQL ({@link dev.specgate.rules.RuleContext#dryRun()}) and report nothing in a static
 * analysis.
 */
public final class DryRunRules {
  private DryRunRules() {}

  public static List<Rule> all() {
    return List.of(
        new MigrationFails(), new RollbackFails(), new RollbackIncomplete(), new RollbackNotRerunnable());
  }
}
