package dev.specgate.github;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which head-side (RIGHT) lines of one file GitHub accepts review comments on: the added and
 * context lines of the file's {@code patch}, each with the hunk it belongs to (a multi-line
 * comment must start and end in the same hunk). A file without a patch (binary, too large) has
 * no commentable line.
 */
public final class ReviewLines {
  private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@");

  private final Map<Integer, Integer> hunkOfLine;

  private ReviewLines(Map<Integer, Integer> hunkOfLine) {
    this.hunkOfLine = Collections.unmodifiableMap(hunkOfLine);
  }

  public static ReviewLines none() {
    return new ReviewLines(new LinkedHashMap<>());
  }

  public static ReviewLines of(String patch) {
    Map<Integer, Integer> m = new LinkedHashMap<>();
    if (patch == null) return new ReviewLines(m);
    int line = 0;
    int hunk = -1;
    for (String raw : patch.split("\n", -1)) {
      String l = raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw;
      Matcher h = HUNK.matcher(l);
      if (h.find()) {
        line = Integer.parseInt(h.group(1));
        hunk++;
        continue;
      }
      if (hunk < 0 || l.startsWith("\\")) continue; // "\ No newline at end of file"
      if (l.startsWith("+") || l.startsWith(" ")) m.put(line++, hunk);
    }
    return new ReviewLines(m);
  }

  public boolean isEmpty() {
    return hunkOfLine.isEmpty();
  }

  public boolean commentable(int line) {
    return hunkOfLine.containsKey(line);
  }

  /** True when {@code start..end} may carry one multi-line comment: both ends in the same hunk. */
  public boolean commentable(int start, int end) {
    Integer a = hunkOfLine.get(start);
    Integer b = hunkOfLine.get(end);
    return a != null && a.equals(b) && start <= end;
  }

  /**
   * The first commentable line of {@code start..end}, or -1. Anchors a finding whose first line
   * lies outside the diff but whose statement reaches into it.
   */
  public int firstCommentableIn(int start, int end) {
    for (int l = start; l <= end; l++) if (commentable(l)) return l;
    return -1;
  }
}
