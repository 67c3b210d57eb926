package dev.specgate.diff;

import dev.specgate.core.FileStatus;
import dev.specgate.core.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The added and removed lines of one changed file, whatever the source: read from its patch when
 * the source has one, else derived from what the SourceFile knows (an added file: every line is
 * added; a deleted file with base content: every line is removed; otherwise the head lines in
 * {@code changedLines} count as added and removals are unknown).
 *
 * @param lines every hunk line in diff order (context included), or the derived added/removed lines
 * @param patchError why the patch could not be read, else {@code null} (the derived lines are used)
 */
public record FileChange(SourceFile file, List<DiffLine> lines, String patchError) {

  public FileChange {
    lines = List.copyOf(lines);
  }

  public static FileChange of(SourceFile f) {
    String error = null;
    if (f.patch() != null) {
      try {
        List<DiffLine> out = new ArrayList<>();
        for (Hunk h : DiffParser.parseHunks(f.patch())) out.addAll(h.lines());
        return new FileChange(f, out, null);
      } catch (DiffParseException e) {
        error = "patch of " + f.path() + ": " + e.getMessage();
      }
    }
    return new FileChange(f, derived(f), error);
  }

  public String path() {
    return file.path();
  }

  public List<DiffLine> added() {
    return lines.stream().filter(DiffLine::isAdded).toList();
  }

  public List<DiffLine> removed() {
    return lines.stream().filter(DiffLine::isRemoved).toList();
  }

  /** Added and removed lines in diff order. */
  public List<DiffLine> changed() {
    return lines.stream().filter(l -> l.kind() != DiffLine.Kind.CONTEXT).toList();
  }

  private static List<DiffLine> derived(SourceFile f) {
    List<DiffLine> out = new ArrayList<>();
    if (f.status() == FileStatus.DELETED) {
      String[] base = split(f.baseContent());
      for (int k = 0; k < base.length; k++) {
        out.add(new DiffLine(DiffLine.Kind.REMOVED, base[k], k + 1, 0, 0));
      }
      return out;
    }
    String[] head = split(f.content());
    boolean whole = f.status() == FileStatus.ADDED;
    for (int k = 0; k < head.length; k++) {
      int n = k + 1;
      if (whole || f.touches(n, n)) out.add(new DiffLine(DiffLine.Kind.ADDED, head[k], 0, n, 0));
    }
    return out;
  }

  private static String[] split(String text) {
    if (text == null || text.isEmpty()) return new String[0];
    String t = text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    String[] parts = t.split("\n", -1);
    for (int k = 0; k < parts.length; k++) {
      if (parts[k].endsWith("\r")) parts[k] = parts[k].substring(0, parts[k].length() - 1);
    }
    return parts;
  }
}
