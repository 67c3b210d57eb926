package dev.specgate.server;

import java.time.Duration;

/**
 * Timings of the job workers.
 *
 * @param lease how long a claim lasts without renewal; a dead worker's job is claimed again after it
 * @param poll how often an idle worker looks for due jobs (other replicas may have queued them)
 * @param maxAttempts claims before a failing job is given up and its Check Run says why
 * @param retryBase the first retry delay after a transient failure, doubled per attempt
 * @param retryMax the longest retry delay
 * @param shutdownGrace how long shutdown lets in-flight jobs finish before releasing them
 */
public record WorkerTuning(
    Duration lease, Duration poll, int maxAttempts, Duration retryBase, Duration retryMax, Duration shutdownGrace) {

  public static WorkerTuning defaults() {
    return new WorkerTuning(Duration.ofSeconds(90), Duration.ofSeconds(2), 6, Duration.ofSeconds(15),
        Duration.ofMinutes(30), Duration.ofSeconds(20));
  }

  public WorkerTuning withShutdownGrace(Duration d) {
    return new WorkerTuning(lease, poll, maxAttempts, retryBase, retryMax, d);
  }

  public WorkerTuning withLease(Duration d) {
    return new WorkerTuning(d, poll, maxAttempts, retryBase, retryMax, shutdownGrace);
  }

  /** Delay before the next attempt after {@code attempts} failed ones. */
  Duration backoff(int attempts) {
    Duration d = retryBase.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
    return d.compareTo(retryMax) > 0 ? retryMax : d;
  }
}
