package dev.specgate.cli;

import java.util.regex.Pattern;
import dev.specgate.core.ChangeSet;
import dev.specgate.core.Finding;
import dev.specgate.core.Glob;
import dev.specgate.core.Severity;
import dev.specgate.core.SourceFile;
import dev.specgate.dryrun.PullRequestAnalysis;
import dev.specgate.engine.Analysis;
import dev.specgate.engine.Config;
import dev.specgate.engine.ConfigException;
import dev.specgate.engine.ConfigLoader;
import dev.specgate.engine.Report;
import dev.specgate.git.GitRange;
import dev.specgate.git.GitSourceException;
import dev.specgate.github.CallPolicy;
import dev.specgate.github.GitHubApi;
import dev.specgate.github.GitHubRepo;
import dev.specgate.github.PullRequestPublisher;
import dev.specgate.github.actions.ActionsEvent;
import dev.specgate.github.actions.WorkflowFiles;
import dev.specgate.report.GithubAnnotationsRenderer;
import dev.specgate.report.MarkdownRenderer;
import dev.specgate.report.SarifRenderer;
import dev.specgate.rules.RuleRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code specgate action}: the check inside a GitHub Actions job.
 *
 * <p>Reads the event ({@code GITHUB_EVENT_PATH}: a pull request's base and head, a push's before
 * and after), checks that git range of {@code GITHUB_WORKSPACE}, prints workflow-command
 * annotations, appends the Markdown summary to {@code GITHUB_STEP_SUMMARY}, writes outputs to
 * {@code GITHUB_OUTPUT}, optionally writes SARIF, and — with {@code GITHUB_TOKEN} — publishes one
 * Check Run and one pull request review. A token that may not write (a fork's pull request) is
 * not an error: the annotations and the summary carry the results and the summary says so. The
 * exit code follows {@code --fail-on} only (2 for bad input).
 */
@Command(
    name = "action",
    mixinStandardHelpOptions = true,
    description = "Run the check inside GitHub Actions: annotations, job summary, outputs, "
        + "optional SARIF, Check Run and pull request review.")
public final class ActionCommand implements Callable<Integer> {
  static final String DEFAULT_CHECK_NAME = "specgate";
  static final String EXTERNAL_ID = "specgate-action";

  @Option(names = "--config", paramLabel = "FILE",
      description = "Config file, relative to the workspace (default: .specgate.yml at the head commit).")
  String configFile;

  @Option(names = "--fail-on", paramLabel = "SEVERITY", completionCandidates = Candidates.Severities.class,
      description = "error, warning or notice (default: the config's failOn, else error).")
  String failOn;

  @Option(names = "--paths", paramLabel = "GLOBS",
      description = "Only report findings in files matching these globs (comma or newline separated).")
  String paths;

  @Option(names = "--sarif-file", paramLabel = "FILE", description = "Also write SARIF 2.1.0 to FILE.")
  Path sarifFile;

  @Option(names = "--review-comments", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Post a pull request review with inline comments (default: true).")
  boolean reviewComments = true;

  @Option(names = "--check-run", arity = "0..1", fallbackValue = "true", paramLabel = "BOOL",
      description = "Publish a Check Run with annotations (default: true).")
  boolean checkRun = true;

  @Option(names = "--check-name", paramLabel = "NAME", description = "Check Run name (default: specgate).")
  String checkName = DEFAULT_CHECK_NAME;

  @Option(names = "--base", paramLabel = "REF", description = "Compare against REF instead of the event's base.")
  String base;

  @Option(names = "--head", paramLabel = "REF", description = "Check REF instead of the event's head.")
  String head;

  @Spec CommandSpec spec;

  private final Map<String, String> env;
  // The GitHub client is built only when publishing: picocli instantiates every subcommand on each
  // run, and an HttpClient (its SSLContext) costs about 0.3 s of CPU that `check` never needs.
  private final CallPolicy calls;

  public ActionCommand() {
    this(System.getenv(), CallPolicy.action());
  }

  /** For tests: the environment and how GitHub calls wait. */
  public ActionCommand(Map<String, String> env, CallPolicy calls) {
    this.env = Map.copyOf(env);
    this.calls = calls;
  }

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    try {
      return run(out, err);
    } catch (ActionError e) {
      err.println("specgate: " + e.getMessage());
      out.println("::error title=specgate::" + GithubAnnotationsRenderer.escapeData(e.getMessage()));
      out.flush();
      err.flush();
      return 2;
    }
  }

  private int run(PrintWriter out, PrintWriter err) {
    Path workspace = Path.of(env.getOrDefault("GITHUB_WORKSPACE", ".")).toAbsolutePath().normalize();
    ActionsEvent event = event();
    String headRef = head != null ? head : event.headSha();
    String baseRef = base != null ? base : event.baseSha() != null ? event.baseSha() : headRef + "^";

    ChangeSet changes;
    try {
      changes = GitRange.changeSet(workspace, baseRef, headRef);
    } catch (GitSourceException e) {
      throw new ActionError(e.getMessage()
          + " (check out the repository with actions/checkout and fetch-depth: 0 so both commits are present)");
    }
    String headSha;
    try {
      headSha = GitRange.commitId(workspace, headRef);
    } catch (GitSourceException e) {
      throw new ActionError(e.getMessage());
    }
    Config config = config(workspace, changes).forPullRequest(event.draft());
    PullRequestAnalysis analysis = PullRequestAnalysis.run(changes, config, Analysis::run);
    Report report = onlyPaths(analysis.report(), paths);
    String dryRunSection = analysis.summarySection();
    if (analysis.dryRunProblem() != null) {
      out.println("::warning title=specgate dry run::" + GithubAnnotationsRenderer.escapeData(analysis.dryRunProblem()));
      err.println("specgate: the dry run did not run: " + analysis.dryRunProblem());
    }

    out.print(GithubAnnotationsRenderer.render(report));
    out.flush();

    if (sarifFile != null) writeSarif(workspace, report, changes);

    List<String> notes = new ArrayList<>();
    String linkBase = env.getOrDefault("GITHUB_SERVER_URL", "https://github.com") + "/"
        + env.getOrDefault("GITHUB_REPOSITORY", "") + "/blob/" + headSha + "/";
    if (env.getOrDefault("GITHUB_REPOSITORY", "").isBlank()) linkBase = "";
    publish(event, headSha, report, changes, dryRunSection, linkBase, notes, out, err);

    String note = notes.isEmpty() ? null : String.join("\n", notes);
    String summary = MarkdownRenderer.render(
        report, new MarkdownRenderer.Options(linkBase, MarkdownRenderer.STEP_SUMMARY_LIMIT, note, dryRunSection));
    try {
      String summaryFile = env.get("GITHUB_STEP_SUMMARY");
      if (summaryFile != null && !summaryFile.isBlank()) WorkflowFiles.appendSummary(Path.of(summaryFile), summary);
      String outputFile = env.get("GITHUB_OUTPUT");
      if (outputFile != null && !outputFile.isBlank()) {
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put("errors", String.valueOf(report.count(Severity.ERROR)));
        outputs.put("warnings", String.valueOf(report.count(Severity.WARNING)));
        outputs.put("notices", String.valueOf(report.count(Severity.NOTICE)));
        outputs.put("conclusion", report.failed() ? "failure" : "success");
        if (sarifFile != null) outputs.put("sarif-file", sarifFile.toString());
        WorkflowFiles.appendOutputs(Path.of(outputFile), outputs);
      }
    } catch (IOException e) {
      throw new ActionError("cannot write the job summary or outputs: " + e.getMessage());
    }
    err.printf("specgate: %d error(s), %d warning(s), %d notice(s); %s (fails on %s)%n",
        report.count(Severity.ERROR), report.count(Severity.WARNING), report.count(Severity.NOTICE),
        report.failed() ? "failed" : "passed", report.failOn().label());
    err.flush();
    return report.exitCode();
  }

  private ActionsEvent event() {
    String eventPath = env.get("GITHUB_EVENT_PATH");
    if (eventPath == null || eventPath.isBlank()) {
      if (head != null || env.get("GITHUB_SHA") != null) {
        return new ActionsEvent("", null, head != null ? head : env.get("GITHUB_SHA"), 0, false);
      }
      throw new ActionError("GITHUB_EVENT_PATH is not set: run inside GitHub Actions, or pass --base and --head");
    }
    try {
      return ActionsEvent.read(env.get("GITHUB_EVENT_NAME"), Path.of(eventPath), env.get("GITHUB_SHA"));
    } catch (IllegalArgumentException e) {
      throw new ActionError(e.getMessage());
    }
  }

  private Config config(Path workspace, ChangeSet changes) {
    Config config;
    try {
      if (configFile != null) {
        Path file = workspace.resolve(configFile);
        if (!Files.isRegularFile(file)) throw new ActionError("config file " + configFile + " not found in " + workspace);
        config = ConfigLoader.parse(Files.readString(file, StandardCharsets.UTF_8), configFile);
      } else {
        Optional<String> atHead = changes.file(".specgate.yml").filter(SourceFile::exists).map(SourceFile::content);
        config = atHead.isPresent() ? ConfigLoader.parse(atHead.get(), ".specgate.yml") : Config.defaults();
      }
    } catch (ConfigException e) {
      throw new ActionError(e.getMessage());
    } catch (IOException e) {
      throw new ActionError("cannot read " + configFile + ": " + e.getMessage());
    }
    if (failOn != null) {
      Severity s = Severity.parse(failOn).orElseThrow(
          () -> new ActionError("--fail-on: expected error, warning or notice, found '" + failOn + "'"));
      config = config.withFailOn(s);
    }
    return config;
  }

  /** The report restricted to findings in files matching {@code globs} (all when none given). */
  private static final Pattern GLOB_LIST = Pattern.compile("[,\n]");

  static Report onlyPaths(Report report, String globs) {
    if (globs == null || globs.isBlank()) return report;
    List<Glob> patterns = new ArrayList<>();
    for (String p : GLOB_LIST.split(globs)) if (!p.isBlank()) patterns.add(Glob.of(p.trim()));
    if (patterns.isEmpty()) return report;
    List<Finding> kept = report.findings().stream().filter(f -> Glob.anyMatches(patterns, f.file())).toList();
    return new Report(kept, report.migrations(), report.packets(), report.filesAnalysed(),
        report.statementsAnalysed(), report.failOn());
  }

  private void writeSarif(Path workspace, Report report, ChangeSet changes) {
    Optional<URI> docs = Optional.empty();
    String actionRepo = env.get("GITHUB_ACTION_REPOSITORY");
    String actionRef = env.get("GITHUB_ACTION_REF");
    if (actionRepo != null && !actionRepo.isBlank() && actionRef != null && !actionRef.isBlank()) {
      docs = Optional.of(URI.create(env.getOrDefault("GITHUB_SERVER_URL", "https://github.com") + "/"
          + actionRepo + "/blob/" + actionRef + "/"));
    } else if (env.get("SPECGATE_DOCS_URL") != null) {
      docs = Optional.of(URI.create(env.get("SPECGATE_DOCS_URL")));
    }
    String sarif = SarifRenderer.render(report, changes, RuleRegistry.all(), docs,
        ActionCommand.class.getPackage().getImplementationVersion());
    Path file = workspace.resolve(sarifFile);
    try {
      if (file.getParent() != null) Files.createDirectories(file.getParent());
      Files.writeString(file, sarif, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ActionError("cannot write the SARIF file " + sarifFile + ": " + e.getMessage());
    }
  }

  private void publish(
      ActionsEvent event, String headSha, Report report, ChangeSet changes, String section, String linkBase, List<String> notes,
      PrintWriter out, PrintWriter err) {
    if (!checkRun && !(reviewComments && event.isPullRequest())) return;
    String token = env.get("GITHUB_TOKEN");
    String repoName = env.get("GITHUB_REPOSITORY");
    if (token == null || token.isBlank() || repoName == null || repoName.isBlank()) {
      notes.add("No GITHUB_TOKEN (or GITHUB_REPOSITORY) was given, so no Check Run or review was posted;"
          + " the results are in the annotations and this summary.");
      return;
    }
    GitHubRepo repo;
    try {
      repo = GitHubRepo.parse(repoName);
    } catch (IllegalArgumentException e) {
      throw new ActionError("GITHUB_REPOSITORY: " + e.getMessage());
    }
    GitHubApi client = GitHubApi.withToken(URI.create(env.getOrDefault("GITHUB_API_URL", "https://api.github.com")),
        token, calls, GitHubApi.Observer.NONE);
    // the external id marks the run as ours: an Actions job named like the check must never be taken for it
    PullRequestPublisher.Context ctx = new PullRequestPublisher.Context(repo, event.isPullRequest() ? event.pullNumber() : 0,
        headSha, event.fromFork(), checkName, EXTERNAL_ID + (event.isPullRequest() ? "/pr-" + event.pullNumber() : ""),
        0, linkBase, checkRun, reviewComments && head == null, true);
    for (PullRequestPublisher.Note note : new PullRequestPublisher(client).publish(ctx, report, changes, section).notes()) {
      out.println((note.refused() ? "::notice" : "::warning") + " title=specgate::"
          + GithubAnnotationsRenderer.escapeData(note.text()));
      err.println("specgate: " + note.text());
      notes.add(note.text());
    }
    out.flush();
  }

  /** Bad input for the action: reported as one line, exit code 2. */
  private static final class ActionError extends RuntimeException {
    ActionError(String message) {
      super(message);
    }
  }
}
