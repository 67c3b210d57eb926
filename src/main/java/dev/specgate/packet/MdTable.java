package dev.specgate.packet;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A GitHub-flavoured Markdown table: its header cells and body rows, cell text cleaned of inline
 * Markdown, each row with its real line number.
 */
public record MdTable(List<String> header, List<Row> rows) {
  public MdTable {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  /** One body row. */
  public record Row(int line, List<String> cells) {
    public Row {
      cells = List.copyOf(cells);
    }

    /** The cell at a column, "" when the row is short or the column is -1. */
    public String cell(int column) {
      return column >= 0 && column < cells.size() ? cells.get(column) : "";
    }
  }

  /**
   * The first column whose header matches the pattern (case-insensitive, found anywhere in the
   * header text), or -1.
   */
  public int column(Pattern headerPattern) {
    for (int i = 0; i < header.size(); i++) {
      if (headerPattern.matcher(header.get(i).toLowerCase(Locale.ROOT)).find()) return i;
    }
    return -1;
  }

  /** A row read as prose: "Header: cell; Header: cell" (empty cells left out). */
  public String rowText(Row r) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < r.cells().size(); i++) {
      String cell = r.cells().get(i);
      if (cell.isBlank()) continue;
      if (sb.length() > 0) sb.append("; ");
      String h = i < header.size() ? header.get(i) : "";
      if (!h.isBlank()) sb.append(h).append(": ");
      sb.append(cell);
    }
    return sb.toString();
  }
}
