package dev.specgate.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.kohsuke.github.GHException;
import org.kohsuke.github.HttpException;

/**
 * A GitHub API call that failed for good (after the retries that apply). {@code status} is the
 * HTTP status, or {@code 0} when no response came back (GitHub unreachable, timeout, interrupted).
 * {@link #transientFailure()} says whether trying again later may succeed; {@link RateLimited}
 * says when.
 */
public class GitHubException extends RuntimeException {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final int status;
  private final String body;

  public GitHubException(int status, String body, String message, Throwable cause) {
    super(message, cause);
    this.status = status;
    this.body = body == null ? "" : body;
  }

  public int status() {
    return status;
  }

  /** The response body GitHub sent (JSON with {@code message} and often {@code errors}). */
  public String body() {
    return body;
  }

  /**
   * True when the token may not do this: 403 (e.g. the read-only token of a fork pull request)
   * or 404 (GitHub answers 404 for resources the token cannot see).
   */
  public boolean isPermissionProblem() {
    return status == 403 || status == 404;
  }

  public boolean isValidationFailure() {
    return status == 422;
  }

  /**
   * Worth trying again later: GitHub unreachable, a server error, a rate limit, or 401 (an
   * installation token that expired under us is minted afresh next time).
   */
  public boolean transientFailure() {
    return status == 0 || status >= 500 || status == 429 || status == 401;
  }

  /** How long to wait before trying again, when GitHub said (see {@link RateLimited}). */
  public Optional<Duration> retryAfter(Clock clock) {
    return Optional.empty();
  }

  /**
   * The exception for what the library threw while {@code doing} (e.g. {@code "GET
   * /repos/o/r/pulls/1/files"}): the HTTP status and GitHub's own message, our {@link
   * RateLimited}, or the cause of an unreachable GitHub — never "null".
   */
  public static GitHubException of(String doing, Throwable thrown) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof GitHubException g) return g;
      if (t instanceof GuardedConnector.NoResponse u) return new GitHubException(0, "", u.getMessage(), thrown);
      if (t instanceof LimitHandlers.Deferred d) return new RateLimited(d.status, d.resetAt, doing, thrown);
    }
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof HttpException h && h.getResponseCode() > 0) {
        String body = h.getMessage() == null ? "" : h.getMessage();
        int status = h.getResponseCode();
        if (status == 403 && body.toLowerCase(Locale.ROOT).contains("rate limit")) {
          // a secondary limit without Retry-After: GitHub asks for at least a minute
          return new RateLimited(status, null, doing, thrown);
        }
        return new GitHubException(status, body, "GitHub " + doing + " answered " + status + said(body), thrown);
      }
      if (t instanceof FileNotFoundException f) {
        String body = f.getMessage() == null ? "" : f.getMessage();
        return new GitHubException(404, body, "GitHub " + doing + " answered 404: Not Found", thrown);
      }
    }
    Throwable root = thrown;
    while (root.getCause() != null && (root instanceof GHException || root.getMessage() == null)) root = root.getCause();
    String why = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    if (thrown instanceof java.io.InterruptedIOException) Thread.currentThread().interrupt();
    return new GitHubException(0, "", "GitHub " + doing + " failed: " + why, thrown);
  }

  /** GitHub's {@code message} and {@code errors}, or the start of a body that is not JSON. */
  private static String said(String body) {
    try {
      JsonNode n = JSON.readTree(body);
      if (n != null && n.isObject()) {
        String message = n.path("message").asText("");
        JsonNode errors = n.path("errors");
        if (errors.isArray() && !errors.isEmpty()) message += " " + errors;
        return message.isBlank() ? "" : ": " + message.trim();
      }
    } catch (IOException | RuntimeException ignored) {
      // not JSON: quote it
    }
    String t = body.strip();
    return t.isEmpty() ? "" : ": " + (t.length() > 300 ? t.substring(0, 300) + "…" : t);
  }
}
