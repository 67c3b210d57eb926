package dev.specgate.rules.packet;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.packet.MarkdownDoc;
import dev.specgate.packet.Packet;
import dev.specgate.packet.SectionKind;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import java.util.List;

/** spec.md lacks Context, Goal, Non-goals, phases, rollback or compatibility. */
@RuleInfo(id = "spec-missing-section", family = Family.PACKET, severity = Severity.ERROR,
    summary = "spec.md lacks Context, Goal, Non-goals, phases, rollback or compatibility")
public final class SpecMissingSection implements Rule {
  private static final List<SectionKind> REQUIRED = List.of(SectionKind.CONTEXT, SectionKind.GOAL,
      SectionKind.NON_GOALS, SectionKind.PHASES, SectionKind.ROLLBACK, SectionKind.COMPATIBILITY);

  @Override
  public void check(RuleContext ctx, Findings out) {
    for (Packet p : ctx.packets()) {
      if (p.spec().isEmpty()) continue; // packet-incomplete reports it
      MarkdownDoc spec = p.spec().get();
      for (SectionKind k : REQUIRED) {
        boolean present = !spec.sections(k).isEmpty()
            || (k == SectionKind.PHASES && !p.phases().isEmpty());
        if (present) continue;
        out.report(Location.line(spec.path(), spec.titleLine()),
            "spec.md has no %s section".formatted(display(k)),
            Seeds.SECTIONS,
            "Add a heading `## %s` (accepted: %s) with %s.".formatted(
                display(k), synonyms(k), content(k)));
      }
    }
  }

  static String display(SectionKind k) {
    return switch (k) {
      case CONTEXT -> "Context";
      case GOAL -> "Goal";
      case NON_GOALS -> "Non-goals";
      case PHASES -> "Phases";
      case ROLLBACK -> "Rollback";
      case COMPATIBILITY -> "Compatibility";
      default -> k.label();
    };
  }

  private static String synonyms(SectionKind k) {
    return switch (k) {
      case CONTEXT -> "Context, Background";
      case GOAL -> "Goal, Goals";
      case NON_GOALS -> "Non-goals, Out of scope";
      case PHASES -> "Phases, Migration phases, Rollout plan, or phase headings Expand / Backfill "
          + "/ Switch / Cleanup";
      case ROLLBACK -> "Rollback, Rollback plan";
      case COMPATIBILITY -> "Compatibility, Backward compatibility";
      default -> k.label();
    };
  }

  private static String content(SectionKind k) {
    return switch (k) {
      case CONTEXT -> "the tables touched and their row counts (\"accounts has 18M rows\")";
      case GOAL -> "what the change must achieve (\"Add account_status without blocking account writes\")";
      case NON_GOALS -> "what this change must not do (\"No removal of closed_at or billing_pause_until yet\")";
      case PHASES -> "the expand, backfill, switch and cleanup phases, each shipped on its own";
      case ROLLBACK -> "what reverting means in each phase and the point of no return";
      case COMPATIBILITY -> "how long old code stays compatible, as a duration (\"7 days\")";
      default -> "its content";
    };
  }
}
