package dev.specgate.server;

import static dev.specgate.server.ServiceHarness.await;
import static dev.specgate.server.ServiceHarness.delivery;
import static dev.specgate.server.ServiceHarness.pullRequestEvent;
import static dev.specgate.server.ServiceHarness.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.specgate.engine.Analysis;
import dev.specgate.github.app.TestKeys;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What one pull request (or anyone on the network) can send must not stop the service: over HTTP,
 * with ONE worker, a hostile analysis ends in a failure Check Run and the next pull request's
 * Check Run still completes.
 */
class ServiceHardeningTest {
  private static final int NEXT_PR = 43;

  @TempDir Path dir;
  private final ObjectMapper json = new ObjectMapper();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
  }

  private FakeGitHub github() throws Exception {
    FakeGitHub gh = new FakeGitHub(TestKeys.keyPair()).pullRequest(List.of(
        new FakeGitHub.RepoFile("db/migrations/V1__accounts.sql", ServiceTest.V1, null, null),
        new FakeGitHub.RepoFile("db/migrations/V2__accounts_email_idx.sql", ServiceTest.V2, "added",
            FakeGitHub.addedPatch(ServiceTest.V2)))).anotherPullRequest(NEXT_PR);
    open.add(gh);
    return gh;
  }

  private ServiceApp start(FakeGitHub gh, Analyzer analyzer, Duration budget, long maxFileBytes) throws Exception {
    ServiceSettings settings = ServiceHarness.settings(dir, gh.url(), ServiceHarness.h2(dir), 1)
        .withLimits(budget, maxFileBytes, Duration.ZERO);
    ServiceApp app = ServiceApp.start(settings, analyzer, ServiceHarness.FAST, ServiceHarness.CLIENT_RETRY);
    open.add(app);
    return app;
  }

  /** The first analysis is hostile; later ones are the real engine. */
  private static Analyzer firstCall(Analyzer hostile) {
    AtomicInteger calls = new AtomicInteger();
    return (changes, config) -> calls.incrementAndGet() == 1 ? hostile.analyse(changes, config) : Analysis.run(changes, config);
  }

  private static int depth(int n) {
    return depth(n + 1) + 1; // recursion whose depth the input would control: a real StackOverflowError
  }

  private List<JsonNode> completions(FakeGitHub gh) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (LoggedRequest r : gh.requests("PATCH", "/repos/acme/payments/check-runs/")) {
      JsonNode b = json.readTree(r.getBodyAsString());
      if ("completed".equals(b.path("status").asText())) out.add(b);
    }
    for (LoggedRequest r : gh.requests("POST", "/repos/acme/payments/check-runs")) {
      JsonNode b = json.readTree(r.getBodyAsString());
      if ("completed".equals(b.path("status").asText())) out.add(b);
    }
    return out;
  }

  private void hostileThenNext(FakeGitHub gh, ServiceApp app, String expectedWhy) throws Exception {
    assertThat(send(app.port(), "pull_request", delivery(), pullRequestEvent("opened", FakeGitHub.HEAD)).statusCode()).isEqualTo(202);
    await("the hostile job's failure Check Run", Duration.ofSeconds(30), () -> {
      try {
        return completions(gh).size() == 1;
      } catch (Exception e) {
        return false;
      }
    });
    JsonNode failure = completions(gh).get(0);
    assertThat(failure.path("conclusion").asText()).isEqualTo("failure");
    assertThat(failure.path("output").path("title").asText()).isEqualTo("specgate could not analyse this pull request");
    assertThat(failure.path("output").path("summary").asText()).contains(expectedWhy);

    assertThat(send(app.port(), "pull_request", delivery(), pullRequestEvent("opened", FakeGitHub.HEAD, "43")).statusCode())
        .isEqualTo(202);
    await("the next pull request's Check Run completes", Duration.ofSeconds(30), () -> {
      try {
        return completions(gh).size() == 2;
      } catch (Exception e) {
        return false;
      }
    });
    JsonNode next = completions(gh).get(1);
    assertThat(next.path("output").path("summary").asText()).contains("index-not-concurrent");
    assertThat(gh.requests("POST", "/repos/acme/payments/check-runs").stream()
        .anyMatch(r -> r.getBodyAsString().contains("\"external_id\":\"43\""))).isTrue();
    await("both jobs recorded", Duration.ofSeconds(10), () -> {
      try {
        return app.store().countsByState().get(JobState.DONE) == 1;
      } catch (SQLException e) {
        return false;
      }
    });
    assertThat(app.store().all()).extracting(j -> j.item().prNumber() + ":" + j.state())
        .containsExactlyInAnyOrder("42:FAILED", "43:DONE");
  }

  /** The pull request writes its own .specgate.yml: it may lower the dry run's disk budget, not raise it. */
  @Test
  void aPullRequestCannotRaiseTheDryRunsDiskBudget() throws Exception {
    List<Long> seen = java.util.Collections.synchronizedList(new ArrayList<>());
    for (String yml : List.of("dryRunMaxDatabaseMb: 1000000\n", "dryRunMaxDatabaseMb: 64\n")) {
      FakeGitHub gh = new FakeGitHub(TestKeys.keyPair()).pullRequest(List.of(
          new FakeGitHub.RepoFile(".specgate.yml", yml, null, null),
          new FakeGitHub.RepoFile("db/migrations/V1__accounts.sql", ServiceTest.V1, null, null),
          new FakeGitHub.RepoFile("db/migrations/V2__accounts_email_idx.sql", ServiceTest.V2, "added",
              FakeGitHub.addedPatch(ServiceTest.V2))));
      open.add(gh);
      Path own = java.nio.file.Files.createDirectories(dir.resolve("service-" + seen.size())); // a store each
      ServiceApp app = ServiceApp.start(ServiceHarness.settings(own, gh.url(), ServiceHarness.h2(own), 1)
          .withLimits(Duration.ofSeconds(60), 2_000_000, Duration.ZERO), (changes, config) -> {
            seen.add(config.dryRunMaxDatabaseMb());
            return Analysis.run(changes, config);
          }, ServiceHarness.FAST, ServiceHarness.CLIENT_RETRY);
      open.add(app);
      int before = seen.size();
      send(app.port(), "pull_request", delivery(), pullRequestEvent("opened", FakeGitHub.HEAD));
      await("analysed", Duration.ofSeconds(30), () -> seen.size() > before);
      app.close();
      open.remove(app);
    }
    // the operator's SPECGATE_DRY_RUN_MAX_DATABASE_MB (2048 here) over the first; the second's own 64 kept
    assertThat(seen).containsExactly(2_048L, 64L);
  }

  @Test
  void stackOverflowInTheAnalysisEndsInAFailureCheckRunAndTheWorkerGoesOn() throws Exception {
    FakeGitHub gh = github();
    ServiceApp app = start(gh, firstCall((changes, config) -> {
      depth(0);
      throw new AssertionError("unreachable");
    }), Duration.ofSeconds(60), 2_000_000);
    hostileThenNext(gh, app, "StackOverflowError");
  }

  @Test
  void anAnalysisOverItsBudgetIsAbandonedWithAFailureCheckRun() throws Exception {
    FakeGitHub gh = github();
    ServiceApp app = start(gh, firstCall((changes, config) -> {
      // a catastrophic regex does not look at interrupts either: spin for a while, ignoring them
      long end = System.nanoTime() + Duration.ofSeconds(4).toNanos();
      long x = 0;
      while (System.nanoTime() < end) x++;
      return Analysis.run(changes, config);
    }), Duration.ofSeconds(1), 2_000_000);
    hostileThenNext(gh, app, "exceeded its budget of 1 s");
    assertThat(ServiceHarness.get(app.port(), "/metrics")).contains("specgate_analysis_abandoned_total 1.0");
  }

  @Test
  void filesOverTheSizeCapAreReportedByNameNotAnalysed() throws Exception {
    FakeGitHub gh = github();
    ServiceApp app = start(gh, Analysis::run, Duration.ofSeconds(60), 60); // V2 (52 bytes) fits, V1 (68) does not
    assertThat(send(app.port(), "pull_request", delivery(), pullRequestEvent("opened", FakeGitHub.HEAD)).statusCode()).isEqualTo(202);
    await("done", Duration.ofSeconds(30), () -> {
      try {
        return completions(gh).size() == 1;
      } catch (Exception e) {
        return false;
      }
    });
    String summary = completions(gh).get(0).path("output").path("summary").asText();
    assertThat(summary).contains("not analysed: db/migrations/V1__accounts.sql is 68 bytes, over the service's limit of 60 bytes");
  }

  @Test
  void aJobThatStalledItsWorkerTwiceIsQuarantined() throws Exception {
    FakeGitHub gh = github();
    WorkItem w = new WorkItem(FakeGitHub.REPO, FakeGitHub.INSTALLATION, FakeGitHub.PR, FakeGitHub.HEAD, false);
    // two processes died while running it (each start found it still RUNNING)
    try (JobStore s = JobStore.open(ServiceHarness.h2(dir), null, null, 2, Clock.systemUTC())) {
      s.receive("d1", "pull_request", List.of(w));
      String run = s.scheduledExecutions().get(0);
      s.begin(run);
      s.begin(run);
      assertThat(s.begin(run).orElseThrow().stalls()).isEqualTo(2);
      s.release(s.all().get(0).id());
      s.begin(run); // RUNNING again with stalls 2, as a third dead process would leave it
    }
    ServiceApp app = start(gh, Analysis::run, Duration.ofSeconds(60), 2_000_000);
    await("quarantined", Duration.ofSeconds(30), () -> {
      try {
        return app.store().all().get(0).state() == JobState.FAILED;
      } catch (SQLException e) {
        return false;
      }
    });
    await("its Check Run says so", Duration.ofSeconds(10), () -> {
      try {
        return completions(gh).size() == 1;
      } catch (Exception e) {
        return false;
      }
    });
    assertThat(completions(gh).get(0).path("output").path("summary").asText()).contains("quarantined");
    assertThat(gh.requests("GET", "/repos/acme/payments/pulls/42/files")).as("never analysed again").isEmpty();
  }

  @Test
  void unsignedRequestsCreateNoLabelsFromTheirHeaders() throws Exception {
    FakeGitHub gh = github();
    ServiceApp app = start(gh, Analysis::run, Duration.ofSeconds(60), 2_000_000);
    byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 200; i++) {
      assertThat(ServiceHarness.sendRaw(app.port(), "attacker-event-" + i, delivery(), body, null).statusCode()).isEqualTo(401);
      assertThat(ServiceHarness.sendRaw(app.port(), "forged-" + i, delivery(), body, "sha256=" + "0".repeat(64)).statusCode())
          .isEqualTo(401);
    }
    // signed, but an event GitHub does not document: one label for all of them
    assertThat(send(app.port(), "made-up-event", delivery(), "{}").statusCode()).isEqualTo(204);
    String metrics = ServiceHarness.get(app.port(), "/metrics");
    assertThat(metrics).doesNotContain("attacker-event").doesNotContain("forged-").doesNotContain("made-up-event");
    assertThat(metrics).contains("specgate_webhook_deliveries_total{event=\"unverified\",outcome=\"bad_signature\"} 400.0");
    assertThat(metrics).contains("specgate_webhook_deliveries_total{event=\"other\",outcome=\"ignored\"} 1.0");
  }

  @Test
  void thirtyConcurrentForgedLargePostsAreRefusedAndTheServiceGoesOn() throws Exception {
    FakeGitHub gh = github();
    ServiceApp app = start(gh, Analysis::run, Duration.ofSeconds(60), 2_000_000);
    byte[] big = new byte[24 * 1024 * 1024];
    java.util.Arrays.fill(big, (byte) 'x');
    ExecutorService pool = Executors.newFixedThreadPool(30);
    List<Future<Integer>> answers = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      String sig = i % 2 == 0 ? null : "sha256=" + "ab".repeat(32); // no signature, or a wrong one
      answers.add(pool.submit(() -> {
        try {
          return ServiceHarness.sendRaw(app.port(), "pull_request", delivery(), big, sig).statusCode();
        } catch (java.io.IOException refusedWhileSending) {
          return -1; // the server answered and closed before the client had sent it all
        }
      }));
    }
    List<Integer> statuses = new ArrayList<>();
    for (Future<Integer> f : answers) statuses.add(f.get());
    pool.shutdown();
    assertThat(statuses).allMatch(s -> s == 401 || s == 503 || s == -1);
    assertThat(statuses).contains(401);
    assertThat(app.store().deliveryCount()).isZero();
    // and a real delivery is still accepted and analysed
    assertThat(send(app.port(), "pull_request", delivery(), pullRequestEvent("opened", FakeGitHub.HEAD)).statusCode()).isEqualTo(202);
    await("done", Duration.ofSeconds(30), () -> {
      try {
        return app.store().countsByState().get(JobState.DONE) == 1;
      } catch (SQLException e) {
        return false;
      }
    });
  }

  @Test
  void aCheckSuiteRerequestListingManyPullRequestsIsStored() throws Exception {
    FakeGitHub gh = github();
    ServiceApp app = start(gh, Analysis::run, Duration.ofSeconds(60), 2_000_000);
    StringBuilder prs = new StringBuilder();
    for (int pr = 1; pr <= 150; pr++) prs.append(pr > 1 ? "," : "").append("{\"number\":").append(1_000_000 + pr).append('}');
    String body = "{\"action\":\"rerequested\",\"check_suite\":{\"head_sha\":\"" + FakeGitHub.HEAD + "\",\"pull_requests\":["
        + prs + "]},\"repository\":{\"full_name\":\"acme/payments\"},\"installation\":{\"id\":" + FakeGitHub.INSTALLATION + "}}";
    assertThat(send(app.port(), "check_suite", delivery(), body).statusCode()).isEqualTo(202);
    ServiceHarness.await("the delivery stored", Duration.ofSeconds(10), () -> app.pendingDeliveries() == 0);
    assertThat(app.store().all()).hasSize(150);
  }

  @Test
  void outOfRangeNumbersAndLongDeliveryIdsGetClearAnswers() throws Exception {
    FakeGitHub gh = github();
    ServiceApp app = start(gh, Analysis::run, Duration.ofSeconds(60), 2_000_000);
    HttpResponse<String> big = send(app.port(), "pull_request", delivery(),
        pullRequestEvent("opened", FakeGitHub.HEAD, "99999999999"));
    assertThat(big.statusCode()).isEqualTo(400);
    assertThat(big.body()).contains("pull_request.number must be a positive 32-bit integer, got 99999999999");
    HttpResponse<String> longId = send(app.port(), "pull_request", "d".repeat(101), pullRequestEvent("opened", FakeGitHub.HEAD));
    assertThat(longId.statusCode()).isEqualTo(400);
    assertThat(longId.body()).contains("X-GitHub-Delivery is 101 characters long; at most 100 are accepted");
    assertThat(app.store().all()).isEmpty();
  }
}
