package dev.specgate.server;

import dev.specgate.github.CallPolicy;
import dev.specgate.github.app.TestKeys;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;

/** Starts the real service against a {@link FakeGitHub} and sends it signed webhooks over HTTP. */
final class ServiceHarness {
  static final String SECRET = "It's a Secret to Everybody";
  static final HttpClient HTTP = HttpClient.newHttpClient();

  static final WorkerTuning FAST = new WorkerTuning(Duration.ofSeconds(5), Duration.ofMillis(100), 3,
      Duration.ofMillis(200), Duration.ofSeconds(1), Duration.ofSeconds(5));
  static final CallPolicy CLIENT_RETRY = new CallPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(2),
      d -> Thread.sleep(d.toMillis()), Clock.systemUTC());

  private ServiceHarness() {}

  static ServiceSettings settings(Path dir, String githubUrl, String databaseUrl, int workers) throws Exception {
    Path key = TestKeys.writePkcs1(dir, TestKeys.keyPair());
    return new ServiceSettings(FakeGitHub.APP_ID, key, SECRET.getBytes(StandardCharsets.UTF_8), URI.create(githubUrl), 0,
        databaseUrl, null, null, dir, workers, Duration.ofSeconds(60), 2L * 1024 * 1024, 2_048,
        Duration.ofSeconds(20), Duration.ZERO);
  }

  static String h2(Path dir) {
    return "jdbc:h2:retry:" + dir.toAbsolutePath().resolve("jobs").toString().replace('\\', '/');
  }

  static HttpResponse<String> send(int port, String event, String delivery, String body) throws Exception {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    return sendRaw(port, event, delivery, bytes, new WebhookSignature(SECRET.getBytes(StandardCharsets.UTF_8)).header(bytes));
  }

  static HttpResponse<String> sendRaw(int port, String event, String delivery, byte[] body, String signature) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/webhook"))
        .header("Content-Type", "application/json")
        .header("User-Agent", "GitHub-Hookshot/test")
        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (event != null) b.header("X-GitHub-Event", event);
    if (delivery != null) b.header("X-GitHub-Delivery", delivery);
    if (signature != null) b.header("X-Hub-Signature-256", signature);
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static String get(int port, String path) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  static String pullRequestEvent(String action, String headSha) {
    return pullRequestEvent(action, headSha, Long.toString(FakeGitHub.PR));
  }

  static String pullRequestEvent(String action, String headSha, String number) {
    return "{\"action\":\"" + action + "\",\"number\":" + number + ",\"pull_request\":{\"number\":" + number
        + ",\"state\":\"open\",\"head\":{\"sha\":\"" + headSha + "\"},\"base\":{\"sha\":\"" + FakeGitHub.BASE + "\"}},"
        + "\"repository\":{\"full_name\":\"" + FakeGitHub.REPO + "\"},\"installation\":{\"id\":" + FakeGitHub.INSTALLATION + "}}";
  }

  static String delivery() {
    return UUID.randomUUID().toString();
  }

  static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (condition.getAsBoolean()) return;
      Thread.sleep(50);
    }
    throw new AssertionError("timed out waiting for: " + what);
  }
}
