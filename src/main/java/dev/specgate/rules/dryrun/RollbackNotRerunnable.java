package dev.specgate.rules.dryrun;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.RuleInfo;

/** The change does not apply again after its rollback ran. */
@RuleInfo(
    id = "rollback-not-rerunnable",
    family = Family.DRYRUN,
    severity = Severity.WARNING,
    summary = "The up migrations fail when applied again after the rollback")
public final class RollbackNotRerunnable implements DryRunRule {
  @Override
  public void check(DryRunEvidence evidence, Findings out) {
    for (ObservedStatement s : evidence.rerun()) {
      if (s.ok()) continue;
      out.report(Location.lines(s.file(), s.line(), s.endLine()),
          "after the rollback this statement fails when the change is applied again: " + s.error(),
          "A rollback that leaves something behind (a type, a function, a row the up migration"
              + " inserts) makes the next deploy of the same change fail; roll-forward after a"
              + " rollback is the normal path once the problem is fixed.",
          "Make the rollback remove what this statement creates, or make the statement idempotent"
              + " (IF NOT EXISTS, ON CONFLICT DO NOTHING).");
    }
  }
}
