package dev.specgate.diff;

import dev.specgate.core.FileStatus;
import dev.specgate.core.SourceFile;
import java.util.ArrayList;
import java.util.List;

/**
 * The added and removed lines of one changed file, whatever the source: read from its patch when
 * the source has one, else derived from what the SourceFile knows (an added file: every line is
 * added; a deleted file with base content: every line is removed; otherwise the head lines in
 * {@code changedLines} count as added and removals are unknown). Immutable; the line lists are
 * computed once.
 */
public final class FileChange {
  private final SourceFile file;
  private final List<DiffLine> lines;
  private final List<DiffLine> added;
  private final List<DiffLine> removed;
  private final List<DiffLine> changed;
  private final String patchError;

  /**
   * @param lines every hunk line in diff order (context included), or the derived added/removed
   *     lines
   * @param patchError why the patch could not be read, else {@code null} (derived lines are used)
   */
  public FileChange(SourceFile file, List<DiffLine> lines, String patchError) {
    this.file = file;
    this.lines = List.copyOf(lines);
    this.added = this.lines.stream().filter(DiffLine::isAdded).toList();
    this.removed = this.lines.stream().filter(DiffLine::isRemoved).toList();
    this.changed = this.lines.stream().filter(l -> l.kind() != DiffLine.Kind.CONTEXT).toList();
    this.patchError = patchError;
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

  public SourceFile file() {
    return file;
  }

  public String path() {
    return file.path();
  }

  public List<DiffLine> lines() {
    return lines;
  }

  public List<DiffLine> added() {
    return added;
  }

  public List<DiffLine> removed() {
    return removed;
  }

  /** Added and removed lines in diff order. */
  public List<DiffLine> changed() {
    return changed;
  }

  /**
   * The head line a finding on {@code l} points at. Added and context lines are head lines; a
   * removed line has none, so it is anchored where the removal happened in the new file: the next
   * line that survives (or the last one before it, at the end of the file). Annotations, review
   * comments and excerpts are all on the head side, so an old line number would land on an
   * unrelated line.
   */
  public int headLine(DiffLine l) {
    return anchor(lines, l);
  }

  /** {@link #headLine} over any list of hunk lines in diff order. */
  public static int anchor(List<DiffLine> lines, DiffLine l) {
    if (!l.isRemoved()) return l.newLine();
    int at = lines.indexOf(l);
    for (int i = at + 1; i < lines.size(); i++) {
      if (!lines.get(i).isRemoved()) return lines.get(i).newLine();
    }
    for (int i = at - 1; i >= 0; i--) {
      if (!lines.get(i).isRemoved()) return lines.get(i).newLine();
    }
    return 1;
  }

  public String patchError() {
    return patchError;
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
