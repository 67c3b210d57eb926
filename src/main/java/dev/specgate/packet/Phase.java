package dev.specgate.packet;

import java.util.List;

/**
 * One phase of the plan: a heading that names a phase ("### 2. Backfill") or a list item /
 * paragraph starting with one inside a Phases section ("1. Expand", "- Contract phase: …"),
 * with the text that follows it up to the next phase.
 */
public record Phase(PhaseName name, String title, int line, int endLine, List<TextLine> lines) {
  public Phase {
    lines = List.copyOf(lines);
  }

  public String text() {
    StringBuilder sb = new StringBuilder();
    for (TextLine l : lines) sb.append(l.text()).append('\n');
    return sb.toString();
  }
}
