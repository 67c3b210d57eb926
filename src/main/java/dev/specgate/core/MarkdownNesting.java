package dev.specgate.core;

/**
 * Caps how deeply a Markdown line can nest containers before a CommonMark parser sees it (packets,
 * guardrails: text any pull request author controls). CommonMark's block parser recurses once per
 * open container (a {@code >} or a list item), so about a thousand nested {@code >} or list markers
 * overflow a worker thread's stack, and it re-reads the indentation of every open block on every
 * line, so 3,000 nested list items take over 30 seconds. No plan nests more than a few levels, so
 * past {@link #MAX_MARKERS} markers (or {@link #MAX_INDENT} columns of leading whitespace) the extra
 * prefix is dropped: the line's text and its line number stay, only the excess structure goes.
 * Linear in the input.
 */
public final class MarkdownNesting {
  public static final int MAX_MARKERS = 24;
  public static final int MAX_INDENT = 48;

  private MarkdownNesting() {}

  /** The text with every over-deep line prefix cut; the same String when nothing is too deep. */
  public static String bounded(String text) {
    if (text == null) return "";
    StringBuilder out = null;
    int start = 0;
    int n = text.length();
    while (start <= n) {
      int end = text.indexOf('\n', start);
      if (end < 0) end = n;
      String capped = capLine(text, start, end);
      if (capped != null && out == null) {
        out = new StringBuilder(n);
        out.append(text, 0, start);
      }
      if (out != null) {
        if (capped != null) out.append(capped); else out.append(text, start, end);
        if (end < n) out.append('\n');
      }
      start = end + 1;
    }
    return out == null ? text : out.toString();
  }

  /** The line with its container prefix cut to the limits, or null when it is within them. */
  private static String capLine(String text, int from, int to) {
    int i = from;
    int markers = 0;
    int columns = 0;
    int cutAt = -1; // where the kept prefix ends
    while (i < to) {
      char c = text.charAt(i);
      int next;
      if (c == ' ' || c == '\t') {
        columns += c == '\t' ? 4 : 1;
        next = i + 1;
      } else if (c == '>') {
        markers++;
        next = i + 1;
      } else if ((c == '-' || c == '*' || c == '+') && (i + 1 >= to || isBlank(text.charAt(i + 1)))) {
        markers++;
        next = i + 1;
      } else if (c >= '0' && c <= '9') {
        int j = i;
        while (j < to && j - i < 9 && text.charAt(j) >= '0' && text.charAt(j) <= '9') j++;
        if (j < to && (text.charAt(j) == '.' || text.charAt(j) == ')')
            && (j + 1 >= to || isBlank(text.charAt(j + 1)))) {
          markers++;
          next = j + 1;
        } else {
          break;
        }
      } else {
        break;
      }
      if (cutAt < 0 && (markers > MAX_MARKERS || columns > MAX_INDENT)) cutAt = i;
      i = next;
    }
    if (cutAt < 0) return null;
    // keep the prefix up to the limit, then the content after the whole prefix
    return text.substring(from, cutAt) + " " + text.substring(i, to);
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
  }
}
