package dev.specgate.diff;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads unified diffs: {@code git diff} output (new, deleted, renamed and copied files, mode
 * changes, binary markers, quoted paths) and plain {@code ---}/{@code +++} diffs, with CRLF or LF
 * line ends. Text before the first file (a commit message, an e-mail header) and between files is
 * skipped; a hunk whose lines do not match its header's counts is an error naming the diff line.
 * Carriage returns are dropped from every line, so a CRLF file's lines read like LF ones.
 */
public final class DiffParser {
  private static final Pattern HUNK =
      Pattern.compile("^@@ -(\\d+)(?:,(\\d+))? \\+(\\d+)(?:,(\\d+))? @@ ?(.*)$");

  private final List<String> lines;
  private int i;

  private DiffParser(String text) {
    // A byte-order mark (diffs saved by some Windows editors) is not part of the first line.
    this.lines = splitLines(text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  /** Parses a whole diff. Empty or blank text is an empty diff. */
  public static UnifiedDiff parse(String text) throws DiffParseException {
    return new DiffParser(text == null ? "" : text).parseAll();
  }

  /**
   * Parses the hunks of one file, from its first {@code @@} on, as {@code SourceFile.patch()} holds
   * them (a git range or a pull request fills it).
   */
  public static List<Hunk> parseHunks(String patch) throws DiffParseException {
    DiffParser p = new DiffParser(patch == null ? "" : patch);
    List<Hunk> hunks = new ArrayList<>();
    while (p.i < p.lines.size()) {
      String l = p.lines.get(p.i);
      if (l.startsWith("@@")) {
        hunks.add(p.hunk());
      } else if (l.isBlank()) {
        p.i++;
      } else {
        throw new DiffParseException(p.i + 1,
            "expected a hunk header '@@ -OLD,COUNT +NEW,COUNT @@', found '" + abbreviate(l) + "'");
      }
    }
    return hunks;
  }

  private UnifiedDiff parseAll() throws DiffParseException {
    List<FileDiff> files = new ArrayList<>();
    Hunk lastHunk = null;
    int lastHunkLine = 0;
    boolean anyText = false;
    while (i < lines.size()) {
      String l = lines.get(i);
      if (!l.isBlank()) anyText = true;
      if (l.startsWith("diff --git ")) {
        files.add(gitFile());
      } else if (l.startsWith("diff --cc ") || l.startsWith("diff --combined ")) {
        throw new DiffParseException(i + 1,
            "combined (merge) diffs are not supported: expected 'diff --git' output of one parent");
      } else if (l.startsWith("--- ") && i + 1 < lines.size() && lines.get(i + 1).startsWith("+++ ")) {
        files.add(plainFile());
      } else if (l.startsWith("@@")) {
        throw new DiffParseException(i + 1,
            "hunk header outside any file: expected a 'diff --git' line or a '--- old'/'+++ new' pair before it");
      } else if (lastHunk != null && isHunkBody(l)) {
        throw new DiffParseException(i + 1,
            "'" + abbreviate(l) + "' follows the hunk at line " + lastHunkLine + " (@@ -"
                + lastHunk.oldStart() + "," + lastHunk.oldCount() + " +" + lastHunk.newStart() + ","
                + lastHunk.newCount() + " @@), which already holds all the lines its header counts;"
                + " expected the next '@@' hunk or file header");
      } else {
        i++;
        lastHunk = null;
        continue;
      }
      FileDiff f = files.get(files.size() - 1);
      if (!f.hunks().isEmpty()) {
        lastHunk = f.hunks().get(f.hunks().size() - 1);
        lastHunkLine = lastHunkHeaderLine;
      } else {
        lastHunk = null;
      }
    }
    if (files.isEmpty() && anyText) {
      throw new DiffParseException(1,
          "no file found: expected a 'diff --git a/PATH b/PATH' line or a '--- OLD' / '+++ NEW' pair");
    }
    return new UnifiedDiff(files);
  }

  private int lastHunkHeaderLine;

  private static boolean isHunkBody(String l) {
    if (l.startsWith("-- ") || l.equals("--")) return false; // e-mail signature of format-patch
    return l.startsWith("+") || l.startsWith("-") || l.startsWith(" ") || l.startsWith("\\");
  }

  private FileDiff gitFile() throws DiffParseException {
    int header = i + 1;
    String rest = lines.get(i).substring("diff --git ".length());
    String[] raw = GitPaths.splitGitHeader(rest);
    if (raw == null) {
      throw new DiffParseException(header,
          "expected 'diff --git a/PATH b/PATH', found '" + abbreviate(lines.get(i)) + "'");
    }
    boolean prefixes = GitPaths.hasPrefixes(raw[0], raw[1]);
    String oldPath = GitPaths.strip(raw[0], prefixes);
    String newPath = GitPaths.strip(raw[1], prefixes);
    ChangeType type = ChangeType.MODIFIED;
    String oldMode = null;
    String newMode = null;
    boolean binary = false;
    int similarity = -1;
    i++;
    List<Hunk> hunks = new ArrayList<>();
    header:
    while (i < lines.size()) {
      String l = lines.get(i);
      if (l.startsWith("old mode ")) {
        oldMode = l.substring(9).strip();
      } else if (l.startsWith("new mode ")) {
        newMode = l.substring(9).strip();
      } else if (l.startsWith("deleted file mode ")) {
        type = ChangeType.DELETED;
        oldMode = l.substring(18).strip();
      } else if (l.startsWith("new file mode ")) {
        type = ChangeType.ADDED;
        newMode = l.substring(14).strip();
      } else if (l.startsWith("similarity index ")) {
        similarity = percent(l.substring(17));
      } else if (l.startsWith("dissimilarity index ") || l.startsWith("index ")) {
        // nothing the rules need
      } else if (l.startsWith("rename from ")) {
        type = ChangeType.RENAMED;
        oldPath = GitPaths.pathField(l.substring(12));
      } else if (l.startsWith("rename to ")) {
        type = ChangeType.RENAMED;
        newPath = GitPaths.pathField(l.substring(10));
      } else if (l.startsWith("copy from ")) {
        type = ChangeType.COPIED;
        oldPath = GitPaths.pathField(l.substring(10));
      } else if (l.startsWith("copy to ")) {
        type = ChangeType.COPIED;
        newPath = GitPaths.pathField(l.substring(8));
      } else if (l.startsWith("Binary files ")) {
        binary = true;
        i++;
        break;
      } else if (l.startsWith("GIT binary patch")) {
        binary = true;
        i++;
        // literal/delta blocks in base85 until the next file
        while (i < lines.size() && !lines.get(i).startsWith("diff --git ")) i++;
        break;
      } else if (l.startsWith("--- ")) {
        if (i + 1 >= lines.size() || !lines.get(i + 1).startsWith("+++ ")) {
          throw new DiffParseException(i + 2,
              "expected '+++ NEW_PATH' after the '--- OLD_PATH' line " + (i + 1));
        }
        String minus = GitPaths.pathField(l.substring(4));
        String plus = GitPaths.pathField(lines.get(i + 1).substring(4));
        boolean pre = prefixes || GitPaths.hasPrefixes(minus, plus);
        if (GitPaths.DEV_NULL.equals(minus)) {
          type = ChangeType.ADDED;
        } else if (type != ChangeType.RENAMED && type != ChangeType.COPIED) {
          oldPath = GitPaths.strip(minus, pre);
        }
        if (GitPaths.DEV_NULL.equals(plus)) {
          type = ChangeType.DELETED;
        } else if (type != ChangeType.RENAMED && type != ChangeType.COPIED) {
          newPath = GitPaths.strip(plus, pre);
        }
        i += 2;
        readHunks(hunks);
        break;
      } else if (l.startsWith("@@")) {
        readHunks(hunks);
        break;
      } else {
        break header;
      }
      i++;
    }
    if (type == ChangeType.ADDED) oldPath = null;
    if (type == ChangeType.DELETED) newPath = null;
    requirePath(oldPath, newPath, header, lines.get(header - 1));
    return new FileDiff(oldPath, newPath, type, oldMode, newMode, binary, similarity, hunks, header);
  }

  private FileDiff plainFile() throws DiffParseException {
    int header = i + 1;
    String minusField = lines.get(i).substring(4);
    String plusField = lines.get(i + 1).substring(4);
    String minus = GitPaths.pathField(minusField);
    String plus = GitPaths.pathField(plusField);
    boolean pre = GitPaths.hasPrefixes(minus, plus);
    ChangeType type = ChangeType.MODIFIED;
    String oldPath = GitPaths.strip(minus, pre);
    String newPath = GitPaths.strip(plus, pre);
    if (GitPaths.DEV_NULL.equals(minus) || GitPaths.epochTimestamp(minusField)) {
      type = ChangeType.ADDED;
      oldPath = null;
    } else if (GitPaths.DEV_NULL.equals(plus) || GitPaths.epochTimestamp(plusField)) {
      type = ChangeType.DELETED;
      newPath = null;
    }
    i += 2;
    List<Hunk> hunks = new ArrayList<>();
    readHunks(hunks);
    if (hunks.isEmpty()) {
      throw new DiffParseException(i + 1,
          "expected a hunk header '@@ -OLD,COUNT +NEW,COUNT @@' after the '---'/'+++' lines at line " + header);
    }
    requirePath(oldPath, newPath, header, lines.get(header - 1));
    return new FileDiff(oldPath, newPath, type, null, null, false, -1, hunks, header);
  }

  private void readHunks(List<Hunk> hunks) throws DiffParseException {
    while (i < lines.size() && lines.get(i).startsWith("@@")) {
      lastHunkHeaderLine = i + 1;
      hunks.add(hunk());
    }
  }

  /** A file header must leave a path (a truncated or /dev/null-only header does not). */
  private static void requirePath(String oldPath, String newPath, int headerLine, String header)
      throws DiffParseException {
    String path = newPath != null ? newPath : oldPath;
    if (path == null || path.isBlank() || path.endsWith("/")) {
      throw new DiffParseException(headerLine, "file header '" + abbreviate(header)
          + "' names no file path: expected 'diff --git a/PATH b/PATH' or '--- a/PATH' / '+++ b/PATH'");
    }
  }

  /** A line number or count of a hunk header; no file has 2^31 lines. */
  private static int number(String digits, String header, int headerLine) throws DiffParseException {
    try {
      return Integer.parseInt(digits);
    } catch (NumberFormatException e) {
      throw new DiffParseException(headerLine, "number " + abbreviate(digits) + " in hunk header '"
          + abbreviate(header) + "' is too large: expected a line number or count below 2147483648");
    }
  }

  private Hunk hunk() throws DiffParseException {
    int headerLine = i + 1;
    String header = lines.get(i);
    if (header.startsWith("@@@")) {
      throw new DiffParseException(headerLine,
          "combined (merge) hunk '@@@' is not supported: expected '@@ -OLD,COUNT +NEW,COUNT @@'");
    }
    Matcher m = HUNK.matcher(header);
    if (!m.matches()) {
      throw new DiffParseException(headerLine,
          "malformed hunk header '" + abbreviate(header) + "': expected '@@ -OLD[,COUNT] +NEW[,COUNT] @@'");
    }
    int oldStart = number(m.group(1), header, headerLine);
    int oldCount = m.group(2) == null ? 1 : number(m.group(2), header, headerLine);
    int newStart = number(m.group(3), header, headerLine);
    int newCount = m.group(4) == null ? 1 : number(m.group(4), header, headerLine);
    String section = m.group(5).strip();
    List<DiffLine> body = new ArrayList<>();
    List<String> raw = new ArrayList<>();
    raw.add(header);
    int oldLine = oldStart;
    int newLine = newStart;
    int needOld = oldCount;
    int needNew = newCount;
    boolean noNlOld = false;
    boolean noNlNew = false;
    i++;
    DiffLine.Kind last = null;
    while (needOld > 0 || needNew > 0 || (i < lines.size() && lines.get(i).startsWith("\\"))) {
      if (i >= lines.size()) {
        throw new DiffParseException(lines.size() + 1,
            "the diff ends inside the hunk at line " + headerLine + ": expected " + needOld
                + " more old and " + needNew + " more new lines");
      }
      String l = lines.get(i);
      if (l.startsWith("\\")) {
        if (last == null) {
          throw new DiffParseException(i + 1, "'\\ No newline at end of file' before any hunk line");
        }
        if (last != DiffLine.Kind.ADDED) noNlOld = true;
        if (last != DiffLine.Kind.REMOVED) noNlNew = true;
        raw.add(l);
        i++;
        continue;
      }
      char c = l.isEmpty() ? ' ' : l.charAt(0);
      String text = l.isEmpty() ? "" : l.substring(1);
      DiffLine.Kind kind;
      if (c == ' ') {
        if (needOld == 0 || needNew == 0) throw tooMany(l, headerLine, needOld, needNew);
        kind = DiffLine.Kind.CONTEXT;
        body.add(new DiffLine(kind, text, oldLine++, newLine++, i + 1));
        needOld--;
        needNew--;
      } else if (c == '-') {
        if (needOld == 0) throw tooMany(l, headerLine, needOld, needNew);
        kind = DiffLine.Kind.REMOVED;
        body.add(new DiffLine(kind, text, oldLine++, 0, i + 1));
        needOld--;
      } else if (c == '+') {
        if (needNew == 0) throw tooMany(l, headerLine, needOld, needNew);
        kind = DiffLine.Kind.ADDED;
        body.add(new DiffLine(kind, text, 0, newLine++, i + 1));
        needNew--;
      } else {
        throw new DiffParseException(i + 1,
            "expected a hunk line starting with ' ', '+', '-' or '\\' (the hunk at line " + headerLine
                + " still needs " + needOld + " old and " + needNew + " new lines), found '"
                + abbreviate(l) + "'");
      }
      raw.add(l);
      last = kind;
      i++;
    }
    return new Hunk(oldStart, oldCount, newStart, newCount, section, body, raw, noNlOld, noNlNew);
  }

  private DiffParseException tooMany(String l, int headerLine, int needOld, int needNew) {
    return new DiffParseException(i + 1,
        "'" + abbreviate(l) + "' does not fit the hunk at line " + headerLine + ": its header leaves "
            + needOld + " old and " + needNew + " new lines at this point; check the @@ counts");
  }

  private static int percent(String s) {
    String d = s.strip().replace("%", "");
    try {
      return Integer.parseInt(d);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  static String abbreviate(String l) {
    return l.length() <= 60 ? l : l.substring(0, 57) + "...";
  }

  private static List<String> splitLines(String text) {
    List<String> out = new ArrayList<>();
    int start = 0;
    for (int k = 0; k < text.length(); k++) {
      if (text.charAt(k) == '\n') {
        out.add(stripCr(text.substring(start, k)));
        start = k + 1;
      }
    }
    if (start < text.length()) out.add(stripCr(text.substring(start)));
    return out;
  }

  private static String stripCr(String s) {
    return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
  }
}
