package dev.specgate.cli;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.Severity;
import dev.specgate.core.SourceFile;
import dev.specgate.core.Utf8;
import dev.specgate.diff.DiffParseException;
import dev.specgate.diff.DiffParser;
import dev.specgate.diff.DiffSources;
import dev.specgate.diff.UnifiedDiff;
import dev.specgate.engine.Analysis;
import dev.specgate.rules.Family;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleRegistry;
import dev.specgate.engine.Config;
import dev.specgate.engine.Report;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code specgate guard --spec SPEC.md [--diff FILE|-]}: checks a unified diff (stdin by default)
 * against the spec's "Allowed:" / "Do not:" guardrail before it is applied or committed. The diff
 * becomes a {@code DIFF} change set: each file with its status and patch (content only for added
 * files, rebuilt from the hunk), the spec as unchanged context at its path relative to the
 * current directory. Then the same engine and renderers as {@code check}.
 */
@Command(name = "guard",
    description = "Check a unified diff against the spec's Allowed / Do not guardrail;"
        + " exit 1 on a forbidden change (per --fail-on), 2 on usage, I/O or malformed diff.",
    footerHeading = Main.EXAMPLES,
    footer = {
      "  git diff main | specgate guard --spec docs/changes/42/spec.md",
      "  specgate guard --spec spec.md --diff change.patch --format json"
    })
final class GuardCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
  boolean help;

  @Option(names = "--spec", paramLabel = "SPEC.md", required = true,
      description = "the spec.md holding the guardrail lists")
  Path specFile;

  @Option(names = "--diff", paramLabel = "FILE", description = "the unified diff; - or absent: stdin")
  String diff = "-";

  @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = Candidates.TextOrJson.class, description = "text | json (default: text)")
  String format = "text";

  @Option(names = "--fail-on", paramLabel = "SEVERITY", completionCandidates = Candidates.Severities.class,
      description = "error | warning | notice (default: error, or failOn in the config)")
  String failOn;

  @Option(names = "--config", paramLabel = "FILE",
      description = "configuration file (default: .specgate.yml in the current directory)")
  Path configFile;

  /**
   * The guard judges the diff, not the packet: guardrail rules, and SQL rules on the migrations the
   * diff adds. Packet rules belong to {@code check}; run here they would fail an allowed diff for
   * a packet's own gaps and trap an agent in a retry loop.
   */
  private static List<Rule> diffRules() {
    return RuleRegistry.all().stream().filter(r -> r.info().family() != Family.PACKET).toList();
  }

  /** Where the diff comes from when {@code --diff -}; tests replace it. */
  InputStream stdin = System.in;

  @Override
  public Integer call() {
    OutputFormat out = Formats.parse(format);
    Path cwd = Path.of("").toAbsolutePath();
    Config config = ConfigResolver.resolve(configFile, cwd);
    if (failOn != null) {
      config = config.withFailOn(Severity.parse(failOn).orElseThrow(() ->
          new UserError("--fail-on: expected error, warning or notice, found '" + failOn + "'")));
    }
    ChangeSet changes = changeSet(cwd, readSpec(), readDiff());
    Report report = Analysis.run(changes, config, diffRules());
    PrintWriter w = spec.commandLine().getOut();
    w.print(out.render(report, changes, OutputFormat.colourWanted()));
    w.flush();
    return report.exitCode();
  }

  /** No diff or spec is this large; reading stops here (a pipe from /dev/zero never ends). */
  static final int MAX_INPUT_BYTES = 64 * 1024 * 1024;

  private String readSpec() {
    if (!Files.isRegularFile(specFile)) throw new UserError("--spec: file not found: " + specFile);
    try (InputStream in = Files.newInputStream(specFile)) {
      return text(in, specFile.toString());
    } catch (IOException e) {
      throw new UserError("cannot read " + specFile + ": " + e.getMessage());
    }
  }

  /** At most {@link #MAX_INPUT_BYTES}, strictly UTF-8; either failure names the source. */
  private static String text(InputStream in, String source) throws IOException {
    byte[] bytes = in.readNBytes(MAX_INPUT_BYTES + 1);
    if (bytes.length > MAX_INPUT_BYTES) {
      throw new UserError(source + ": larger than " + MAX_INPUT_BYTES + " bytes; not analysed");
    }
    try {
      return Utf8.decode(bytes);
    } catch (Utf8.NotUtf8Exception e) {
      throw new UserError(source + ": " + e.getMessage() + "; expected UTF-8 text");
    }
  }

  private UnifiedDiff readDiff() {
    String source = diff.equals("-") ? "stdin" : diff;
    String text;
    try {
      if (diff.equals("-")) {
        text = text(stdin, source);
      } else {
        Path p = Path.of(diff);
        if (!Files.exists(p)) throw new UserError("--diff: file not found: " + diff);
        if (!Files.isRegularFile(p)) {
          throw new UserError("--diff: " + diff + " is not a regular file (a device, FIFO or socket)");
        }
        try (InputStream in = Files.newInputStream(p)) {
          text = text(in, source);
        }
      }
    } catch (IOException e) {
      throw new UserError("cannot read the diff from " + source + ": " + e.getMessage());
    }
    try {
      return DiffParser.parse(text);
    } catch (DiffParseException e) {
      throw new UserError("malformed diff (" + source + "), " + e.getMessage());
    }
  }

  /**
   * The diff's files plus the spec. When the diff touches the spec itself, the diff's entry keeps
   * its status and patch and takes the spec's text from disk, so its guardrail is still read.
   */
  private ChangeSet changeSet(Path cwd, String specText, UnifiedDiff parsed) {
    String specPath = relative(cwd, specFile);
    List<SourceFile> files = new ArrayList<>();
    boolean specInDiff = false;
    for (SourceFile f : DiffSources.toSourceFiles(parsed)) {
      if (f.path().equals(specPath) && f.exists()) {
        specInDiff = true;
        f = new SourceFile(f.path(), f.status(), specText, f.baseContent(), f.previousPath(),
            f.changedLines(), false, f.patch());
      }
      files.add(f);
    }
    if (!specInDiff) files.add(SourceFile.unchanged(specPath, specText));
    return new ChangeSet(ChangeSet.Kind.DIFF, files, false);
  }

  /** The spec's path relative to the current directory (where diff paths are relative to). */
  static String relative(Path cwd, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path rel = abs.startsWith(cwd) ? cwd.relativize(abs) : abs.getFileName();
    return rel.toString().replace('\\', '/');
  }
}
