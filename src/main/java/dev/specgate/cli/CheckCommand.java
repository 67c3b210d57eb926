package dev.specgate.cli;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.Glob;
import dev.specgate.core.GlobSet;
import dev.specgate.core.Severity;
import dev.specgate.core.SourceFile;
import dev.specgate.dryrun.DryRunOptions;
import dev.specgate.dryrun.DryRunRenderer;
import dev.specgate.dryrun.DryRunResult;
import dev.specgate.engine.Workspace;
import dev.specgate.engine.Analysis;
import dev.specgate.engine.Config;
import dev.specgate.engine.Report;
import dev.specgate.git.GitRange;
import dev.specgate.git.GitSourceException;
import dev.specgate.sql.schema.DieselMetadata;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code specgate check [PATH…] [--base REF [--head REF]]}. A directory: the migrations its globs
 * find, its packets and config. Files: analysed whatever their path. With {@code --base}: the
 * change between two commits of the git repository at PATH.
 */
@Command(name = "check",
    description = "Check migrations, packets and guardrails; exit 1 on findings at or above --fail-on.",
    footerHeading = Main.EXAMPLES,
    footer = {
      "  specgate check                                   the current folder: its migrations, packets, .specgate.yml",
      "  specgate check db/migrations/V7__status.sql      one file, whatever its path",
      "  specgate check --base origin/main --format sarif the change from origin/main to HEAD, for code scanning",
      "  specgate check --fail-on warning --format json   stricter, machine-readable"
    })
final class CheckCommand implements Callable<Integer> {
  /** Set by bin/specgate on the run that writes the class-data-sharing archive. */
  static final String CDS_TRAINING = "specgate.cdsTraining";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..*", description = "a directory (default: .) or migration files")
  List<Path> paths = new ArrayList<>();

  @Option(names = "--base", paramLabel = "REF", description = "check the change from this commit (git range)")
  String base;

  @Option(names = "--head", paramLabel = "REF", description = "the head commit of the range (default: HEAD)")
  String head;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text | json | sarif | markdown | github (default: text)")
  String format = "text";

  @Option(names = "--fail-on", paramLabel = "SEVERITY", description = "error | warning | notice (default: error, or failOn in the config)")
  String failOn;

  @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: .specgate.yml at the root)")
  Path configFile;

  @Option(names = "--max-file-bytes", paramLabel = "BYTES",
      description = "files larger than this are named on stderr and not analysed (default: 4194304)")
  long maxFileBytes = PathSource.MAX_FILE_BYTES;

  private final List<String> notRead = new ArrayList<>();

  @Option(names = "--progress", description = "show progress on stderr even when it is not a terminal or in CI"
      + " (default: shown on a terminal for runs over " + Progress.MIN_FILES + " files or more)")
  boolean progress;

  @Option(names = "--dry-run", description = "also apply the change on an embedded PostgreSQL (see `specgate dry-run`); one report, one exit code")
  boolean dryRun;

  @Override
  public Integer call() {
    if (maxFileBytes < 1) throw new UserError("--max-file-bytes: expected a positive number of bytes, found " + maxFileBytes);
    OutputFormat out = Formats.parse(format);
    Input input = input();
    Config config = input.config();
    if (failOn != null) {
      config = config.withFailOn(Severity.parse(failOn).orElseThrow(() ->
          new UserError("--fail-on: expected error, warning or notice, found '" + failOn + "'")));
    }
    Report report;
    DryRunResult dryRunResult = null;
    try (Progress p = Progress.start(spec.commandLine().getErr(), input.changes().files().size(), progress, System.getenv())) {
      if (p != null) p.phase("analysing " + input.changes().files().size() + " files");
      if (dryRun) dryRunResult = DryRunCommand.runDryRun(input.changes(), config, DryRunOptions.forConfig(config));
      report = dryRunResult != null ? dryRunResult.report() : Analysis.run(input.changes(), config);
    }
    PrintWriter w = spec.commandLine().getOut();
    // JSON has one shape (DESIGN section 8): with the dry run, its "dryRun" section is there too
    if (dryRunResult != null && out == OutputFormat.json) w.print(DryRunRenderer.json(dryRunResult));
    else if (dryRunResult != null && out == OutputFormat.markdown) w.print(DryRunRenderer.markdown(dryRunResult));
    else w.print(out.render(report, input.changes(), OutputFormat.colourWanted()));
    w.flush();
    sayWhatWasNotAnalysed(report, config);
    if (Boolean.getBoolean(CDS_TRAINING)) {
      // The launcher's class-data-sharing archive is written by this run: render every format
      // (output discarded) so that later runs in another format find their classes archived too.
      for (OutputFormat f : OutputFormat.values()) f.render(report, input.changes(), false);
    }
    return report.exitCode();
  }

  /** Nothing silent: a named file that is no migration, or a run that found nothing, is said on stderr. */
  private void sayWhatWasNotAnalysed(Report report, Config config) {
    PrintWriter err = spec.commandLine().getErr();
    for (String line : notRead) err.println("specgate: " + line);
    if (base == null) {
      for (Path p : paths) {
        String name = p.getFileName() == null ? "" : p.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!Files.isDirectory(p) && !Workspace.isSqlFile(name) && !name.endsWith(".md")) {
          err.println("specgate: " + p + ": not a migration (.sql, .sql.postgres) or packet file (.md); not analysed");
        }
      }
    }
    if (report.migrations().isEmpty() && report.packets().isEmpty()) {
      err.println("specgate: no migration or packet found (migration globs: "
          + String.join(", ", config.migrations()) + "; packets: " + String.join(", ", config.packets())
          + "); set them in .specgate.yml");
    }
    err.flush();
  }

  record Input(ChangeSet changes, Config config) {}

  /** The change and config the options name (also read by {@code dry-run}). */
  Input input() {
    if (head != null && base == null) throw new UserError("--head needs --base");
    return base != null ? gitRange() : paths();
  }

  private Input gitRange() {
    if (paths.size() > 1) throw new UserError("--base takes one PATH inside a git repository, got " + paths.size());
    Path start = paths.isEmpty() ? Path.of(".") : paths.get(0);
    Path repo = gitRoot(start);
    ChangeSet changes;
    try {
      changes = GitRange.changeSet(repo, base, head);
    } catch (GitSourceException e) {
      throw new UserError(e.getMessage());
    }
    Config config;
    if (configFile != null) {
      config = ConfigResolver.resolve(configFile, repo);
    } else {
      config = changes.file(ConfigResolver.FILE_NAME)
          .filter(SourceFile::exists)
          .map(f -> ConfigResolver.fromText(f.content() == null ? "" : f.content(), ConfigResolver.FILE_NAME))
          .orElse(Config.defaults());
    }
    return new Input(changes, config);
  }

  private Input paths() {
    if (paths.isEmpty()) paths.add(Path.of("."));
    if (paths.size() == 1 && Files.isDirectory(paths.get(0))) {
      Path root = paths.get(0);
      PathSource source = new PathSource(maxFileBytes);
      ChangeSet changes = source.directory(root);
      notRead.addAll(source.notAnalysed());
      return new Input(changes, ConfigResolver.resolve(configFile, root));
    }
    Path cwd = Path.of("");
    Config config = ConfigResolver.resolve(configFile, cwd);
    PathSource source = new PathSource(maxFileBytes);
    List<SourceFile> files = new ArrayList<>(source.files(cwd, paths));
    files.addAll(source.files(cwd, besideNamedFiles(files, cwd, config)));
    notRead.addAll(source.notAnalysed());
    // A file named on the command line is a migration whatever its path (.sql and .sql.postgres files).
    List<String> globs = new ArrayList<>(config.migrations());
    for (int i = 0; i < paths.size(); i++) {
      Path p = paths.get(i);
      if (!Files.isDirectory(p) && Workspace.isSqlFile(p.toString())) {
        globs.add(Glob.literal(PathSource.relative(cwd, p)));
      }
    }
    return new Input(ChangeSet.ofPaths(files), config.withMigrations(globs));
  }

  /**
   * Files the engine reads about a named migration that were not named themselves: the diesel
   * {@code metadata.toml} beside an {@code up.sql} / {@code down.sql} (whether diesel runs it in a
   * transaction), and the schema dumps ({@code schemaDumps}) in the named files' folders or above
   * them up to the current folder (the schema before them). A dump glob is tried as a path below
   * each such folder once its leading {@code **}{@code /} is dropped; a glob with wildcards beyond
   * that is only found by checking a folder.
   */
  private List<Path> besideNamedFiles(List<SourceFile> named, Path cwd, Config config) {
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
