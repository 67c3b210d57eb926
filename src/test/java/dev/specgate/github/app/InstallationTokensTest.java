package dev.specgate.github.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class InstallationTokensTest {
  private final WireMockServer wm = new WireMockServer(options().dynamicPort());
  private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

  @BeforeEach
  void start() {
    wm.start();
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private InstallationTokens tokens(Clock clock) {
    AppHttp http = new AppHttp(URI.create(wm.baseUrl()), HttpClient.newHttpClient(),
        new AppRetryPolicy(3, Duration.ofMillis(20), Duration.ofSeconds(2), clock), AppHttp.CallListener.NONE);
    return new InstallationTokens(new AppJwt("42", TestKeys.keyPair().getPrivate(), clock), http, clock);
  }

  @Test
  void tokenIsCachedUntilFiveMinutesBeforeExpiry() throws Exception {
    String path = "/app/installations/9876543210/access_tokens";
    wm.stubFor(post(urlEqualTo(path)).inScenario("t").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second")
        .willReturn(aResponse().withStatus(201).withBody("{\"token\":\"ghs_one\",\"expires_at\":\"" + NOW.plusSeconds(3600) + "\"}")));
    wm.stubFor(post(urlEqualTo(path)).inScenario("t").whenScenarioStateIs("second")
        .willReturn(aResponse().withStatus(201).withBody("{\"token\":\"ghs_two\",\"expires_at\":\"" + NOW.plusSeconds(7200) + "\"}")));
    Clock[] clock = {Clock.fixed(NOW, ZoneOffset.UTC)};
    Clock moving = new Clock() {
      @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
      @Override public Clock withZone(java.time.ZoneId z) { return this; }
      @Override public Instant instant() { return clock[0].instant(); }
    };
    InstallationTokens t = tokens(moving);
    assertThat(t.token(9_876_543_210L)).isEqualTo("ghs_one");
    clock[0] = Clock.fixed(NOW.plusSeconds(3600 - 301), ZoneOffset.UTC);
    assertThat(t.token(9_876_543_210L)).isEqualTo("ghs_one");
    clock[0] = Clock.fixed(NOW.plusSeconds(3600 - 299), ZoneOffset.UTC);
    assertThat(t.token(9_876_543_210L)).isEqualTo("ghs_two");
    wm.verify(2, postRequestedFor(urlEqualTo(path)).withHeader("Authorization", matching("Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+"))
        .withHeader("X-GitHub-Api-Version", matching("2022-11-28")));
  }

  @Test
  void serverErrorsAreRetriedAndRejectionsExplained() throws Exception {
    String path = "/app/installations/1/access_tokens";
    wm.stubFor(post(urlEqualTo(path)).inScenario("f").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
        .willReturn(aResponse().withStatus(502)));
    wm.stubFor(post(urlEqualTo(path)).inScenario("f").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(201).withBody("{\"token\":\"ghs_ok\",\"expires_at\":\"2099-01-01T00:00:00Z\"}")));
    assertThat(tokens(Clock.systemUTC()).token(1)).isEqualTo("ghs_ok");

    wm.stubFor(post(urlEqualTo("/app/installations/2/access_tokens"))
        .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"'Expiration time' claim ('exp') is too far in the future\"}")));
    assertThatThrownBy(() -> tokens(Clock.systemUTC()).token(2))
        .isInstanceOf(GitHubCallException.class).hasMessageContaining("401").hasMessageContaining("installation 2");
  }
}
