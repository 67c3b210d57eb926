package dev.specgate.rules.dryrun;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.RuleInfo;
import java.util.stream.Collectors;

/** After up then down, the catalog differs from before the change. */
@RuleInfo(
    id = "rollback-incomplete",
    family = Family.DRYRUN,
    severity = Severity.ERROR,
    summary = "After the change and its rollback the schema differs from before the change")
public final class RollbackIncomplete implements DryRunRule {
  @Override
  public void check(DryRunEvidence evidence, Findings out) {
    for (RollbackOutcome r : evidence.rollback()) {
      if (!r.ok() || r.differences().isEmpty()) continue;
      String objects = r.differences().stream()
          .map(d -> d.object() + " (before: " + orNone(d.before()) + "; after: " + orNone(d.after()) + ")")
          .collect(Collectors.joining(", "));
      out.report(Location.line(r.file(), Math.max(1, r.line())),
          "rollback " + r.source() + " leaves the schema different from before "
              + (r.phase() == null ? "the change" : "its phase (" + r.phase() + "; the phases before it applied)")
              + ": " + objects,
          "The dry run snapshotted the catalog (tables, columns, constraints, indexes, sequences,"
              + " views, enum values) before the change and compared it after the change and this"
              + " rollback. What differs is what a rollback in production would leave behind. Seed 004:"
              + " \"every step can be rolled back independently\".",
          "Undo each object the change creates or alters in the rollback, in reverse order.");
    }
  }

  private static String orNone(String s) {
    return s == null ? "absent" : s;
  }
}
