package dev.specgate.server;

import java.time.Duration;
import java.util.Optional;

/**
 * Why a job attempt failed. A transient failure (GitHub 5xx, rate limit, network) is retried
 * later, not before {@code retryAfter} when GitHub gave one; a permanent one ends the job with a
 * Check Run that says why.
 */
final class JobFailure extends Exception {
  private final boolean transientFailure;
  private final Duration retryAfter;

  JobFailure(String message, boolean transientFailure, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.transientFailure = transientFailure;
    this.retryAfter = retryAfter;
  }

  boolean transientFailure() {
    return transientFailure;
  }

  Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
