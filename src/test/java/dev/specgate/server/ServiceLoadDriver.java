package dev.specgate.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.specgate.github.app.TestKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Load benchmark for {@code specgate serve} (run by {@code src/bench/service-load.sh}, not a test):
 * starts WireMock as GitHub, starts the service as a separate process with its embedded store,
 * fires rounds of N concurrent signed webhooks (one pull request each), and reports the
 * acknowledgement latency p50/p99, jobs completed per second and lost jobs (acknowledged but
 * never completed as a Check Run).
 *
 * <p>Arguments: {@code <classpath> <concurrency> <rounds> <workers> <workdir>}.
 */
public final class ServiceLoadDriver {
  private static final String SECRET = "bench-secret";
  private static final String HEAD = "1111111111111111111111111111111111111111";
  private static final String V1 = "CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);\n";
  private static final String V2 = "CREATE INDEX accounts_email_idx ON accounts (email);\n";

  /** Server-Timing durations (ns) of the measured rounds' deliveries. */
  private static final List<Long> SERVER_SIDE = Collections.synchronizedList(new ArrayList<>());

  /** Server-Timing CPU times (ns) of the measured rounds' deliveries. */
  private static final List<Long> SERVER_CPU = Collections.synchronizedList(new ArrayList<>());

  /** Server-Timing durations (ns) of the baseline's 204 answers (no store write). */
  private static final List<Long> BASELINE_SERVER_SIDE = Collections.synchronizedList(new ArrayList<>());

  private ServiceLoadDriver() {}

  public static void main(String[] args) throws Exception {
    String classpath = args[0];
    int concurrency = Integer.parseInt(args[1]);
    int rounds = Integer.parseInt(args[2]);
    int workers = Integer.parseInt(args[3]);
    Path work = Path.of(args[4]);
    Files.createDirectories(work);

    WireMockServer gh = new WireMockServer(options().dynamicPort().containerThreads(64).asynchronousResponseEnabled(true));
    gh.start();
    stubGitHub(gh);
    Path key = TestKeys.writePkcs1(work, TestKeys.keyPair());
    int port = freePort();

    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    // e.g. SPECGATE_BENCH_SERVICE_JVM_ARGS="-XX:StartFlightRecording=filename=service.jfr" to profile the service
    String jvmArgs = System.getenv().getOrDefault("SPECGATE_BENCH_SERVICE_JVM_ARGS", "").trim();
    if (!jvmArgs.isEmpty()) command.addAll(List.of(jvmArgs.split("\\s+")));
    command.addAll(List.of("-cp", classpath, "dev.specgate.cli.Main", "serve"));
    ProcessBuilder pb = new ProcessBuilder(command);
    pb.environment().put("SPECGATE_APP_ID", "123456");
    pb.environment().put("SPECGATE_PRIVATE_KEY_FILE", key.toString());
    pb.environment().put("SPECGATE_WEBHOOK_SECRET", SECRET);
    pb.environment().put("SPECGATE_GITHUB_API_URL", gh.baseUrl());
    pb.environment().put("SPECGATE_PORT", Integer.toString(port));
    pb.environment().put("SPECGATE_DATA_DIR", work.resolve("data").toString());
    pb.environment().put("SPECGATE_WORKERS", Integer.toString(workers));
    pb.environment().put("SPECGATE_CATCH_UP_MINUTES", "0"); // no GitHub delivery list in the fake
    pb.redirectErrorStream(true).redirectOutput(work.resolve("service.log").toFile());
    Process service = pb.start();
    HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    try {
      waitHealthy(http, port, service);
      // warm-up: JIT, connection set-up, engine classes (SPECGATE_BENCH_WARMUP_ROUNDS rounds, default 6:
      // after one round the JIT still compiled through the measured rounds, a long-running service's state it is not)
      int warmRounds = Integer.parseInt(System.getenv().getOrDefault("SPECGATE_BENCH_WARMUP_ROUNDS", "6"));
      List<Long> warm = new ArrayList<>();
      for (int r = 0; r < warmRounds; r++) warm.addAll(fire(http, port, concurrency, 1_000_000 + r * 10_000, "pull_request", 202));
      if (!waitDone(http, port, warm.size(), Duration.ofSeconds(120))) {
        // a fake GitHub the service no longer agrees with makes every job fail: say so, do not wait on
        throw new IllegalStateException("the warm-up's " + warm.size() + " jobs did not all complete; the service log ends:\n"
            + tail(work.resolve("service.log"), 15));
      }
      // baseline on the same machine: an event that is verified and answered 204 without touching the store
      BASELINE_SERVER_SIDE.clear();
      List<Long> baseline = new ArrayList<>();
      for (int r = 0; r < rounds; r++) baseline.addAll(fire(http, port, concurrency, 0, "issues", 204));
      Collections.sort(baseline);
      double doneBefore = metric(http, port, "specgate_jobs{state=\"done\"}");

      SERVER_SIDE.clear();
      SERVER_CPU.clear();
      List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
      int acked = 0;
      long start = System.nanoTime();
      for (int r = 0; r < rounds; r++) {
        List<Long> l = fire(http, port, concurrency, (r + 2) * 1_000_000, "pull_request", 202);
        latencies.addAll(l);
        acked += l.size();
      }
      long sent = System.nanoTime();
      boolean complete = waitDone(http, port, (long) doneBefore + acked, Duration.ofSeconds(300));
      long end = System.nanoTime();
      double done = metric(http, port, "specgate_jobs{state=\"done\"}") - doneBefore;
      int completedRuns = gh.countRequestsMatching(patchRequestedFor(urlMatching("/repos/acme/payments/check-runs/.*"))
          .withRequestBody(WireMock.containing("\"completed\"")).build()).getCount();

      List<Long> sorted = new ArrayList<>(latencies);
      Collections.sort(sorted);
      System.out.printf(Locale.ROOT, "machine: %d cores, load average %.1f%n", Runtime.getRuntime().availableProcessors(),
          java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      System.out.printf(Locale.ROOT, "service load: %d rounds x %d concurrent signed webhooks (%d deliveries), %d workers, embedded H2 store%n",
          rounds, concurrency, acked, workers);
      System.out.printf(Locale.ROOT, "ack latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms (all 202: %s)%n",
          pct(sorted, 50), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6, latencies.size() == acked);
      System.out.printf(Locale.ROOT, "baseline, same load of signed but irrelevant events (204, no store write): p50 %.1f ms, p99 %.1f ms%n",
          pct(baseline, 50), pct(baseline, 99));
      System.out.printf(Locale.ROOT, "server-side handling metric (verify, store, answer; incl. warm-up and baseline): p50 %.1f ms, p99 %.1f ms%n",
          metric(http, port, "specgate_webhook_handling_seconds{quantile=\"0.5\"}") * 1000,
          metric(http, port, "specgate_webhook_handling_seconds{quantile=\"0.99\"}") * 1000);
      List<Long> own = new ArrayList<>(SERVER_SIDE);
      Collections.sort(own);
      System.out.printf(Locale.ROOT, "service's own handling of the measured deliveries (verify, store, answer; Server-Timing): p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
          pct(own, 50), pct(own, 99), own.get(own.size() - 1) / 1e6);
      List<Long> ownCpu = new ArrayList<>(SERVER_CPU);
      Collections.sort(ownCpu);
      if (!ownCpu.isEmpty()) {
        System.out.printf(Locale.ROOT, "CPU time the handler's thread spent on them (Server-Timing cpu): p50 %.2f ms, p99 %.2f ms, sum %.0f ms%n",
            pct(ownCpu, 50), pct(ownCpu, 99), ownCpu.stream().mapToLong(Long::longValue).sum() / 1e6);
      }
      List<Long> ownBaseline = new ArrayList<>(BASELINE_SERVER_SIDE);
      Collections.sort(ownBaseline);
      System.out.printf(Locale.ROOT, "service's own handling of the baseline's 204s (verify, parse, no store): p50 %.1f ms, p99 %.1f ms%n",
          pct(ownBaseline, 50), pct(ownBaseline, 99));
      System.out.printf(Locale.ROOT, "load generator and network share (ack latency minus own handling): p50 %.1f ms, p99 %.1f ms%n",
          pct(sorted, 50) - pct(own, 50), pct(sorted, 99) - pct(own, 99));
      System.out.printf(Locale.ROOT, "jobs: %d done in %.1f s after the first delivery (%.1f jobs/s; sending took %.2f s)%n",
          (long) done, (end - start) / 1e9, done / ((end - start) / 1e9), (sent - start) / 1e9);
      System.out.printf(Locale.ROOT, "lost jobs: %d (acknowledged %d, completed %d; completed Check Run PATCHes seen by the fake GitHub: %d incl. warm-up)%s%n",
          acked - (long) done, acked, (long) done, completedRuns, complete ? "" : " — TIMED OUT");
    } finally {
      service.destroy(); // SIGTERM: graceful shutdown
      if (!service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) service.destroyForcibly();
      gh.stop();
    }
  }

  private static String tail(Path log, int lines) throws java.io.IOException {
    List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
    return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
  }

  private static double pct(List<Long> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i))) / 1e6;
  }

  /** Sends {@code n} deliveries at once (pull requests base+1..base+n); returns their latencies in ns. */
  private static List<Long> fire(HttpClient http, int port, int n, int base, String event, int expected) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Long>> results = new ArrayList<>();
    WebhookSignature sig = new WebhookSignature(SECRET.getBytes(StandardCharsets.UTF_8));
    for (int i = 1; i <= n; i++) {
      int pr = base + i;
      byte[] body = ("{\"action\":\"opened\",\"number\":" + pr + ",\"pull_request\":{\"number\":" + pr
          + ",\"state\":\"open\",\"head\":{\"sha\":\"" + HEAD + "\"},\"base\":{\"sha\":\"" + HEAD.replace('1', '2') + "\"}},"
          + "\"repository\":{\"full_name\":\"acme/payments\"},\"installation\":{\"id\":5000000001}}").getBytes(StandardCharsets.UTF_8);
      HttpRequest req = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhook"))
          .header("X-GitHub-Event", event).header("X-GitHub-Delivery", UUID.randomUUID().toString())
          .header("X-Hub-Signature-256", sig.header(body)).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
      results.add(pool.submit(() -> {
        go.await();
        long t0 = System.nanoTime();
        HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
        long t = System.nanoTime() - t0;
        if (r.statusCode() != expected) throw new IllegalStateException("delivery answered " + r.statusCode() + ": " + r.body());
        r.headers().firstValue("Server-Timing").ifPresent(h -> {
          Matcher m = Pattern.compile("handle;dur=([0-9.]+)").matcher(h);
          if (m.find()) ("pull_request".equals(event) ? SERVER_SIDE : BASELINE_SERVER_SIDE).add((long) (Double.parseDouble(m.group(1)) * 1e6));
          Matcher cpu = Pattern.compile("cpu;dur=([0-9.]+)").matcher(h);
          if (cpu.find() && "pull_request".equals(event)) SERVER_CPU.add((long) (Double.parseDouble(cpu.group(1)) * 1e6));
        });
        return t;
      }));
    }
    go.countDown();
    List<Long> out = new ArrayList<>();
    for (Future<Long> f : results) out.add(f.get());
    pool.shutdown();
    return out;
  }

  private static boolean waitDone(HttpClient http, int port, long target, Duration timeout) throws Exception {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (metric(http, port, "specgate_jobs{state=\"done\"}") >= target) return true;
      Thread.sleep(200);
    }
    return false;
  }

  private static double metric(HttpClient http, int port, String name) throws Exception {
    String text = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/metrics")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    Matcher m = Pattern.compile("^" + Pattern.quote(name) + " ([0-9.eE+-]+)$", Pattern.MULTILINE).matcher(text);
    return m.find() ? Double.parseDouble(m.group(1)) : 0;
  }

  private static void waitHealthy(HttpClient http, int port, Process service) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end) {
      if (!service.isAlive()) throw new IllegalStateException("the service exited with " + service.exitValue());
      try {
        if (http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/healthz")).build(),
            HttpResponse.BodyHandlers.ofString()).statusCode() == 200) return;
      } catch (java.io.IOException notYet) {
        // still starting
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("the service did not become healthy");
  }

  private static int freePort() throws Exception {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** GitHub for any pull request of acme/payments: one added migration on top of an existing table. */
  private static void stubGitHub(WireMockServer gh) {
    String repo = "/repos/acme/payments";
    gh.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404).withBody("{\"message\":\"Not Found\"}")));
    gh.stubFor(post(urlMatching("/app/installations/\\d+/access_tokens")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json")
        .withBody("{\"token\":\"ghs_bench\",\"expires_at\":\"" + Instant.now().plusSeconds(3600) + "\"}")));
    // the library reads the App and the installation (with the JWT) before minting a token
    gh.stubFor(get(urlMatching("/app")).willReturn(okJson("{\"id\":123456,\"slug\":\"specgate\",\"name\":\"specgate\"}")));
    gh.stubFor(get(urlMatching("/app/installations/\\d+")).willReturn(okJson("{\"id\":5000000001,\"app_id\":123456,"
        + "\"access_tokens_url\":\"" + gh.baseUrl() + "/app/installations/5000000001/access_tokens\"}")));
    gh.stubFor(get(urlMatching(repo)).willReturn(okJson("{\"id\":7,\"name\":\"payments\",\"full_name\":\"acme/payments\","
        + "\"owner\":{\"login\":\"acme\"},\"html_url\":\"https://github.com/acme/payments\"}")));
    gh.stubFor(get(urlMatching(repo + "/pulls/\\d+")).willReturn(okJson(
        "{\"state\":\"open\",\"draft\":false,\"head\":{\"sha\":\"" + HEAD + "\"},\"base\":{\"sha\":\"" + HEAD.replace('1', '2') + "\"}}")));
    gh.stubFor(get(urlPathMatching(repo + "/pulls/\\d+/files")).willReturn(okJson(
        "[{\"filename\":\"db/migrations/V2__idx.sql\",\"status\":\"added\",\"sha\":\"b2\",\"patch\":\"@@ -0,0 +1 @@\\n+"
            + V2.trim() + "\"}]")));
    gh.stubFor(get(urlMatching(repo + "/git/trees/.*")).willReturn(okJson("{\"truncated\":false,\"tree\":["
        + "{\"path\":\"db/migrations/V1__accounts.sql\",\"type\":\"blob\",\"sha\":\"b1\",\"size\":70},"
        + "{\"path\":\"db/migrations/V2__idx.sql\",\"type\":\"blob\",\"sha\":\"b2\",\"size\":50}]}")));
    gh.stubFor(get(urlMatching(repo + "/git/blobs/b1")).willReturn(okJson(blob(V1))));
    gh.stubFor(get(urlMatching(repo + "/git/blobs/b2")).willReturn(okJson(blob(V2))));
    gh.stubFor(get(urlPathMatching(repo + "/commits/.*/check-runs")).willReturn(okJson("{\"total_count\":0,\"check_runs\":[]}")));
    gh.stubFor(post(urlMatching(repo + "/check-runs")).willReturn(aResponse().withStatus(201)
        .withHeader("Content-Type", "application/json").withBody("{\"id\":8589934593,\"status\":\"in_progress\"}")));
    gh.stubFor(patch(urlMatching(repo + "/check-runs/\\d+")).willReturn(okJson("{\"id\":8589934593,\"status\":\"completed\"}")));
    gh.stubFor(get(urlPathMatching(repo + "/pulls/\\d+/(comments|reviews)")).willReturn(okJson("[]")));
    gh.stubFor(post(urlMatching(repo + "/pulls/\\d+/reviews")).willReturn(okJson("{\"id\":7000000007}")));
  }

  private static String blob(String text) {
    return "{\"encoding\":\"base64\",\"content\":\"" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8)) + "\"}";
  }
}
