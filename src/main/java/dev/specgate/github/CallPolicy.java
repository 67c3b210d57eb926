package dev.specgate.github;

import java.time.Clock;
import java.time.Duration;

/**
 * How a GitHub call may wait: a server error (5xx) is tried {@code attempts} times in all, backing
 * off exponentially from {@code serverErrorBackoff}; a rate limit is waited for inline only when
 * GitHub's wait is at most {@code maxInlineWait} — a longer one fails with {@link RateLimited}
 * (the Action may wait minutes; the service defers the job instead of blocking a worker).
 */
public record CallPolicy(int attempts, Duration serverErrorBackoff, Duration maxInlineWait, Sleeper sleeper, Clock clock) {
  /** Sleeps; tests pass one that records the waits instead. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration d) throws InterruptedException;
  }

  public CallPolicy {
    if (attempts < 1) throw new IllegalArgumentException("attempts must be at least 1");
  }

  /** For {@code specgate action}: a job may wait up to five minutes for a limit to reset. */
  public static CallPolicy action() {
    return new CallPolicy(3, Duration.ofSeconds(2), Duration.ofMinutes(5), d -> Thread.sleep(d.toMillis()), Clock.systemUTC());
  }

  /**
   * For the service: a worker never sleeps for a rate limit (any wait throws {@link RateLimited}
   * and the queue defers the job until the reset, so the worker serves other pull requests), and
   * a 5xx gets one quick retry after a second — a lone 502 blip then costs a second, not a re-run
   * of the whole job; a GitHub that keeps failing goes to the queue's growing backoff.
   */
  public static CallPolicy service() {
    return new CallPolicy(2, Duration.ofSeconds(1), Duration.ZERO, d -> Thread.sleep(d.toMillis()), Clock.systemUTC());
  }

  public CallPolicy withSleeper(Sleeper s) {
    return new CallPolicy(attempts, serverErrorBackoff, maxInlineWait, s, clock);
  }

  public CallPolicy withClock(Clock c) {
    return new CallPolicy(attempts, serverErrorBackoff, maxInlineWait, sleeper, c);
  }

  /** The wait after failed attempt {@code n} (1 = the first). */
  Duration backoff(int n) {
    return serverErrorBackoff.multipliedBy(1L << Math.min(n - 1, 10));
  }
}
