package dev.specgate.diff;

import java.util.List;

/**
 * One {@code @@ -oldStart,oldCount +newStart,newCount @@} block.
 *
 * @param section the text after the closing {@code @@} (often the enclosing function), trimmed
 * @param rawLines the hunk exactly as written (header first, {@code \ No newline} markers kept),
 *     without carriage returns; {@link FileDiff#patch()} joins them
 * @param noNewlineAtEndOld the old file's last line in this hunk has no newline at end of file
 * @param noNewlineAtEndNew the new file's last line in this hunk has no newline at end of file
 */
public record Hunk(
    int oldStart,
    int oldCount,
    int newStart,
    int newCount,
    String section,
    List<DiffLine> lines,
    List<String> rawLines,
    boolean noNewlineAtEndOld,
    boolean noNewlineAtEndNew) {

  public Hunk {
    lines = List.copyOf(lines);
    rawLines = List.copyOf(rawLines);
  }
}
