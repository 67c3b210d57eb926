package dev.specgate.diff;

import dev.specgate.core.FileStatus;

/** What a diff does to one file, as git reports it. */
public enum ChangeType {
  ADDED, MODIFIED, DELETED, RENAMED, COPIED;

  /**
   * The engine's status. A copy is a new file at its path, so it counts as ADDED; its content is
   * only known where the hunks show it.
   */
  public FileStatus toFileStatus() {
    return switch (this) {
      case ADDED, COPIED -> FileStatus.ADDED;
      case MODIFIED -> FileStatus.MODIFIED;
      case DELETED -> FileStatus.DELETED;
      case RENAMED -> FileStatus.RENAMED;
    };
  }
}
