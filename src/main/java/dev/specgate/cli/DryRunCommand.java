package dev.specgate.cli;

import dev.specgate.core.ChangeSet;
import dev.specgate.dryrun.DryRun;
import dev.specgate.dryrun.DryRunException;
import dev.specgate.dryrun.DryRunOptions;
import dev.specgate.dryrun.DryRunRenderer;
import dev.specgate.dryrun.DryRunResult;
import dev.specgate.engine.Config;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code specgate dry-run [PATH] [--base REF [--head REF]] [--db embedded|URL] [--pg-version N]
 * [--rows TABLE=N]… [--format text|json|markdown]} (DESIGN section 8). Exit 1 on findings at or
 * above fail-on, 2 when the dry run cannot run (a database it cannot use, a history that does not
 * apply).
 */
@Command(name = "dry-run",
    description = "Apply the change to a scratch PostgreSQL: observed locks, rewrites, blocking, and the rollback verified.",
    footerHeading = Main.EXAMPLES,
    footer = {
      "  specgate dry-run examples/account-status-good           a packet on the embedded PostgreSQL",
      "  specgate dry-run --base origin/main --format markdown   the change, as evidence.md sections",
      "  specgate dry-run --pg-version 17 --rows accounts=100000 another major, more synthetic rows",
      "  specgate dry-run --db jdbc:postgresql://db/app?user=ci  a scratch database on that server"
    })
final class DryRunCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..1", description = "a directory (default: .)")
  Path path;

  @Option(names = "--base", paramLabel = "REF", description = "the migrations before this commit are the history; the change is base..head")
  String base;

  @Mixin ChangeOptions change = new ChangeOptions();

  @Option(names = "--db", paramLabel = "DB", description = "embedded (default) or jdbc:postgresql://HOST/DB?user=…: a scratch database is created there and dropped")
  String db = "embedded";

  @Option(names = "--pg-version", paramLabel = "N", description = "PostgreSQL major of the embedded server (default: postgresVersion in the config)")
  Integer pgVersion;

  @Option(names = "--rows", paramLabel = "TABLE=N", description = "synthetic rows for a table (default: the packet's count, at most --row-ceiling)")
  List<String> rows = new ArrayList<>();

  @Option(names = "--row-ceiling", paramLabel = "N", description = "at most this many synthetic rows per table from the packet's count (default: dryRunRowCeiling in the config, 20000)")
  Long rowCeiling;

  @Option(names = "--max-db-mb", paramLabel = "MB", description = "statements are cancelled once the scratch database holds more (default: dryRunMaxDatabaseMb in the config, 2048)")
  Long maxDbMb;

  @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = Candidates.DryRunFormats.class, description = "text | json | markdown (default: text)")
  String format = "text";

  @Override
  public Integer call() {
    if (!List.of("text", "json", "markdown").contains(format)) {
      throw new UserError("--format: expected text, json or markdown, found '" + format + "'");
    }
    if (pgVersion != null && (pgVersion < 10 || pgVersion > 30)) {
      throw new UserError("--pg-version: expected a PostgreSQL major version such as 17, found " + pgVersion);
    }
    if (rowCeiling != null && rowCeiling < 0) throw new UserError("--row-ceiling: expected a row count, found " + rowCeiling);
    if (maxDbMb != null && maxDbMb < 16) throw new UserError("--max-db-mb: expected at least 16 (megabytes), found " + maxDbMb);
    ChangeOptions.Input input = change.read(path == null ? List.of() : List.of(path), base, PathSource.MAX_FILE_BYTES);
    String url = db.equals("embedded") ? null : db;
    long ceiling = rowCeiling != null ? rowCeiling : input.config().dryRunRowCeiling();
    long maxMb = maxDbMb != null ? maxDbMb : input.config().dryRunMaxDatabaseMb();
    DryRunOptions options = new DryRunOptions(url, pgVersion, parseRows(rows), ceiling, maxMb);
    DryRunResult result = runDryRun(input.changes(), input.config(), options);
    PrintWriter w = spec.commandLine().getOut();
    w.print(switch (format) {
      case "json" -> DryRunRenderer.json(result);
      case "markdown" -> DryRunRenderer.markdown(result);
      default -> DryRunRenderer.text(result, input.changes(), OutputFormat.colourWanted());
    });
    w.flush();
    return result.report().exitCode();
  }

  /** The dry run for a CLI command: its failure is a user-facing error (exit 2), never a stack trace. */
  static DryRunResult runDryRun(ChangeSet changes, Config config, DryRunOptions options) {
    try {
      return DryRun.run(changes, config, options);
    } catch (DryRunException e) {
      throw new UserError("dry run: " + e.getMessage());
    }
  }

  private static Map<String, Long> parseRows(List<String> specs) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (String s : specs) {
      int eq = s.indexOf('=');
      long n;
      try {
        n = eq > 0 ? Long.parseLong(s.substring(eq + 1).trim().replace("_", "").replace(",", "")) : -1;
      } catch (NumberFormatException e) {
        n = -1;
      }
      if (n < 0) throw new UserError("--rows: expected TABLE=N (e.g. accounts=50000), found '" + s + "'");
      out.put(dev.specgate.sql.Names.normalize(s.substring(0, eq)), n);
    }
    return out;
  }
}
