package dev.specgate.github;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * GitHub's rate limit (primary: {@code x-ratelimit-remaining: 0}; secondary: 429, or 403 with
 * {@code Retry-After} or a "secondary rate limit" message) asks for a longer wait than the caller
 * may spend inline ({@link CallPolicy#maxInlineWait()}). {@link #resetAt()} is when to try again:
 * the service's queue defers the job until then instead of sleeping a worker.
 */
public final class RateLimited extends GitHubException {
  /** GitHub's advice when it gives none: wait at least a minute. */
  static final Duration DEFAULT_WAIT = Duration.ofSeconds(61);
  private final Instant resetAt;

  RateLimited(int status, Instant resetAt, String doing, Throwable cause) {
    super(status, "", "GitHub " + doing + " answered " + status + ": rate limit reached"
        + (resetAt == null ? "" : ", it resets at " + resetAt), cause);
    this.resetAt = resetAt;
  }

  /** When GitHub said the limit resets, or empty when it did not say (then wait a minute). */
  public Optional<Instant> resetAt() {
    return Optional.ofNullable(resetAt);
  }

  @Override
  public boolean transientFailure() {
    return true;
  }

  @Override
  public Optional<Duration> retryAfter(Clock clock) {
    if (resetAt == null) return Optional.of(DEFAULT_WAIT);
    Duration d = Duration.between(clock.instant(), resetAt);
    return Optional.of(d.isNegative() ? Duration.ZERO : d);
  }
}
