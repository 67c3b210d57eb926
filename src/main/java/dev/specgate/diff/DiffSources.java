package dev.specgate.diff;

import dev.specgate.core.SourceFile;
import java.util.ArrayList;
import java.util.List;

/** Turns a parsed diff into the engine's {@link SourceFile}s (for a {@code DIFF} change set). */
public final class DiffSources {
  private DiffSources() {}

  /**
   * One SourceFile per diff file: its status, patch and added line ranges. Content is known only
   * where the diff holds the whole file: the new content of an added file, the old content of a
   * deleted one; otherwise {@code null} (a diff carries no trees).
   */
  public static List<SourceFile> toSourceFiles(UnifiedDiff diff) {
    List<SourceFile> out = new ArrayList<>();
    for (FileDiff f : diff.files()) out.add(toSourceFile(f));
    return out;
  }

  public static SourceFile toSourceFile(FileDiff f) {
    String previous = f.type() == ChangeType.RENAMED ? f.oldPath() : null;
    return new SourceFile(
        f.path(),
        f.type().toFileStatus(),
        f.reconstructedNewContent(),
        f.reconstructedOldContent(),
        previous,
        f.addedRanges(),
        f.binary(),
        f.patch());
  }
}
