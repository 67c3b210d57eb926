package dev.specgate.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import dev.specgate.github.app.TestKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a real {@code specgate serve} process while it runs a job, then a restart:
 * the interrupted job completes. Embedded store: at once (within 10 s of the restart). PostgreSQL:
 * when the dead instance's heartbeat lapses.
 */
class KillRestartTest {
  @TempDir Path dir;

  private static List<FakeGitHub.RepoFile> indexChange() {
    return List.of(
        new FakeGitHub.RepoFile("db/migrations/V1__accounts.sql", ServiceTest.V1, null, null),
        new FakeGitHub.RepoFile("db/migrations/V2__idx.sql", ServiceTest.V2, "added", FakeGitHub.addedPatch(ServiceTest.V2)));
  }

  @Test
  void embeddedStoreCompletesTheInterruptedJobRightAfterRestart() throws Exception {
    Duration tookAfterHealthy = killAndRestart(Map.of(), Duration.ofSeconds(10));
    assertThat(tookAfterHealthy).isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void postgresReplicaTakesOverWhenTheDeadOnesHeartbeatLapses() throws Exception {
    try (EmbeddedPostgres pg = EmbeddedPostgres.builder().setPGStartupWait(Duration.ofSeconds(30)).start()) {
      Duration took = killAndRestart(Map.of(ServiceSettings.DATABASE_URL, pg.getJdbcUrl("postgres", "postgres"),
          ServiceSettings.DEAD_AFTER, "4"), Duration.ofSeconds(30));
      // lapse 4 s, dead executions looked for every 2 s, polled every 2 s
      assertThat(took).isLessThan(Duration.ofSeconds(15));
    }
  }

  /**
   * 40 deliveries at once, {@code kill -9} as soon as the last is answered: whatever was still in
   * the inbox journal and not yet in the store is stored by the next start, so every acknowledged
   * delivery is a job.
   */
  @Test
  void everyAcknowledgedDeliveryIsAJobAfterAKillRightAfterTheAnswers() throws Exception {
    try (FakeGitHub gh = new FakeGitHub(TestKeys.keyPair()).pullRequest(indexChange())) {
      // no job gets far in either process: the installation token never comes
      gh.wm.stubFor(post(urlEqualTo("/app/installations/" + FakeGitHub.INSTALLATION + "/access_tokens"))
          .atPriority(0).willReturn(aResponse().withStatus(201).withFixedDelay(120_000)));
      Path key = TestKeys.writePkcs1(dir, TestKeys.keyPair());
      int port = freePort();
      int deliveries = 40;
      Process first = serve(gh, key, port, Map.of(), "first.log");
      try {
        awaitHealthy(port, first);
        java.util.concurrent.ExecutorService senders = java.util.concurrent.Executors.newFixedThreadPool(deliveries);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int pr = 1; pr <= deliveries; pr++) {
          String payload = ServiceHarness.pullRequestEvent("opened", FakeGitHub.HEAD, Integer.toString(1000 + pr));
          answers.add(senders.submit(() -> ServiceHarness.send(port, "pull_request", ServiceHarness.delivery(), payload).statusCode()));
        }
        for (java.util.concurrent.Future<Integer> a : answers) assertThat(a.get()).isEqualTo(202);
      } finally {
        first.destroyForcibly();
        first.waitFor();
      }
      Process second = serve(gh, key, port, Map.of(), "second.log");
      try {
        awaitHealthy(port, second);
        String metrics = ServiceHarness.get(port, "/metrics");
        double jobs = 0;
        for (String line : metrics.split("\n")) {
          if (line.startsWith("specgate_jobs{")) jobs += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
        }
        assertThat(jobs).as("jobs after the restart; the metrics read:\n" + metrics).isEqualTo(deliveries);
        String log = java.nio.file.Files.readString(dir.resolve("second.log"));
        System.out.println("kill -9 after the answers: " + (log.contains("read back from the journal")
            ? log.substring(log.indexOf("inbox: ")).lines().findFirst().orElse("") : "everything was in the store already"));
      } finally {
        second.destroyForcibly();
        second.waitFor();
      }
    }
  }

  /** Returns how long after the restarted service answered /healthz the job's Check Run completed. */
  private Duration killAndRestart(Map<String, String> extraEnv, Duration timeout) throws Exception {
    try (FakeGitHub gh = new FakeGitHub(TestKeys.keyPair()).pullRequest(indexChange())) {
      // the first process stalls in its job: the installation token never comes
      StubMapping stall = gh.wm.stubFor(post(urlEqualTo("/app/installations/" + FakeGitHub.INSTALLATION + "/access_tokens"))
          .atPriority(0).willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
              .withBody("{\"token\":\"" + FakeGitHub.TOKEN + "\",\"expires_at\":\"" + Instant.now().plusSeconds(3600) + "\"}")
              .withFixedDelay(120_000)));
      Path key = TestKeys.writePkcs1(dir, TestKeys.keyPair());
      int port = freePort();
      Process first = serve(gh, key, port, extraEnv, "first.log");
      try {
        awaitHealthy(port, first);
        String payload = ServiceHarness.pullRequestEvent("opened", FakeGitHub.HEAD);
        assertThat(ServiceHarness.send(port, "pull_request", ServiceHarness.delivery(), payload).statusCode()).isEqualTo(202);
        ServiceHarness.await("the job is running", Duration.ofSeconds(30),
            () -> !gh.requests("POST", "/app/installations/").isEmpty());
      } finally {
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no release
        first.waitFor();
      }
      gh.wm.removeStub(stall);
      assertThat(completedRuns(gh)).isZero();

      Process second = serve(gh, key, port, extraEnv, "second.log");
      try {
        long launched = System.nanoTime();
        awaitHealthy(port, second);
        long healthy = System.nanoTime();
        ServiceHarness.await("the interrupted job's Check Run completes", timeout, () -> completedRuns(gh) == 1);
        long done = System.nanoTime();
        System.out.printf("kill -9 restart: launch to completed Check Run %d ms, healthy to completed %d ms%n",
            (done - launched) / 1_000_000, (done - healthy) / 1_000_000);
        return Duration.ofNanos(done - healthy);
      } finally {
        second.destroy();
        if (!second.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) second.destroyForcibly();
      }
    }
  }

  private static long completedRuns(FakeGitHub gh) {
    return gh.requests("PATCH", "/repos/acme/payments/check-runs/").stream()
        .filter(r -> r.getBodyAsString().contains("\"completed\"")).count();
  }

  private Process serve(FakeGitHub gh, Path key, int port, Map<String, String> extraEnv, String log) throws Exception {
    return serve(dir, gh, key, port, extraEnv, log, "-Xmx256m");
  }

  /** Starts {@code specgate serve} as a process of its own on this test's classpath. */
  static Process serve(Path dir, FakeGitHub gh, Path key, int port, Map<String, String> extraEnv, String log, String heap)
      throws Exception {
    ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), heap,
        "-cp", System.getProperty("java.class.path"), "dev.specgate.cli.Main", "serve");
    Map<String, String> env = pb.environment();
    env.put(ServiceSettings.APP_ID, FakeGitHub.APP_ID);
    env.put(ServiceSettings.PRIVATE_KEY_FILE, key.toString());
    env.put(ServiceSettings.WEBHOOK_SECRET, ServiceHarness.SECRET);
    env.put(ServiceSettings.GITHUB_API_URL, gh.url());
    env.put(ServiceSettings.PORT, Integer.toString(port));
    env.put(ServiceSettings.DATA_DIR, dir.resolve("data").toString());
    env.put(ServiceSettings.WORKERS, "1");
    env.put(ServiceSettings.CATCH_UP, "0");
    env.putAll(extraEnv);
    pb.redirectErrorStream(true).redirectOutput(dir.resolve(log).toFile());
    return pb.start();
  }

  private void awaitHealthy(int port, Process p) throws Exception {
    awaitHealthy(dir, port, p);
  }

  static void awaitHealthy(Path dir, int port, Process p) throws Exception {
    long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (System.nanoTime() < end) {
      if (!p.isAlive()) {
        throw new AssertionError("the service exited with " + p.exitValue() + "; see its log in " + dir);
      }
      try {
        HttpResponse<String> r = ServiceHarness.HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/healthz"))
            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) return;
      } catch (java.io.IOException notYet) {
        // still starting
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the service did not become healthy");
  }

  static int freePort() throws Exception {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
