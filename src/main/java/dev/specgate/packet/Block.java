package dev.specgate.packet;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One block of a Markdown file as the packet rules read it: a heading, a paragraph, a list item
 * (its own paragraphs, without nested lists), a code block or a table.
 *
 * @param line first 1-based line in the file
 * @param endLine last 1-based line
 * @param lines the block's lines with their real numbers; prose has Markdown markers removed (list
 *     bullets, checkboxes, emphasis, backticks, link targets), code is kept as written; a table
 *     has one line per body row, read as "Header: cell; Header: cell" so prose extractors see it
 * @param depth heading level for headings; nesting depth (1 = top level) for list items; 0 else
 * @param checked for a checklist item: TRUE for {@code [x]}, FALSE for {@code [ ]}; else null
 * @param info for a fenced code block, its info string's first word lower-case ("sql"); else ""
 * @param table for a table, its header and rows; else null
 */
public record Block(
    Type type, int line, int endLine, List<TextLine> lines, int depth, Boolean checked,
    String info, MdTable table) {

  public enum Type { HEADING, PARAGRAPH, ITEM, CODE, TABLE }

  public Block {
    lines = List.copyOf(lines);
    info = info == null ? "" : info;
  }

  public Block(Type type, int line, int endLine, List<TextLine> lines, int depth, Boolean checked) {
    this(type, line, endLine, lines, depth, checked, "", null);
  }

  /** The lines' text joined with '\n'. */
  public String text() {
    return lines.stream().map(TextLine::text).collect(Collectors.joining("\n"));
  }

  public boolean isChecklistItem() {
    return checked != null;
  }

  /** True for prose (not code): headings, paragraphs, items and tables. */
  public boolean isProse() {
    return type != Type.CODE;
  }
}
