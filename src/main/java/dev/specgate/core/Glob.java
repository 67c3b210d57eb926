package dev.specgate.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A path glob with .gitignore semantics, matched against repository-relative paths with forward
 * slashes. {@code **}{@code /} matches zero or more directories, so {@code **}{@code
 * /migrations/**}{@code /*.sql} matches both {@code migrations/1.sql} and {@code
 * db/migrations/1.sql} (Java's PathMatcher glob does not). {@code *} and {@code ?} stay inside one
 * path segment; a pattern without a slash matches the file name at any depth.
 *
 * <p>Matched segment by segment, not as a regular expression: the pattern comes from
 * {@code .specgate.yml}, which a pull request may change, and a regex of several {@code **}
 * ({@code (?:.*}{@code /)?} each) backtracked exponentially on a deep path (four of them on 200
 * directories: 38 s). Here a path costs at most pattern segments × path segments segment matches.
 */
public final class Glob {
  private final String pattern;
  private final List<Segment> segments;

  private Glob(String pattern, List<Segment> segments) {
    this.pattern = pattern;
    this.segments = segments;
  }

  public static Glob of(String pattern) {
    String p = pattern.trim();
    if (p.startsWith("/")) {
      p = p.substring(1);
    } else if (!p.contains("/")) {
      p = "**/" + p;
    }
    if (p.endsWith("/")) p = p + "**";
    return new Glob(pattern, compile(p));
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
    String[] parts = path.replace('\\', '/').split("/", -1);
    int n = segments.size();
    int m = parts.length;
    // can[i][j]: segments i.. match path segments j..
    boolean[][] can = new boolean[n + 1][m + 1];
    can[n][m] = true;
    for (int i = n - 1; i >= 0; i--) {
      Segment seg = segments.get(i);
      for (int j = m; j >= 0; j--) {
        can[i][j] = switch (seg.kind) {
          case ANY_DIRS -> can[i + 1][j] || j < m && can[i][j + 1];
          case REST -> j < m;
          case PART -> j < m && seg.matches(parts[j]) && can[i + 1][j + 1];
        };
      }
    }
    return can[0][0];
  }

  public String pattern() {
    return pattern;
  }

  /** One pattern segment: {@code **}{@code /} (any directories), a final {@code /**} (the rest), or a name pattern. */
  private static final class Segment {
    enum Kind { ANY_DIRS, REST, PART }

    final Kind kind;
    /** PART: its elements; a char[] is a character class (first element: negated or not). */
    final List<Object> elements;

    Segment(Kind kind, List<Object> elements) {
      this.kind = kind;
      this.elements = elements;
    }

    private static final Object STAR = new Object();
    private static final Object ONE = new Object();

    /**
     * Wildcard matching with one remembered star: a star is retried one character later only
     * when what follows it fails, so a segment costs at most its length × the pattern's.
     */
    boolean matches(String text) {
      int p = 0;
      int t = 0;
      int star = -1;
      int resume = 0;
      while (t < text.length()) {
        if (p < elements.size() && elements.get(p) == STAR) {
          star = p++;
          resume = t;
        } else if (p < elements.size() && one(elements.get(p), text.charAt(t))) {
          p++;
          t++;
        } else if (star >= 0) {
          p = star + 1;
          t = ++resume;
        } else {
          return false;
        }
      }
      while (p < elements.size() && elements.get(p) == STAR) p++;
      return p == elements.size();
    }

    private static boolean one(Object e, char c) {
      if (e == ONE) return true;
      if (e instanceof Character ch) return ch == c;
      if (e instanceof char[] cls) {
        boolean in = false;
        for (int k = 1; k < cls.length; k++) {
          if (k + 2 < cls.length && cls[k + 1] == '-') {
            if (c >= cls[k] && c <= cls[k + 2]) in = true;
            k += 2;
          } else if (cls[k] == c) {
            in = true;
          }
        }
        return in != (cls[0] == '!');
      }
      return false;
    }
  }

  /** Where the character class opened at {@code open} closes (inside its segment, not empty), or -1. */
  private static int classEnd(String p, int open) {
    int close = p.indexOf(']', open + 1);
    int slash = p.indexOf('/', open + 1);
    return close > open + 1 && (slash < 0 || slash > close) ? close : -1;
  }

  /** The pattern's segments, split at unescaped slashes; {@code **} is special only as a whole segment. */
  private static List<Segment> compile(String p) {
    List<List<Object>> raw = new ArrayList<>();
    List<Boolean> doubleStar = new ArrayList<>();
    List<Object> cur = new ArrayList<>();
    StringBuilder text = new StringBuilder(); // the segment as written, to tell ** apart
    int i = 0;
    while (i <= p.length()) {
      if (i == p.length() || p.charAt(i) == '/') {
        raw.add(cur);
        doubleStar.add(text.toString().equals("**"));
        cur = new ArrayList<>();
        text.setLength(0);
        i++;
        continue;
      }
      char c = p.charAt(i);
      if (c == '\\' && i + 1 < p.length()) {
        cur.add(p.charAt(i + 1));
        text.append('\\').append(p.charAt(i + 1));
        i += 2;
        continue;
      }
      text.append(c);
      if (c == '*') {
        if (cur.isEmpty() || cur.get(cur.size() - 1) != Segment.STAR) cur.add(Segment.STAR);
      } else if (c == '?') {
        cur.add(Segment.ONE);
      } else if (c == '[' && classEnd(p, i) > 0) {
        int close = classEnd(p, i);
        String body = p.substring(i + 1, close);
        boolean negated = body.startsWith("!") || body.startsWith("^");
        if (negated) body = body.substring(1);
        char[] cls = new char[body.length() + 1];
        cls[0] = negated ? '!' : ' ';
        body.getChars(0, body.length(), cls, 1);
        cur.add(cls);
        text.append(p, i + 1, close + 1);
        i = close + 1;
        continue;
      } else {
        cur.add(c);
      }
      i++;
    }
    List<Segment> out = new ArrayList<>();
    for (int k = 0; k < raw.size(); k++) {
      boolean last = k == raw.size() - 1;
      if (doubleStar.get(k)) {
        out.add(new Segment(last ? Segment.Kind.REST : Segment.Kind.ANY_DIRS, List.of()));
      } else {
        out.add(new Segment(Segment.Kind.PART, List.copyOf(raw.get(k))));
      }
    }
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return pattern;
  }
}
