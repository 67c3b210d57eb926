package dev.specgate.server;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.Finding;
import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.core.SourceFile;
import dev.specgate.dryrun.PullRequestAnalysis;
import dev.specgate.engine.Config;
import dev.specgate.engine.EngineDiagnostics;
import dev.specgate.engine.Report;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The engine as the service runs it on input anyone can send: files over the size cap are left
 * out and reported by name, the analysis runs on a thread of its own under a wall-clock
 * budget, and a dry run's scratch database stays within the operator's size whatever the pull
 * request's {@code .specgate.yml} asks. Whatever it throws, {@code Error}s included, or a budget overrun, becomes an
 * {@link AnalysisAborted} naming what happened; the worker's thread is never lost to it.
 */
final class BoundedAnalyzer implements Analyzer {
  /** Why an analysis produced no report; the message is meant for the Check Run. */
  static final class AnalysisAborted extends RuntimeException {
    AnalysisAborted(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private static final AtomicInteger THREADS = new AtomicInteger();

  private final Analyzer engine;
  private final Duration budget;
  private final long maxFileBytes;
  private final long dryRunMaxDatabaseMb;
  private final ServiceMetrics metrics;
  private final AnswersFirst answers;

  BoundedAnalyzer(Analyzer engine, Duration budget, long maxFileBytes, long dryRunMaxDatabaseMb, ServiceMetrics metrics,
      AnswersFirst answers) {
    this.answers = answers;
    this.engine = engine;
    this.budget = budget;
    this.maxFileBytes = maxFileBytes;
    this.dryRunMaxDatabaseMb = dryRunMaxDatabaseMb;
    this.metrics = metrics;
  }

  @Override
  public Report analyse(ChangeSet changes, Config config) {
    List<Finding> skipped = new ArrayList<>();
    ChangeSet kept = withinSizeCap(changes, skipped);
    return withSkipped(runWithinBudget(() -> engine.analyse(kept, config)), skipped);
  }

  /**
   * The dry run (when the config asks for it) runs inside the same wall-clock budget as the static
   * analysis: one budget per job, whatever the job does.
   */
  @Override
  public PullRequestAnalysis analysePullRequest(ChangeSet changes, Config config) {
    List<Finding> skipped = new ArrayList<>();
    ChangeSet kept = withinSizeCap(changes, skipped);
    // the config comes from the pull request: it may lower the dry run's disk budget, not raise it
    Config bounded = config.dryRunMaxDatabaseMb() <= dryRunMaxDatabaseMb ? config
        : config.withDryRunMaxDatabaseMb(dryRunMaxDatabaseMb);
    PullRequestAnalysis a = runWithinBudget(() -> PullRequestAnalysis.run(kept, bounded, engine::analyse));
    return a.withReport(withSkipped(a.report(), skipped));
  }

  private static Report withSkipped(Report report, List<Finding> skipped) {
    if (skipped.isEmpty()) return report;
    List<Finding> all = new ArrayList<>(skipped);
    all.addAll(report.findings());
    return new Report(all, report.migrations(), report.packets(), report.filesAnalysed(), report.statementsAnalysed(),
        report.failOn());
  }

  /** The change without the files over the size cap; a finding for each left out goes to {@code skipped}. */
  private ChangeSet withinSizeCap(ChangeSet changes, List<Finding> skipped) {
    List<SourceFile> kept = new ArrayList<>();
    for (SourceFile f : changes.files()) {
      long size = Math.max(bytes(f.content()), bytes(f.baseContent()));
      if (size <= maxFileBytes) {
        kept.add(f);
      } else {
        skipped.add(new Finding(EngineDiagnostics.INTERNAL_ERROR, Severity.WARNING, Location.line(f.path(), 1),
            "not analysed: " + f.path() + " is " + size + " bytes, over the service's limit of " + maxFileBytes
                + " bytes (SPECGATE_MAX_FILE_BYTES)", "Files this large are left out so one pull request cannot exhaust"
                + " the service; run `specgate check` on it locally or in the Action.", ""));
      }
    }
    return skipped.isEmpty() ? changes : new ChangeSet(changes.kind(), kept, changes.headTreeComplete());
  }

  /** The text's UTF-8 size, encoded only when it might exceed the cap (at most 3 bytes per UTF-16 unit). */
  private long bytes(String s) {
    if (s == null) return 0;
    if ((long) s.length() * 3 <= maxFileBytes) return s.length();
    return s.getBytes(StandardCharsets.UTF_8).length;
  }

  private <T> T runWithinBudget(Supplier<T> work) {
    answers.yieldToAnswers(); // the analysis is the job's largest use of CPU
    CompletableFuture<T> result = new CompletableFuture<>();
    Thread t = new Thread(() -> {
      try {
        result.complete(work.get());
      } catch (Throwable e) { // StackOverflowError, OutOfMemoryError, anything: reported, never fatal
        result.completeExceptionally(e);
      }
    }, "specgate-analysis-" + THREADS.incrementAndGet());
    t.setDaemon(true);
    t.start();
    try {
      return result.get(budget.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      // Java cannot stop a thread that ignores interrupts: it is left to finish on its own and counted
      t.interrupt();
      metrics.analysisAbandoned();
      throw new AnalysisAborted("the analysis exceeded its budget of " + budget.toSeconds()
          + " s (SPECGATE_ANALYSIS_BUDGET_SECONDS) and was abandoned", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      throw new AnalysisAborted("the analysis failed: " + cause.getClass().getSimpleName()
          + (cause.getMessage() == null ? "" : ": " + Secrets.redact(cause.getMessage())), cause);
    } catch (InterruptedException e) {
      t.interrupt();
      Thread.currentThread().interrupt();
      throw new AnalysisAborted("the analysis was interrupted (the service is stopping)", e);
    }
  }
}
