package dev.specgate.core;

/**
 * Bounds how deep Markdown can nest before a CommonMark parser sees it. CommonMark re-reads the
 * indentation of every open block on every line, so 3,000 nested list items (each indented two
 * more spaces) take over 30 seconds to parse; no spec nests lists {@value #MAX_INDENT} columns deep.
 * Indentation beyond that is cut to it; line numbers and all other text are unchanged.
 */
public final class MarkdownNesting {
  public static final int MAX_INDENT = 32;

  private MarkdownNesting() {}

  public static String bounded(String markdown) {
    if (!hasDeepIndent(markdown)) return markdown;
    StringBuilder out = new StringBuilder(markdown.length());
    int i = 0;
    int n = markdown.length();
    while (i < n) {
      int columns = 0;
      int j = i;
      while (j < n && (markdown.charAt(j) == ' ' || markdown.charAt(j) == '\t')) {
        columns += markdown.charAt(j) == '\t' ? 4 - columns % 4 : 1;
        j++;
      }
      if (columns > MAX_INDENT) {
        out.append(" ".repeat(MAX_INDENT));
      } else {
        out.append(markdown, i, j);
      }
      int end = markdown.indexOf('\n', j);
      end = end < 0 ? n : end + 1;
      out.append(markdown, j, end);
      i = end;
    }
    return out.toString();
  }

  private static boolean hasDeepIndent(String markdown) {
    int columns = 0;
    boolean lineStart = true;
    for (int i = 0; i < markdown.length(); i++) {
      char c = markdown.charAt(i);
      if (c == '\n') {
        columns = 0;
        lineStart = true;
      } else if (lineStart && (c == ' ' || c == '\t')) {
        columns += c == '\t' ? 4 - columns % 4 : 1;
        if (columns > MAX_INDENT) return true;
      } else {
        lineStart = false;
      }
    }
    return false;
  }
}
