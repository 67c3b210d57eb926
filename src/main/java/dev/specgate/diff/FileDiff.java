package dev.specgate.diff;

import dev.specgate.core.LineRange;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a diff says about one file.
 *
 * @param oldPath path before the change, {@code null} for an added file
 * @param newPath path after the change, {@code null} for a deleted file
 * @param oldMode file mode before ({@code old mode}/{@code deleted file mode}), or {@code null}
 * @param newMode file mode after ({@code new mode}/{@code new file mode}), or {@code null}
 * @param binary git reported the file as binary ({@code Binary files … differ} or a {@code GIT
 *     binary patch}); there are no hunks then
 * @param similarity the {@code similarity index} of a rename or copy in percent, or -1
 * @param headerLine 1-based line of the diff text where this file's section starts
 */
public record FileDiff(
    String oldPath,
    String newPath,
    ChangeType type,
    String oldMode,
    String newMode,
    boolean binary,
    int similarity,
    List<Hunk> hunks,
    int headerLine) {

  public FileDiff {
    hunks = List.copyOf(hunks);
  }

  /** The path the engine knows the file by: the new path, or the old one for a deleted file. */
  public String path() {
    return newPath != null ? newPath : oldPath;
  }

  /** True when only the mode changed (no content change, no rename). */
  public boolean modeOnly() {
    return type == ChangeType.MODIFIED && hunks.isEmpty() && !binary && oldMode != null
        && newMode != null && !oldMode.equals(newMode);
  }

  public List<DiffLine> lines() {
    List<DiffLine> out = new ArrayList<>();
    for (Hunk h : hunks) out.addAll(h.lines());
    return out;
  }

  public List<DiffLine> addedLines() {
    return lines().stream().filter(DiffLine::isAdded).toList();
  }

  public List<DiffLine> removedLines() {
    return lines().stream().filter(DiffLine::isRemoved).toList();
  }

  /** The hunks as text from the first {@code @@} on, as {@code SourceFile.patch()} holds them. */
  public String patch() {
    if (hunks.isEmpty()) return null;
    StringBuilder sb = new StringBuilder();
    for (Hunk h : hunks) {
      for (String raw : h.rawLines()) sb.append(raw).append('\n');
    }
    return sb.toString();
  }

  /** New-file line ranges of the added lines, coalesced. */
  public List<LineRange> addedRanges() {
    return ranges(addedLines().stream().mapToInt(DiffLine::newLine).toArray());
  }

  /**
   * The whole new file rebuilt from the hunks: possible only for an added file, whose single hunk
   * holds every line. {@code null} otherwise.
   */
  public String reconstructedNewContent() {
    if (type != ChangeType.ADDED || binary) return null;
    return rebuild(true);
  }

  /** The whole old file rebuilt from the hunks of a deleted file; {@code null} otherwise. */
  public String reconstructedOldContent() {
    if (type != ChangeType.DELETED || binary) return null;
    return rebuild(false);
  }

  private String rebuild(boolean newSide) {
    StringBuilder sb = new StringBuilder();
    boolean noNewline = false;
    for (Hunk h : hunks) {
      for (DiffLine l : h.lines()) {
        if (newSide ? l.kind() != DiffLine.Kind.REMOVED : l.kind() != DiffLine.Kind.ADDED) {
          sb.append(l.text()).append('\n');
        }
      }
      noNewline = newSide ? h.noNewlineAtEndNew() : h.noNewlineAtEndOld();
    }
    if (noNewline && sb.length() > 0) sb.setLength(sb.length() - 1);
    return sb.toString();
  }

  static List<LineRange> ranges(int[] sortedLines) {
    List<LineRange> out = new ArrayList<>();
    int start = -1;
    int prev = -1;
    for (int n : sortedLines) {
      if (start < 0) {
        start = n;
      } else if (n != prev + 1) {
        out.add(new LineRange(start, prev));
        start = n;
      }
      prev = n;
    }
    if (start > 0) out.add(new LineRange(start, prev));
    return out;
  }
}
