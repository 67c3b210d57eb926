package dev.specgate.packet;

import java.util.List;
import java.util.Optional;

/**
 * One phase of the plan: a heading that names a phase ("### 2. Backfill", "### Phase 2 —
 * Backfill"), a list item / paragraph starting with one inside a Phases section ("1. Expand",
 * "- Contract phase: …"), or a row of a phases table (Phase | SQL | Deploy order | Rollback), with
 * the text that follows it up to the next phase.
 *
 * @param lines the phase's prose (a table row: one line per cell, "Header: cell")
 * @param later true when the plan schedules the phase for a later release ("in a separate
 *     release", "after the 7-day rollback window"): judged as a plan, not as this change's duty
 * @param code the fenced or indented code blocks inside the phase, in order, with their lines
 *     (the SQL a phase will run; empty for a table row)
 */
public record Phase(PhaseName name, String title, int line, int endLine, List<TextLine> lines,
    boolean later, List<Block> code) {
  public Phase {
    lines = List.copyOf(lines);
    code = List.copyOf(code);
  }

  public Phase(PhaseName name, String title, int line, int endLine, List<TextLine> lines) {
    this(name, title, line, endLine, lines, PlanScope.isLater(title, lines), List.of());
  }

  public String text() {
    StringBuilder sb = new StringBuilder();
    for (TextLine l : lines) sb.append(l.text()).append('\n');
    return sb.toString();
  }

  /** The phase's own statement of whether code or the migration deploys first. */
  public Optional<TextLine> deployOrder() {
    for (TextLine l : lines) if (DeployOrderNotes.states(l.text())) return Optional.of(l);
    return Optional.empty();
  }
}
