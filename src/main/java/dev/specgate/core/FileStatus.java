package dev.specgate.core;

/** What a change did to a file. {@code UNCHANGED} files are context (present at head, not touched). */
public enum FileStatus {
  ADDED, MODIFIED, DELETED, RENAMED, UNCHANGED;

  public boolean changed() {
    return this != UNCHANGED;
  }
}
