package dev.specgate.server;

import dev.specgate.dryrun.PullRequestAnalysis;
import dev.specgate.engine.ConfigException;
import dev.specgate.engine.Report;
import dev.specgate.github.CheckRun;
import dev.specgate.github.CheckRunRequest;
import dev.specgate.github.GitHubApi;
import dev.specgate.github.GitHubException;
import dev.specgate.github.GitHubRepo;
import dev.specgate.github.PullRequestPublisher;
import dev.specgate.github.ReviewPublisher;
import dev.specgate.github.app.GitHubApps;
import dev.specgate.report.MarkdownRenderer;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one claimed job: installation token, Check Run in progress (found again if an earlier
 * attempt made it), the pull request's files and context at the head sha, the engine, the
 * completed Check Run and the review. Results for a head that is no longer the pull request's
 * are dropped.
 */
final class JobProcessor {
  static final String CHECK_NAME = "specgate";
  private static final Logger LOG = LoggerFactory.getLogger(JobProcessor.class);

  /** How a job ended (the worker records it in the store). */
  enum Result { DONE, SUPERSEDED }

  private final GitHubApps github;
  private final Analyzer analyzer;
  private final JobStore store;
  private final ServiceMetrics metrics;
  private final Clock clock;

  JobProcessor(GitHubApps github, Analyzer analyzer, JobStore store, ServiceMetrics metrics, Clock clock) {
    this.github = github;
    this.analyzer = analyzer;
    this.store = store;
    this.metrics = metrics;
    this.clock = clock;
  }

  Result process(Job job) throws JobFailure, InterruptedException {
    WorkItem w = job.item();
    try {
      GitHubApi client = github.installation(w.installationId());
      GitHubRepo repo = new GitHubRepo(w.owner(), w.name());

      GitHubApi.PullRequestState pr = client.pullRequest(repo, w.prNumber());
      if (!"open".equals(pr.state())) {
        completeIfStarted(client, repo, job, "neutral", "Pull request closed", "The pull request was closed before the analysis ran.");
        return Result.SUPERSEDED;
      }
      if (!pr.headSha().equalsIgnoreCase(w.headSha())) {
        // out-of-order or late delivery: make sure the current head is analysed instead
        store.enqueue(new WorkItem(w.repo(), w.installationId(), w.prNumber(), pr.headSha(), false));
        completeIfStarted(client, repo, job, "neutral", "Superseded",
            "A newer commit (" + pr.headSha() + ") was pushed; it is analysed instead.");
        return Result.SUPERSEDED;
      }

      long runId = job.checkRunId();
      if (runId != 0 && "completed".equals(client.checkRunStatus(repo, runId))) {
        // an earlier attempt completed the run and died before recording it: posting again
        // would only append the annotations a second time
        LOG.info("job {}: Check Run {} is already completed", job.id(), runId);
        return Result.DONE;
      }
      if (runId == 0) {
        // a run left in progress by an attempt that died before recording it; a completed one
        // belongs to an earlier analysis (a re-run gets a fresh run)
        Optional<CheckRun> existing = client.findCheckRun(repo, w.headSha(), CHECK_NAME, Integer.toString(w.prNumber()));
        if (existing.isPresent() && !"completed".equals(existing.get().status())) {
          runId = existing.get().id();
          client.updateCheckRun(repo, runId, CheckRunRequest.inProgress(null, w.headSha()));
        } else {
          runId = client.createCheckRun(repo,
              CheckRunRequest.inProgress(CHECK_NAME, w.headSha()).withExternalId(Integer.toString(w.prNumber()))).id();
        }
        store.recordCheckRun(job.id(), runId);
      }

      PullRequestSource.Snapshot snapshot;
      try {
        snapshot = new PullRequestSource(client).fetch(w, pr.baseSha());
      } catch (ConfigException e) {
        client.updateCheckRun(repo, runId, CheckRunRequest.completed(null, w.headSha(), "failure",
            "Invalid " + PullRequestSource.CONFIG_FILE, "specgate could not read its configuration:\n\n" + MarkdownRenderer.codeBlock("", e.getMessage()), List.of()));
        return Result.DONE;
      }
      Instant started = clock.instant();
      PullRequestAnalysis analysis = analyzer.analysePullRequest(snapshot.changes(), snapshot.config().forPullRequest(pr.draft()));
      Report report = analysis.report();
      metrics.analysed(Duration.between(started, clock.instant()));

      if (store.superseded(job) || !client.pullRequest(repo, w.prNumber()).headSha().equalsIgnoreCase(w.headSha())) {
        client.updateCheckRun(repo, runId, CheckRunRequest.completed(null, w.headSha(), "neutral", "Superseded",
            "A newer commit was pushed while this one was analysed; its results were dropped.", List.of()));
        return Result.SUPERSEDED;
      }

      PullRequestPublisher.Context ctx = new PullRequestPublisher.Context(repo, w.prNumber(), w.headSha(), false,
          CHECK_NAME, Integer.toString(w.prNumber()), runId, client.blobLinkBase(repo, w.headSha()), true, true, false);
      PullRequestPublisher.Outcome published = new PullRequestPublisher(client).publish(ctx, report, snapshot.changes(),
          analysis.summarySection());
      ReviewPublisher.Outcome review = published.review();
      LOG.info("job {}: {} #{} at {}: {} finding(s), review {}", job.id(), w.repo(), w.prNumber(), w.headSha(),
          report.findings().size(), review);
      return Result.DONE;
    } catch (GitHubException e) {
      if (e.status() == 401) github.forget(w.installationId()); // mint a new token next time
      if (Thread.currentThread().isInterrupted()) throw new InterruptedException(e.getMessage());
      throw new JobFailure(e.getMessage(), e.transientFailure(), e.retryAfter(clock).orElse(null), e);
    } catch (SQLException e) {
      throw new JobFailure("job store: " + e.getMessage(), true, null, e);
    } catch (BoundedAnalyzer.AnalysisAborted e) {
      if (Thread.currentThread().isInterrupted()) throw new InterruptedException(e.getMessage());
      throw new JobFailure(e.getMessage(), false, null, e);
    } catch (RuntimeException e) {
      LOG.error("job {} failed", job.id(), e);
      throw new JobFailure("internal error: " + e, false, null, e);
    }
  }

  /** Ends the job's Check Run with a conclusion that says why (after the last failed attempt). */
  void reportFailure(Job job, String why) {
    WorkItem w = job.item();
    try {
      GitHubApi client = github.installation(w.installationId());
      GitHubRepo repo = new GitHubRepo(w.owner(), w.name());
      CheckRunRequest failed = CheckRunRequest.completed(CHECK_NAME, w.headSha(), "failure",
          "specgate could not analyse this pull request",
          "The analysis failed after " + job.attempts() + " attempt(s):\n\n" + MarkdownRenderer.codeBlock("", why)
              + "\n\nPress **Re-run** to try again.", List.of());
      if (job.checkRunId() != 0) client.updateCheckRun(repo, job.checkRunId(), failed);
      else client.createCheckRun(repo, failed.withExternalId(Integer.toString(w.prNumber())));
    } catch (RuntimeException e) {
      LOG.warn("job {}: could not report the failure on GitHub: {}", job.id(), e.getMessage());
    }
  }

  private void completeIfStarted(GitHubApi client, GitHubRepo repo, Job job, String conclusion, String title, String summary) {
    if (job.checkRunId() == 0) return;
    client.updateCheckRun(repo, job.checkRunId(),
        CheckRunRequest.completed(null, job.item().headSha(), conclusion, title, summary, List.of()));
  }

}
