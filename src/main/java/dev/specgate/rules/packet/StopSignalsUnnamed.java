package dev.specgate.rules.packet;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.packet.MarkdownDoc;
import dev.specgate.packet.Packet;
import dev.specgate.packet.Section;
import dev.specgate.packet.SectionKind;
import dev.specgate.packet.TextLine;
import dev.specgate.packet.ThresholdExtractor;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import java.util.regex.Pattern;

/**
 * No stop signal with a measurable threshold. A line counts when it is in a Stop signals section
 * or speaks of stopping / pausing, names a metric (lock wait, replica lag, error rate, latency, …)
 * and states a numeric threshold.
 */
@RuleInfo(id = "stop-signals-unnamed", family = Family.PACKET, severity = Severity.WARNING,
    summary = "No stop signal with a measurable threshold (lock wait, replica lag, error rate, latency)")
public final class StopSignalsUnnamed implements Rule {
  static final Pattern METRIC = Pattern.compile(
      "lock[ _]?wait|lock|replica(?:tion)? lag|\\blag\\b|error[ _]rate|errors?|latency|p9\\d"
          + "|cpu|deadlock|timeouts?|queue|mismatch|i/o|iops|connections",
      Pattern.CASE_INSENSITIVE);
  static final Pattern STOP_WORDS = Pattern.compile(
      "\\bstop|\\bpause|\\babort|\\bhalt|kill switch|auto-pause|\\btrigger|\\broll ?back if",
      Pattern.CASE_INSENSITIVE);

  @Override
  public void check(RuleContext ctx, Findings out) {
    for (Packet p : ctx.packets()) {
      if (p.spec().isEmpty() || hasStopSignal(p)) continue;
      int line = p.specSections(SectionKind.STOP_SIGNALS).stream().findFirst()
          .map(Section::line).orElse(p.specTitleLine());
      out.report(Location.line(p.planPath(), line),
          ("no stop signal with a measurable threshold (looked in Stop signals sections and "
              + "every line or table row of the packet that speaks of stopping, pausing or "
              + "aborting)"),
          Seeds.STOP,
          "Add a Stop signals section with numbers, e.g. \"- Stop trigger: lock wait above 5 "
              + "seconds for 3 consecutive checks.\" \"- Pause the backfill when replica lag "
              + "exceeds 10 seconds.\"");
    }
  }

  static boolean hasStopSignal(Packet p) {
    for (MarkdownDoc d : p.docs().values()) {
      for (Section s : d.sections(SectionKind.STOP_SIGNALS)) {
        for (TextLine l : s.textLines()) if (measurable(l.text())) return true;
      }
      // "**Monitoring threshold to pause backfill:** DB CPU > 80% …": the label says stop
      for (Section s : d.sections()) {
        if (!STOP_WORDS.matcher(s.title()).find()) continue;
        for (TextLine l : s.textLines()) if (measurable(l.text())) return true;
      }
      // a paragraph is read whole: the stop word and the threshold may sit on different lines
      for (dev.specgate.packet.Block b : d.blocks()) {
        if (b.type() == dev.specgate.packet.Block.Type.CODE) continue;
        if (b.type() == dev.specgate.packet.Block.Type.TABLE) {
          for (TextLine l : b.lines()) {
            if (STOP_WORDS.matcher(l.text()).find() && measurable(l.text())) return true;
          }
        } else if (STOP_WORDS.matcher(b.text()).find() && measurable(b.text())) {
          return true;
        }
      }
    }
    return false;
  }

  static boolean measurable(String text) {
    return METRIC.matcher(text).find() && !ThresholdExtractor.findAll(text).isEmpty();
  }
}
