package dev.specgate.github;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import org.kohsuke.github.connector.GitHubConnector;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;
import org.kohsuke.github.extras.HttpClientGitHubConnector;

/**
 * Every request specgate sends to GitHub passes here, wrapping the library's JDK {@link
 * HttpClient} connector:
 *
 * <ul>
 *   <li>our token goes only to the configured API host: a {@code Link} header (pagination) or any
 *       URL pointing elsewhere is refused before anything is sent;
 *   <li>a server error (5xx) is tried again with backoff ({@link CallPolicy}; the library retries
 *       only rate limits and dropped connections);
 *   <li>an unreachable GitHub fails with the host and the cause, not "null";
 *   <li>each response is reported to the {@link GitHubApi.Observer} (metrics: calls by status, rate limit
 *       remaining).
 * </ul>
 */
final class GuardedConnector implements GitHubConnector {
  /**
   * A request that got no response: GitHub could not be reached (DNS, refused, timeout, TLS), or
   * the request was refused here. The message says which host and why.
   */
  static final class NoResponse extends IOException {
    NoResponse(String message, Throwable cause) {
      super(message, cause);
    }
  }

  private final URI apiBase;
  private final GitHubConnector delegate;
  private final CallPolicy policy;
  private final GitHubApi.Observer observer;

  GuardedConnector(URI apiBase, HttpClient http, CallPolicy policy, GitHubApi.Observer observer) {
    this.apiBase = apiBase;
    this.delegate = new HttpClientGitHubConnector(http);
    this.policy = policy;
    this.observer = observer;
  }

  @Override
  public GitHubConnectorResponse send(GitHubConnectorRequest request) throws IOException {
    URL url = request.url();
    if (!sameOrigin(url)) {
      throw new NoResponse("refusing to send a request to " + url.getProtocol() + "://" + url.getAuthority()
          + ": it is not the configured GitHub API " + apiBase + " (a Link header or redirect pointing elsewhere)", null);
    }
    for (int attempt = 1; ; attempt++) {
      GitHubConnectorResponse response;
      observer.beforeCall();
      try {
        response = delegate.send(request);
      } catch (InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        observer.onCall(request.method(), -1, Map.of());
        throw new NoResponse("cannot reach GitHub at " + url.getAuthority() + " (" + request.method() + " "
            + url.getPath() + "): " + causes(e), e);
      }
      observer.onCall(request.method(), response.statusCode(), response.allHeaders());
      if (response.statusCode() < 500 || attempt >= policy.attempts()) return response;
      response.close();
      sleep(policy.backoff(attempt));
    }
  }

  /** "ConnectException, caused by ClosedChannelException": the JDK often leaves messages null. */
  private static String causes(Throwable e) {
    StringBuilder b = new StringBuilder();
    int n = 0;
    for (Throwable t = e; t != null && n < 3; t = t.getCause(), n++) {
      if (n > 0) b.append(", caused by ");
      b.append(t.getClass().getSimpleName());
      if (t.getMessage() != null && !t.getMessage().isBlank()) b.append(": ").append(t.getMessage());
    }
    return b.toString();
  }

  /** Whether {@code url} is on the configured API host (false for a malformed one). */
  boolean onApiHost(String url) {
    try {
      return sameOrigin(new URL(url));
    } catch (java.net.MalformedURLException e) {
      return false;
    }
  }

  private boolean sameOrigin(URL url) {
    return url.getProtocol().equalsIgnoreCase(apiBase.getScheme())
        && url.getHost().equalsIgnoreCase(apiBase.getHost())
        && port(url.getPort(), url.getProtocol()) == port(apiBase.getPort(), apiBase.getScheme());
  }

  private static int port(int port, String scheme) {
    return port != -1 ? port : "https".equalsIgnoreCase(scheme) ? 443 : 80;
  }

  private void sleep(Duration d) throws InterruptedIOException {
    try {
      policy.sleeper().sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw (InterruptedIOException) new InterruptedIOException("interrupted waiting to retry GitHub").initCause(e);
    }
  }
}
