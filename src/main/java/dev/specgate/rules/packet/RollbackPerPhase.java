package dev.specgate.rules.packet;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.packet.Packet;
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
import java.util.List;

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
      String spec = p.pathOf(Packet.SPEC);
      List<Section> rollback = p.specSections(SectionKind.ROLLBACK);
      for (Phase phase : p.phases()) {
        if (RollbackNotes.noteFor(phase, rollback).isPresent()) continue;
        out.report(Location.line(spec, phase.line()),
            "phase \"%s\" has no rollback note".formatted(phase.title()),
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
      for (TextLine l : all) {
        if (!RollbackNotes.isIrreversible(l.text())) continue;
        String lacks = !pointOfNoReturn && !snapshot ? "its point of no return and a snapshot"
            : !pointOfNoReturn ? "its point of no return" : "a snapshot taken before it";
        out.report(Location.line(spec, l.line()),
            "an irreversible step is stated without %s".formatted(lacks),
            Seeds.IRREVERSIBLE,
            "Name the point of no return (\"Point of no return: the first backfill batch\") and "
                + "the snapshot taken immediately before it, with the restore procedure tested "
                + "against staging.");
        break;
      }
    }
  }
}
