package dev.specgate.server;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's Prometheus metrics: deliveries by event and outcome, jobs by state, analysis and
 * end-to-end latency, GitHub calls by status, and the rate limit GitHub last reported.
 */
public final class ServiceMetrics {
  private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final Map<JobState, AtomicLong> jobsByState = new EnumMap<>(JobState.class);
  private final AtomicLong rateLimitRemaining = new AtomicLong(-1);
  private final Timer analysis;
  private final Timer endToEnd;
  private final Timer webhookHandling;

  public ServiceMetrics() {
    for (JobState s : JobState.values()) {
      AtomicLong v = new AtomicLong();
      jobsByState.put(s, v);
      Gauge.builder("specgate_jobs", v, AtomicLong::get).description("jobs in the store by state")
          .tag("state", s.name().toLowerCase(java.util.Locale.ROOT)).register(registry);
    }
    Gauge.builder("specgate_github_rate_limit_remaining", rateLimitRemaining, AtomicLong::get)
        .description("x-ratelimit-remaining of the last GitHub response (-1 before any)").register(registry);
    analysis = Timer.builder("specgate_analysis").description("engine run time per job")
        .publishPercentiles(0.5, 0.99).register(registry);
    webhookHandling = Timer.builder("specgate_webhook_handling").description("time to verify, store and answer one delivery")
        .publishPercentiles(0.5, 0.99).register(registry);
    endToEnd = Timer.builder("specgate_job_end_to_end").description("from webhook receipt to the completed Check Run")
        .publishPercentiles(0.5, 0.99).register(registry);
  }

  /**
   * Counts a delivery. {@code event} must be a label we chose ({@link WebhookEvents#label}), never a
   * raw header: a label per distinct header value would let anyone grow the registry.
   */
  public void delivery(String event, String outcome) {
    Counter.builder("specgate_webhook_deliveries").description("webhook deliveries by event and outcome")
        .tag("event", event).tag("outcome", outcome)
        .register(registry).increment();
  }

  /**
   * Counts what the job store made of a delivery the inbox took in: {@code queued},
   * {@code deduplicated} (its work was queued or done already) or {@code duplicate} (its id was stored).
   */
  public void inboxStored(String outcome) {
    Counter.builder("specgate_inbox_stored").description("deliveries moved from the inbox journal to the job store, by outcome")
        .tag("outcome", outcome).register(registry).increment();
  }

  /** Deliveries acknowledged and written to the inbox journal, not yet in the job store. */
  void inboxPending(java.util.function.Supplier<Number> pending) {
    Gauge.builder("specgate_inbox_pending", pending).description("acknowledged deliveries not yet moved to the job store")
        .register(registry);
  }

  /** Counts the catch-up's findings: {@code redelivered}, {@code redelivery_failed}. */
  public void catchUp(String outcome, int n) {
    Counter.builder("specgate_missed_deliveries").description("failed webhook deliveries found by the catch-up, by outcome")
        .tag("outcome", outcome).register(registry).increment(n);
  }

  /** An analysis overran its budget and its thread was left to finish on its own. */
  public void analysisAbandoned() {
    Counter.builder("specgate_analysis_abandoned").description("analyses that overran their wall-clock budget")
        .register(registry).increment();
  }

  public void jobFinished(String outcome) {
    Counter.builder("specgate_jobs_finished").description("jobs finished by outcome").tag("outcome", outcome)
        .register(registry).increment();
  }

  public void githubCall(String method, int status) {
    Counter.builder("specgate_github_calls").description("GitHub API calls by method and status")
        .tag("method", method).tag("status", status < 0 ? "error" : Integer.toString(status))
        .register(registry).increment();
  }

  /** One GitHub response (status -1: none came): counted, and its rate limit remaining kept. */
  public void githubResponse(String method, int status, java.util.Map<String, java.util.List<String>> headers) {
    githubCall(method, status);
    headers.forEach((name, values) -> {
      if (name != null && name.equalsIgnoreCase("x-ratelimit-remaining") && !values.isEmpty()) {
        try {
          rateLimitRemaining(Long.parseLong(values.get(0).trim()));
        } catch (NumberFormatException ignored) {
          // not a number: keep the last value
        }
      }
    });
  }

  public void rateLimitRemaining(long remaining) {
    rateLimitRemaining.set(remaining);
  }

  public void analysed(Duration d) {
    analysis.record(d);
  }

  public void webhookHandled(long nanos) {
    webhookHandling.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
  }

  public void endToEnd(Duration d) {
    endToEnd.record(d);
  }

  public void jobStates(Map<JobState, Long> counts) {
    counts.forEach((s, n) -> jobsByState.get(s).set(n));
  }

  public String scrape() {
    return registry.scrape();
  }
}
