package dev.specgate.rules.packet;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.sql.MigrationFile;
import dev.specgate.packet.Packet;
import dev.specgate.packet.PhaseName;
import dev.specgate.packet.Phase;
import dev.specgate.packet.RollbackNotes;
import dev.specgate.packet.Section;
import dev.specgate.packet.SectionKind;
import dev.specgate.packet.TextLine;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A phase without a rollback note; an irreversible step without its point of no return and a
 * snapshot; a rollback plan that is one line saying "revert the migration".
 */
@RuleInfo(id = "rollback-per-phase", family = Family.PACKET, severity = Severity.ERROR,
    summary = "A phase without a rollback note; an irreversible step without its point of no "
        + "return and snapshot")
public final class RollbackPerPhase implements Rule {
  @Override
  public void check(RuleContext ctx, Findings out) {
    for (Packet p : ctx.packets()) {
      if (p.spec().isEmpty()) continue;
      String spec = p.planPath();
      List<Section> rollback = p.specSections(SectionKind.ROLLBACK);
      for (Phase phase : p.phases()) {
        if (RollbackNotes.noteFor(phase, rollback).isPresent()) continue;
        out.report(Location.line(spec, phase.line()),
            ("phase \"%s\" has no rollback note (looked in the phase's text, its table row and "
                + "the Rollback sections' lines naming it)").formatted(phase.title()),
            Seeds.ROLLBACK,
            ("Say what reverting this phase means, in the phase or in the Rollback section (\"%s: "
                + "reversible by …\" / \"not reversible after …\").").formatted(phase.title()));
      }
      for (Section s : rollback) {
        List<TextLine> lines = s.textLines();
        if (lines.size() == 1 && RollbackNotes.isOneLiner(lines.get(0).text())) {
          out.report(Location.line(spec, lines.get(0).line()),
              "the rollback plan is a single line: \"%s\"".formatted(lines.get(0).text()),
              Seeds.ONE_LINER,
              "For every phase, write what reverting means, whether data written in the new shape "
                  + "is recoverable, and how long rollback remains available.");
        }
      }
      List<TextLine> all = p.specLines();
      boolean pointOfNoReturn = all.stream().anyMatch(l -> RollbackNotes.isPointOfNoReturn(l.text()));
      boolean snapshot = all.stream().anyMatch(l -> RollbackNotes.mentionsSnapshot(l.text()));
      if (pointOfNoReturn && snapshot) continue;
      Location step = irreversibleStep(ctx, p, all);
      if (step == null) continue;
      String lacks = !pointOfNoReturn && !snapshot ? "its point of no return and a snapshot"
          : !pointOfNoReturn ? "its point of no return" : "a snapshot taken before it";
      out.report(step,
          ("an irreversible step is planned without %s (looked at every line of %s)")
              .formatted(lacks, p.planName()),
          Seeds.IRREVERSIBLE,
          "Name the point of no return (\"Point of no return: the first backfill batch\") and "
              + "the snapshot taken immediately before it, with the restore procedure tested "
              + "against staging.");
    }
  }

  /**
   * The first irreversible step: a spec line saying so, else a cleanup phase that drops or
   * removes something, else a DROP / TRUNCATE in a migration the packet covers.
   */
  private static Location irreversibleStep(RuleContext ctx, Packet p, List<TextLine> lines) {
    String spec = p.planPath();
    for (TextLine l : lines) {
      if (RollbackNotes.isIrreversible(l.text())) return Location.line(spec, l.line());
    }
    for (Phase phase : p.phases(PhaseName.CLEANUP)) {
      if (DROPS.matcher(phase.text()).find()) return Location.line(spec, phase.line());
    }
    for (MigrationFile m : PacketScope.coveredMigrations(ctx, p)) {
      for (Statement s : m.migration().statements()) {
        if (destroys(s.op())) return Location.line(m.path(), s.line());
      }
    }
    return null;
  }

  /** A cleanup that drops data: a column, a table, rows, or a named identifier ("drop `email`"). */
  private static final Pattern DROPS = Pattern.compile(
      "\\b(?:drop|remov|delet|truncat)\\w{0,4}\\s{1,3}(?:the\\s{1,3})?(?:old\\s{1,3}|legacy\\s{1,3})?"
          + "(?:[\\w`]{1,40}+\\s{1,3})?(?:columns?|tables?|data|rows)\\b"
          + "|\\b(?:drop|remov|delet|truncat)\\w{0,4}\\s{1,3}(?:the\\s{1,3})?`?[a-z][a-z0-9]{0,40}+_\\w",
      Pattern.CASE_INSENSITIVE);

  private static boolean destroys(Operation op) {
    if (op instanceof Operation.DropTable || op instanceof Operation.Truncate) return true;
    return PacketScope.actions(op).stream().anyMatch(a -> a instanceof AlterAction.DropColumn);
  }
}
