package dev.specgate.rules.packet;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.sql.MigrationFile;
import dev.specgate.packet.BackfillPlan;
import dev.specgate.packet.Packet;
import dev.specgate.packet.Phase;
import dev.specgate.packet.PhaseName;
import dev.specgate.packet.Section;
import dev.specgate.packet.SectionKind;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.sql.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A backfill of a large table (a stated row count over {@code largeTableRows}) whose spec lacks
 * batch size, cursor key, throttle, resumability or expected runtime. The backfill is either a
 * Backfill phase of the spec or an UPDATE / INSERT … SELECT in a migration the packet covers.
 */
@RuleInfo(id = "backfill-plan-incomplete", family = Family.PACKET, severity = Severity.ERROR,
    summary = "A backfill of a large table without batch size, cursor key, throttle, "
        + "resumability and expected runtime")
public final class BackfillPlanIncomplete implements Rule {
  @Override
  public void check(RuleContext ctx, Findings out) {
    long large = ctx.config().largeTableRows();
    for (Packet p : ctx.packets()) {
      if (p.spec().isEmpty()) continue;
      Set<String> backfilled = new LinkedHashSet<>();
      for (MigrationFile m : PacketScope.coveredMigrations(ctx, p)) {
        for (Statement s : m.migration().statements()) {
          if (PacketScope.isBackfill(s.op())) backfilled.addAll(PacketScope.tables(s.op()));
        }
      }
      List<Phase> phases = p.phases(PhaseName.BACKFILL);
      if (!phases.isEmpty()) {
        for (Packet.StatedRowCount r : p.rowCounts()) backfilled.add(r.table());
      }
      String largeTable = null;
      long rows = 0;
      for (String t : backfilled) {
        OptionalLong n = p.rowCount(t);
        if (n.isPresent() && n.getAsLong() > large && n.getAsLong() > rows) {
          largeTable = t;
          rows = n.getAsLong();
        }
      }
      if (largeTable == null) continue;
      BackfillPlan plan = p.backfillPlan();
      List<String> missing = plan.missing();
      if (missing.isEmpty()) continue;
      // where the backfill is described: its own heading ("## Backfill"), else its phase
      int line = p.specSections(SectionKind.PHASE).stream()
          .filter(sec -> sec.phase() == PhaseName.BACKFILL && sec.level() <= 6)
          .map(Section::line).findFirst().orElse(-1);
      if (line < 0) line = !phases.isEmpty() ? phases.get(0).line()
          : p.specSections(SectionKind.PHASES).stream().findFirst().map(Section::line)
              .orElse(p.specTitleLine());
      out.report(Location.line(p.planPath(), line),
          ("the backfill of `%s` (%,d rows, over the %,d-row threshold) does not state its %s "
              + "(looked in %s's prose, lists and tables and in its backfill SQL)")
              .formatted(largeTable, rows, large, String.join(", ", missing), p.planName()),
          Seeds.BACKFILL,
          "Describe the backfill in the spec, e.g. \"id-cursor pagination with 5,000-row batches, "
              + "a 100ms sleep between batches, a checkpoint table recording the last processed "
              + "id (resumable after a crash); expected runtime 4 hours\".");
    }
  }
}
