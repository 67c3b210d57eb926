package dev.specgate.github.app;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.specgate.github.CallPolicy;
import dev.specgate.github.GitHubApi;
import dev.specgate.github.GitHubException;
import dev.specgate.github.GitHubRepo;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Installation tokens as the service gets them: minted with the App JWT, cached, minted again near expiry. */
class GitHubAppsTest {
  private final WireMockServer wm = new WireMockServer(options().dynamicPort());
  private static final GitHubRepo REPO = new GitHubRepo("acme", "shop");

  @BeforeEach
  void start() {
    wm.start();
    wm.stubFor(get(urlEqualTo("/app")).willReturn(jsonResponse("{\"id\":42,\"slug\":\"specgate\"}", 200)));
    for (long id : List.of(1L, 2L, 9_876_543_210L)) {
      wm.stubFor(get(urlEqualTo("/app/installations/" + id)).willReturn(jsonResponse("{\"id\":" + id + "}", 200)));
    }
    wm.stubFor(get(urlEqualTo("/repos/acme/shop")).willReturn(jsonResponse(
        "{\"id\":1,\"name\":\"shop\",\"full_name\":\"acme/shop\",\"owner\":{\"login\":\"acme\"}}", 200)));
    wm.stubFor(get(urlPathEqualTo("/repos/acme/shop/git/trees/abc")).willReturn(jsonResponse("{\"tree\":[]}", 200)));
  }

  @AfterEach
  void stop() {
    wm.stop();
  }

  private GitHubApps apps() {
    return new GitHubApps(URI.create(wm.baseUrl()), new AppJwt("42", TestKeys.keyPair().getPrivate(), Clock.systemUTC()),
        new CallPolicy(3, Duration.ofMillis(20), Duration.ofSeconds(2), d -> Thread.sleep(d.toMillis()), Clock.systemUTC()),
        GitHubApi.Observer.NONE);
  }

  private List<String> tokensSentToTheRepository() {
    return wm.findAll(getRequestedFor(urlPathEqualTo("/repos/acme/shop/git/trees/abc"))).stream()
        .map(r -> r.getHeader("Authorization")).toList();
  }

  @Test
  void tokenIsCachedUntilFiveMinutesBeforeExpiry() {
    String path = "/app/installations/9876543210/access_tokens";
    Instant now = Instant.now();
    // the first token expires in 4 minutes: inside the 5-minute margin, so it is replaced at once
    wm.stubFor(post(urlEqualTo(path)).inScenario("t").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("second")
        .willReturn(aResponse().withStatus(201).withBody("{\"token\":\"ghs_one\",\"expires_at\":\"" + now.plusSeconds(240) + "\"}")));
    wm.stubFor(post(urlEqualTo(path)).inScenario("t").whenScenarioStateIs("second")
        .willReturn(aResponse().withStatus(201).withBody("{\"token\":\"ghs_two\",\"expires_at\":\"" + now.plusSeconds(3600) + "\"}")));
    GitHubApi api = apps().installation(9_876_543_210L);
    api.tree(REPO, "abc");
    api.tree(REPO, "abc");
    api.tree(REPO, "abc");
    assertThat(tokensSentToTheRepository()).containsExactly("token ghs_two", "token ghs_two", "token ghs_two");
    wm.verify(2, postRequestedFor(urlEqualTo(path)).withHeader("Authorization", matching("Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+"))
        .withHeader("X-GitHub-Api-Version", matching("2022-11-28")));
  }

  @Test
  void serverErrorsAreRetriedAndRejectionsExplained() {
    String path = "/app/installations/1/access_tokens";
    wm.stubFor(post(urlEqualTo(path)).inScenario("f").whenScenarioStateIs(Scenario.STARTED).willSetStateTo("ok")
        .willReturn(aResponse().withStatus(502)));
    wm.stubFor(post(urlEqualTo(path)).inScenario("f").whenScenarioStateIs("ok")
        .willReturn(aResponse().withStatus(201).withBody("{\"token\":\"ghs_ok\",\"expires_at\":\"2099-01-01T00:00:00Z\"}")));
    apps().installation(1).tree(REPO, "abc");
    assertThat(tokensSentToTheRepository()).containsExactly("token ghs_ok");

    wm.stubFor(post(urlEqualTo("/app/installations/2/access_tokens"))
        .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"'Expiration time' claim ('exp') is too far in the future\"}")));
    assertThatThrownBy(() -> apps().installation(2).tree(REPO, "abc"))
        .isInstanceOf(GitHubException.class).hasMessageContaining("401").hasMessageContaining("installation 2")
        .hasMessageContaining("'Expiration time' claim");
  }

  @Test
  void theAppItselfReadsEndpointsTheLibraryLacksWithItsJwtFollowingPages() {
    String next = wm.baseUrl() + "/app/hook/deliveries?per_page=100&cursor=v1_2";
    wm.stubFor(get(urlEqualTo("/app/hook/deliveries?per_page=100"))
        .willReturn(jsonResponse("[{\"id\":12000000001,\"guid\":\"a\"}]", 200).withHeader("Link", "<" + next + ">; rel=\"next\"")));
    wm.stubFor(get(urlEqualTo("/app/hook/deliveries?per_page=100&cursor=v1_2"))
        .willReturn(jsonResponse("[{\"id\":12000000002,\"guid\":\"b\"}]", 200)));
    List<Long> ids = apps().app().getPages("/app/hook/deliveries?per_page=100").stream()
        .flatMap(page -> java.util.stream.StreamSupport.stream(page.spliterator(), false))
        .map(d -> d.path("id").asLong()).toList();
    assertThat(ids).containsExactly(12_000_000_001L, 12_000_000_002L);
    wm.verify(2, getRequestedFor(com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/app/hook/deliveries"))
        .withHeader("Authorization", matching("Bearer [\\w-]+\\.[\\w-]+\\.[\\w-]+")));
  }

  /** Two runs named specgate with our external id on the commit: ours (App 42) and another App's, newer. */
  private void stubRunsOfTwoApps(long installation) {
    wm.stubFor(post(urlEqualTo("/app/installations/" + installation + "/access_tokens")).willReturn(aResponse().withStatus(201)
        .withBody("{\"token\":\"ghs_t\",\"expires_at\":\"" + Instant.now().plusSeconds(3600) + "\"}")));
    wm.stubFor(get(urlPathEqualTo("/repos/acme/shop/commits/abc/check-runs")).willReturn(jsonResponse("{\"total_count\":2,"
        + "\"check_runs\":[{\"id\":5000000001,\"name\":\"specgate\",\"external_id\":\"7\",\"status\":\"in_progress\","
        + "\"app\":{\"id\":42}},{\"id\":5000000002,\"name\":\"specgate\",\"external_id\":\"7\",\"status\":\"in_progress\","
        + "\"app\":{\"id\":99}}]}", 200)));
  }

  @Test
  void theServiceFindsOnlyItsOwnAppsCheckRun() {
    stubRunsOfTwoApps(1);
    assertThat(apps().installation(1).findCheckRun(REPO, "abc", "specgate", "7")).get()
        .satisfies(run -> assertThat(run.id()).as("not App 99's newer run").isEqualTo(5_000_000_001L));
    // a client without an App (the Action's token) takes the newest of any App
    assertThat(GitHubApi.withToken(URI.create(wm.baseUrl()), "t", CallPolicy.action(),
        GitHubApi.Observer.NONE).findCheckRun(REPO, "abc", "specgate", "7")).get()
        .satisfies(run -> assertThat(run.id()).isEqualTo(5_000_000_002L));
  }

  @Test
  void anAppConfiguredByClientIdLearnsItsNumericIdOnce() {
    stubRunsOfTwoApps(2);
    GitHubApps apps = new GitHubApps(URI.create(wm.baseUrl()),
        new AppJwt("Iv1.0123456789abcdef", TestKeys.keyPair().getPrivate(), Clock.systemUTC()), CallPolicy.action(),
        GitHubApi.Observer.NONE);
    assertThat(apps.installation(2).findCheckRun(REPO, "abc", "specgate", "7")).get()
        .satisfies(run -> assertThat(run.id()).isEqualTo(5_000_000_001L));
    int asked = wm.findAll(getRequestedFor(urlEqualTo("/app"))).size();
    apps.installation(2).findCheckRun(REPO, "abc", "specgate", "7");
    assertThat(wm.findAll(getRequestedFor(urlEqualTo("/app"))).size()).as("the id is kept").isEqualTo(asked);
  }
}
