package dev.specgate.rules.dryrun;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.RuleInfo;

/** PostgreSQL rejected a statement of the change during the dry run. */
@RuleInfo(
    id = "migration-fails",
    family = Family.DRYRUN,
    severity = Severity.ERROR,
    summary = "PostgreSQL rejects a statement of the change when the dry run applies it")
public final class MigrationFails implements DryRunRule {
  @Override
  public void check(DryRunEvidence evidence, Findings out) {
    for (ObservedStatement s : evidence.statements()) {
      if (s.ok() || s.dataDependent()) continue; // synthetic rows decide a data error: not evidence
      out.report(Location.lines(s.file(), s.line(), s.endLine()),
          "PostgreSQL " + evidence.postgres() + " rejects this statement: " + s.error(),
          "The dry run applied the migrations before the change, then this file as its tool runs it:"
              + " the deploy would fail here and the tool stops the file (its transaction, if any, rolls"
              + " back). Seed 002: \"Migration tested (e.g. apply/rollback) in non-production\".",
          "Fix the statement so that it runs on the schema the earlier migrations build, and run"
              + " `specgate dry-run` again.");
    }
  }
}
