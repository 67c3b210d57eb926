package dev.specgate.server;

import dev.specgate.github.CallPolicy;
import dev.specgate.github.GitHubApi;
import dev.specgate.github.app.AppJwt;
import dev.specgate.github.app.GitHubApps;
import dev.specgate.github.app.HookDeliveries;
import dev.specgate.github.app.PemPrivateKeys;
import io.javalin.Javalin;
import java.io.IOException;
import java.security.interfaces.RSAPrivateKey;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.server.handler.GracefulHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GitHub App service, wired by hand: the Javalin server ({@code POST /webhook},
 * {@code GET /healthz}, {@code GET /metrics}), the durable job store, the job queue's workers and
 * the periodic delivery catch-up. {@link #stop()} lets in-flight HTTP requests finish (Jetty's
 * graceful handler), then moves what the delivery inbox holds into the store, stops the workers,
 * releasing jobs they could not finish, and closes the store.
 */
public final class ServiceApp implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceApp.class);

  private final JobStore store;
  private final DeliveryInbox inbox;
  private final JobQueue queue;
  private final Javalin javalin;
  private final ScheduledExecutorService catchUp;
  private volatile boolean stopped;

  private ServiceApp(JobStore store, DeliveryInbox inbox, JobQueue queue, Javalin javalin, ScheduledExecutorService catchUp) {
    this.store = store;
    this.inbox = inbox;
    this.queue = queue;
    this.javalin = javalin;
    this.catchUp = catchUp;
  }

  /**
   * Builds and starts the service.
   *
   * @param githubCalls how GitHub calls wait (tests shorten the waits)
   */
  public static ServiceApp start(ServiceSettings settings, Analyzer analyzer, WorkerTuning tuning, CallPolicy githubCalls)
      throws PemPrivateKeys.InvalidPrivateKeyException, SQLException, IOException {
    RSAPrivateKey key = PemPrivateKeys.load(settings.privateKeyFile());
    Clock clock = Clock.systemUTC();
    ServiceMetrics metrics = new ServiceMetrics();
    AnswersFirst answers = new AnswersFirst();
    GitHubApps github = new GitHubApps(settings.githubApiUrl(), new AppJwt(settings.appId(), key, clock),
        githubCalls, new GitHubApi.Observer() {
          @Override
          public void onCall(String method, int status, java.util.Map<String, java.util.List<String>> headers) {
            metrics.githubResponse(method, status, headers);
          }

          @Override
          public void beforeCall() {
            answers.yieldToAnswers();
          }
        });
    JobStore store = JobStore.open(settings.databaseUrl(), settings.databaseUser(), settings.databasePassword(),
        settings.workers() + 8, clock);
    // the embedded store takes deliveries through a journal (see DeliveryInbox); PostgreSQL stores them before the 202
    DeliveryInbox inbox = null;
    if (!store.postgres()) {
      try {
        inbox = DeliveryInbox.open(settings.dataDir().resolve("inbox"), store, metrics, answers);
      } catch (IOException | SQLException | RuntimeException e) {
        store.close();
        throw e;
      }
    }
    Intake intake = inbox != null ? inbox : store;
    String instance = UUID.randomUUID().toString().substring(0, 8);
    Analyzer bounded = new BoundedAnalyzer(analyzer, settings.analysisBudget(), settings.maxFileBytes(),
        settings.dryRunMaxDatabaseMb(), metrics, answers);
    JobProcessor processor = new JobProcessor(github, bounded, store, metrics, clock);
    JobQueue queue;
    try {
      queue = JobQueue.start(store, new JobRunner(store, processor, metrics, tuning, clock), settings.workers(),
          tuning.withDeadAfter(settings.deadAfter()), instance);
    } catch (SQLException | RuntimeException e) {
      if (inbox != null) inbox.close();
      store.close();
      throw e;
    }
    WebhookHandler webhook = new WebhookHandler(new WebhookSignature(settings.webhookSecret()), intake, metrics, answers);

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
          LOG.warn("metrics: cannot count jobs: {}", Secrets.redact(e.getMessage()));
        }
        ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
      });
    });
    try {
      javalin.start(settings.port());
    } catch (RuntimeException e) {
      if (inbox != null) inbox.close();
      queue.close();
      store.close();
      throw e;
    }
    ScheduledExecutorService catchUp = startCatchUp(settings, github, intake, metrics, clock);
    LOG.info("specgate serve: listening on port {}, {} worker(s), job store {}", javalin.port(), settings.workers(),
        store.postgres() ? "PostgreSQL" : "embedded H2");
    return new ServiceApp(store, inbox, queue, javalin, catchUp);
  }

  /** Once at start, then every interval: redeliver what GitHub failed to deliver to us. */
  private static ScheduledExecutorService startCatchUp(ServiceSettings settings, GitHubApps github, Intake intake,
      ServiceMetrics metrics, Clock clock) {
    if (settings.catchUpInterval().isZero()) return null;
    DeliveryCatchUp catchUp = new DeliveryCatchUp(new HookDeliveries(github.app()),
        intake::knows, metrics, clock);
    // look back over three intervals (a missed pass is covered by the next), at least an hour, at most GitHub's 3 days
    Duration window = settings.catchUpInterval().multipliedBy(3);
    if (window.compareTo(Duration.ofHours(1)) < 0) window = Duration.ofHours(1);
    if (window.compareTo(Duration.ofDays(3)) > 0) window = Duration.ofDays(3);
    Duration lookBack = window;
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread t = new Thread(r, "specgate-catch-up");
      t.setDaemon(true);
      return t;
    });
    timer.scheduleWithFixedDelay(() -> {
      try {
        catchUp.run(lookBack, true);
      } catch (Throwable e) { // a failed pass must not cancel the next ones
        LOG.warn("catch-up: {}", Secrets.redact(String.valueOf(e.getMessage())));
      }
    }, 0, settings.catchUpInterval().toMillis(), TimeUnit.MILLISECONDS);
    return timer;
  }

  public int port() {
    return javalin.port();
  }

  public JobStore store() {
    return store;
  }

  /** Deliveries acknowledged and not yet in the store (always 0 on PostgreSQL, which stores before the 202). */
  int pendingDeliveries() {
    return inbox == null ? 0 : inbox.pending();
  }

  public synchronized void stop() {
    if (stopped) return;
    stopped = true;
    if (catchUp != null) catchUp.shutdownNow();
    javalin.stop();
    if (inbox != null) inbox.close(); // stores what it took in while the queue can still schedule it
    queue.close();
    store.close();
    LOG.info("specgate serve: stopped");
  }

  @Override
  public void close() {
    stop();
  }
}
