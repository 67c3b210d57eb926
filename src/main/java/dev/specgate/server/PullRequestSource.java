package dev.specgate.server;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.FileStatus;
import dev.specgate.core.Glob;
import dev.specgate.core.LineRange;
import dev.specgate.core.SourceFile;
import dev.specgate.engine.Config;
import dev.specgate.engine.ConfigException;
import dev.specgate.engine.ConfigLoader;
import dev.specgate.github.GitHubApi;
import dev.specgate.github.GitHubRepo;
import dev.specgate.github.PullRequestFile;
import dev.specgate.sql.schema.DieselMetadata;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Builds the engine's {@link ChangeSet} (kind RANGE) for a pull request at its head sha: the
 * changed files (100 per page) with their {@code patch} and changed lines, and as context the files
 * the engine reads that the change did not touch — every migration (for the schema replay), the
 * diesel {@code metadata.toml} beside a migration, the packets' files and {@code .specgate.yml} —
 * found in the recursive head tree. Contents come from
 * the Git blob API, which also serves files over 1 MB. Base contents are fetched for changed
 * migrations and packet files. Schema dumps ({@code schemaDumps}: Rails {@code db/structure.sql},
 * dbmate {@code db/schema.sql}) up to {@link #MAX_OTHER_FILE} are read too, with their content at
 * base when the change touches them; {@code SPECGATE_MAX_FILE_BYTES} then applies as to any file.
 */
public final class PullRequestSource {
  static final String CONFIG_FILE = ".specgate.yml";
  /** Changed files other than migrations and packet files are read only up to this size. */
  static final long MAX_OTHER_FILE = 5L * 1024 * 1024;
  /** A migration tool's metadata file is a few lines; a larger one is not fetched (the engine names it). */
  static final long MAX_METADATA_FILE = 64L * 1024;
  private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@");

  /** What one job analyses. */
  public record Snapshot(ChangeSet changes, Config config, List<PullRequestFile> files) {}

  private final GitHubApi client;

  PullRequestSource(GitHubApi client) {
    this.client = client;
  }

  Snapshot fetch(WorkItem w, String baseSha) throws ConfigException {
    GitHubRepo repo = new GitHubRepo(w.owner(), w.name());
    List<PullRequestFile> changed = client.listPullRequestFiles(repo, w.prNumber());
    GitHubApi.Tree tree = client.tree(repo, w.headSha());
    Map<String, GitHubApi.TreeEntry> head = new LinkedHashMap<>();
    for (GitHubApi.TreeEntry e : tree.files()) head.put(e.path(), e);

    Config config = Config.defaults();
    GitHubApi.TreeEntry configEntry = head.get(CONFIG_FILE);
    if (configEntry != null) {
      String text = text(client.getBlob(repo, configEntry.sha())).orElse("");
      config = ConfigLoader.parse(text, CONFIG_FILE);
    }
    List<Glob> migrations = Glob.all(config.migrations());
    List<Glob> dumps = Glob.all(config.schemaDumps());
    List<Glob> packets = Glob.all(config.packets());
    Set<String> packetFolders = new LinkedHashSet<>();
    for (String path : head.keySet()) if (Glob.anyMatches(packets, path)) packetFolders.add(folder(path));
    for (PullRequestFile f : changed) if (Glob.anyMatches(packets, f.filename())) packetFolders.add(folder(f.filename()));

    List<SourceFile> files = new ArrayList<>();
    Set<String> changedPaths = new LinkedHashSet<>();
    for (PullRequestFile f : changed) {
      changedPaths.add(f.filename());
      GitHubApi.TreeEntry entry = head.get(f.filename());
      files.add(changedFile(repo, f, baseSha, migrations, dumps, packetFolders, entry == null ? -1 : entry.size()));
    }
    for (GitHubApi.TreeEntry e : head.values()) {
      if (changedPaths.contains(e.path())) continue;
      if (isMigrationMetadata(e.path(), head.keySet(), migrations)) {
        files.add(migrationMetadata(repo, e));
        continue;
      }
      // a schema dump the change does not touch is the same at base: the schema before the change
      boolean dump = isSchemaDump(e.path(), dumps, migrations);
      if (dump && e.size() > MAX_OTHER_FILE) {
        files.add(new SourceFile(e.path(), FileStatus.UNCHANGED, null, null, null, List.of(), true, null)); // named, not read
        continue;
      }
      boolean context = e.path().equals(CONFIG_FILE) || Glob.anyMatches(migrations, e.path())
          || packetFolders.contains(folder(e.path())) || dump;
      if (!context) continue;
      Optional<String> text = text(client.getBlob(repo, e.sha()));
      if (text.isPresent()) files.add(SourceFile.unchanged(e.path(), text.get()));
    }
    // only the files the engine reads are fetched, so reference searches cannot trust the tree
    return new Snapshot(new ChangeSet(ChangeSet.Kind.RANGE, files, false), config, changed);
  }

  /**
   * A diesel {@code metadata.toml} beside a migration's {@code up.sql} or {@code down.sql}: it
   * decides whether diesel runs them in a transaction. Only those are fetched, not every TOML file.
   */
  static boolean isMigrationMetadata(String path, Set<String> headPaths, List<Glob> migrations) {
    if (!path.equals(DieselMetadata.FILE_NAME) && !path.endsWith("/" + DieselMetadata.FILE_NAME)) return false;
    String dir = path.substring(0, path.length() - DieselMetadata.FILE_NAME.length());
    for (String sibling : List.of(dir + "up.sql", dir + "down.sql")) {
      if (headPaths.contains(sibling) && Glob.anyMatches(migrations, sibling)) return true;
    }
    return false;
  }

  /** The metadata file, or an unread one (the engine names it) when it is over the bound. */
  private SourceFile migrationMetadata(GitHubRepo repo, GitHubApi.TreeEntry e) {
    Optional<String> text = e.size() > MAX_METADATA_FILE ? Optional.empty() : text(client.getBlob(repo, e.sha()));
    return text.map(t -> SourceFile.unchanged(e.path(), t))
        .orElseGet(() -> new SourceFile(e.path(), FileStatus.UNCHANGED, null, null, null, List.of(), true, null));
  }

  /** A schema dump ({@code schemaDumps} globs) that is not a migration: its content at base is read. */
  static boolean isSchemaDump(String path, List<Glob> dumps, List<Glob> migrations) {
    return path.toLowerCase(Locale.ROOT).endsWith(".sql") && Glob.anyMatches(dumps, path)
        && !Glob.anyMatches(migrations, path);
  }

  private SourceFile changedFile(GitHubRepo repo, PullRequestFile f, String baseSha, List<Glob> migrations,
      List<Glob> dumps, Set<String> packetFolders, long headSize) {
    FileStatus status = status(f.status());
    String previous = f.previousFilename();
    // a changed schema dump: its base content is the schema before the change (bounded like other files)
    boolean dump = isSchemaDump(previous != null ? previous : f.filename(), dumps, migrations)
        && headSize <= MAX_OTHER_FILE;
    boolean engineReads = Glob.anyMatches(migrations, f.filename()) || packetFolders.contains(folder(f.filename()))
        || (previous != null && Glob.anyMatches(migrations, previous)) || dump;
    String base = null;
    if (engineReads && baseSha != null && !baseSha.isBlank() && status != FileStatus.ADDED) {
      base = client.getContent(repo, previous != null ? previous : f.filename(), baseSha).flatMap(PullRequestSource::text).orElse(null);
    }
    if (status == FileStatus.DELETED) {
      return new SourceFile(f.filename(), status, null, base, previous, List.of(), false, f.patch());
    }
    if (!engineReads && headSize > MAX_OTHER_FILE) {
      // a large file the engine does not parse (an asset, a dump): its diff is enough
      return new SourceFile(f.filename(), status, null, null, previous, List.of(), true, f.patch());
    }
    Optional<String> content = text(client.getBlob(repo, f.sha()));
    if (content.isEmpty()) {
      return new SourceFile(f.filename(), status, null, null, previous, List.of(), true, f.patch());
    }
    List<LineRange> lines = f.patch() != null
        ? changedLines(f.patch())
        : (status == FileStatus.ADDED ? SourceFile.added(f.filename(), content.get()).changedLines() : List.of());
    return new SourceFile(f.filename(), status, content.get(), base, previous, lines, false, f.patch());
  }

  static FileStatus status(String githubStatus) {
    if (githubStatus == null) return FileStatus.MODIFIED;
    switch (githubStatus) {
      case "added":
      case "copied":
        return FileStatus.ADDED;
      case "removed":
        return FileStatus.DELETED;
      case "renamed":
        return FileStatus.RENAMED;
      default:
        return FileStatus.MODIFIED;
    }
  }

  /** Head lines the patch adds, as ranges. */
  static List<LineRange> changedLines(String patch) {
    List<LineRange> out = new ArrayList<>();
    int line = 0;
    int start = -1;
    int last = -1;
    boolean inHunk = false;
    for (String raw : patch.split("\n", -1)) {
      Matcher h = HUNK.matcher(raw);
      if (h.find()) {
        line = Integer.parseInt(h.group(1));
        inHunk = true;
        continue;
      }
      if (!inHunk || raw.startsWith("\\") || raw.startsWith("-")) continue;
      if (raw.startsWith("+")) {
        if (start < 0 || line != last + 1) {
          if (start > 0) out.add(new LineRange(start, last));
          start = line;
        }
        last = line;
      }
      line++;
    }
    if (start > 0) out.add(new LineRange(start, last));
    return out;
  }

  private static String folder(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }

  /** UTF-8 text, or empty for binary content (NUL bytes or invalid UTF-8). */
  static Optional<String> text(byte[] bytes) {
    for (byte b : bytes) if (b == 0) return Optional.empty();
    try {
      return Optional.of(StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString());
    } catch (CharacterCodingException e) {
      return Optional.empty();
    }
  }
}
