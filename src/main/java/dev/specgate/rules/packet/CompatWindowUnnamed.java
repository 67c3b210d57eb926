package dev.specgate.rules.packet;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.packet.Packet;
import dev.specgate.packet.Section;
import dev.specgate.packet.SectionKind;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;

/** No backward-compatibility / rollback window stated as a duration. */
@RuleInfo(id = "compat-window-unnamed", family = Family.PACKET, severity = Severity.ERROR,
    summary = "No backward-compatibility / rollback window stated as a duration")
public final class CompatWindowUnnamed implements Rule {
  @Override
  public void check(RuleContext ctx, Findings out) {
    for (Packet p : ctx.packets()) {
      if (p.spec().isEmpty() || p.compatibilityWindow().isPresent()) continue;
      int line = p.specSections(SectionKind.COMPATIBILITY).stream().findFirst()
          .map(Section::line)
          .orElse(p.specSections(SectionKind.ROLLBACK).stream().findFirst().map(Section::line)
              .orElse(p.specTitleLine()));
      out.report(Location.line(p.planPath(), line),
          ("%s names no compatibility or rollback window as a duration (looked at every line of "
              + "it, its tables included, that speaks of compatibility, a window, rollback or old "
              + "code)").formatted(p.planName()),
          Seeds.COMPAT,
          "State it in days or hours, e.g. \"- Old code remains compatible for 7 days after the "
              + "switch.\" or \"Rollback window: 25 hours (one deploy plus a 24-hour rollback "
              + "hold).\" \"Two releases\" is not a duration.");
    }
  }
}
