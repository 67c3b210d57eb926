package dev.specgate.dryrun;

import dev.specgate.core.ChangeSet;
import dev.specgate.engine.Config;
import dev.specgate.engine.Report;
import dev.specgate.report.MarkdownText;
import dev.specgate.rules.dryrun.DryRunEvidence;
import java.util.function.BiFunction;

/**
 * The analysis of a pull request as the Action and the service's worker both run it: the static
 * analysis, or — when {@code .specgate.yml} says {@code dryRun: true} — the dry run, whose report
 * holds the static findings with their measurements plus the dry-run rules' findings. A dry run
 * that cannot run ({@link DryRunException}: binaries it cannot get, a base history that does not
 * apply) does not fail the check: the static report stands and the summary says why there is no
 * evidence.
 *
 * @param report what to publish
 * @param evidence what the dry run observed, or null when it did not run
 * @param dryRunProblem why a requested dry run produced no evidence, or null
 */
public record PullRequestAnalysis(Report report, DryRunEvidence evidence, String dryRunProblem) {
  /** Statement rows of the lock table shown in a summary; the rest is counted, not listed. */
  static final int SUMMARY_STATEMENTS = 60;

  /**
   * @param staticAnalysis the engine without the dry run ({@code Analysis::run}, or the service's
   *     bounded one)
   */
  public static PullRequestAnalysis run(
      ChangeSet changes, Config config, BiFunction<ChangeSet, Config, Report> staticAnalysis) {
    if (!config.dryRun()) return new PullRequestAnalysis(staticAnalysis.apply(changes, config), null, null);
    try {
      DryRunResult r = DryRun.run(changes, config);
      return new PullRequestAnalysis(r.report(), r.evidence(), null);
    } catch (DryRunException e) {
      return new PullRequestAnalysis(staticAnalysis.apply(changes, config), null, e.getMessage());
    }
  }

  /** The same analysis with another report (e.g. one filtered to some paths). */
  public PullRequestAnalysis withReport(Report r) {
    return new PullRequestAnalysis(r, evidence, dryRunProblem);
  }

  /**
   * The Markdown section the Check Run and job summaries append: the per-statement lock table and
   * the rollback result, or the note saying why the dry run did not run; null when none was asked.
   */
  public String summarySection() {
    if (evidence != null) return DryRunRenderer.markdownEvidence(evidence, SUMMARY_STATEMENTS);
    if (dryRunProblem == null) return null;
    return "## Dry run\n\n> The dry run (`dryRun: true`) did not run: " + MarkdownText.text(dryRunProblem)
        + "\n>\n> The findings above come from the static analysis alone.\n";
  }
}
