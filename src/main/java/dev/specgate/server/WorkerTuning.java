package dev.specgate.server;

import java.time.Duration;

/**
 * Timings of the job workers.
 *
 * @param deadAfter how long a running job's heartbeat may lapse before another replica takes it
 *     over (PostgreSQL); db-scheduler beats every quarter of it and looks for dead work every half,
 *     so a dead replica's job is picked up within 1.5 × this
 * @param poll how often an idle worker looks for due jobs (other replicas may have queued them)
 * @param maxAttempts runs before a failing job is given up and its Check Run says why
 * @param retryBase the first retry delay after a transient failure, doubled per attempt
 * @param retryMax the longest retry delay
 * @param shutdownGrace how long shutdown lets in-flight jobs finish
 */
public record WorkerTuning(
    Duration deadAfter, Duration poll, int maxAttempts, Duration retryBase, Duration retryMax, Duration shutdownGrace) {

  public static WorkerTuning defaults() {
    return new WorkerTuning(Duration.ofSeconds(18), Duration.ofSeconds(2), 6, Duration.ofSeconds(15),
        Duration.ofMinutes(30), Duration.ofSeconds(20));
  }

  public WorkerTuning withShutdownGrace(Duration d) {
    return new WorkerTuning(deadAfter, poll, maxAttempts, retryBase, retryMax, d);
  }

  public WorkerTuning withDeadAfter(Duration d) {
    return new WorkerTuning(d, poll, maxAttempts, retryBase, retryMax, shutdownGrace);
  }

  Duration heartbeat() {
    return deadAfter.dividedBy(4);
  }

  /** Delay before the next attempt after {@code attempts} failed ones. */
  Duration backoff(int attempts) {
    Duration d = retryBase.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
    return d.compareTo(retryMax) > 0 ? retryMax : d;
  }
}
