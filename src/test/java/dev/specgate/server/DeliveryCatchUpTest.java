package dev.specgate.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.specgate.engine.Analysis;
import dev.specgate.github.app.HookDeliveries;
import dev.specgate.github.app.TestKeys;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catch-up against a WireMock GitHub: failed relevant deliveries are redelivered once, others left alone. */
class DeliveryCatchUpTest {
  @TempDir Path dir;

  static String delivery(long id, String guid, String event, String action, int status, Instant at) {
    return "{\"id\":" + id + ",\"guid\":\"" + guid + "\",\"delivered_at\":\"" + at + "\",\"redelivery\":false,\"duration\":0.1,"
        + "\"status\":\"" + (status / 100 == 2 ? "OK" : "failed") + "\",\"status_code\":" + status + ",\"event\":\"" + event + "\","
        + "\"action\":" + (action == null ? "null" : "\"" + action + "\"") + ",\"installation_id\":5000000001,\"repository_id\":1}";
  }

  /** Stubs the deliveries list (two pages) and redelivery; after a redelivery the list shows it delivered. */
  static void stubDeliveries(WireMockServer wm) {
    Instant now = Instant.now();
    String failed = delivery(101, "g-failed", "pull_request", "opened", 502, now.minusSeconds(300));
    String page1 = "[" + failed + ","
        + delivery(102, "g-ok", "pull_request", "synchronize", 202, now.minusSeconds(200)) + ","
        + delivery(103, "g-irrelevant", "issues", "opened", 0, now.minusSeconds(100)) + ","
        + delivery(104, "g-retried", "check_suite", "rerequested", 202, now.minusSeconds(50)) + "]";
    String page2 = "[" + delivery(105, "g-retried", "check_suite", "rerequested", 500, now.minusSeconds(400)) + ","
        + delivery(106, "g-old", "pull_request", "opened", 502, now.minusSeconds(5 * 86_400)) + "]";
    String jwt = "Bearer eyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+";
    wm.stubFor(get(urlEqualTo("/app/hook/deliveries?per_page=100")).withHeader("Authorization", matching(jwt))
        .inScenario("redelivery").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson(page1).withHeader("Link", "<" + wm.baseUrl() + "/app/hook/deliveries?per_page=100&cursor=p2>; rel=\"next\"")));
    wm.stubFor(get(urlEqualTo("/app/hook/deliveries?per_page=100")).withHeader("Authorization", matching(jwt))
        .inScenario("redelivery").whenScenarioStateIs("redelivered")
        .willReturn(okJson("[" + delivery(107, "g-failed", "pull_request", "opened", 202, now.minusSeconds(10)) + ","
            + page1.substring(1)).withHeader("Link", "<" + wm.baseUrl() + "/app/hook/deliveries?per_page=100&cursor=p2>; rel=\"next\"")));
    wm.stubFor(get(urlEqualTo("/app/hook/deliveries?per_page=100&cursor=p2")).withHeader("Authorization", matching(jwt))
        .willReturn(okJson(page2).withHeader("Link", "<https://elsewhere.example/app/hook/deliveries?cursor=p3>; rel=\"next\"")));
    wm.stubFor(post(urlPathMatching("/app/hook/deliveries/\\d+/attempts")).withHeader("Authorization", matching(jwt))
        .inScenario("redelivery").willSetStateTo("redelivered")
        .willReturn(aResponse().withStatus(202).withHeader("Content-Type", "application/json").withBody("{}")));
  }

  @Test
  void aFailedDeliveryIsRedeliveredOnceAndADeliveredOneIsLeftAlone() throws Exception {
    try (FakeGitHub gh = new FakeGitHub(TestKeys.keyPair())) {
      stubDeliveries(gh.wm);
      HookDeliveries github = HookDeliveries.forApp(URI.create(gh.url()), FakeGitHub.APP_ID, TestKeys.keyPair().getPrivate());
      ServiceMetrics metrics = new ServiceMetrics();
      DeliveryCatchUp catchUp = new DeliveryCatchUp(github, guid -> false, metrics, Clock.systemUTC());

      List<HookDeliveries.Delivery> listed = github.since(Instant.now().minus(Duration.ofDays(3)));
      assertThat(listed).extracting(HookDeliveries.Delivery::id).containsExactly(101L, 102L, 103L, 104L, 105L);

      DeliveryCatchUp.Outcome first = catchUp.run(Duration.ofDays(3), true);
      assertThat(first.missed()).extracting(HookDeliveries.Delivery::guid).containsExactly("g-failed");
      assertThat(first.redelivered()).isEqualTo(1);
      DeliveryCatchUp.Outcome second = catchUp.run(Duration.ofDays(3), true);
      assertThat(second.missed()).as("GitHub now lists it delivered").isEmpty();

      gh.wm.verify(1, postRequestedFor(urlPathEqualTo("/app/hook/deliveries/101/attempts")));
      gh.wm.verify(1, postRequestedFor(urlPathMatching("/app/hook/deliveries/.*")));
      assertThat(metrics.scrape()).contains("specgate_missed_deliveries_total{outcome=\"redelivered\"} 1.0");
    }
  }

  @Test
  void deliveriesThatReachedTheStoreAreNotRedelivered() throws Exception {
    try (FakeGitHub gh = new FakeGitHub(TestKeys.keyPair())) {
      stubDeliveries(gh.wm);
      HookDeliveries github = HookDeliveries.forApp(URI.create(gh.url()), FakeGitHub.APP_ID, TestKeys.keyPair().getPrivate());
      // GitHub saw a failure (e.g. our answer came too late) but the job was stored
      DeliveryCatchUp catchUp = new DeliveryCatchUp(github, Set.of("g-failed")::contains, null, Clock.systemUTC());
      assertThat(catchUp.run(Duration.ofDays(3), true).missed()).isEmpty();
      gh.wm.verify(0, postRequestedFor(urlPathMatching("/app/hook/deliveries/.*")));
    }
  }

  @Test
  void theServiceCatchesUpOnceAtStart() throws Exception {
    try (FakeGitHub gh = new FakeGitHub(TestKeys.keyPair())) {
      stubDeliveries(gh.wm);
      ServiceSettings settings = ServiceHarness.settings(dir, gh.url(), ServiceHarness.h2(dir), 1)
          .withLimits(Duration.ofSeconds(60), 2_000_000, Duration.ofMinutes(10));
      try (ServiceApp app = ServiceApp.start(settings, Analysis::run, ServiceHarness.FAST, ServiceHarness.CLIENT_RETRY)) {
        ServiceHarness.await("the missed delivery is redelivered", Duration.ofSeconds(20),
            () -> !gh.requests("POST", "/app/hook/deliveries/101/attempts").isEmpty());
        ServiceHarness.await("counted", Duration.ofSeconds(5), () -> {
          try {
            return ServiceHarness.get(app.port(), "/metrics").contains("specgate_missed_deliveries_total{outcome=\"redelivered\"} 1.0");
          } catch (Exception e) {
            return false;
          }
        });
        assertThat(gh.requests("POST", "/app/hook/deliveries/")).hasSize(1);
      }
    }
  }
}
