package dev.specgate.diff;

import java.util.List;

/** A parsed unified diff: its files in the order they appear. */
public record UnifiedDiff(List<FileDiff> files) {
  public UnifiedDiff {
    files = List.copyOf(files);
  }

  public boolean isEmpty() {
    return files.isEmpty();
  }
}
