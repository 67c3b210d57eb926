package dev.specgate.github.app;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * The service's HTTP transport to the GitHub REST API: JSON in and out, GitHub's headers, retries
 * per {@link AppRetryPolicy}, and a listener that sees every response (metrics: calls by status,
 * rate-limit remaining). Waits longer than the policy's inline limit are not slept through: the
 * call fails with the hint so the job queue can defer the job instead of blocking a worker.
 */
public final class AppHttp {
  /** Sees every response (or status -1 for a network error). */
  public interface CallListener {
    void onCall(String method, int status, HttpHeaders headers);

    CallListener NONE = (m, s, h) -> {};
  }

  /** One response: status, headers and body. */
  public record Response(int status, HttpHeaders headers, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public boolean ok() {
      return status >= 200 && status < 300;
    }
  }

  private final URI apiBase;
  private final HttpClient client;
  private final AppRetryPolicy retry;
  private final CallListener listener;

  public AppHttp(URI apiBase, HttpClient client, AppRetryPolicy retry, CallListener listener) {
    String base = apiBase.toString();
    this.apiBase = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    this.client = client;
    this.retry = retry;
    this.listener = listener;
  }

  public URI apiBase() {
    return apiBase;
  }

  /**
   * Sends a request, retrying rate limits and server errors. Returns any response that is not
   * retryable (2xx, 404, 422, …); throws when retries are exhausted or the wait is too long.
   *
   * @param path an absolute path ({@code /repos/…}) or a full URL from a Link header
   * @param authorization the full header value ({@code Bearer …} or {@code token …})
   */
  public Response send(String method, String path, String authorization, String jsonBody, String accept)
      throws GitHubCallException, InterruptedException {
    URI uri = path.startsWith("http") ? URI.create(path) : URI.create(apiBase + path);
    int attempt = 0;
    while (true) {
      attempt++;
      HttpRequest.Builder b = HttpRequest.newBuilder(uri)
          .timeout(Duration.ofSeconds(30))
          .header("Accept", accept == null ? "application/vnd.github+json" : accept)
          .header("X-GitHub-Api-Version", "2022-11-28")
          .header("User-Agent", "specgate");
      if (authorization != null) b.header("Authorization", authorization);
      if (jsonBody != null) {
        b.header("Content-Type", "application/json");
        b.method(method, HttpRequest.BodyPublishers.ofString(jsonBody, StandardCharsets.UTF_8));
      } else {
        b.method(method, HttpRequest.BodyPublishers.noBody());
      }
      int status;
      HttpHeaders headers;
      Response response = null;
      try {
        HttpResponse<byte[]> r = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        status = r.statusCode();
        headers = r.headers();
        response = new Response(status, headers, r.body());
        listener.onCall(method, status, headers);
      } catch (IOException e) {
        status = -1;
        headers = null;
        listener.onCall(method, -1, HttpHeaders.of(java.util.Map.of(), (x, y) -> true));
        if (attempt >= retry.maxAttempts()) {
          throw new GitHubCallException(method + " " + uri.getPath() + " failed: " + e.getMessage(), -1, true, null);
        }
      }
      if (response != null && !AppRetryPolicy.retryable(status, headers)) return response;
      Duration wait = retry.backoff(attempt, status, headers);
      if (attempt >= retry.maxAttempts() || wait.compareTo(retry.maxInlineWait()) > 0) {
        Optional<Duration> hint = headers == null ? Optional.empty() : retry.hint(status, headers);
        throw new GitHubCallException(
            method + " " + uri.getPath() + " answered " + status + describe(response) + " after " + attempt + " attempt(s)",
            status, true, hint.orElse(wait));
      }
      Thread.sleep(wait.toMillis());
    }
  }

  private static String describe(Response r) {
    if (r == null) return "";
    String t = r.text();
    return t.isBlank() ? "" : ": " + (t.length() > 300 ? t.substring(0, 300) + "…" : t);
  }

  /** Fails unless the response is 2xx. */
  public static Response expectOk(String what, Response r) throws GitHubCallException {
    if (r.ok()) return r;
    throw new GitHubCallException(what + " answered " + r.status() + describe(r), r.status(), false, null);
  }
}
