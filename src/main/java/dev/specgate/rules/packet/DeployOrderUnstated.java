package dev.specgate.rules.packet;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
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
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * No statement of whether code or migration deploys first. With a Deploy order section or such
 * statements present, each phase must be covered: by its own text or by a deploy-order line
 * naming it.
 */
@RuleInfo(id = "deploy-order-unstated", family = Family.PACKET, severity = Severity.WARNING,
    summary = "No statement of whether code or migration deploys first, per phase")
public final class DeployOrderUnstated implements Rule {
  static final Pattern ORDER = Pattern.compile(
      "(?:code|app|application|service|api|reader|writer)s?\\s+(?:change\\s+)?(?:deploys?|ships?"
          + "|goes|rolls? out|is deployed|is released|releases?)\\s+(?:first|before|after|then)"
          + "|(?:migration|schema change|ddl|backfill)s?\\s+(?:runs?|deploys?|ships?|goes|is applied"
          + "|applies|is deployed)\\s+(?:first|before|after)"
          + "|(?:deploy|ship|release|run|apply)\\s+(?:the\\s+)?(?:new\\s+)?(?:code|app|application"
          + "|migration|schema change)\\s+(?:first|before|after)"
          + "|(?:before|after)\\s+(?:the\\s+)?(?:code|app|application|migration)\\s+(?:deploy|rollout"
          + "|release|runs?|is deployed)"
          + "|migration first|code first|no (?:code|app|application) (?:change|deploy)"
          + "|deploy order|deploys? (?:first|last)",
      Pattern.CASE_INSENSITIVE);

  @Override
  public void check(RuleContext ctx, Findings out) {
    for (Packet p : ctx.packets()) {
      if (p.spec().isEmpty()) continue;
      String spec = p.pathOf(Packet.SPEC);
      List<Section> sections = p.specSections(SectionKind.DEPLOY_ORDER);
      List<TextLine> sectionLines = sections.stream().flatMap(s -> s.textLines().stream()).toList();
      boolean any = !sectionLines.isEmpty()
          || p.specLines().stream().anyMatch(l -> ORDER.matcher(l.text()).find());
      if (!any) {
        out.report(Location.line(spec, sections.isEmpty() ? p.specTitleLine() : sections.get(0).line()),
            "the spec does not say whether code or the migration deploys first",
            Seeds.DEPLOY,
            "Add a Deploy order section listing each deploy, e.g. \"- Expand: migration first, "
                + "then code (old code ignores the nullable column).\" and the failure mode of "
                + "each order.");
        continue;
      }
      for (Phase phase : p.phases()) {
        boolean own = phase.lines().stream().anyMatch(l -> ORDER.matcher(l.text()).find());
        boolean named = sectionLines.stream().anyMatch(l -> names(l.text(), phase));
        if (own || named) continue;
        out.report(Location.line(spec, phase.line()),
            "phase \"%s\" does not say whether code or the migration deploys first"
                .formatted(phase.title()),
            Seeds.DEPLOY,
            ("State this phase's deploy order in the phase or in Deploy order (\"%s: migration "
                + "first, then code\").").formatted(phase.title()));
      }
    }
  }

  private static boolean names(String text, Phase phase) {
    String t = text.toLowerCase(Locale.ROOT);
    for (String w : phase.name().words()) if (t.contains(w)) return true;
    java.util.regex.Matcher m = Pattern.compile("(?i)\\bphase\\s*(\\d+)").matcher(phase.title());
    return m.find() && Pattern.compile("(?i)\\bphase\\s*" + m.group(1) + "\\b").matcher(text).find();
  }
}
