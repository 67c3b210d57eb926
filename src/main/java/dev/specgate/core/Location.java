package dev.specgate.core;

/**
 * A span in one file. Lines and columns are 1-based; {@code endColumn} is inclusive.
 * A whole-file location is line 1, column 1.
 */
public record Location(String file, int line, int column, int endLine, int endColumn) {
  public Location {
    if (file == null) throw new IllegalArgumentException("file is required");
    if (line < 1) line = 1;
    if (column < 1) column = 1;
    if (endLine < line) endLine = line;
    if (endColumn < 1) endColumn = 1;
  }

  public static Location line(String file, int line) {
    return new Location(file, line, 1, line, 1);
  }

  public static Location lines(String file, int line, int endLine) {
    return new Location(file, line, 1, endLine, 1);
  }

  public boolean coversLine(int l) {
    return l >= line && l <= endLine;
  }

  // equals and hashCode written out: a record's generated ones link through invokedynamic
  // (ObjectMethods), which spins about twenty method-handle classes on first use — a tenth of a
  // one-file run's CPU, since rules key their findings by Location. Same meaning as the generated.
  @Override
  public boolean equals(Object o) {
    return o instanceof Location l && line == l.line && column == l.column && endLine == l.endLine
        && endColumn == l.endColumn && file.equals(l.file);
  }

  @Override
  public int hashCode() {
    return (((file.hashCode() * 31 + line) * 31 + column) * 31 + endLine) * 31 + endColumn;
  }
}
