package dev.specgate.github;

/**
 * A GitHub API call that failed for good (after retries where they apply). {@code status} is the
 * HTTP status, or {@code 0} when no response came back (network error, timeout, interrupted).
 */
public final class GitHubException extends RuntimeException {
  private final int status;
  private final String method;
  private final String path;
  private final String body;

  public GitHubException(int status, String method, String path, String body, String message) {
    super(message);
    this.status = status;
    this.method = method;
    this.path = path;
    this.body = body == null ? "" : body;
  }

  public GitHubException(String method, String path, String message, Throwable cause) {
    super(message, cause);
    this.status = 0;
    this.method = method;
    this.path = path;
    this.body = "";
  }

  public int status() {
    return status;
  }

  public String method() {
    return method;
  }

  public String path() {
    return path;
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
}
