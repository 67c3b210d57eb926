package dev.specgate.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.specgate.github.app.TestKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 30 concurrent forged 24 MB posts (720 MB of bodies) against a service process with a 160 MB
 * heap: refused without running out of memory, and the service then analyses a real delivery.
 */
class SmallHeapTest {
  @TempDir Path dir;

  @Test
  void forgedLargePostsDoNotExhaustASmallHeap() throws Exception {
    try (FakeGitHub gh = new FakeGitHub(TestKeys.keyPair()).pullRequest(List.of(
        new FakeGitHub.RepoFile("db/migrations/V1__accounts.sql", ServiceTest.V1, null, null),
        new FakeGitHub.RepoFile("db/migrations/V2__idx.sql", ServiceTest.V2, "added", FakeGitHub.addedPatch(ServiceTest.V2))))) {
      Path key = TestKeys.writePkcs1(dir, TestKeys.keyPair());
      int port = KillRestartTest.freePort();
      Process service = KillRestartTest.serve(dir, gh, key, port, Map.of(), "service.log", "-Xmx160m");
      try {
        KillRestartTest.awaitHealthy(dir, port, service);
        byte[] big = new byte[24 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'x');
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        ExecutorService pool = Executors.newFixedThreadPool(30);
        List<Future<Integer>> answers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
          String sig = "sha256=" + String.format("%064x", i); // well-formed, wrong: the body must be read to know
          answers.add(pool.submit(() -> {
            try {
              return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhook"))
                  .header("X-GitHub-Event", "pull_request").header("X-GitHub-Delivery", ServiceHarness.delivery())
                  .header("X-Hub-Signature-256", sig).POST(HttpRequest.BodyPublishers.ofByteArray(big)).build(),
                  HttpResponse.BodyHandlers.ofString()).statusCode();
            } catch (java.io.IOException closedWhileSending) {
              return -1;
            }
          }));
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : answers) statuses.add(f.get());
        pool.shutdown();
        // the service's log goes with the temporary folder: a failure carries it
        assertThat(statuses).as("answers; the service log:%n%s", Files.readString(dir.resolve("service.log")))
            .allMatch(s -> s == 401 || s == 503 || s == -1).contains(401);
        assertThat(service.isAlive()).isTrue();
        assertThat(Files.readString(dir.resolve("service.log"))).doesNotContain("OutOfMemoryError");

        String payload = ServiceHarness.pullRequestEvent("opened", FakeGitHub.HEAD);
        assertThat(ServiceHarness.send(port, "pull_request", ServiceHarness.delivery(), payload).statusCode()).isEqualTo(202);
        ServiceHarness.await("the real delivery's Check Run completes", Duration.ofSeconds(60),
            () -> gh.requests("PATCH", "/repos/acme/payments/check-runs/").stream()
                .anyMatch(r -> r.getBodyAsString().contains("\"completed\"")));
      } finally {
        service.destroy();
        if (!service.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) service.destroyForcibly();
      }
    }
  }
}
