package dev.specgate.report;

/**
 * Puts text that came from a pull request (paths, identifiers, SQL, packet text, rule messages
 * quoting them) into the GitHub-flavoured Markdown we post, so that nothing the author wrote
 * becomes live: no link, image, HTML or entity, no {@code @}-mention (it would notify a user or
 * team) and no {@code #}-reference. What is escaped:
 *
 * <ul>
 *   <li>{@code [ ] ( ) !} and {@code \} are backslash-escaped (no link or image can form);
 *   <li>{@code & < >} become entities (no raw HTML, no entity spelling an {@code @});
 *   <li>a zero-width joiner follows every {@code @} and {@code #}, as GitHub's own bots do, and
 *       splits {@code ://} and {@code www.} so GitHub's autolinker finds no URL;
 *   <li>{@code |} is escaped, so a table cell stays one cell.
 * </ul>
 *
 * Code spans the text already has (rule messages quote identifiers as {@code `name`}) are kept as
 * code spans: nothing inside a code span is live. A stray backtick is escaped. Fenced blocks are
 * {@link MarkdownRenderer#codeBlock}'s job (their fence is longer than any backtick run inside).
 */
public final class MarkdownText {
  /** U+200D ZERO WIDTH JOINER: invisible, and breaks mentions, references and autolinks. */
  static final String ZWJ = "\u200D";

  private MarkdownText() {}

  /** Prose with its own {@code `code`} spans kept, everything else escaped. */
  public static String text(String s) {
    StringBuilder out = new StringBuilder(s.length() + 16);
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      int close = c == '`' ? s.indexOf('`', i + 1) : -1;
      if (close > i) {
        String content = s.substring(i + 1, close);
        if (!content.isEmpty()) out.append('`').append(content.replace("|", "\\|")).append('`');
        i = close + 1;
        continue;
      }
      escapeChar(s, i, out);
      i++;
    }
    return out.toString();
  }

  /** Text on one line for a table cell (its own code spans kept). */
  public static String cell(String s) {
    return text(oneLine(s));
  }

  /**
   * Any string as one code span (a path, an identifier): a fence longer than any backtick run
   * inside, padded when the text starts or ends with a backtick; pipes escaped for tables.
   */
  public static String code(String s) {
    String one = oneLine(s);
    int longest = 0;
    int run = 0;
    for (char c : one.toCharArray()) {
      run = c == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = one.startsWith("`") || one.endsWith("`") || one.isBlank();
    String body = pad ? " " + one + " " : one;
    return fence + body.replace("|", "\\|") + fence;
  }

  /**
   * Text inside raw HTML we write ({@code <summary>}): one line (a blank line would end the HTML
   * block and let Markdown in), entities, and no live mention or reference.
   */
  public static String html(String raw) {
    String s = oneLine(raw);
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) htmlChar(s, i, out);
    return out.toString();
  }

  static String oneLine(String s) {
    return s.replace("\r", "").replace('\n', ' ').strip();
  }

  private static void escapeChar(String s, int i, StringBuilder out) {
    char c = s.charAt(i);
    switch (c) {
      case '\\', '[', ']', '(', ')', '!', '`', '|' -> out.append('\\').append(c);
      default -> htmlChar(s, i, out);
    }
  }

  /** Entities for what HTML reads, a broken mention or reference, a broken autolink: text in HTML or Markdown. */
  private static void htmlChar(String s, int i, StringBuilder out) {
    char c = s.charAt(i);
    switch (c) {
      case '&' -> out.append("&amp;");
      case '<' -> out.append("&lt;");
      case '>' -> out.append("&gt;");
      case '@', '#' -> out.append(c).append(ZWJ);
      default -> {
        out.append(c);
        breakAutolink(s, i, out);
      }
    }
  }

  /** After the {@code :} of {@code ://} or the last {@code w} of {@code www.}: a joiner. */
  private static void breakAutolink(String s, int i, StringBuilder out) {
    char c = s.charAt(i);
    if (c == ':' && s.startsWith("//", i + 1)) {
      out.append(ZWJ);
    } else if ((c == 'w' || c == 'W') && i >= 2 && i + 1 < s.length() && s.charAt(i + 1) == '.'
        && s.regionMatches(true, i - 2, "www", 0, 3)) {
      out.append(ZWJ);
    }
  }
}
