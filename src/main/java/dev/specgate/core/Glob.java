package dev.specgate.core;

import java.util.List;
import java.util.regex.Pattern;

/**
 * A path glob with .gitignore semantics, matched against repository-relative paths with forward
 * slashes. {@code **}{@code /} matches zero or more directories, so {@code **}{@code
 * /migrations/**}{@code /*.sql} matches both {@code migrations/1.sql} and {@code
 * db/migrations/1.sql} (Java's PathMatcher glob does not). {@code *} and {@code ?} stay inside one
 * path segment; a pattern without a slash matches the file name at any depth.
 */
public final class Glob {
  private final String pattern;
  private final Pattern regex;

  private Glob(String pattern, Pattern regex) {
    this.pattern = pattern;
    this.regex = regex;
  }

  public static Glob of(String pattern) {
    String p = pattern.trim();
    if (p.startsWith("/")) {
      p = p.substring(1);
    } else if (!p.contains("/")) {
      p = "**/" + p;
    }
    if (p.endsWith("/")) p = p + "**";
    return new Glob(pattern, Pattern.compile(toRegex(p)));
  }

  public static boolean anyMatches(List<Glob> globs, String path) {
    for (Glob g : globs) if (g.matches(path)) return true;
    return false;
  }

  /** A pattern that matches exactly {@code path} (its glob characters escaped). */
  public static String literal(String path) {
    StringBuilder b = new StringBuilder("/");
    for (char c : path.replace('\\', '/').toCharArray()) {
      if ("*?[\\".indexOf(c) >= 0) b.append('\\');
      b.append(c);
    }
    return b.toString();
  }

  /** The path a {@link #literal} pattern stands for, or {@code null} when it holds wildcards. */
  public static String literalPath(String pattern) {
    if (!pattern.startsWith("/")) return null;
    StringBuilder b = new StringBuilder();
    for (int i = 1; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        b.append(pattern.charAt(++i));
      } else if (c == '*' || c == '?' || c == '[') {
        return null;
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }

  public static List<Glob> all(List<String> patterns) {
    return patterns.stream().map(Glob::of).toList();
  }

  public boolean matches(String path) {
    return regex.matcher(path.replace('\\', '/')).matches();
  }

  public String pattern() {
    return pattern;
  }

  private static String toRegex(String p) {
    StringBuilder re = new StringBuilder();
    int i = 0;
    while (i < p.length()) {
      char c = p.charAt(i);
      if (c == '\\' && i + 1 < p.length()) {
        re.append(Pattern.quote(String.valueOf(p.charAt(i + 1))));
        i += 2;
        continue;
      }
      if (c == '*') {
        boolean dbl = i + 1 < p.length() && p.charAt(i + 1) == '*';
        if (dbl) {
          boolean atStart = i == 0 || p.charAt(i - 1) == '/';
          boolean slashAfter = i + 2 < p.length() && p.charAt(i + 2) == '/';
          boolean atEnd = i + 2 == p.length();
          if (atStart && slashAfter) {
            re.append("(?:.*/)?");
            i += 3;
            continue;
          }
          if (atStart && atEnd) {
            re.append(".*");
            i += 2;
            continue;
          }
          re.append("[^/]*");
          i += 2;
          continue;
        }
        re.append("[^/]*");
      } else if (c == '?') {
        re.append("[^/]");
      } else if (c == '[') {
        int close = p.indexOf(']', i + 1);
        if (close > i + 1) {
          String body = p.substring(i + 1, close);
          if (body.startsWith("!")) body = "^" + body.substring(1);
          re.append('[').append(body.replace("\\", "\\\\")).append(']');
          i = close + 1;
          continue;
        }
        re.append("\\[");
      } else if (".+()^$|{}".indexOf(c) >= 0) {
        re.append('\\').append(c);
      } else {
        re.append(c);
      }
      i++;
    }
    return re.toString();
  }

  @Override
  public String toString() {
    return pattern;
  }
}
