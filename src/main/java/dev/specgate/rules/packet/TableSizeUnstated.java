package dev.specgate.rules.packet;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.sql.MigrationFile;
import dev.specgate.packet.Packet;
import dev.specgate.packet.Section;
import dev.specgate.packet.SectionKind;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** A table the packet's migrations touch has no row count in the packet. */
@RuleInfo(id = "table-size-unstated", family = Family.PACKET, severity = Severity.WARNING,
    summary = "A table the migrations touch has no row count in the spec")
public final class TableSizeUnstated implements Rule {
  @Override
  public void check(RuleContext ctx, Findings out) {
    for (Packet p : ctx.packets()) {
      if (p.spec().isEmpty()) continue;
      Map<String, String> unstated = new LinkedHashMap<>();
      for (MigrationFile m : PacketScope.coveredMigrations(ctx, p)) {
        for (Statement s : m.migration().statements()) {
          for (String t : PacketScope.tables(s.op())) {
            if (unstated.containsKey(t) || p.rowCount(t).isPresent()) continue;
            if (!PacketScope.touchesExisting(ctx, m, s, t)) continue;
            unstated.put(t, m.path() + ":" + s.line());
          }
        }
      }
      int line = p.specSections(SectionKind.CONTEXT).stream().findFirst()
          .map(Section::line).orElse(p.specTitleLine());
      unstated.forEach((table, where) -> out.report(
          Location.line(p.planPath(), line),
          ("the packet states no row count for `%s`, which %s changes (looked in the prose, "
              + "lists and tables of every packet file)").formatted(table, where),
          Seeds.TABLE_SIZE,
          ("State its size in Context, e.g. \"- %s has 18M rows.\" (accepted: \"%s has 1.2 million "
              + "rows\", \"a 50M-row %s table\", \"~18,000,000 rows in %s\").").formatted(
                  table, table, table, table)));
    }
  }
}
