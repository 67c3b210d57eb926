package dev.specgate.cli;

import dev.specgate.core.Severity;
import dev.specgate.dryrun.DryRunOptions;
import dev.specgate.dryrun.DryRunRenderer;
import dev.specgate.dryrun.DryRunResult;
import dev.specgate.engine.Workspace;
import dev.specgate.engine.Analysis;
import dev.specgate.engine.Config;
import dev.specgate.engine.Report;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin ChangeOptions change = new ChangeOptions();

  @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = Candidates.ReportFormats.class, description = "text | json | sarif | markdown | github (default: text)")
  String format = "text";

  @Option(names = "--fail-on", paramLabel = "SEVERITY", completionCandidates = Candidates.Severities.class, description = "error | warning | notice (default: error, or failOn in the config)")
  String failOn;

  @Option(names = "--max-file-bytes", paramLabel = "BYTES",
      description = "files larger than this are named on stderr and not analysed (default: 4194304)")
  long maxFileBytes = PathSource.MAX_FILE_BYTES;

  @Option(names = "--progress", description = "show progress on stderr even when it is not a terminal or in CI"
      + " (default: shown on a terminal for runs over " + Progress.MIN_FILES + " files or more)")
  boolean progress;

  @Option(names = "--dry-run", description = "also apply the change on an embedded PostgreSQL (see `specgate dry-run`); one report, one exit code")
  boolean dryRun;

  @Override
  public Integer call() {
    if (maxFileBytes < 1) throw new UserError("--max-file-bytes: expected a positive number of bytes, found " + maxFileBytes);
    OutputFormat out = Formats.parse(format);
    ChangeOptions.Input input = change.read(paths, base, maxFileBytes);
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
    sayWhatWasNotAnalysed(report, config, input.notRead());
    if (Boolean.getBoolean(CDS_TRAINING)) {
      // The launcher's class-data-sharing archive is written by this run: render every format
      // (output discarded) so that later runs in another format find their classes archived too.
      for (OutputFormat f : OutputFormat.values()) f.render(report, input.changes(), false);
    }
    return report.exitCode();
  }

  /** Nothing silent: a named file that is no migration, or a run that found nothing, is said on stderr. */
  private void sayWhatWasNotAnalysed(Report report, Config config, List<String> notRead) {
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
}
