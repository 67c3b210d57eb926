package dev.specgate.rules.packet;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.sql.MigrationFile;
import dev.specgate.packet.Block;
import dev.specgate.packet.MarkdownDoc;
import dev.specgate.packet.Packet;
import dev.specgate.packet.Phase;
import dev.specgate.packet.PhaseName;
import dev.specgate.packet.Section;
import dev.specgate.packet.SectionKind;
import dev.specgate.packet.ThresholdExtractor;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.sql.Statement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A backfill or read switch without a numeric mismatch threshold that blocks the switch. A
 * threshold counts when a block of any packet file states a number for mismatches / parity
 * ("parity mismatch > 0.1%", "zero mismatched rows") and either sits in a Parity section or says
 * what it gates (block, stop, switch, …).
 */
@RuleInfo(id = "parity-threshold-unnamed", family = Family.PACKET, severity = Severity.ERROR,
    summary = "A backfill or read switch without a numeric mismatch threshold that blocks the switch")
public final class ParityThresholdUnnamed implements Rule {
  private static final Pattern METRIC = Pattern.compile(
      "mismatch|parity|diverg|differ|drift|diff", Pattern.CASE_INSENSITIVE);
  private static final Pattern GATE = Pattern.compile(
      "block|gate|stop|halt|abort|switch|pause|fail|must|do not|don't|proceed|before",
      Pattern.CASE_INSENSITIVE);

  @Override
  public void check(RuleContext ctx, Findings out) {
    for (Packet p : ctx.packets()) {
      if (p.spec().isEmpty()) continue;
      List<Phase> switches = p.phases(PhaseName.SWITCH);
      List<Phase> backfills = p.phases(PhaseName.BACKFILL);
      if (switches.isEmpty() && backfills.isEmpty() && !migratesData(ctx, p)) continue;
      if (hasThreshold(p)) continue;
      int line = p.specSections(SectionKind.PARITY).stream().findFirst().map(Section::line)
          .orElse(!switches.isEmpty() ? switches.get(0).line()
              : !backfills.isEmpty() ? backfills.get(0).line() : p.specTitleLine());
      out.report(Location.line(p.pathOf(Packet.SPEC), line),
          "no numeric mismatch threshold blocks the %s".formatted(
              switches.isEmpty() ? "backfill's result from being used" : "read switch"),
          Seeds.PARITY,
          "Name the threshold and what it blocks, e.g. in acceptance-criteria.md: \"Given parity "
              + "mismatch > 0.1% / When release review runs / Then switch is blocked.\"");
    }
  }

  private static boolean migratesData(RuleContext ctx, Packet p) {
    for (MigrationFile m : PacketScope.coveredMigrations(ctx, p)) {
      for (Statement s : m.migration().statements()) {
        if (PacketScope.isBackfill(s.op())) return true;
      }
    }
    return false;
  }

  static boolean hasThreshold(Packet p) {
    for (MarkdownDoc d : p.docs().values()) {
      List<Section> parity = d.sections(SectionKind.PARITY);
      for (Block b : d.blocks()) {
        if (b.type() == Block.Type.CODE) continue;
        String text = b.text();
        boolean numeric = ThresholdExtractor.findAll(text).stream()
            .anyMatch(t -> METRIC.matcher(t.metric()).find() || t.unit().startsWith("mismatch"));
        if (!numeric) continue;
        boolean inParity = parity.stream()
            .anyMatch(s -> b.line() > s.line() && b.line() <= s.endLine());
        if (inParity || GATE.matcher(text).find()) return true;
      }
    }
    return false;
  }
}
