package dev.specgate.rules.packet;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.packet.MarkdownDoc;
import dev.specgate.packet.Packet;
import dev.specgate.packet.RollbackNotes;
import dev.specgate.packet.SectionKind;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import java.util.List;

/** spec.md lacks Context, Goal, Non-goals, phases, rollback or compatibility. */
@RuleInfo(id = "spec-missing-section", family = Family.PACKET, severity = Severity.ERROR,
    summary = "The plan (spec.md) lacks Context, Goal, Non-goals, phases, rollback or compatibility")
public final class SpecMissingSection implements Rule {
  private static final List<SectionKind> REQUIRED = List.of(SectionKind.CONTEXT, SectionKind.GOAL,
      SectionKind.NON_GOALS, SectionKind.PHASES, SectionKind.ROLLBACK, SectionKind.COMPATIBILITY);

  @Override
  public void check(RuleContext ctx, Findings out) {
    for (Packet p : ctx.packets()) {
      if (p.spec().isEmpty() || p.spec().get().isBlank()) continue; // packet-incomplete reports it
      MarkdownDoc spec = p.spec().get();
      for (SectionKind k : REQUIRED) {
        if (present(p, spec, k)) continue;
        out.report(Location.line(spec.path(), spec.titleLine()),
            "%s has no %s section (looked for headings and bold or \"Label:\" lines: %s)"
                .formatted(p.planName(), display(k), synonyms(k)),
            Seeds.SECTIONS,
            "Add a heading `## %s` with %s.".formatted(display(k), content(k)));
      }
    }
  }

  /**
   * Found by meaning: a heading or label of the kind, or (phases, rollback, compatibility) the
   * content itself: phases, a rollback note for every phase, a stated compatibility window. A
   * plan in seed 004's single-document shape (no tasks.md, no acceptance-criteria.md, its own
   * runbook and validation) has no Non-goals section in its template: none is demanded.
   */
  private static boolean present(Packet p, MarkdownDoc spec, SectionKind k) {
    if (!spec.sections(k).isEmpty()) return true;
    return switch (k) {
      case PHASES -> !p.phases().isEmpty();
      case ROLLBACK -> !p.phases().isEmpty() && p.phases().stream()
          .allMatch(ph -> RollbackNotes.noteFor(ph, List.of()).isPresent());
      case COMPATIBILITY -> p.compatibilityWindow().isPresent();
      case NON_GOALS -> p.isSingleDocument() && !p.phases().isEmpty()
          && PacketIncomplete.heldByPlan(p, Packet.ACCEPTANCE) != null
          && PacketIncomplete.heldByPlan(p, Packet.TASKS) != null;
      default -> false;
    };
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
      case CONTEXT -> "Context, Background, Overview, Summary, What is changing";
      case GOAL -> "Goal, Objective, Why, Motivation, Purpose";
      case NON_GOALS -> "Non-goals, Out of scope, Not in scope, Not doing";
      case PHASES -> "Phases, Migration phases, Rollout, Rollout plan, Expand/contract, phase "
          + "headings Expand / Backfill / Switch / Cleanup or Phase N, a phases table";
      case ROLLBACK -> "Rollback, Rollback plan, Backout plan, Migration rollback note, or a "
          + "rollback note in every phase";
      case COMPATIBILITY -> "Compatibility, Backward compatibility, or a compatibility window "
          + "stated as a duration";
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
