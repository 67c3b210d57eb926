package dev.specgate.rules.packet;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.packet.Block;
import dev.specgate.packet.MarkdownDoc;
import dev.specgate.packet.Packet;
import dev.specgate.packet.Phase;
import dev.specgate.packet.PhaseName;
import dev.specgate.packet.PlanSqlBlock;
import dev.specgate.packet.Section;
import dev.specgate.packet.SectionKind;
import dev.specgate.packet.ThresholdExtractor;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.sql.MigrationFile;
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
      "mismatch|parity|diverg|differ|drift|diff|<>|!=|is distinct from", Pattern.CASE_INSENSITIVE);
  private static final Pattern GATE = Pattern.compile(
      "block|gate|stop|halt|abort|switch|pause|fail|must|do not|don't|proceed|before|confirm"
          + "|require|until|then",
      Pattern.CASE_INSENSITIVE);

  @Override
  public void check(RuleContext ctx, Findings out) {
    for (Packet p : ctx.packets()) {
      if (p.spec().isEmpty()) continue;
      List<Phase> switches = p.phases(PhaseName.SWITCH);
      List<Phase> backfills = p.phases(PhaseName.BACKFILL);
      if (backfills.isEmpty() && !migratesData(ctx, p)
          && (switches.isEmpty() || saysNoBackfill(p))) {
        continue; // a read switch with no data to copy has no old and new values to compare
      }
      if (hasThreshold(p)) continue;
      int line = p.specSections(SectionKind.PARITY).stream().findFirst().map(Section::line)
          .orElse(!switches.isEmpty() ? switches.get(0).line()
              : !backfills.isEmpty() ? backfills.get(0).line() : p.specTitleLine());
      out.report(Location.line(p.planPath(), line),
          ("no numeric mismatch threshold blocks the %s (looked in Parity and validation "
              + "sections, phases, acceptance criteria, tables and the plan's validation queries)")
              .formatted(switches.isEmpty() ? "backfill's result from being used" : "read switch"),
          Seeds.PARITY,
          "Name the threshold and what it blocks, e.g. in acceptance-criteria.md: \"Given parity "
              + "mismatch > 0.1% / When release review runs / Then switch is blocked.\"");
    }
  }

  private static final Pattern NO_BACKFILL = Pattern.compile(
      "\\bno backfill|\\bnothing to backfill|\\bwithout (?:a )?backfill|\\bno data (?:migration|copy)"
          + "|\\bbackfill is not (?:needed|required)|\\bno backfill is (?:needed|required)",
      Pattern.CASE_INSENSITIVE);

  private static boolean saysNoBackfill(Packet p) {
    return p.specLines().stream().anyMatch(l -> NO_BACKFILL.matcher(l.text()).find());
  }

  private static boolean migratesData(RuleContext ctx, Packet p) {
    for (MigrationFile m : PacketScope.coveredMigrations(ctx, p)) {
      for (Statement s : m.migration().statements()) {
        if (PacketScope.isBackfill(s.op())) return true;
      }
    }
    return false;
  }

  /**
   * A numeric parity gate anywhere it could be: a prose block, list item or table row of any
   * packet file that states a number for mismatches / parity and sits in a Parity (validation)
   * section or says what it gates; or a validation query in the plan whose comment states its
   * expected result and that compares old and new values ("-- Expected: 0" over a mismatch count).
   */
  static boolean hasThreshold(Packet p) {
    for (MarkdownDoc d : p.docs().values()) {
      List<Section> parity = d.sections(SectionKind.PARITY);
      for (Block b : d.blocks()) {
        if (b.type() == Block.Type.CODE) continue;
        for (String text : texts(b)) {
          List<ThresholdExtractor.Threshold> found = ThresholdExtractor.findAll(text);
          if (found.isEmpty()) continue;
          boolean aboutParity = METRIC.matcher(text).find() || found.stream()
              .anyMatch(t -> METRIC.matcher(t.metric()).find() || t.unit().startsWith("mismatch"));
          if (!aboutParity) continue;
          boolean inParity = parity.stream()
              .anyMatch(s -> b.line() > s.line() && b.line() <= s.endLine());
          if (inParity || GATE.matcher(text).find()) return true;
        }
      }
    }
    for (PlanSqlBlock gate : p.validationGates()) {
      if (COMPARES.matcher(gate.sql()).find()) return true;
    }
    return false;
  }

  /**
   * A table is read row by row; anything else sentence by sentence (a sentence may run over
   * several lines, and "we expect no mismatches. Stop: lag > 20s" is two statements).
   */
  private static List<String> texts(Block b) {
    if (b.type() == Block.Type.TABLE) return b.lines().stream().map(l -> l.text()).toList();
    return List.of(SENTENCE_END.split(b.text().replace('\n', ' ')));
  }

  private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s++");

  private static final Pattern COMPARES = Pattern.compile(
      "mismatch|<>|!=|is distinct from|diverg|differ", Pattern.CASE_INSENSITIVE);
}
