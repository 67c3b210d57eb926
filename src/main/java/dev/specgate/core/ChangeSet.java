package dev.specgate.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every input of one analysis, in memory: the files the change touched and, as context, files at
 * head it did not touch (earlier migrations, packets, config, code searched for references).
 * Files are indexed by path (a path appears once; the last one given wins).
 */
public final class ChangeSet {

  /** Where the inputs came from; decides what "existing table" means (DESIGN section 1). */
  public enum Kind {
    /** A directory or files on disk: every file is treated as added. */
    PATHS,
    /** Two commits of a git repository, or a pull request. */
    RANGE,
    /** A unified diff only (the guard): no trees around it. */
    DIFF
  }

  private final Kind kind;
  private final List<SourceFile> files;
  private final Map<String, SourceFile> byPath;
  private final boolean headTreeComplete;

  /**
   * @param headTreeComplete true when every text file of the head tree is present, so a search for
   *     references to a dropped name can be trusted
   */
  public ChangeSet(Kind kind, List<SourceFile> files, boolean headTreeComplete) {
    this.kind = Objects.requireNonNull(kind);
    Map<String, SourceFile> unique = new LinkedHashMap<>();
    for (SourceFile f : files) unique.put(f.path(), f);
    this.byPath = Collections.unmodifiableMap(unique);
    this.files = List.copyOf(unique.values());
    this.headTreeComplete = headTreeComplete;
  }

  public static ChangeSet ofPaths(List<SourceFile> files) {
    return new ChangeSet(Kind.PATHS, files, true);
  }

  public Kind kind() {
    return kind;
  }

  public List<SourceFile> files() {
    return files;
  }

  public boolean headTreeComplete() {
    return headTreeComplete;
  }

  public Optional<SourceFile> file(String path) {
    return Optional.ofNullable(byPath.get(path));
  }

  public List<SourceFile> changedFiles() {
    List<SourceFile> out = new ArrayList<>();
    for (SourceFile f : files) if (f.isChanged()) out.add(f);
    return Collections.unmodifiableList(out);
  }

  /** True when the whole analysis treats files as a snapshot rather than a change. */
  public boolean isSnapshot() {
    return kind == Kind.PATHS;
  }

  @Override
  public String toString() {
    return "ChangeSet[" + kind + ", " + files.size() + " files]";
  }
}
