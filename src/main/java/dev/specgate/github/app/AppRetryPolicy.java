package dev.specgate.github.app;

import java.net.http.HttpHeaders;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/**
 * When to try a GitHub call again, following GitHub's rate-limit guidance: on 403/429 wait for
 * {@code retry-after} if present, else until {@code x-ratelimit-reset} when
 * {@code x-ratelimit-remaining} is 0, else back off exponentially (at least a minute for a
 * secondary limit); on 5xx back off exponentially. A plain 403 (permissions) is not retried.
 */
public final class AppRetryPolicy {
  private final int maxAttempts;
  private final Duration base;
  private final Duration maxInlineWait;
  private final Clock clock;

  /**
   * @param maxAttempts calls per request including the first
   * @param base the first backoff; doubled per attempt
   * @param maxInlineWait the longest wait spent inside one call; longer hints are handed back to
   *     the job queue as a deferral instead of blocking a worker
   */
  public AppRetryPolicy(int maxAttempts, Duration base, Duration maxInlineWait, Clock clock) {
    this.maxAttempts = maxAttempts;
    this.base = base;
    this.maxInlineWait = maxInlineWait;
    this.clock = clock;
  }

  public static AppRetryPolicy standard() {
    return new AppRetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(20), Clock.systemUTC());
  }

  public int maxAttempts() {
    return maxAttempts;
  }

  public Duration maxInlineWait() {
    return maxInlineWait;
  }

  /** True when a response with this status and headers is worth retrying. */
  public static boolean retryable(int status, HttpHeaders headers) {
    if (status >= 500 || status == 429) return true;
    if (status == 403) {
      return headers.firstValue("retry-after").isPresent()
          || headers.firstValue("x-ratelimit-remaining").map("0"::equals).orElse(false);
    }
    return false;
  }

  /** GitHub's own wait hint, if any. */
  public Optional<Duration> hint(int status, HttpHeaders headers) {
    Optional<String> retryAfter = headers.firstValue("retry-after");
    if (retryAfter.isPresent()) {
      try {
        return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.get().trim()))));
      } catch (NumberFormatException ignored) {
        // HTTP-date form: fall through to the other hints
      }
    }
    if ((status == 403 || status == 429)
        && headers.firstValue("x-ratelimit-remaining").map("0"::equals).orElse(false)) {
      Optional<String> reset = headers.firstValue("x-ratelimit-reset");
      if (reset.isPresent()) {
        try {
          long wait = Long.parseLong(reset.get().trim()) - clock.instant().getEpochSecond();
          return Optional.of(Duration.ofSeconds(Math.max(1, wait)));
        } catch (NumberFormatException ignored) {
          // no usable reset time
        }
      }
    }
    return Optional.empty();
  }

  /** The wait before attempt {@code attempt + 1} (attempt counts from 1). */
  public Duration backoff(int attempt, int status, HttpHeaders headers) {
    Optional<Duration> hinted = headers == null ? Optional.empty() : hint(status, headers);
    if (hinted.isPresent()) return hinted.get();
    Duration exp = base.multipliedBy(1L << Math.min(10, attempt - 1));
    // a secondary rate limit without a hint: GitHub asks for at least a minute
    if (status == 403 || status == 429) return exp.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : exp;
    return exp;
  }
}
