package dev.specgate.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static dev.specgate.server.ServiceHarness.await;
import static dev.specgate.server.ServiceHarness.delivery;
import static dev.specgate.server.ServiceHarness.pullRequestEvent;
import static dev.specgate.server.ServiceHarness.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.specgate.engine.Analysis;
import dev.specgate.github.app.TestKeys;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real service over HTTP, with WireMock as a strict GitHub. */
class ServiceTest {
  static final String V1 = "CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);\n";
  static final String V2 = "CREATE INDEX accounts_email_idx ON accounts (email);\n";

  @TempDir Path dir;
  private final ObjectMapper json = new ObjectMapper();
  private final List<AutoCloseable> open = new ArrayList<>();

  @AfterEach
  void closeAll() throws Exception {
    for (int i = open.size() - 1; i >= 0; i--) open.get(i).close();
  }

  private FakeGitHub github(List<FakeGitHub.RepoFile> files) throws Exception {
    FakeGitHub gh = new FakeGitHub(TestKeys.keyPair()).pullRequest(files);
    open.add(gh);
    return gh;
  }

  private static List<FakeGitHub.RepoFile> indexChange() {
    return List.of(
        new FakeGitHub.RepoFile("db/migrations/V1__accounts.sql", V1, null, null),
        new FakeGitHub.RepoFile("db/migrations/V2__accounts_email_idx.sql", V2, "added", FakeGitHub.addedPatch(V2)),
        new FakeGitHub.RepoFile("README.md", "hello\nworld\n", "modified", "@@ -1 +1,2 @@\n hello\n+world"));
  }

  private ServiceApp start(FakeGitHub gh, String db, WorkerTuning tuning) throws Exception {
    ServiceApp app = ServiceApp.start(ServiceHarness.settings(dir, gh.url(), db, 2), Analysis::run, tuning,
        ServiceHarness.CLIENT_RETRY);
    open.add(app);
    return app;
  }

  private static boolean jobIn(ServiceApp app, JobState state) {
    try {
      return app.store().all().stream().anyMatch(j -> j.state() == state);
    } catch (SQLException e) {
      return false;
    }
  }

  private JsonNode body(LoggedRequest r) throws Exception {
    return json.readTree(r.getBodyAsString());
  }

  @Test
  void signedWebhookEndsInCompletedCheckRunAndReviewOnDiffLines() throws Exception {
    FakeGitHub gh = github(indexChange());
    ServiceApp app = start(gh, ServiceHarness.h2(dir), ServiceHarness.FAST);

    HttpResponse<String> r = send(app.port(), "pull_request", delivery(), pullRequestEvent("opened", FakeGitHub.HEAD));
    assertThat(r.statusCode()).isEqualTo(202);
    await("job done", Duration.ofSeconds(20), () -> jobIn(app, JobState.DONE));

    assertThat(gh.requests("POST", "/app/installations/" + FakeGitHub.INSTALLATION + "/access_tokens")).hasSize(1);
    List<LoggedRequest> created = gh.requests("POST", "/repos/acme/payments/check-runs");
    assertThat(created).hasSize(1);
    JsonNode create = body(created.get(0));
    assertThat(create.path("status").asText()).isEqualTo("in_progress");
    assertThat(create.path("external_id").asText()).isEqualTo("42");
    assertThat(create.path("head_sha").asText()).isEqualTo(FakeGitHub.HEAD);

    JsonNode completed = null;
    for (LoggedRequest p : gh.requests("PATCH", "/repos/acme/payments/check-runs/" + FakeGitHub.RUN_ID)) {
      if ("completed".equals(body(p).path("status").asText())) completed = body(p);
    }
    assertThat(completed).as("a PATCH completing the run").isNotNull();
    assertThat(completed.path("conclusion").asText()).isEqualTo("failure");
    assertThat(completed.path("output").path("summary").asText()).contains("index-not-concurrent").hasSizeLessThanOrEqualTo(65_535);
    // the summary links each finding to the file at the head commit, as the Action's does
    assertThat(completed.path("output").path("summary").asText()).contains("(https://github.com/acme/payments/blob/" + FakeGitHub.HEAD + "/");
    boolean annotated = false;
    for (JsonNode a : completed.path("output").path("annotations")) {
      if (a.path("path").asText().equals("db/migrations/V2__accounts_email_idx.sql") && a.path("start_line").asInt() == 1
          && a.path("title").asText().contains("index-not-concurrent")) annotated = true;
    }
    assertThat(annotated).as("annotation on V2 line 1").isTrue();

    List<LoggedRequest> reviews = gh.requests("POST", "/repos/acme/payments/pulls/42/reviews");
    assertThat(reviews).hasSize(1);
    JsonNode review = body(reviews.get(0));
    assertThat(review.path("commit_id").asText()).isEqualTo(FakeGitHub.HEAD);
    assertThat(review.path("comments").size()).isGreaterThanOrEqualTo(1);
    for (JsonNode c : review.path("comments")) {
      assertThat(c.path("path").asText()).isEqualTo("db/migrations/V2__accounts_email_idx.sql");
      assertThat(c.path("line").asInt()).isEqualTo(1);
    }
    // only what the engine reads was fetched: both migrations, not the README's unrelated neighbours
    assertThat(gh.requests("GET", "/repos/acme/payments/git/blobs/")).hasSize(3);

    String metrics = ServiceHarness.get(app.port(), "/metrics");
    assertThat(metrics).contains("specgate_webhook_deliveries_total{event=\"pull_request\",outcome=\"queued\"} 1.0");
    assertThat(metrics).contains("specgate_jobs{state=\"done\"} 1.0");
    assertThat(metrics).contains("specgate_github_calls_total{method=\"POST\",status=\"201\"}");
    assertThat(metrics).contains("specgate_analysis_seconds_count 1");
    assertThat(ServiceHarness.get(app.port(), "/healthz")).contains("ok");
  }

  @Test
  void badSignatureIs401AndQueuesNothing() throws Exception {
    FakeGitHub gh = github(indexChange());
    ServiceApp app = start(gh, ServiceHarness.h2(dir), ServiceHarness.FAST);
    byte[] body = pullRequestEvent("opened", FakeGitHub.HEAD).getBytes(StandardCharsets.UTF_8);
    String wrong = new WebhookSignature("another secret".getBytes(StandardCharsets.UTF_8)).header(body);
    assertThat(ServiceHarness.sendRaw(app.port(), "pull_request", delivery(), body, wrong).statusCode()).isEqualTo(401);
    assertThat(ServiceHarness.sendRaw(app.port(), "pull_request", delivery(), body, null).statusCode()).isEqualTo(401);
    assertThat(ServiceHarness.sendRaw(app.port(), "pull_request", delivery(), body, "sha256=zz").statusCode()).isEqualTo(401);
    assertThat(app.store().all()).isEmpty();
    assertThat(app.store().deliveryCount()).isZero();
  }

  @Test
  void malformedJsonIs400AndIrrelevantEventsAre204() throws Exception {
    FakeGitHub gh = github(indexChange());
    ServiceApp app = start(gh, ServiceHarness.h2(dir), ServiceHarness.FAST);
    assertThat(send(app.port(), "pull_request", delivery(), "{\"action\": \"opened\", ").statusCode()).isEqualTo(400);
    assertThat(send(app.port(), "pull_request", delivery(), "{\"action\":\"opened\",\"pull_request\":{\"number\":42}}").statusCode())
        .isEqualTo(400);
    assertThat(send(app.port(), "pull_request", null, pullRequestEvent("opened", FakeGitHub.HEAD)).statusCode()).isEqualTo(400);
    assertThat(send(app.port(), "pull_request", delivery(), pullRequestEvent("labeled", FakeGitHub.HEAD)).statusCode()).isEqualTo(204);
    assertThat(send(app.port(), "pull_request", delivery(), pullRequestEvent("edited", FakeGitHub.HEAD)).statusCode()).isEqualTo(204);
    assertThat(send(app.port(), "issues", delivery(), "{\"action\":\"opened\"}").statusCode()).isEqualTo(204);
    assertThat(app.store().all()).isEmpty();
    String metrics = ServiceHarness.get(app.port(), "/metrics");
    assertThat(metrics).contains("specgate_webhook_deliveries_total{event=\"pull_request\",outcome=\"malformed\"} 3.0");
    assertThat(metrics).contains("specgate_webhook_deliveries_total{event=\"issues\",outcome=\"ignored\"} 1.0");
  }

  @Test
  void bodyOver25MbIs413ButTwoMegabytesIsAccepted() throws Exception {
    FakeGitHub gh = github(indexChange());
    ServiceApp app = start(gh, ServiceHarness.h2(dir), ServiceHarness.FAST);
    // 2 MB: over Javalin's 1 MB default, well within GitHub's 25 MB
    String padded = pullRequestEvent("opened", FakeGitHub.HEAD).replace("}}}", "}},\"pad\":\"" + "x".repeat(2_000_000) + "\"}");
    padded = padded.substring(0, padded.length() - 1) + "}";
    assertThat(send(app.port(), "pull_request", delivery(), padded).statusCode()).isEqualTo(202);

    byte[] huge = new byte[26 * 1024 * 1024];
    java.util.Arrays.fill(huge, (byte) ' ');
    huge[0] = '{';
    huge[huge.length - 1] = '}';
    String sig = new WebhookSignature(ServiceHarness.SECRET.getBytes(StandardCharsets.UTF_8)).header(huge);
    int status;
    try {
      status = ServiceHarness.sendRaw(app.port(), "pull_request", delivery(), huge, sig).statusCode();
    } catch (java.io.IOException e) {
      status = -1; // the server may close the connection after answering while the client still sends
    }
    assertThat(status).isIn(413, -1);
    assertThat(ServiceHarness.get(app.port(), "/metrics"))
        .contains("specgate_webhook_deliveries_total{event=\"unverified\",outcome=\"too_large\"} 1.0");
  }

  @Test
  void duplicateDeliveryAndSameHeadAreProcessedOnce() throws Exception {
    FakeGitHub gh = github(indexChange());
    ServiceApp app = start(gh, ServiceHarness.h2(dir), ServiceHarness.FAST);
    String id = delivery();
    String payload = pullRequestEvent("opened", FakeGitHub.HEAD);
    assertThat(send(app.port(), "pull_request", id, payload).statusCode()).isEqualTo(202);
    HttpResponse<String> again = send(app.port(), "pull_request", id, payload);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(again.body()).contains("duplicate");
    // a different delivery for the same head (e.g. ready_for_review) adds no work
    assertThat(send(app.port(), "pull_request", delivery(), pullRequestEvent("ready_for_review", FakeGitHub.HEAD)).statusCode())
        .isEqualTo(202);
    await("job done", Duration.ofSeconds(20), () -> jobIn(app, JobState.DONE));
    Thread.sleep(300);
    assertThat(app.store().all()).hasSize(1);
    assertThat(gh.requests("POST", "/repos/acme/payments/check-runs")).hasSize(1);
    assertThat(gh.requests("POST", "/repos/acme/payments/pulls/42/reviews")).hasSize(1);
  }

  @Test
  void githubServerErrorIsRetriedThenSucceeds() throws Exception {
    FakeGitHub gh = github(indexChange());
    gh.wm.stubFor(post(urlEqualTo("/repos/acme/payments/check-runs")).atPriority(0).inScenario("flaky")
        .whenScenarioStateIs(Scenario.STARTED).willSetStateTo("recovered")
        .willReturn(aResponse().withStatus(500).withBody("{\"message\":\"Server Error\"}")));
    ServiceApp app = start(gh, ServiceHarness.h2(dir), ServiceHarness.FAST);
    assertThat(send(app.port(), "pull_request", delivery(), pullRequestEvent("opened", FakeGitHub.HEAD)).statusCode()).isEqualTo(202);
    await("job done", Duration.ofSeconds(20), () -> jobIn(app, JobState.DONE));
    assertThat(gh.requests("POST", "/repos/acme/payments/check-runs")).hasSize(2); // the 500, then the 201
    assertThat(ServiceHarness.get(app.port(), "/metrics")).contains("specgate_github_calls_total{method=\"POST\",status=\"500\"} 1.0");
  }

  @Test
  void jobThatKeepsFailingEndsWithCheckRunSayingWhy() throws Exception {
    FakeGitHub gh = github(indexChange());
    gh.wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
            com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/repos/acme/payments/pulls/42/files"))
        .atPriority(0).willReturn(aResponse().withStatus(502).withBody("bad gateway")));
    ServiceApp app = start(gh, ServiceHarness.h2(dir), ServiceHarness.FAST);
    send(app.port(), "pull_request", delivery(), pullRequestEvent("opened", FakeGitHub.HEAD));
    await("job failed", Duration.ofSeconds(25), () -> jobIn(app, JobState.FAILED));
    JsonNode last = null;
    for (LoggedRequest p : gh.requests("PATCH", "/repos/acme/payments/check-runs/" + FakeGitHub.RUN_ID)) last = body(p);
    assertThat(last).isNotNull();
    assertThat(last.path("conclusion").asText()).isEqualTo("failure");
    assertThat(last.path("output").path("summary").asText()).contains("502").contains("3 attempt");
    assertThat(gh.requests("POST", "/repos/acme/payments/check-runs")).hasSize(1);
  }

  @Test
  void restartMidJobEndsWithExactlyOneCompletedCheckRun() throws Exception {
    FakeGitHub gh = github(indexChange());
    // the tree listing hangs long enough to stop the server after the Check Run exists
    gh.wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
            urlEqualTo("/repos/acme/payments/git/trees/" + FakeGitHub.HEAD + "?recursive=1"))
        .atPriority(0).inScenario("slow").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("fast")
        .willReturn(aResponse().withStatus(500).withFixedDelay(4_000)));
    String db = ServiceHarness.h2(dir);
    ServiceApp first = start(gh, db, ServiceHarness.FAST.withShutdownGrace(Duration.ZERO));
    send(first.port(), "pull_request", delivery(), pullRequestEvent("opened", FakeGitHub.HEAD));
    await("check run created", Duration.ofSeconds(15),
        () -> gh.requests("POST", "/repos/acme/payments/check-runs").size() == 1
            && gh.wm.getAllServeEvents().stream().anyMatch(e -> e.getRequest().getUrl().contains("/git/trees/")));
    first.stop();
    assertThat(first.store().postgres()).isFalse();

    ServiceApp second = start(gh, db, ServiceHarness.FAST);
    await("job done after restart", Duration.ofSeconds(20), () -> jobIn(second, JobState.DONE));
    assertThat(second.store().all()).hasSize(1);
    assertThat(gh.requests("POST", "/repos/acme/payments/check-runs")).hasSize(1);
    long completions = 0;
    for (LoggedRequest p : gh.requests("PATCH", "/repos/acme/payments/check-runs/")) {
      if ("completed".equals(body(p).path("status").asText())) completions++;
    }
    assertThat(completions).isEqualTo(1);
  }

  @Test
  void annotationsBeyondFiftyAreSentInBatches() throws Exception {
    StringBuilder many = new StringBuilder();
    for (int i = 0; i < 60; i++) many.append("CREATE INDEX accounts_email_idx_").append(i).append(" ON accounts (email);\n");
    String v2 = many.toString();
    FakeGitHub gh = github(List.of(
        new FakeGitHub.RepoFile("db/migrations/V1__accounts.sql", V1, null, null),
        new FakeGitHub.RepoFile("db/migrations/V2__many.sql", v2, "added", FakeGitHub.addedPatch(v2))));
    ServiceApp app = start(gh, ServiceHarness.h2(dir), ServiceHarness.FAST);
    send(app.port(), "pull_request", delivery(), pullRequestEvent("opened", FakeGitHub.HEAD));
    await("job done", Duration.ofSeconds(20), () -> jobIn(app, JobState.DONE));
    int total = 0;
    for (LoggedRequest p : gh.requests("PATCH", "/repos/acme/payments/check-runs/" + FakeGitHub.RUN_ID)) {
      int n = body(p).path("output").path("annotations").size();
      assertThat(n).isLessThanOrEqualTo(50);
      total += n;
    }
    assertThat(total).isGreaterThanOrEqualTo(60);
  }

  @Test
  void lateDeliveryForAnOldHeadIsDroppedAndTheCurrentHeadAnalysed() throws Exception {
    FakeGitHub gh = github(indexChange());
    ServiceApp app = start(gh, ServiceHarness.h2(dir), ServiceHarness.FAST);
    String old = "9999999999999999999999999999999999999999";
    // GitHub says the pull request's head is HEAD; a delayed delivery names an older commit
    assertThat(send(app.port(), "pull_request", delivery(), pullRequestEvent("synchronize", old)).statusCode()).isEqualTo(202);
    await("current head done", Duration.ofSeconds(20), () -> jobIn(app, JobState.DONE));
    List<Job> jobs = app.store().all();
    assertThat(jobs).extracting(j -> j.item().headSha() + ":" + j.state())
        .containsExactly(old + ":SUPERSEDED", FakeGitHub.HEAD + ":DONE");
    List<LoggedRequest> created = gh.requests("POST", "/repos/acme/payments/check-runs");
    assertThat(created).hasSize(1);
    assertThat(body(created.get(0)).path("head_sha").asText()).isEqualTo(FakeGitHub.HEAD);
  }

  @Test
  void serveWithoutSettingsStopsNamingTheMissingVariable() {
    java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("SPECGATE_APP_ID") == null);
    int code = dev.specgate.cli.Main.run(new String[] {"serve"}, new java.io.PrintStream(new java.io.ByteArrayOutputStream()),
        new java.io.PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(code).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("SPECGATE_APP_ID is not set").doesNotContain("Exception");
  }

  @Test
  void shutdownFinishesAWebhookRequestInFlight() throws Exception {
    FakeGitHub gh = github(indexChange());
    ServiceApp app = start(gh, ServiceHarness.h2(dir), ServiceHarness.FAST);
    byte[] body = pullRequestEvent("opened", FakeGitHub.HEAD).getBytes(StandardCharsets.UTF_8);
    String sig = new WebhookSignature(ServiceHarness.SECRET.getBytes(StandardCharsets.UTF_8)).header(body);
    try (java.net.Socket socket = new java.net.Socket("localhost", app.port())) {
      socket.setSoTimeout(15_000);
      java.io.OutputStream out = socket.getOutputStream();
      String head = "POST /webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
          + "X-GitHub-Event: pull_request\r\nX-GitHub-Delivery: in-flight-1\r\nX-Hub-Signature-256: " + sig
          + "\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n";
      out.write(head.getBytes(StandardCharsets.US_ASCII));
      out.write(body, 0, 10); // the request is now in the handler, waiting for the rest of its body
      out.flush();
      Thread.sleep(300);
      Thread stopper = new Thread(app::stop);
      stopper.start();
      Thread.sleep(500);
      out.write(body, 10, body.length - 10);
      out.flush();
      String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
      assertThat(response).startsWith("HTTP/1.1 202");
      stopper.join(20_000);
      assertThat(stopper.isAlive()).isFalse();
    }
    // the delivery acknowledged during shutdown is in the store for the next start
    try (JobStore store = JobStore.open(ServiceHarness.h2(dir), null, null, 2, java.time.Clock.systemUTC())) {
      assertThat(store.deliveryCount()).isEqualTo(1);
      assertThat(store.all()).hasSize(1);
    }
  }

  @Test
  void spentRateLimitDefersTheJobUntilTheReset() throws Exception {
    FakeGitHub gh = github(indexChange());
    long reset = java.time.Instant.now().getEpochSecond() + 3600;
    gh.wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(
            com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/repos/acme/payments/pulls/42/files"))
        .atPriority(0).willReturn(aResponse().withStatus(403).withHeader("x-ratelimit-remaining", "0")
            .withHeader("x-ratelimit-reset", Long.toString(reset))
            .withBody("{\"message\":\"API rate limit exceeded for installation ID 5000000001.\"}")));
    ServiceApp app = start(gh, ServiceHarness.h2(dir), ServiceHarness.FAST);
    send(app.port(), "pull_request", delivery(), pullRequestEvent("opened", FakeGitHub.HEAD));
    await("first attempt failed", Duration.ofSeconds(20), () -> {
      try {
        return app.store().all().stream().anyMatch(j -> j.state() == JobState.QUEUED && j.lastError() != null);
      } catch (SQLException e) {
        return false;
      }
    });
    // the fast test tuning would retry after 200 ms and give up after 3 attempts; the reset is an hour away
    Thread.sleep(2_000);
    Job job = app.store().all().get(0);
    assertThat(job.state()).isEqualTo(JobState.QUEUED);
    assertThat(job.attempts()).isEqualTo(1);
    assertThat(job.lastError()).contains("403");
    assertThat(gh.requests("GET", "/repos/acme/payments/pulls/42/files")).hasSize(1);
    assertThat(ServiceHarness.get(app.port(), "/metrics")).contains("specgate_github_rate_limit_remaining 0.0");
  }

  @Test
  void theServiceDefersARateLimitedJobAndItsWorkerServesTheNextPullRequest() throws Exception {
    FakeGitHub gh = github(indexChange()).anotherPullRequest(43);
    // one worker and the service's own call policy: no inline wait for a rate limit
    ServiceApp app = ServiceApp.start(ServiceHarness.settings(dir, gh.url(), ServiceHarness.h2(dir), 1), Analysis::run,
        ServiceHarness.FAST, dev.specgate.github.CallPolicy.service());
    open.add(app);
    // the limit is spent for PR 42's first read; GitHub answers again after the reset
    long reset = java.time.Instant.now().getEpochSecond() + 12; // room for PR 43 on a busy machine
    String pr42 = "/repos/acme/payments/pulls/42";
    gh.wm.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(pr42))
        .atPriority(0).inScenario("limit").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("spent")
        .willReturn(aResponse().withStatus(403).withHeader("x-ratelimit-remaining", "0")
            .withHeader("x-ratelimit-reset", Long.toString(reset))
            .withBody("{\"message\":\"API rate limit exceeded for installation ID 5000000001.\"}")));
    send(app.port(), "pull_request", delivery(), pullRequestEvent("opened", FakeGitHub.HEAD));
    await("PR 42 deferred", Duration.ofSeconds(20), () -> jobOf(app, 42).map(j -> j.lastError() != null).orElse(false));
    send(app.port(), "pull_request", delivery(), pullRequestEvent("opened", FakeGitHub.HEAD, "43"));
    await("PR 43 done", Duration.ofSeconds(20), () -> jobOf(app, 43).map(j -> j.state() == JobState.DONE).orElse(false));
    // the only worker finished PR 43 while PR 42 waited in the queue; a worker sleeping until the
    // reset would have read PR 42 again before it could take PR 43
    assertThat(reads(gh, pr42)).hasSize(1);

    await("PR 42 done after the reset", Duration.ofSeconds(30),
        () -> jobOf(app, 42).map(j -> j.state() == JobState.DONE).orElse(false));
    List<LoggedRequest> reads = reads(gh, pr42);
    assertThat(reads.size()).isGreaterThan(1);
    assertThat(reads.get(1).getLoggedDate().getTime()).as("read again only after the reset").isGreaterThanOrEqualTo(reset * 1000);
    assertThat(jobOf(app, 42).orElseThrow().attempts()).isEqualTo(2);
  }

  private static List<LoggedRequest> reads(FakeGitHub gh, String url) {
    return gh.requests("GET", url).stream().filter(r -> r.getUrl().equals(url)).toList();
  }

  private static java.util.Optional<Job> jobOf(ServiceApp app, int pr) {
    try {
      return app.store().all().stream().filter(j -> j.item().prNumber() == pr).findFirst();
    } catch (SQLException e) {
      return java.util.Optional.empty();
    }
  }

  @Test
  void rerunButtonAnalysesAgainInAFreshCheckRun() throws Exception {
    FakeGitHub gh = github(indexChange());
    ServiceApp app = start(gh, ServiceHarness.h2(dir), ServiceHarness.FAST);
    send(app.port(), "pull_request", delivery(), pullRequestEvent("opened", FakeGitHub.HEAD));
    await("first run done", Duration.ofSeconds(20), () -> jobIn(app, JobState.DONE));
    String rerequest = "{\"action\":\"rerequested\",\"check_run\":{\"id\":" + FakeGitHub.RUN_ID
        + ",\"name\":\"specgate\",\"head_sha\":\"" + FakeGitHub.HEAD + "\",\"external_id\":\"42\",\"pull_requests\":[]},"
        + "\"repository\":{\"full_name\":\"acme/payments\"},\"installation\":{\"id\":" + FakeGitHub.INSTALLATION + "}}";
    assertThat(send(app.port(), "check_run", delivery(), rerequest).statusCode()).isEqualTo(202);
    await("second run created", Duration.ofSeconds(20), () -> gh.requests("POST", "/repos/acme/payments/check-runs").size() == 2);
    await("job done again", Duration.ofSeconds(20), () -> jobIn(app, JobState.DONE));
    assertThat(app.store().all()).hasSize(1);
    long completions = 0;
    for (LoggedRequest p : gh.requests("PATCH", "/repos/acme/payments/check-runs/")) {
      if ("completed".equals(body(p).path("status").asText())) completions++;
    }
    assertThat(completions).isEqualTo(2); // each run completed once; the old one was not patched again
  }
}
