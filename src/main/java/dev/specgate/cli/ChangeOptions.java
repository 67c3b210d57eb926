package dev.specgate.cli;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.Glob;
import dev.specgate.core.GlobSet;
import dev.specgate.core.SourceFile;
import dev.specgate.engine.Config;
import dev.specgate.engine.Workspace;
import dev.specgate.git.GitRange;
import dev.specgate.git.GitSourceException;
import dev.specgate.sql.schema.DieselMetadata;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * The options that name the change a command reads, shared by {@code check} and {@code dry-run}
 * (a picocli mixin): {@code --head} and {@code --config}, and the reading of PATHs or a git range
 * into the change and its configuration. PATH and {@code --base} stay declared on each command:
 * their arity and wording differ ({@code dry-run} reads base as the history's end).
 */
final class ChangeOptions {
  @Option(names = "--head", paramLabel = "REF", description = "the head commit of the range (default: HEAD)")
  String head;

  @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: .specgate.yml at the root)")
  Path configFile;

  /**
   * The change and its config.
   *
   * @param notRead files passed over (too large, unreadable), one line each for stderr
   */
  record Input(ChangeSet changes, Config config, List<String> notRead) {}

  /** The change {@code paths} or the range {@code base..head} names, files over {@code maxFileBytes} left out. */
  Input read(List<Path> paths, String base, long maxFileBytes) {
    if (head != null && base == null) throw new UserError("--head needs --base");
    return base != null ? gitRange(paths, base, maxFileBytes) : paths(paths, maxFileBytes);
  }

  private Input gitRange(List<Path> paths, String base, long maxFileBytes) {
    if (paths.size() > 1) throw new UserError("--base takes one PATH inside a git repository, got " + paths.size());
    Path start = paths.isEmpty() ? Path.of(".") : paths.get(0);
    Path repo = gitRoot(start);
    GitRange.Read read;
    try {
      read = GitRange.read(repo, base, head, maxFileBytes);
    } catch (GitSourceException e) {
      throw new UserError(e.getMessage());
    }
    ChangeSet changes = read.changes();
    List<String> notRead = read.tooLarge().stream()
        .map(p -> p + ": larger than " + maxFileBytes + " bytes (--max-file-bytes); not analysed").toList();
    Config config;
    if (configFile != null) {
      config = ConfigResolver.resolve(configFile, repo);
    } else {
      config = changes.file(ConfigResolver.FILE_NAME)
          .filter(SourceFile::exists)
          .map(f -> ConfigResolver.fromText(f.content() == null ? "" : f.content(), ConfigResolver.FILE_NAME))
          .orElse(Config.defaults());
    }
    return new Input(changes, config, notRead);
  }

  private Input paths(List<Path> named, long maxFileBytes) {
    List<Path> paths = named.isEmpty() ? List.of(Path.of(".")) : named;
    PathSource source = new PathSource(maxFileBytes);
    if (paths.size() == 1 && Files.isDirectory(paths.get(0))) {
      Path root = paths.get(0);
      ChangeSet changes = source.directory(root);
      return new Input(changes, ConfigResolver.resolve(configFile, root), source.notAnalysed());
    }
    Path cwd = Path.of("");
    Config config = ConfigResolver.resolve(configFile, cwd);
    List<SourceFile> files = new ArrayList<>(source.files(cwd, paths));
    files.addAll(source.files(cwd, besideNamedFiles(paths, files, cwd, config)));
    // A file named on the command line is a migration whatever its path (.sql and .sql.postgres files).
    List<String> globs = new ArrayList<>(config.migrations());
    for (Path p : paths) {
      if (!Files.isDirectory(p) && Workspace.isSqlFile(p.toString())) {
        globs.add(Glob.literal(PathSource.relative(cwd, p)));
      }
    }
    return new Input(ChangeSet.ofPaths(files), config.withMigrations(globs), source.notAnalysed());
  }

  /**
   * Files the engine reads about named files that were not named themselves: the diesel
   * {@code metadata.toml} beside an {@code up.sql} / {@code down.sql} (whether diesel runs it in a
   * transaction), and the schema dumps ({@code schemaDumps}) in the named files' folders or above
   * them up to the current folder (the schema before them). A dump glob is tried as a path below
   * each such folder once its leading {@code **}{@code /} is dropped; a glob with wildcards beyond
   * that is only found by checking a folder.
   */
  private static List<Path> besideNamedFiles(List<Path> paths, List<SourceFile> named, Path cwd, Config config) {
    Set<String> have = new HashSet<>();
    for (SourceFile f : named) have.add(f.path());
    Set<Path> out = new LinkedHashSet<>();
    Path root = cwd.toAbsolutePath().normalize();
    GlobSet dumpGlobs = new GlobSet(config.schemaDumps());
    for (Path p : paths) {
      if (Files.isDirectory(p) || p.getFileName() == null) continue;
      String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
      Path toml = p.resolveSibling(DieselMetadata.FILE_NAME);
      if ((name.equals("up.sql") || name.equals("down.sql")) && Files.isRegularFile(toml)) out.add(toml);
      for (Path dir = p.toAbsolutePath().normalize().getParent(); dir != null && dir.startsWith(root); dir = dir.getParent()) {
        for (String glob : config.schemaDumps()) {
          String literal = glob.startsWith("**/") ? glob.substring(3) : glob;
          if (literal.isEmpty() || literal.chars().anyMatch(c -> c == '*' || c == '?' || c == '[')) continue;
          Path dump = dir.resolve(literal);
          if (Files.isRegularFile(dump) && dumpGlobs.matches(PathSource.relative(cwd, dump))) out.add(dump);
        }
      }
    }
    out.removeIf(f -> have.contains(PathSource.relative(cwd, f)));
    return List.copyOf(out);
  }

  private static Path gitRoot(Path start) {
    Path p = start.toAbsolutePath().normalize();
    while (p != null) {
      if (Files.exists(p.resolve(".git"))) return p;
      p = p.getParent();
    }
    throw new UserError(start + " is not inside a git repository (--base needs one)");
  }
}
