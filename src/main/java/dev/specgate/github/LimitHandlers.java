package dev.specgate.github;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import org.kohsuke.github.GHIOException;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubRateLimitHandler;
import org.kohsuke.github.connector.GitHubConnectorResponse;

/**
 * The library's rate-limit handlers, ours in how long they wait: {@code Retry-After} when GitHub
 * sends it, else until {@code x-ratelimit-reset} (plus a second) when the primary limit is spent,
 * else a minute. A wait within {@link CallPolicy#maxInlineWait()} is slept and the library
 * repeats the request; a longer one throws {@link Deferred}, which surfaces as {@link
 * RateLimited} carrying the reset time. The library's own handlers would sleep for up to an hour.
 */
final class LimitHandlers {
  private LimitHandlers() {}

  /** A limit the caller must not wait for inline. */
  static final class Deferred extends GHIOException {
    final int status;
    final Instant resetAt;

    Deferred(int status, Instant resetAt) {
      super("rate limit reached; resets at " + resetAt);
      this.status = status;
      this.resetAt = resetAt;
    }
  }

  /** Primary limit: 403 with {@code x-ratelimit-remaining: 0}. */
  static GitHubRateLimitHandler primary(CallPolicy policy) {
    return new GitHubRateLimitHandler() {
      @Override
      public void onError(GitHubConnectorResponse response) throws IOException {
        waitOrDefer(policy, response);
      }
    };
  }

  /** Secondary limit: 429, or 403 with {@code Retry-After}. */
  static GitHubAbuseLimitHandler secondary(CallPolicy policy) {
    return new GitHubAbuseLimitHandler() {
      @Override
      public void onError(GitHubConnectorResponse response) throws IOException {
        waitOrDefer(policy, response);
      }
    };
  }

  static void waitOrDefer(CallPolicy policy, GitHubConnectorResponse response) throws IOException {
    Duration wait = wait(policy, response);
    if (wait.compareTo(policy.maxInlineWait()) > 0) {
      throw new Deferred(response.statusCode(), policy.clock().instant().plus(wait));
    }
    try {
      policy.sleeper().sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw (InterruptedIOException) new InterruptedIOException("interrupted waiting for GitHub's rate limit").initCause(e);
    }
  }

  /** GitHub's own wait hint, or a minute. */
  static Duration wait(CallPolicy policy, GitHubConnectorResponse response) {
    Long retryAfter = number(response.header("Retry-After"));
    if (retryAfter != null) return Duration.ofSeconds(Math.max(0, retryAfter));
    Long reset = number(response.header("X-RateLimit-Reset"));
    if ("0".equals(response.header("X-RateLimit-Remaining")) && reset != null) {
      return Duration.ofSeconds(Math.max(1, reset - policy.clock().instant().getEpochSecond() + 1));
    }
    return RateLimited.DEFAULT_WAIT;
  }

  private static Long number(String s) {
    if (s == null) return null;
    try {
      return Long.parseLong(s.trim());
    } catch (NumberFormatException e) {
      return null; // an HTTP-date Retry-After: fall back to the other hints
    }
  }
}
