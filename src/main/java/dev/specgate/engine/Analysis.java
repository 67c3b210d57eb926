package dev.specgate.engine;

import dev.specgate.sql.MigrationFile;
import dev.specgate.core.ChangeSet;
import dev.specgate.core.Finding;
import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.core.SourceFile;
import dev.specgate.core.Texts;
import dev.specgate.packet.Packet;
import dev.specgate.packet.PacketSummary;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleRegistry;
import dev.specgate.rules.RuleSettings;
import dev.specgate.rules.dryrun.DryRunEvidence;
import dev.specgate.sql.schema.SchemaHistory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Optional;

/**
 * The pipeline of DESIGN section 1: ChangeSet → Workspace → parse → rules → suppressions →
 * Report. Pure: no disk, git or network; the CLI, the Action and the service all call this.
 */
public final class Analysis {
  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::file)
          .thenComparingInt(Finding::line)
          .thenComparingInt(f -> f.location().column())
          .thenComparing(Finding::rule)
          .thenComparing(Finding::message);

  private Analysis() {}

  /** The values of {@code config} that rules read (rules do not see the engine's Config). */
  public static RuleSettings settingsOf(Config c) {
    return new RuleSettings(c.dialect(), c.postgresVersion(), c.mysqlServer(), c.migrationTool(), c.migrations(), c.packets(),
        c.requiredPacketFiles(), c.largeTableRows(), c.guardrailCategories());
  }

  /** Runs every registered rule that the config does not turn off. */
  public static Report run(ChangeSet changes, Config config) {
    return run(changes, config, RuleRegistry.all());
  }

  /** Runs the given rules only (tests run one rule over its fixtures). */
  public static Report run(ChangeSet changes, Config config, List<Rule> rules) {
    return run(changes, config, rules, null);
  }

  /**
   * Runs the given rules with what a dry run observed on PostgreSQL (the dryrun family reads it);
   * {@code dryRun} null for a static analysis.
   */
  public static Report run(ChangeSet changes, Config config, List<Rule> rules, DryRunEvidence dryRun) {
    return run(Workspace.discover(changes, config), changes, config, rules, dryRun);
  }

  /** As {@link #run(ChangeSet, Config, List, DryRunEvidence)} on the workspace already discovered in {@code changes}. */
  public static Report run(Workspace ws, ChangeSet changes, Config config, List<Rule> rules, DryRunEvidence dryRun) {
    // the dumps are replayed once: the change's migrations and each packet's plan SQL start from them
    SchemaHistory.Seed dumps = SchemaHistory.seed(ws.schemaDumps());
    SchemaHistory schema = dumps.replay(ws.migrations(), !changes.isSnapshot());
    AnalysisContext context =
        new AnalysisContext(config, changes, ws.migrations(), ws.packetsInScope(), schema, dryRun);

    // Rules are stateless and read immutable models, so they run on every core.
    List<Finding> raw = new ArrayList<>(rules.parallelStream()
        .flatMap(rule -> runRule(rule, context, config, changes).stream())
        .toList());
    // The SQL in the plans' fences, checked by the same SQL rules, reported at the plan's lines.
    raw.addAll(PlanSqlAnalysis.findings(rules, ws.packetsInScope(), dumps, config, changes,
        (rule, planContext) -> runRule(rule, planContext, config, changes)));
    if (dryRun != null) raw = MeasuredEvidence.apply(raw, dryRun, ws.migrations(), config);
    List<Finding> kept = new ArrayList<>();
    // inputs the analysis of this change needed and could not read are kept wherever they are
    Set<Finding> problems = new HashSet<>(ws.problems());
    raw.addAll(ws.problems());
    for (Finding f : Suppressions.apply(raw, changes.files())) {
      if (problems.contains(f) || touchedByChange(f, changes, ws.packetsInScope())) kept.add(f);
    }
    kept.sort(ORDER);

    int statements = ws.migrations().stream().mapToInt(m -> m.migration().statements().size()).sum();
    return new Report(
        kept,
        ws.migrations().stream().map(MigrationFile::path).toList(),
        ws.packetsInScope().stream().map(Packet::folder).toList(),
        (int) changes.files().stream().filter(SourceFile::isChanged).count(),
        statements,
        config.failOn(),
        ws.packetsInScope().stream()
            .map(p -> "`" + (p.folder().isEmpty() ? "/" : p.folder()) + "`: " + PacketSummary.brief(p))
            .toList());
  }

  private static List<Finding> runRule(Rule rule, RuleContext context, Config config, ChangeSet changes) {
    // An opt-in (style) rule runs only when the config names it.
    if (!rule.info().enabledByDefault() && !config.ruleSeverities().containsKey(rule.id())) return List.of();
    Optional<Severity> severity = config.severityOf(rule.id(), rule.info().severity());
    if (severity.isEmpty()) return List.of();
    Findings out = new Findings(rule.info());
    try {
      rule.check(context, out);
    } catch (Throwable e) {
      // Anything: a StackOverflowError on a hostile input must not kill the worker thread that runs
      // this analysis; the rule's failure is reported and the other rules' findings stand.
      return List.of(internalError(rule, e, context));
    }
    return out.all().stream().map(f -> f.withSeverity(severity.get())).toList();
  }

  /**
   * For a change, findings land only on what it touched: changed lines of changed files, and
   * anywhere in the files of packets in scope (packet-level findings). A snapshot keeps all.
   */
  private static boolean touchedByChange(Finding f, ChangeSet changes, List<Packet> packets) {
    if (changes.isSnapshot()) return true;
    // Guardrail rules report only on the change itself, incl. removed lines (old numbers), deleted files and spec items.
    if (f.rule().startsWith("guardrail-")) return true;
    Optional<SourceFile> file = changes.file(f.file());
    if (file.isEmpty()) return true; // a finding about something absent (e.g. a missing packet file)
    SourceFile s = file.get();
    for (Packet p : packets) {
      if (Workspace.folderOf(s.path()).equals(p.folder()) && s.path().endsWith(".md")) return true;
    }
    if (!s.isChanged()) return false;
    if (f.rule().equals(EngineDiagnostics.INTERNAL_ERROR)) return true;
    return s.touches(f.line(), f.location().endLine());
  }

  /**
   * A rule reads all files of its family at once, so the finding names the files it was reading:
   * the changed migrations for an SQL rule, the packets' files for a packet rule, the changed files
   * for the others (guardrail, …).
   */
  private static Finding internalError(Rule rule, Throwable e, RuleContext context) {
    List<String> files = switch (rule.info().family()) {
      case SQL -> context.changedMigrations().stream().map(MigrationFile::path).toList();
      case PACKET -> context.packets().stream()
          .flatMap(p -> p.files().values().stream()).map(SourceFile::path).toList();
      default -> context.changeSet().files().stream()
          .filter(SourceFile::isChanged).map(SourceFile::path).toList();
    };
    if (files.isEmpty()) {
      files = context.changeSet().files().stream().map(SourceFile::path).toList();
    }
    String where = files.isEmpty() ? "." : files.get(0);
    String message = e.getMessage() == null ? "" : ": " + Texts.clip(e.getMessage(), 200);
    return new Finding(EngineDiagnostics.INTERNAL_ERROR, Severity.WARNING, Location.line(where, 1),
        "rule " + rule.id() + " failed on " + Texts.firstFew(files, 3) + " and reported nothing: "
            + e.getClass().getSimpleName() + message,
        "specgate never hides a failure; please report this input to the specgate maintainers.", "");
  }
}
