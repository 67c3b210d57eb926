package dev.specgate.server;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.Finding;
import dev.specgate.core.SourceFile;
import dev.specgate.engine.ConfigException;
import dev.specgate.engine.Report;
import dev.specgate.github.Annotation;
import dev.specgate.github.CheckRunPublisher;
import dev.specgate.github.CheckRunRequest;
import dev.specgate.github.GitHubClient;
import dev.specgate.github.GitHubException;
import dev.specgate.github.GitHubRepo;
import dev.specgate.github.RetryPolicy;
import dev.specgate.github.ReviewPublisher;
import dev.specgate.github.app.AppHttp;
import dev.specgate.github.app.GitHubCallException;
import dev.specgate.github.app.InstallationTokens;
import dev.specgate.report.FindingFingerprints;
import dev.specgate.report.MarkdownRenderer;
import java.net.http.HttpClient;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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

  private final String appId;
  private final AppHttp http;
  private final HttpClient httpClient;
  private final InstallationTokens tokens;
  private final RetryPolicy clientRetry;
  private final Analyzer analyzer;
  private final JobStore store;
  private final ServiceMetrics metrics;
  private final Clock clock;

  JobProcessor(String appId, AppHttp http, HttpClient httpClient, InstallationTokens tokens, RetryPolicy clientRetry,
      Analyzer analyzer, JobStore store, ServiceMetrics metrics, Clock clock) {
    this.appId = appId;
    this.http = http;
    this.httpClient = httpClient;
    this.tokens = tokens;
    this.clientRetry = clientRetry;
    this.analyzer = analyzer;
    this.store = store;
    this.metrics = metrics;
    this.clock = clock;
  }

  Result process(Job job) throws JobFailure, InterruptedException {
    WorkItem w = job.item();
    MeteredHttpClient.takeHint(); // a hint from an earlier job on this thread does not apply
    try {
      String token = tokens.token(w.installationId());
      GitHubClient client = new GitHubClient(http.apiBase(), () -> token, httpClient, clientRetry);
      RepoReads reads = new RepoReads(http, token);
      GitHubRepo repo = new GitHubRepo(w.owner(), w.name());

      RepoReads.PullRequestState pr = reads.pullRequest(w);
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
      if (runId != 0 && "completed".equals(reads.checkRunStatus(w, runId))) {
        // an earlier attempt completed the run and died before recording it: posting again
        // would only append the annotations a second time
        LOG.info("job {}: Check Run {} is already completed", job.id(), runId);
        return Result.DONE;
      }
      if (runId == 0) {
        // a run left in progress by an attempt that died before recording it; a completed one
        // belongs to an earlier analysis (a re-run gets a fresh run)
        Optional<RepoReads.ExistingRun> existing = reads.existingCheckRun(w, CHECK_NAME, appId);
        if (existing.isPresent() && !existing.get().completed()) {
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
        snapshot = new PullRequestSource(client, reads).fetch(w, pr.baseSha());
      } catch (ConfigException e) {
        client.updateCheckRun(repo, runId, CheckRunRequest.completed(null, w.headSha(), "failure",
            "Invalid " + PullRequestSource.CONFIG_FILE, "specgate could not read its configuration:\n\n```\n" + e.getMessage() + "\n```", List.of()));
        return Result.DONE;
      }
      Instant started = clock.instant();
      Report report = analyzer.analyse(snapshot.changes(), snapshot.config().forPullRequest(pr.draft()));
      metrics.analysed(Duration.between(started, clock.instant()));

      if (store.superseded(job) || !reads.pullRequest(w).headSha().equalsIgnoreCase(w.headSha())) {
        client.updateCheckRun(repo, runId, CheckRunRequest.completed(null, w.headSha(), "neutral", "Superseded",
            "A newer commit was pushed while this one was analysed; its results were dropped.", List.of()));
        return Result.SUPERSEDED;
      }

      List<Annotation> annotations = new ArrayList<>();
      for (Finding f : report.findings()) annotations.add(CheckRunPublisher.annotation(f));
      ReviewPublisher.Outcome review = null;
      String note = null;
      try {
        review = new ReviewPublisher(client).publish(repo, w.prNumber(), w.headSha(),
            reviewItems(report, snapshot.changes()), title(report));
      } catch (GitHubException e) {
        if (!e.isPermissionProblem() && !e.isValidationFailure()) throw e;
        note = "The review could not be posted (" + e.getMessage() + "); the findings are in the annotations.";
      }
      String summary = MarkdownRenderer.render(report, MarkdownRenderer.Options.defaults().withNote(note));
      client.updateCheckRun(repo, runId, CheckRunRequest.completed(null, w.headSha(),
          report.failed() ? "failure" : "success", title(report), summary, annotations));
      LOG.info("job {}: {} #{} at {}: {} finding(s), review {}", job.id(), w.repo(), w.prNumber(), w.headSha(),
          report.findings().size(), review);
      return Result.DONE;
    } catch (GitHubCallException e) {
      if (e.status() == 401) tokens.invalidate(w.installationId());
      throw new JobFailure(e.getMessage(), e.transientFailure() || e.status() == 401, e.retryAfter().orElse(null), e);
    } catch (GitHubException e) {
      if (e.status() == 401) tokens.invalidate(w.installationId());
      Optional<Duration> hint = MeteredHttpClient.takeHint();
      // a 403 is a rate limit only when GitHub says so; otherwise it is a missing permission
      boolean rateLimited = e.status() == 403
          && (hint.isPresent() || e.body().toLowerCase(java.util.Locale.ROOT).contains("rate limit"));
      boolean again = e.status() == 0 || e.status() >= 500 || e.status() == 429 || e.status() == 401 || rateLimited;
      if (Thread.currentThread().isInterrupted()) throw new InterruptedException(e.getMessage());
      throw new JobFailure(e.getMessage(), again, hint.orElse(null), e);
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
      String token = tokens.token(w.installationId());
      GitHubClient client = new GitHubClient(http.apiBase(), () -> token, httpClient, RetryPolicy.none());
      GitHubRepo repo = new GitHubRepo(w.owner(), w.name());
      CheckRunRequest failed = CheckRunRequest.completed(CHECK_NAME, w.headSha(), "failure",
          "specgate could not analyse this pull request",
          "The analysis failed after " + job.attempts() + " attempt(s):\n\n```\n" + why
              + "\n```\n\nPress **Re-run** to try again.", List.of());
      if (job.checkRunId() != 0) client.updateCheckRun(repo, job.checkRunId(), failed);
      else client.createCheckRun(repo, failed.withExternalId(Integer.toString(w.prNumber())));
    } catch (GitHubCallException | RuntimeException e) {
      LOG.warn("job {}: could not report the failure on GitHub: {}", job.id(), e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  static List<ReviewPublisher.Item> reviewItems(Report report, ChangeSet changes) {
    List<String> fingerprints = FindingFingerprints.of(report, changes);
    List<ReviewPublisher.Item> items = new ArrayList<>();
    for (int i = 0; i < report.findings().size(); i++) {
      Finding f = report.findings().get(i);
      items.add(new ReviewPublisher.Item(f, fingerprints.get(i), headText(f, changes)));
    }
    return items;
  }

  /** The finding's lines at head, or null when the file's text is not at hand. */
  static String headText(Finding f, ChangeSet changes) {
    String content = changes.file(f.file()).map(SourceFile::content).orElse(null);
    if (content == null) return null;
    String[] lines = content.split("\n", -1);
    int from = f.line() - 1;
    int to = Math.min(lines.length, Math.max(f.line(), f.location().endLine()));
    if (from < 0 || from >= to) return null;
    return String.join("\n", java.util.Arrays.asList(lines).subList(from, to));
  }

  private void completeIfStarted(GitHubClient client, GitHubRepo repo, Job job, String conclusion, String title, String summary) {
    if (job.checkRunId() == 0) return;
    client.updateCheckRun(repo, job.checkRunId(),
        CheckRunRequest.completed(null, job.item().headSha(), conclusion, title, summary, List.of()));
  }

  static String title(Report r) {
    long e = r.count(dev.specgate.core.Severity.ERROR);
    long wn = r.count(dev.specgate.core.Severity.WARNING);
    long n = r.count(dev.specgate.core.Severity.NOTICE);
    if (e + wn + n == 0) return "No problems found";
    return e + " error" + (e == 1 ? "" : "s") + ", " + wn + " warning" + (wn == 1 ? "" : "s") + ", " + n + " notice" + (n == 1 ? "" : "s");
  }
}
