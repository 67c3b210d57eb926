package dev.specgate.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubApiTest {
  private static final GitHubRepo REPO = new GitHubRepo("acme", "shop");
  private static final long BIG_ID = 5_000_000_123L; // beyond 2^32
  private final ObjectMapper json = new ObjectMapper();
  private FakeGitHub gh;

  @BeforeEach
  void start() {
    gh = new FakeGitHub();
  }

  @AfterEach
  void stop() {
    gh.close();
  }

  private List<Annotation> annotations(int n) {
    List<Annotation> out = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      out.add(new Annotation("db/migrations/V1__a.sql", i, i, "failure", "finding " + i, "specgate rule", null));
    }
    return out;
  }

  @Test
  void theFakeRejectsMoreThanFiftyAnnotationsLikeGitHub() throws Exception {
    StringBuilder anns = new StringBuilder();
    for (int i = 0; i < 51; i++) {
      if (i > 0) anns.append(',');
      anns.append("{\"path\":\"a.sql\",\"start_line\":1,\"end_line\":1,\"annotation_level\":\"notice\",\"message\":\"m\"}");
    }
    HttpResponse<String> r = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create(gh.wm.baseUrl() + "/repos/acme/shop/check-runs"))
            .header("Authorization", FakeGitHub.bearer())
            .POST(HttpRequest.BodyPublishers.ofString(
                "{\"name\":\"x\",\"head_sha\":\"abc\",\"output\":{\"title\":\"t\",\"summary\":\"s\",\"annotations\":[" + anns + "]}}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isEqualTo(422);
  }

  @Test
  void createCheckRunSendsAnnotationsInBatchesOfFiftyAndKeepsLongIds() throws Exception {
    gh.wm.stubFor(post(urlEqualTo("/repos/acme/shop/check-runs")).atPriority(5)
        .willReturn(jsonResponse("{\"id\":" + BIG_ID + ",\"name\":\"specgate\",\"head_sha\":\"abc\",\"status\":\"completed\"}", 201)));
    gh.wm.stubFor(patch(urlEqualTo("/repos/acme/shop/check-runs/" + BIG_ID)).atPriority(5)
        .willReturn(jsonResponse("{\"id\":" + BIG_ID + "}", 200)));

    CheckRun run = gh.client().createCheckRun(REPO,
        CheckRunRequest.completed("specgate", "abc", "failure", "3 errors", "summary", annotations(120)));

    assertThat(run.id()).isEqualTo(BIG_ID);
    List<LoggedRequest> posts = gh.wm.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/check-runs")));
    List<LoggedRequest> patches = gh.wm.findAll(patchRequestedFor(urlEqualTo("/repos/acme/shop/check-runs/" + BIG_ID)));
    assertThat(posts).hasSize(1);
    assertThat(patches).hasSize(2);
    JsonNode first = json.readTree(posts.get(0).getBodyAsString());
    assertThat(first.path("name").asText()).isEqualTo("specgate");
    assertThat(first.path("head_sha").asText()).isEqualTo("abc");
    assertThat(first.path("conclusion").asText()).isEqualTo("failure");
    assertThat(first.path("output").path("annotations")).hasSize(50);
    assertThat(first.path("output").path("annotations").get(0).path("start_line").asInt()).isEqualTo(1);
    JsonNode second = json.readTree(patches.get(0).getBodyAsString());
    JsonNode third = json.readTree(patches.get(1).getBodyAsString());
    assertThat(second.path("output").path("annotations")).hasSize(50);
    assertThat(second.path("output").path("annotations").get(0).path("start_line").asInt()).isEqualTo(51);
    assertThat(third.path("output").path("annotations")).hasSize(20);
    assertThat(third.path("output").path("title").asText()).isEqualTo("3 errors");
    assertThat(third.path("output").path("summary").asText()).isEqualTo("summary");
    for (LoggedRequest r : gh.wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(
        com.github.tomakehurst.wiremock.client.WireMock.anyUrl()))) {
      assertThat(r.getHeader("Authorization")).isEqualTo(FakeGitHub.bearer());
      assertThat(r.getHeader("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
      assertThat(r.getHeader("Accept")).isEqualTo("application/vnd.github+json");
    }
  }

  @Test
  void summaryIsCutToGitHubsLimit() throws Exception {
    gh.wm.stubFor(post(urlEqualTo("/repos/acme/shop/check-runs")).atPriority(5)
        .willReturn(jsonResponse("{\"id\":1}", 201)));
    gh.client().createCheckRun(REPO,
        CheckRunRequest.completed("specgate", "abc", "success", "t", "x".repeat(70_000), List.of()));
    JsonNode body = json.readTree(gh.wm.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/check-runs"))).get(0).getBodyAsString());
    assertThat(body.path("output").path("summary").asText().length()).isLessThanOrEqualTo(GitHubApi.OUTPUT_LIMIT);
    assertThat(body.path("output").has("annotations")).isFalse();
  }

  @Test
  void aRequestWithoutTheTokenIsRefused() {
    assertThatThrownBy(() -> gh.client("").findCheckRun(REPO, "abc", "specgate"))
        .isInstanceOfSatisfying(GitHubException.class, e -> assertThat(e.status()).isEqualTo(401));
    assertThat(gh.sleeps).isEmpty();
  }

  @Test
  void retriesAServerErrorWithBackoff() {
    gh.wm.stubFor(get(urlPathEqualTo("/repos/acme/shop/pulls/7/files")).atPriority(5)
        .inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(jsonResponse("{\"message\":\"Server Error\"}", 500)).willSetStateTo("ok"));
    gh.wm.stubFor(get(urlPathEqualTo("/repos/acme/shop/pulls/7/files")).atPriority(5)
        .inScenario("flaky").whenScenarioStateIs("ok")
        .willReturn(jsonResponse("[{\"filename\":\"a.sql\",\"status\":\"added\",\"sha\":\"s1\",\"patch\":\"@@ -0,0 +1 @@\\n+x\"}]", 200)));

    List<PullRequestFile> files = gh.client().listPullRequestFiles(REPO, 7);

    assertThat(files).extracting(PullRequestFile::filename).containsExactly("a.sql");
    gh.wm.verify(2, getRequestedFor(urlPathEqualTo("/repos/acme/shop/pulls/7/files")));
    assertThat(gh.sleeps).containsExactly(Duration.ofSeconds(2));
  }

  @Test
  void honoursRetryAfterOnASecondaryRateLimit() {
    gh.wm.stubFor(get(urlPathEqualTo("/repos/acme/shop/pulls/7/reviews")).atPriority(5)
        .inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(jsonResponse("{\"message\":\"You have exceeded a secondary rate limit\"}", 403)
            .withHeader("retry-after", "7"))
        .willSetStateTo("ok"));
    gh.wm.stubFor(get(urlPathEqualTo("/repos/acme/shop/pulls/7/reviews")).atPriority(5)
        .inScenario("limited").whenScenarioStateIs("ok")
        .willReturn(jsonResponse("[{\"id\":" + BIG_ID + ",\"body\":\"b\",\"state\":\"COMMENTED\",\"user\":{\"login\":\"bot\"}}]", 200)));

    List<Review> reviews = gh.client().listReviews(REPO, 7);

    assertThat(reviews).extracting(Review::id).containsExactly(BIG_ID);
    assertThat(gh.sleeps).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void waitsForTheRateLimitResetWhenThePrimaryLimitIsSpent() {
    long reset = FakeGitHub.NOW.getEpochSecond() + 30;
    gh.wm.stubFor(get(urlPathEqualTo("/repos/acme/shop/pulls/7/comments")).atPriority(5)
        .inScenario("spent").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(jsonResponse("{\"message\":\"API rate limit exceeded\"}", 403)
            .withHeader("x-ratelimit-remaining", "0").withHeader("x-ratelimit-reset", String.valueOf(reset)))
        .willSetStateTo("ok"));
    gh.wm.stubFor(get(urlPathEqualTo("/repos/acme/shop/pulls/7/comments")).atPriority(5)
        .inScenario("spent").whenScenarioStateIs("ok")
        .willReturn(jsonResponse("[]", 200)));

    assertThat(gh.client().listReviewComments(REPO, 7)).isEmpty();
    assertThat(gh.sleeps).containsExactly(Duration.ofSeconds(31));
  }

  @Test
  void aLimitResetTooFarAwayFailsInsteadOfSleepingForAnHour() {
    long reset = FakeGitHub.NOW.getEpochSecond() + 3600;
    gh.wm.stubFor(get(urlPathEqualTo("/repos/acme/shop/pulls/7/comments")).atPriority(5)
        .willReturn(jsonResponse("{\"message\":\"API rate limit exceeded\"}", 403)
            .withHeader("x-ratelimit-remaining", "0").withHeader("x-ratelimit-reset", String.valueOf(reset))));
    assertThatThrownBy(() -> gh.client().listReviewComments(REPO, 7))
        .isInstanceOfSatisfying(GitHubException.class, e -> assertThat(e.status()).isEqualTo(403));
    assertThat(gh.sleeps).isEmpty();
  }

  @Test
  void aForkTokensPlain403IsNotRetried() {
    gh.wm.stubFor(post(urlEqualTo("/repos/acme/shop/check-runs")).atPriority(5)
        .willReturn(jsonResponse("{\"message\":\"Resource not accessible by integration\"}", 403)));
    assertThatThrownBy(() -> gh.client().createCheckRun(REPO,
            CheckRunRequest.completed("specgate", "abc", "success", "t", "s", List.of())))
        .isInstanceOfSatisfying(GitHubException.class, e -> {
          assertThat(e.status()).isEqualTo(403);
          assertThat(e.isPermissionProblem()).isTrue();
          assertThat(e.getMessage()).contains("Resource not accessible by integration");
        });
    gh.wm.verify(1, postRequestedFor(urlEqualTo("/repos/acme/shop/check-runs")));
    assertThat(gh.sleeps).isEmpty();
  }

  @Test
  void followsLinkHeadersAcrossPages() {
    String next = gh.wm.baseUrl() + "/repositories/99/pulls/7/files?per_page=100&page=2";
    StringBuilder page1 = new StringBuilder("[");
    for (int i = 0; i < 100; i++) {
      if (i > 0) page1.append(',');
      page1.append("{\"filename\":\"f").append(i).append(".sql\",\"status\":\"added\",\"sha\":\"s\"}");
    }
    page1.append(']');
    gh.wm.stubFor(get(urlEqualTo("/repos/acme/shop/pulls/7/files?per_page=100")).atPriority(5)
        .willReturn(jsonResponse(page1.toString(), 200)
            .withHeader("Link", "<" + next + ">; rel=\"next\", <" + next + ">; rel=\"last\"")));
    gh.wm.stubFor(get(urlEqualTo("/repositories/99/pulls/7/files?per_page=100&page=2")).atPriority(5)
        .willReturn(jsonResponse("[{\"filename\":\"last.sql\",\"status\":\"modified\",\"sha\":\"s\"}]", 200)
            .withHeader("Link", "<" + gh.wm.baseUrl() + "/repos/acme/shop/pulls/7/files?per_page=100>; rel=\"prev\"")));

    List<PullRequestFile> files = gh.client().listPullRequestFiles(REPO, 7);

    assertThat(files).hasSize(101);
    assertThat(files.get(100).filename()).isEqualTo("last.sql");
    assertThat(files.get(100).patch()).isNull();
  }

  @Test
  void readsContentsAndFallsBackToTheBlobApiForLargeFiles() {
    String small = Base64.getMimeEncoder().encodeToString("select 1;\n".getBytes(StandardCharsets.UTF_8));
    gh.wm.stubFor(get(urlEqualTo("/repos/acme/shop/contents/db/migrations/V1__a.sql?ref=abc")).atPriority(5)
        .willReturn(jsonResponse("{\"type\":\"file\",\"encoding\":\"base64\",\"size\":10,\"sha\":\"b1\",\"content\":\""
            + small.replace("\r\n", "\\n") + "\"}", 200)));
    gh.wm.stubFor(get(urlEqualTo("/repos/acme/shop/contents/big.sql?ref=abc")).atPriority(5)
        .willReturn(jsonResponse("{\"type\":\"file\",\"encoding\":\"none\",\"size\":2000000,\"sha\":\"b2\",\"content\":\"\"}", 200)));
    gh.wm.stubFor(get(urlEqualTo("/repos/acme/shop/git/blobs/b2")).atPriority(5)
        .willReturn(jsonResponse("{\"sha\":\"b2\",\"encoding\":\"base64\",\"content\":\""
            + Base64.getEncoder().encodeToString("big".getBytes(StandardCharsets.UTF_8)) + "\"}", 200)));

    GitHubApi c = gh.client();
    assertThat(new String(c.getContent(REPO, "db/migrations/V1__a.sql", "abc").orElseThrow(), StandardCharsets.UTF_8))
        .isEqualTo("select 1;\n");
    assertThat(new String(c.getContent(REPO, "big.sql", "abc").orElseThrow(), StandardCharsets.UTF_8)).isEqualTo("big");
    assertThat(c.getContent(REPO, "missing.sql", "abc")).isEmpty();
  }

  @Test
  void aReviewWithACommentOffTheDiffIsRejectedWhole() throws Exception {
    gh.commentable("db/migrations/V2__b.sql", List.of(Set.of(1, 2, 3)));
    gh.wm.stubFor(post(urlEqualTo("/repos/acme/shop/pulls/7/reviews")).atPriority(5)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"id\":" + BIG_ID + ",\"body\":\"b\",\"state\":\"COMMENTED\"}")
            .withTransformers(FakeGitHub.REVIEW_VALIDATOR)));
    GitHubApi c = gh.client();

    ReviewRequest bad = new ReviewRequest("abc", "body", "COMMENT", List.of(
        new ReviewRequest.Comment("db/migrations/V2__b.sql", null, 2, "ok"),
        new ReviewRequest.Comment("db/migrations/V2__b.sql", null, 9, "off the diff")));
    assertThatThrownBy(() -> c.createReview(REPO, 7, bad))
        .isInstanceOfSatisfying(GitHubException.class, e -> {
          assertThat(e.isValidationFailure()).isTrue();
          assertThat(e.getMessage()).contains("must be part of the diff");
        });

    Review ok = c.createReview(REPO, 7, new ReviewRequest("abc", "body", "COMMENT", List.of(
        new ReviewRequest.Comment("db/migrations/V2__b.sql", 1, 3, "range"))));
    assertThat(ok.id()).isEqualTo(BIG_ID);
    JsonNode sent = json.readTree(gh.wm.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/pulls/7/reviews"))).get(1).getBodyAsString());
    assertThat(sent.path("commit_id").asText()).isEqualTo("abc");
    assertThat(sent.path("event").asText()).isEqualTo("COMMENT");
    assertThat(sent.path("comments").get(0).path("start_line").asInt()).isEqualTo(1);
    assertThat(sent.path("comments").get(0).path("line").asInt()).isEqualTo(3);
    assertThat(sent.path("comments").get(0).path("side").asText()).isEqualTo("RIGHT");
  }

  @Test
  void findsTheLatestCheckRunByShaAndName() {
    gh.wm.stubFor(get(urlPathEqualTo("/repos/acme/shop/commits/abc/check-runs")).atPriority(5)
        .withQueryParam("check_name", com.github.tomakehurst.wiremock.client.WireMock.equalTo("specgate"))
        .willReturn(jsonResponse("{\"total_count\":1,\"check_runs\":[{\"id\":" + BIG_ID
            + ",\"name\":\"specgate\",\"head_sha\":\"abc\",\"status\":\"completed\",\"conclusion\":\"failure\"}]}", 200)));
    assertThat(gh.client().findCheckRun(REPO, "abc", "specgate")).get()
        .satisfies(r -> {
          assertThat(r.id()).isEqualTo(BIG_ID);
          assertThat(r.conclusion()).isEqualTo("failure");
        });
    gh.wm.verify(getRequestedFor(urlPathEqualTo("/repos/acme/shop/commits/abc/check-runs"))
        .withQueryParam("filter", com.github.tomakehurst.wiremock.client.WireMock.equalTo("all")));
  }

  @Test
  void anExternalIdTellsOurRunApartFromAJobOfTheSameName() {
    gh.wm.stubFor(get(urlPathEqualTo("/repos/acme/shop/commits/abc/check-runs")).atPriority(5)
        .willReturn(jsonResponse("{\"total_count\":3,\"check_runs\":["
            + "{\"id\":" + (BIG_ID + 9) + ",\"name\":\"specgate\",\"external_id\":\"\"},"
            + "{\"id\":" + BIG_ID + ",\"name\":\"specgate\",\"external_id\":\"ours\"},"
            + "{\"id\":" + (BIG_ID + 1) + ",\"name\":\"specgate\",\"external_id\":\"ours\"}]}", 200)));
    GitHubApi c = gh.client();
    assertThat(c.findCheckRun(REPO, "abc", "specgate", "ours")).get().extracting(CheckRun::id).isEqualTo(BIG_ID + 1);
    assertThat(c.findCheckRun(REPO, "abc", "specgate")).get().extracting(CheckRun::id).isEqualTo(BIG_ID + 9);
    assertThat(c.findCheckRun(REPO, "abc", "specgate", "theirs")).isEmpty();
  }

  @Test
  void annotationsOverFiftyOnUpdateAreAppendedInBatchesToo() throws Exception {
    gh.wm.stubFor(patch(urlEqualTo("/repos/acme/shop/check-runs/" + BIG_ID)).atPriority(5)
        .willReturn(jsonResponse("{\"id\":" + BIG_ID + "}", 200)));
    gh.client().updateCheckRun(REPO, BIG_ID,
        CheckRunRequest.completed(null, "abc", "failure", "t", "s", annotations(51)));
    List<LoggedRequest> patches = gh.wm.findAll(patchRequestedFor(urlEqualTo("/repos/acme/shop/check-runs/" + BIG_ID)));
    assertThat(patches).hasSize(2);
    assertThat(json.readTree(patches.get(0).getBodyAsString()).path("output").path("annotations")).hasSize(50);
    assertThat(json.readTree(patches.get(1).getBodyAsString()).path("output").path("annotations")).hasSize(1);
    gh.wm.verify(0, patchRequestedFor(urlEqualTo("/repos/acme/shop/check-runs/" + BIG_ID))
        .withRequestBody(matchingJsonPath("$.output.annotations[50]")));
  }

  @Test
  void aSpentLimitSurfacesAsRateLimitedCarryingTheResetTime() {
    long reset = FakeGitHub.NOW.getEpochSecond() + 3600;
    gh.wm.stubFor(get(urlPathEqualTo("/repos/acme/shop/pulls/7/comments")).atPriority(5)
        .willReturn(jsonResponse("{\"message\":\"API rate limit exceeded\"}", 403)
            .withHeader("x-ratelimit-remaining", "0").withHeader("x-ratelimit-reset", String.valueOf(reset))));
    assertThatThrownBy(() -> gh.client().listReviewComments(REPO, 7))
        .isInstanceOfSatisfying(RateLimited.class, e -> {
          assertThat(e.resetAt()).contains(java.time.Instant.ofEpochSecond(reset + 1));
          assertThat(e.transientFailure()).isTrue();
          assertThat(e.retryAfter(java.time.Clock.fixed(FakeGitHub.NOW, java.time.ZoneOffset.UTC)))
              .contains(Duration.ofSeconds(3601));
        });
    gh.wm.verify(1, getRequestedFor(urlPathEqualTo("/repos/acme/shop/pulls/7/comments")));
  }

  @Test
  void aLinkToAnotherHostIsNotFollowedAndGetsNoToken() {
    com.github.tomakehurst.wiremock.WireMockServer other =
        new com.github.tomakehurst.wiremock.WireMockServer(com.github.tomakehurst.wiremock.core.WireMockConfiguration.options().dynamicPort());
    other.start();
    try {
      other.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(com.github.tomakehurst.wiremock.client.WireMock.anyUrl())
          .willReturn(jsonResponse("[]", 200)));
      String elsewhere = other.baseUrl() + "/repos/acme/shop/pulls/7/files?page=2";
      gh.wm.stubFor(get(urlEqualTo("/repos/acme/shop/pulls/7/files?per_page=100")).atPriority(5)
          .willReturn(jsonResponse("[{\"filename\":\"a.sql\",\"status\":\"added\",\"sha\":\"s\"}]", 200)
              .withHeader("Link", "<" + elsewhere + ">; rel=\"next\"")));
      assertThatThrownBy(() -> gh.client().listPullRequestFiles(REPO, 7))
          .isInstanceOf(GitHubException.class)
          .hasMessageContaining("refusing to send a request to http://localhost:" + other.port());
      assertThat(other.getAllServeEvents()).isEmpty();
    } finally {
      other.stop();
    }
  }

  @Test
  void anUnreachableGitHubIsNamedWithItsCause() throws Exception {
    int closed;
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      closed = s.getLocalPort();
    }
    GitHubApi api = GitHubApi.withToken(URI.create("http://127.0.0.1:" + closed), FakeGitHub.TOKEN, gh.policy(),
        GitHubApi.Observer.NONE);
    assertThatThrownBy(() -> api.listReviews(REPO, 7))
        .isInstanceOfSatisfying(GitHubException.class, e -> {
          assertThat(e.status()).isZero();
          assertThat(e.transientFailure()).isTrue();
          assertThat(e.getMessage()).contains("cannot reach GitHub at 127.0.0.1:" + closed).contains("ConnectException")
              .doesNotContain("null");
        });
  }

  @Test
  void pathSegmentsAreUrlEncoded() {
    gh.wm.stubFor(get(urlEqualTo("/repos/ac%20me/sh%23op")).atPriority(5).willReturn(jsonResponse(
        "{\"id\":1,\"name\":\"sh#op\",\"full_name\":\"ac me/sh#op\",\"owner\":{\"login\":\"ac me\"}}", 200)));
    gh.wm.stubFor(get(urlEqualTo("/repos/ac%20me/sh%23op/contents/db/V2%20q%23x%3F.sql?ref=abc")).atPriority(5)
        .willReturn(jsonResponse("{\"type\":\"file\",\"encoding\":\"base64\",\"size\":2,\"sha\":\"b1\",\"content\":\""
            + Base64.getEncoder().encodeToString("ok".getBytes(StandardCharsets.UTF_8)) + "\"}", 200)));
    assertThat(gh.client().getContent(new GitHubRepo("ac me", "sh#op"), "db/V2 q#x?.sql", "abc"))
        .hasValueSatisfying(b -> assertThat(new String(b, StandardCharsets.UTF_8)).isEqualTo("ok"));
  }
}
