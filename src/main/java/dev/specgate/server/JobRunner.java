package dev.specgate.server;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.ExecutionHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one queue execution: starts the job in the store, calls {@link JobProcessor}, and records
 * the outcome. A transient failure reschedules the execution with backoff (or GitHub's own wait);
 * anything else, {@code Error}s included, ends the job FAILED with a Check Run that says why. A
 * job that stalled its worker twice (the process died or hung while running it) is quarantined.
 * Nothing escapes: the worker thread always comes back to the queue.
 */
final class JobRunner implements ExecutionHandler<Void> {
  private static final Logger LOG = LoggerFactory.getLogger(JobRunner.class);
  /** Starts that never ended before a job is given up rather than tried again. */
  static final int MAX_STALLS = 2;

  private final JobStore store;
  private final JobProcessor processor;
  private final ServiceMetrics metrics;
  private final WorkerTuning tuning;
  private final Clock clock;
  private volatile boolean stopping;

  JobRunner(JobStore store, JobProcessor processor, ServiceMetrics metrics, WorkerTuning tuning, Clock clock) {
    this.store = store;
    this.processor = processor;
    this.metrics = metrics;
    this.tuning = tuning;
    this.clock = clock;
  }

  void stopping() {
    stopping = true;
  }

  @Override
  public CompletionHandler<Void> execute(TaskInstance<Void> instance, ExecutionContext context) {
    try {
      Optional<Job> begun = store.begin(instance.getId());
      if (begun.isEmpty()) return done(); // superseded or finished meanwhile
      return run(begun.get());
    } catch (Throwable e) { // the store failed, or worse: try the execution again later
      LOG.error("execution {}: {}", instance.getId(), Secrets.redact(String.valueOf(e)));
      return retryAt(clock.instant().plus(tuning.retryBase()));
    }
  }

  private CompletionHandler<Void> run(Job job) throws Exception {
    if (job.stalls() >= MAX_STALLS) {
      String why = "quarantined: the analysis of this pull request stopped its worker " + job.stalls()
          + " times (the service died or hung while running it), so it is not tried again";
      LOG.warn("job {}: {}", job.id(), why);
      fail(job, why, "quarantined");
      return done();
    }
    try {
      JobProcessor.Result result = processor.process(job);
      JobState state = result == JobProcessor.Result.DONE ? JobState.DONE : JobState.SUPERSEDED;
      store.finish(job.id(), state, null);
      metrics.jobFinished(state.name().toLowerCase(Locale.ROOT));
      if (state == JobState.DONE) metrics.endToEnd(Duration.ofMillis(clock.millis() - job.receivedAtMillis()));
      return done();
    } catch (InterruptedException e) {
      Thread.interrupted();
      return giveBack(job);
    } catch (JobFailure f) {
      if (stopping && Thread.interrupted()) return giveBack(job);
      String message = Secrets.redact(f.getMessage());
      if (f.transientFailure() && job.attempts() < tuning.maxAttempts()) {
        Duration wait = tuning.backoff(job.attempts());
        if (f.retryAfter().isPresent() && f.retryAfter().get().compareTo(wait) > 0) wait = f.retryAfter().get();
        LOG.info("job {}: attempt {} failed ({}); retrying in {} s", job.id(), job.attempts(), message, wait.toSeconds());
        store.retryLater(job.id(), message);
        metrics.jobFinished("retry");
        return retryAt(clock.instant().plus(wait));
      }
      LOG.warn("job {}: giving up after {} attempt(s): {}", job.id(), job.attempts(), message);
      fail(job, message, "failed");
      return done();
    } catch (Throwable t) { // an Error outside the bounded analysis: the job fails, the worker lives
      String why = "internal error: " + t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
      LOG.error("job {}: {}", job.id(), Secrets.redact(why), t);
      fail(job, Secrets.redact(why), "failed");
      return done();
    }
  }

  private void fail(Job job, String why, String outcome) throws Exception {
    processor.reportFailure(store.job(job.id()).orElse(job), why);
    store.finish(job.id(), JobState.FAILED, why);
    metrics.jobFinished(outcome);
  }

  /** Shutdown interrupted the job: back to the queue, and the attempt does not count. */
  private CompletionHandler<Void> giveBack(Job job) {
    try {
      store.release(job.id());
      LOG.info("job {}: released for the next start", job.id());
    } catch (Exception e) {
      LOG.warn("job {}: cannot release: {}", job.id(), Secrets.redact(String.valueOf(e.getMessage())));
    }
    return retryAt(clock.instant());
  }

  private static CompletionHandler<Void> done() {
    return new CompletionHandler.OnCompleteRemove<>();
  }

  private static CompletionHandler<Void> retryAt(Instant when) {
    return (complete, operations) -> operations.reschedule(complete, when);
  }
}
