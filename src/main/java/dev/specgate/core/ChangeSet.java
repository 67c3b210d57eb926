package dev.specgate.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every input of one analysis, in memory: the files the change touched and, as context, files at
 * head it did not touch (earlier migrations, packets, config, code searched for references).
 *
 * @param kind where the files came from; decides what "existing table" means (section 1 of DESIGN)
 * @param headTreeComplete true when every text file of the head tree is present, so a search for
 *     references to a dropped name can be trusted
 */
public record ChangeSet(Kind kind, List<SourceFile> files, boolean headTreeComplete) {

  /** Where the inputs came from. */
  public enum Kind {
    /** A directory or files on disk: every file is treated as added. */
    PATHS,
    /** Two commits of a git repository, or a pull request. */
    RANGE,
    /** A unified diff only (the guard): no trees around it. */
    DIFF
  }

  public ChangeSet {
    Map<String, SourceFile> unique = new LinkedHashMap<>();
    for (SourceFile f : files) unique.put(f.path(), f);
    files = List.copyOf(unique.values());
  }

  public static ChangeSet ofPaths(List<SourceFile> files) {
    return new ChangeSet(Kind.PATHS, files, true);
  }

  public Optional<SourceFile> file(String path) {
    for (SourceFile f : files) {
      if (f.path().equals(path)) return Optional.of(f);
    }
    return Optional.empty();
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
}
