package dev.specgate.rules.packet;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.packet.MarkdownDoc;
import dev.specgate.packet.Packet;
import dev.specgate.packet.Scenario;
import dev.specgate.packet.SectionKind;
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
      String plan = p.planPath();
      int line = p.specTitleLine();
      for (String required : ctx.config().requiredPacketFiles()) {
        String name = required.toLowerCase(Locale.ROOT);
        boolean blank = p.doc(name).map(MarkdownDoc::isBlank).orElse(true);
        if (!blank) continue;
        String instead = heldByPlan(p, name);
        if (instead != null) continue;
        boolean present = p.file(name).isPresent() && p.file(name).get().exists();
        String what = present ? "is empty" : "is missing";
        out.report(Location.line(plan, line),
            "packet `%s`: %s %s%s".formatted(p.folder().isEmpty() ? "." : p.folder(), name, what,
                lookedIn(p, name)),
            Seeds.PACKET,
            "Add %s beside %s: %s.".formatted(name, p.planName(), hint(name)));
      }
    }
  }

  /**
   * Completeness is about content (seed 004 writes the whole plan as one document): the plan
   * document stands in for spec.md; a checklist or runbook in it for tasks.md; acceptance
   * criteria or validation queries with expected results in it for acceptance-criteria.md.
   * Returns what in the plan holds it, or null.
   */
  static String heldByPlan(Packet p, String name) {
    if (p.plan().map(d -> !d.isBlank()).orElse(false) && Packet.PLAN_NAMES.contains(name)) {
      return p.planName();
    }
    if (p.plan().isEmpty() || p.plan().get().isBlank()) return null;
    if (name.equals(Packet.TASKS)) {
      boolean checklist = p.plan().get().blocks().stream().anyMatch(b -> b.isChecklistItem())
          || !p.plan().get().sections(SectionKind.RUNBOOK).isEmpty();
      return checklist ? "a checklist in " + p.planName() : null;
    }
    if (name.equals(Packet.ACCEPTANCE)) {
      if (!Scenario.criteriaInPlan(p.plan().get()).isEmpty()) return "criteria in the plan";
      if (!p.validationGates().isEmpty()) return "validation queries with expected results";
      return null;
    }
    if (name.equals(Packet.EVIDENCE)) {
      return p.plan().get().sections(SectionKind.EVIDENCE).isEmpty() ? null : "an Evidence section";
    }
    return null;
  }

  private static String lookedIn(Packet p, String name) {
    return switch (name) {
      case Packet.TASKS -> " and " + p.planName() + " holds no checklist (- [ ] items) or "
          + "Tasks / Runbook / Checklist section";
      case Packet.ACCEPTANCE -> " and " + p.planName() + " holds no Acceptance criteria section, "
          + "Given/When/Then table or validation query with an expected result";
      case Packet.EVIDENCE -> " and " + p.planName() + " has no Evidence section";
      default -> "";
    };
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
