package dev.specgate.rules.packet;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.packet.MarkdownDoc;
import dev.specgate.packet.Packet;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import java.util.Locale;

/** A packet lacks one of the required files (config {@code requiredPacketFiles}). */
@RuleInfo(id = "packet-incomplete", family = Family.PACKET, severity = Severity.ERROR,
    summary = "A packet lacks spec.md, tasks.md or acceptance-criteria.md (evidence.md when configured)")
public final class PacketIncomplete implements Rule {
  @Override
  public void check(RuleContext ctx, Findings out) {
    for (Packet p : ctx.packets()) {
      String spec = p.pathOf(Packet.SPEC);
      int line = p.specTitleLine();
      for (String required : ctx.config().requiredPacketFiles()) {
        String name = required.toLowerCase(Locale.ROOT);
        boolean blank = p.doc(name).map(MarkdownDoc::isBlank).orElse(true);
        if (!blank) continue;
        boolean present = p.file(name).isPresent() && p.file(name).get().exists();
        String what = present ? "is empty" : "is missing";
        out.report(Location.line(spec, line),
            "packet `%s`: %s %s".formatted(p.folder().isEmpty() ? "." : p.folder(), name, what),
            Seeds.PACKET,
            "Add %s beside spec.md: %s.".formatted(name, hint(name)));
      }
    }
  }

  private static String hint(String name) {
    return switch (name) {
      case Packet.TASKS -> "a checklist of small tasks (\"- [ ] Add nullable account_status column.\")";
      case Packet.ACCEPTANCE -> "Given/When/Then criteria (\"- Given parity mismatch > 0.1% / When "
          + "release review runs / Then switch is blocked.\")";
      case Packet.EVIDENCE -> "the evidence required before release (dry-run output, batch size "
          + "and lock notes, query plans, parity result, rollback boundary)";
      case Packet.SPEC -> "Context, Goal, Non-goals, phases, rollback and compatibility";
      default -> "the file this repository requires in every packet";
    };
  }
}
