package dev.specgate.sql;

/**
 * Where a statement sits in its file: 1-based lines and columns (end inclusive), and the 0-based
 * character offsets {@code [startOffset, endOffset)} into the file's text.
 */
public record Span(
    int startLine, int startColumn, int endLine, int endColumn, int startOffset, int endOffset) {

  public boolean containsLine(int line) {
    return line >= startLine && line <= endLine;
  }
}
