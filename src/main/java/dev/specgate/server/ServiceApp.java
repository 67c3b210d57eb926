package dev.specgate.server;

import dev.specgate.github.CallPolicy;
import dev.specgate.github.GitHubApi;
import dev.specgate.github.app.AppJwt;
import dev.specgate.github.app.GitHubApps;
import dev.specgate.github.app.PemPrivateKeys;
import io.javalin.Javalin;
import java.security.interfaces.RSAPrivateKey;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GitHub App service, wired by hand: the Javalin server ({@code POST /webhook},
 * {@code GET /healthz}, {@code GET /metrics}), the durable job store and the worker pool.
 * {@link #stop()} lets in-flight HTTP requests finish (Jetty's graceful handler), then stops the
 * workers, releasing jobs they could not finish, and closes the store.
 */
public final class ServiceApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceApp.class);

  private final ServiceSettings settings;
  private final JobStore store;
  private final ServiceMetrics metrics;
  private final WorkerPool workers;
  private final Javalin javalin;
  private volatile boolean stopped;

  private ServiceApp(ServiceSettings settings, JobStore store, ServiceMetrics metrics, WorkerPool workers, Javalin javalin) {
    this.settings = settings;
    this.store = store;
    this.metrics = metrics;
    this.workers = workers;
    this.javalin = javalin;
  }

  /**
   * Builds and starts the service.
   *
   * @param githubCalls how GitHub calls wait (tests shorten the waits)
   */
  public static ServiceApp start(ServiceSettings settings, Analyzer analyzer, WorkerTuning tuning, CallPolicy githubCalls)
      throws PemPrivateKeys.InvalidPrivateKeyException, SQLException {
    RSAPrivateKey key = PemPrivateKeys.load(settings.privateKeyFile());
    Clock clock = Clock.systemUTC();
    ServiceMetrics metrics = new ServiceMetrics();
    GitHubApps github = new GitHubApps(settings.githubApiUrl(), new AppJwt(settings.appId(), key, clock),
        githubCalls, metrics::githubResponse);
    JobStore store = JobStore.open(settings.databaseUrl(), settings.databaseUser(), settings.databasePassword(),
        settings.workers() + 8, clock);
    String instance = UUID.randomUUID().toString().substring(0, 8);
    JobProcessor processor = new JobProcessor(github, analyzer, store, metrics, clock);
    WorkerPool workers = new WorkerPool(store, processor, metrics, tuning, clock, instance);
    store.onDispatched(workers::wake);
    WebhookHandler webhook = new WebhookHandler(new WebhookSignature(settings.webhookSecret()), store, metrics, workers::wake);

    Javalin javalin = Javalin.create(cfg -> {
      cfg.startup.showJavalinBanner = false;
      cfg.http.maxRequestSize = WebhookHandler.MAX_BODY;
      // dispatch on the headers, so a request whose body is still arriving counts as in flight
      cfg.jetty.modifyHttpConfiguration(hc -> hc.setDelayDispatchUntilContent(false));
      cfg.jetty.modifyServer(server -> {
        server.setStopTimeout(10_000);
        server.insertHandler(new GracefulHandler());
      });
      cfg.routes.post("/webhook", webhook::handle);
      cfg.routes.get("/healthz", ctx -> {
        try {
          store.countsByState();
          ctx.contentType("application/json").result("{\"status\":\"ok\"}");
        } catch (SQLException e) {
          ctx.status(503).contentType("application/json").result("{\"status\":\"job store unavailable\"}");
        }
      });
      cfg.routes.get("/metrics", ctx -> {
        try {
          metrics.jobStates(store.countsByState());
        } catch (SQLException e) {
          LOG.warn("metrics: cannot count jobs: {}", e.getMessage());
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
      });
    });
    ServiceApp app = new ServiceApp(settings, store, metrics, workers, javalin);
    try {
      javalin.start(settings.port());
    } catch (RuntimeException e) {
      store.close();
      throw e;
    }
    workers.start(settings.workers());
    LOG.info("specgate serve: listening on port {}, {} worker(s), job store {}", javalin.port(), settings.workers(),
        store.postgres() ? "PostgreSQL" : "embedded H2");
    return app;
  }

  public int port() {
    return javalin.port();
  }

  public JobStore store() {
    return store;
  }

  public synchronized void stop() {
    if (stopped) return;
    stopped = true;
    javalin.stop();
    workers.stop();
    store.close();
    LOG.info("specgate serve: stopped");
  }

  @Override
  public void close() {
    stop();
  }
}
