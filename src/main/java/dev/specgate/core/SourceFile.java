package dev.specgate.core;

import java.util.List;

/**
 * One file as the engine sees it: its repository-relative path (forward slashes), its content at
 * head ({@code null} when deleted or binary), at base ({@code null} when added or unknown), and the
 * head lines the change touched.
 *
 * @param previousPath the base path of a renamed file, else {@code null}
 * @param changedLines head line ranges the change added or modified; for an ADDED file, the whole
 *     file; empty for UNCHANGED and DELETED files
 * @param binary true when the content is not text; content is then {@code null}
 * @param patch the file's unified-diff hunks (from {@code @@} on) when the source has them (a git
 *     range, a PR, a diff), else {@code null}; the {@code diff} package parses it
 */
public record SourceFile(
    String path,
    FileStatus status,
    String content,
    String baseContent,
    String previousPath,
    List<LineRange> changedLines,
    boolean binary,
    String patch) {

  public SourceFile {
    if (path == null || path.isEmpty()) throw new IllegalArgumentException("path is required");
    path = path.replace('\\', '/');
    changedLines = List.copyOf(changedLines == null ? List.of() : changedLines);
  }

  /** A file the change adds whole: every line counts as changed. */
  public static SourceFile added(String path, String content) {
    int lines = lineCount(content);
    return new SourceFile(
        path, FileStatus.ADDED, content, null, null,
        lines == 0 ? List.of() : List.of(new LineRange(1, lines)), false, null);
  }

  /** A file present at head that the change does not touch (context for replay and search). */
  public static SourceFile unchanged(String path, String content) {
    return new SourceFile(path, FileStatus.UNCHANGED, content, content, null, List.of(), false, null);
  }

  public boolean isChanged() {
    return status.changed();
  }

  public boolean exists() {
    return status != FileStatus.DELETED;
  }

  /** True when the change touched any line in {@code from..to} (a deleted file touches nothing). */
  public boolean touches(int from, int to) {
    for (LineRange r : changedLines) {
      if (r.overlaps(from, to)) return true;
    }
    return false;
  }

  public String fileName() {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }

  public static int lineCount(String text) {
    if (text == null || text.isEmpty()) return 0;
    int n = 1;
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) == '\n' && i < text.length() - 1) n++;
    }
    return n;
  }
}
