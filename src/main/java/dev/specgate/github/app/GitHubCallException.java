package dev.specgate.github.app;

import java.time.Duration;
import java.util.Optional;

/**
 * A GitHub call that failed. {@code retryAfter} is GitHub's own hint (Retry-After, or the time
 * until the rate-limit reset) when it gave one; {@code transientFailure} is true for 403/429 rate
 * limits, 5xx and network errors, which are worth trying again later.
 */
public class GitHubCallException extends Exception {
  private final int status;
  private final boolean transientFailure;
  private final Duration retryAfter;

  public GitHubCallException(String message, int status, boolean transientFailure, Duration retryAfter) {
    super(message);
    this.status = status;
    this.transientFailure = transientFailure;
    this.retryAfter = retryAfter;
  }

  public int status() {
    return status;
  }

  public boolean transientFailure() {
    return transientFailure;
  }

  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
