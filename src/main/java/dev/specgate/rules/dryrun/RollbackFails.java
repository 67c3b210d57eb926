package dev.specgate.rules.dryrun;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.RuleInfo;

/** A down/revert/undo script, or a phase's rollback SQL, failed when the dry run applied it. */
@RuleInfo(
    id = "rollback-fails",
    family = Family.DRYRUN,
    severity = Severity.ERROR,
    summary = "A down/revert/undo script or a phase's rollback SQL fails when applied after the change")
public final class RollbackFails implements DryRunRule {
  @Override
  public void check(DryRunEvidence evidence, Findings out) {
    for (RollbackOutcome r : evidence.rollback()) {
      if (r.ok()) continue;
      out.report(Location.line(r.file(), Math.max(1, r.errorLine())),
          "rollback " + r.source() + " fails after "
              + (r.phase() == null ? "the change" : "its phase (" + r.phase() + ")") + " was applied: " + r.error(),
          "A rollback that fails is no rollback: when the change has to be undone in production, this"
              + " script stops with this error. Seed 004: \"every step can be rolled back"
              + " independently\"; seed 001 asks to execute the documented rollback once before"
              + " production.",
          "Make the rollback undo exactly what the change did (IF EXISTS where a step may not have"
              + " run), and run `specgate dry-run` again.");
    }
  }
}
