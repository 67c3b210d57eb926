package dev.specgate.github;

import java.time.Clock;
import java.time.Duration;

/**
 * When and how long to wait before repeating a GitHub call. Retried: 5xx, 429, a 403 that signals
 * a rate limit (a {@code retry-after} header, {@code x-ratelimit-remaining: 0}, or a "secondary
 * rate limit" message) and network errors. A plain 403 (missing permission) is never retried.
 *
 * <p>The wait honours {@code retry-after} (seconds), then {@code x-ratelimit-reset} (epoch
 * seconds) when the primary limit is spent; otherwise a rate-limit 403/429 waits at least {@link
 * #rateLimitFloor} (GitHub asks for a minute) and a 5xx backs off exponentially from {@link
 * #baseDelay}. A wait longer than {@link #maxWait} is not taken: the call fails instead, so a job
 * never sleeps for an hour on a spent quota.
 *
 * @param maxAttempts total attempts including the first (at least 1)
 */
public record RetryPolicy(
    int maxAttempts,
    Duration baseDelay,
    Duration rateLimitFloor,
    Duration maxWait,
    Sleeper sleeper,
    Clock clock) {

  /** Sleeps; tests pass one that records the waits instead. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  public RetryPolicy {
    if (maxAttempts < 1) throw new IllegalArgumentException("maxAttempts must be at least 1");
  }

  public static RetryPolicy defaults() {
    return new RetryPolicy(
        4, Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofMinutes(5),
        d -> Thread.sleep(d.toMillis()), Clock.systemUTC());
  }

  /** No retries at all. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, d -> { }, Clock.systemUTC());
  }

  public RetryPolicy withSleeper(Sleeper s) {
    return new RetryPolicy(maxAttempts, baseDelay, rateLimitFloor, maxWait, s, clock);
  }

  public RetryPolicy withClock(Clock c) {
    return new RetryPolicy(maxAttempts, baseDelay, rateLimitFloor, maxWait, sleeper, c);
  }

  /** Exponential backoff for attempt {@code n} (1 = first retry). */
  Duration backoff(int n) {
    long factor = 1L << Math.min(n - 1, 10);
    return baseDelay.multipliedBy(factor);
  }
}
