package dev.specgate.server;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Worker threads that claim jobs from the store and run them, never on a request thread. A claim
 * is renewed while the job runs; a transient failure puts the job back with exponential backoff
 * (or GitHub's own wait); after the last attempt the Check Run says why. On shutdown the workers
 * stop claiming, in-flight jobs get a grace period, and whatever is still running is released
 * back to the queue.
 */
final class WorkerPool {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerPool.class);

  private final JobStore store;
  private final JobProcessor processor;
  private final ServiceMetrics metrics;
  private final WorkerTuning tuning;
  private final Clock clock;
  private final String instanceId;
  private final List<Thread> threads = new ArrayList<>();
  private final Map<Thread, Job> inFlight = new ConcurrentHashMap<>();
  private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "specgate-lease-renewer");
    t.setDaemon(true);
    return t;
  });
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition work = lock.newCondition();
  private volatile boolean stopping;
  private int signals;

  WorkerPool(JobStore store, JobProcessor processor, ServiceMetrics metrics, WorkerTuning tuning, Clock clock, String instanceId) {
    this.store = store;
    this.processor = processor;
    this.metrics = metrics;
    this.tuning = tuning;
    this.clock = clock;
    this.instanceId = instanceId;
  }

  void start(int workers) {
    for (int i = 0; i < workers; i++) {
      String id = instanceId + "-w" + i;
      Thread t = new Thread(() -> loop(id), "specgate-worker-" + i);
      threads.add(t);
      t.start();
    }
  }

  /** New work was queued: wake an idle worker now rather than at the next poll. */
  void wake() {
    lock.lock();
    try {
      signals++;
      work.signal();
    } finally {
      lock.unlock();
    }
  }

  private void idle() throws InterruptedException {
    lock.lock();
    try {
      if (signals == 0) work.await(tuning.poll().toMillis(), TimeUnit.MILLISECONDS);
      if (signals > 0) signals--;
    } finally {
      lock.unlock();
    }
  }

  private void loop(String workerId) {
    while (!stopping) {
      Optional<Job> claimed;
      try {
        claimed = store.claim(workerId, tuning.lease());
      } catch (SQLException e) {
        LOG.warn("{}: cannot claim a job: {}", workerId, e.getMessage());
        claimed = Optional.empty();
      }
      if (claimed.isEmpty()) {
        try {
          idle();
        } catch (InterruptedException e) {
          if (stopping) return;
        }
        continue;
      }
      run(workerId, claimed.get());
    }
  }

  private void run(String workerId, Job job) {
    inFlight.put(Thread.currentThread(), job);
    ScheduledFuture<?> renewal = renewer.scheduleAtFixedRate(() -> {
      try {
        if (!store.renew(job.id(), workerId, tuning.lease())) LOG.warn("job {}: lease lost", job.id());
      } catch (SQLException e) {
        LOG.warn("job {}: lease renewal failed: {}", job.id(), e.getMessage());
      }
    }, tuning.lease().toMillis() / 3, tuning.lease().toMillis() / 3, TimeUnit.MILLISECONDS);
    try {
      JobProcessor.Result result = processor.process(job);
      renewal.cancel(false);
      Thread.interrupted(); // an interrupt that came too late to matter: record the outcome
      JobState state = result == JobProcessor.Result.DONE ? JobState.DONE : JobState.SUPERSEDED;
      if (store.finish(job.id(), workerId, state, null)) {
        metrics.jobFinished(state.name().toLowerCase(java.util.Locale.ROOT));
        if (state == JobState.DONE) metrics.endToEnd(Duration.ofMillis(clock.millis() - job.receivedAtMillis()));
      }
    } catch (InterruptedException e) {
      renewal.cancel(false);
      Thread.interrupted();
      release(job, workerId);
    } catch (JobFailure f) {
      renewal.cancel(false);
      boolean interrupted = Thread.interrupted();
      if (stopping && interrupted) {
        release(job, workerId);
      } else {
        failed(workerId, job, f);
      }
    } catch (SQLException e) {
      renewal.cancel(false);
      LOG.warn("job {}: the store failed: {}", job.id(), e.getMessage());
    } finally {
      inFlight.remove(Thread.currentThread());
    }
  }

  private void failed(String workerId, Job job, JobFailure f) {
    try {
      if (f.transientFailure() && job.attempts() < tuning.maxAttempts()) {
        Duration wait = tuning.backoff(job.attempts());
        if (f.retryAfter().isPresent() && f.retryAfter().get().compareTo(wait) > 0) wait = f.retryAfter().get();
        LOG.info("job {}: attempt {} failed ({}); retrying in {} s", job.id(), job.attempts(), f.getMessage(), wait.toSeconds());
        store.retryLater(job.id(), workerId, Instant.ofEpochMilli(clock.millis()).plus(wait), f.getMessage());
        metrics.jobFinished("retry");
      } else {
        LOG.warn("job {}: giving up after {} attempt(s): {}", job.id(), job.attempts(), f.getMessage());
        processor.reportFailure(job, f.getMessage());
        store.finish(job.id(), workerId, JobState.FAILED, f.getMessage());
        metrics.jobFinished("failed");
      }
    } catch (SQLException e) {
      LOG.warn("job {}: cannot record the failure: {}", job.id(), e.getMessage());
    }
  }

  private void release(Job job, String workerId) {
    try {
      store.release(job.id(), workerId);
      LOG.info("job {}: released for another worker", job.id());
    } catch (SQLException e) {
      LOG.warn("job {}: cannot release (its lease will expire): {}", job.id(), e.getMessage());
    }
  }

  /** Stops claiming, lets in-flight jobs finish within the grace period, then releases the rest. */
  void stop() {
    stopping = true;
    lock.lock();
    try {
      work.signalAll();
    } finally {
      lock.unlock();
    }
    long deadline = System.nanoTime() + tuning.shutdownGrace().toNanos();
    for (Thread t : threads) {
      try {
        long left = Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime()));
        t.join(left); // idle workers were woken above and see the flag
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (Thread t : threads) if (t.isAlive()) t.interrupt();
    for (Thread t : threads) {
      try {
        t.join(5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    renewer.shutdownNow();
  }

  int inFlightCount() {
    return inFlight.size();
  }
}
