package dev.specgate.sql;

import java.util.Arrays;

/**
 * Maps character offsets of a file to 1-based line and column numbers. A line ends at
 * {@code \n}, {@code \r\n} or a lone {@code \r}.
 */
final class SourceLines {
  private final int[] starts;
  private final int count;

  SourceLines(String text) {
    int[] s = new int[16];
    int n = 0;
    s[n++] = 0;
    int len = text.length();
    for (int i = 0; i < len; i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 >= len || text.charAt(i + 1) != '\n'))) {
        if (n == s.length) s = Arrays.copyOf(s, n * 2);
        s[n++] = i + 1;
      }
    }
    this.starts = s;
    this.count = n;
  }

  /** 1-based line of {@code offset}. */
  int line(int offset) {
    int i = Arrays.binarySearch(starts, 0, count, offset);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** 1-based column of {@code offset}. */
  int column(int offset) {
    return offset - starts[line(offset) - 1] + 1;
  }

  /** Offset of the first character of a 1-based line, or -1 when there is no such line. */
  int lineStart(int line) {
    return line >= 1 && line <= count ? starts[line - 1] : -1;
  }

  Span span(int start, int endExclusive) {
    int last = Math.max(start, endExclusive - 1);
    return new Span(line(start), column(start), line(last), column(last), start, endExclusive);
  }
}
