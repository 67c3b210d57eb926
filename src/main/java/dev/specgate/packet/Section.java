package dev.specgate.packet;

import java.util.ArrayList;
import java.util.List;

/**
 * A heading (or a one-line {@code Label:} paragraph such as "Context:") and the blocks under it up
 * to the next heading of the same or a higher level.
 *
 * @param level heading level 1–6; 7 for a {@code Label:} line
 * @param line the heading's line
 * @param endLine the last line of the section's content (the heading line when empty)
 * @param blocks the blocks under the heading, nested sections' blocks included
 * @param phase for a PHASE section, which phase; else null
 */
public record Section(
    String title, SectionKind kind, PhaseName phase, int level, int line, int endLine,
    List<Block> blocks) {

  public Section {
    blocks = List.copyOf(blocks);
  }

  /** All prose lines of the section's content (code excluded). */
  public List<TextLine> textLines() {
    List<TextLine> out = new ArrayList<>();
    for (Block b : blocks) if (b.type() != Block.Type.CODE) out.addAll(b.lines());
    return out;
  }

  public String text() {
    StringBuilder sb = new StringBuilder();
    for (TextLine l : textLines()) sb.append(l.text()).append('\n');
    return sb.toString();
  }

  public boolean isEmpty() {
    return blocks.isEmpty();
  }
}
