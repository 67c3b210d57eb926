package dev.specgate.server;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * An {@link HttpClient} that counts every GitHub response by status and keeps the last
 * {@code x-ratelimit-remaining}, whichever client code (ours or the shared GitHub client) sends it.
 */
final class MeteredHttpClient extends HttpClient {
  private final HttpClient delegate;
  private final ServiceMetrics metrics;

  MeteredHttpClient(HttpClient delegate, ServiceMetrics metrics) {
    this.delegate = delegate;
    this.metrics = metrics;
  }

  /**
   * GitHub's wait hint from the last rate-limited (403/429) or failing (5xx) response this thread
   * received: the shared client reports only the status, and the job queue needs the hint to defer
   * a job until the limit resets.
   */
  private static final ThreadLocal<Duration> LAST_HINT = new ThreadLocal<>();
  private static final dev.specgate.github.app.AppRetryPolicy HINTS =
      new dev.specgate.github.app.AppRetryPolicy(1, Duration.ZERO, Duration.ZERO, java.time.Clock.systemUTC());

  /** Returns and clears this thread's last wait hint. */
  static Optional<Duration> takeHint() {
    Duration d = LAST_HINT.get();
    LAST_HINT.remove();
    return Optional.ofNullable(d);
  }

  private <T> HttpResponse<T> observe(HttpRequest req, HttpResponse<T> r) {
    metrics.githubCall(req.method(), r.statusCode());
    if (r.statusCode() == 403 || r.statusCode() == 429 || r.statusCode() >= 500) {
      HINTS.hint(r.statusCode(), r.headers()).ifPresent(LAST_HINT::set);
    }
    r.headers().firstValue("x-ratelimit-remaining").ifPresent(v -> {
      try {
        metrics.rateLimitRemaining(Long.parseLong(v.trim()));
      } catch (NumberFormatException ignored) {
        // not a number: keep the last value
      }
    });
    return r;
  }

  @Override
  public <T> HttpResponse<T> send(HttpRequest req, HttpResponse.BodyHandler<T> handler)
      throws IOException, InterruptedException {
    try {
      return observe(req, delegate.send(req, handler));
    } catch (IOException e) {
      metrics.githubCall(req.method(), -1);
      throw e;
    }
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest req, HttpResponse.BodyHandler<T> handler) {
    return delegate.sendAsync(req, handler).thenApply(r -> observe(req, r));
  }

  @Override
  public <T> CompletableFuture<HttpResponse<T>> sendAsync(
      HttpRequest req, HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
    return delegate.sendAsync(req, handler, push).thenApply(r -> observe(req, r));
  }

  @Override public Optional<CookieHandler> cookieHandler() { return delegate.cookieHandler(); }
  @Override public Optional<Duration> connectTimeout() { return delegate.connectTimeout(); }
  @Override public Redirect followRedirects() { return delegate.followRedirects(); }
  @Override public Optional<ProxySelector> proxy() { return delegate.proxy(); }
  @Override public SSLContext sslContext() { return delegate.sslContext(); }
  @Override public SSLParameters sslParameters() { return delegate.sslParameters(); }
  @Override public Optional<Authenticator> authenticator() { return delegate.authenticator(); }
  @Override public Version version() { return delegate.version(); }
  @Override public Optional<Executor> executor() { return delegate.executor(); }
}
