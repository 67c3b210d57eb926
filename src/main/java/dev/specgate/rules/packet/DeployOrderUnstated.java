package dev.specgate.rules.packet;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.packet.DeployOrderNotes;
import dev.specgate.packet.Packet;
import dev.specgate.packet.Phase;
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
 * No statement of whether code or migration deploys first. With a Deploy order section or such
 * statements present, each phase must be covered: by its own text or by a deploy-order line
 * naming it.
 */
@RuleInfo(id = "deploy-order-unstated", family = Family.PACKET, severity = Severity.WARNING,
    summary = "No statement of whether code or migration deploys first, per phase")
public final class DeployOrderUnstated implements Rule {
  @Override
  public void check(RuleContext ctx, Findings out) {
    for (Packet p : ctx.packets()) {
      if (p.spec().isEmpty()) continue;
      String spec = p.planPath();
      List<Section> sections = p.specSections(SectionKind.DEPLOY_ORDER);
      List<TextLine> sectionLines = sections.stream().flatMap(s -> s.textLines().stream()).toList();
      boolean any = !sectionLines.isEmpty()
          || p.specLines().stream().anyMatch(l -> DeployOrderNotes.states(l.text()));
      if (!any) {
        out.report(Location.line(spec, sections.isEmpty() ? p.specTitleLine() : sections.get(0).line()),
            ("%s does not say whether code or the migration deploys first (looked for a Deploy "
                + "order section, \"**Deploy order:**\" labels, a Deploy order column and lines "
                + "such as \"migration first, then code\")").formatted(p.planName()),
            Seeds.DEPLOY,
            "Add a Deploy order section listing each deploy, e.g. \"- Expand: migration first, "
                + "then code (old code ignores the nullable column).\" and the failure mode of "
                + "each order.");
        continue;
      }
      // a phase scheduled for a later release states its deploy order when it ships
      for (Phase phase : p.phasesInThisChange()) {
        if (DeployOrderNotes.noteFor(phase, sections).isPresent()) continue;
        out.report(Location.line(spec, phase.line()),
            ("phase \"%s\" does not say whether code or the migration deploys first (looked in "
                + "the phase's text and the Deploy order lines naming it)").formatted(phase.title()),
            Seeds.DEPLOY,
            ("State this phase's deploy order in the phase or in Deploy order (\"%s: migration "
                + "first, then code\").").formatted(phase.title()));
      }
    }
  }
}
