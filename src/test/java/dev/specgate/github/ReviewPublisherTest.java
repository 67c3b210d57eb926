package dev.specgate.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.core.Finding;
import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ReviewPublisherTest {
  private static final GitHubRepo REPO = new GitHubRepo("acme", "shop");
  private static final String V2 = "db/migrations/V2__a.sql";
  private static final String V3 = "db/migrations/V3__b.sql";
  private final ObjectMapper json = new ObjectMapper();
  private FakeGitHub gh;

  @BeforeEach
  void start() {
    gh = new FakeGitHub();
    gh.commentable(V2, List.of(Set.of(1, 2, 3)));
    gh.commentable(V3, List.of(Set.of(10, 11, 12)));
    gh.wm.stubFor(get(urlEqualTo("/repos/acme/shop/pulls/3/files?per_page=100")).atPriority(5)
        .willReturn(jsonResponse("[{\"filename\":\"" + V2 + "\",\"status\":\"added\",\"sha\":\"s\",\"patch\":\"@@ -0,0 +1,3 @@\\n+A;\\n+B;\\n+C;\"},"
            + "{\"filename\":\"" + V3 + "\",\"status\":\"modified\",\"sha\":\"s\",\"patch\":\"@@ -10,2 +10,3 @@\\n x\\n+y\\n z\"}]", 200)));
    gh.wm.stubFor(post(urlEqualTo("/repos/acme/shop/pulls/3/reviews")).atPriority(5)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"id\":6000000001,\"state\":\"COMMENTED\",\"body\":\"\"}")
            .withTransformers(FakeGitHub.REVIEW_VALIDATOR)));
    gh.wm.stubFor(patch(urlMatching("/repos/acme/shop/pulls/comments/\\d+")).atPriority(5)
        .willReturn(jsonResponse("{}", 200)));
    gh.wm.stubFor(delete(urlMatching("/repos/acme/shop/pulls/comments/\\d+")).atPriority(5)
        .willReturn(aResponse().withStatus(204)));
    gh.wm.stubFor(put(urlEqualTo("/repos/acme/shop/pulls/3/reviews/6000000000")).atPriority(5)
        .willReturn(jsonResponse("{\"id\":6000000000}", 200)));
  }

  @AfterEach
  void stop() {
    gh.close();
  }

  private static Finding finding(String file, int line, String message, String fix) {
    return new Finding("index-not-concurrent", Severity.ERROR, Location.line(file, line), message, "why", fix);
  }

  private static String comment(long id, Integer line, String body, long replyTo) {
    return "{\"id\":" + id + ",\"pull_request_review_id\":6000000000,\"path\":\"" + V2 + "\",\"line\":"
        + (line == null ? "null" : line) + ",\"side\":\"RIGHT\",\"body\":\"" + body + "\",\"in_reply_to_id\":"
        + (replyTo == 0 ? "null" : replyTo) + ",\"user\":{\"login\":\"github-actions[bot]\"}}";
  }

  @Test
  void aReRunUpdatesChangedCommentsDeletesResolvedOnesAndPostsOnlyNewOnes() throws Exception {
    gh.wm.stubFor(get(urlEqualTo("/repos/acme/shop/pulls/3/comments?per_page=100")).atPriority(5)
        .willReturn(jsonResponse("[" + String.join(",",
            comment(9_000_000_001L, 1, "old text <!-- specgate:finding aaaa -->", 0),
            comment(9_000_000_002L, 2, "fixed since <!-- specgate:finding bbbb -->", 0),
            comment(9_000_000_003L, 3, "discussed <!-- specgate:finding cccc -->", 0),
            comment(9_000_000_004L, 3, "a human reply", 9_000_000_003L),
            comment(9_000_000_005L, null, "outdated <!-- specgate:finding dddd -->", 0)) + "]", 200)));
    gh.wm.stubFor(get(urlEqualTo("/repos/acme/shop/pulls/3/reviews?per_page=100")).atPriority(5)
        .willReturn(jsonResponse("[{\"id\":6000000000,\"state\":\"COMMENTED\",\"body\":\"<!-- specgate:review -->\\nold\"}]", 200)));

    ReviewPublisher.Outcome outcome = new ReviewPublisher(gh.client()).publish(REPO, 3, "headsha", List.of(
        new ReviewPublisher.Item(finding(V2, 1, "still there, new words", ""), "aaaa", "A;"),
        new ReviewPublisher.Item(finding(V3, 11, "moved after a push", ""), "dddd", "y"),
        new ReviewPublisher.Item(finding(V2, 2, "brand new", "CREATE INDEX CONCURRENTLY i ON t (c);"), "eeee", "B;"),
        new ReviewPublisher.Item(finding(V3, 30, "outside the diff", ""), "ffff", "q")), "**specgate:** 4 errors");

    gh.wm.verify(1, patchRequestedFor(urlEqualTo("/repos/acme/shop/pulls/comments/9000000001")));
    gh.wm.verify(1, deleteRequestedFor(urlEqualTo("/repos/acme/shop/pulls/comments/9000000002")));
    gh.wm.verify(0, deleteRequestedFor(urlEqualTo("/repos/acme/shop/pulls/comments/9000000003")));
    gh.wm.verify(1, deleteRequestedFor(urlEqualTo("/repos/acme/shop/pulls/comments/9000000005")));
    gh.wm.verify(1, postRequestedFor(urlEqualTo("/repos/acme/shop/pulls/3/reviews")));
    JsonNode review = json.readTree(gh.wm.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/pulls/3/reviews"))).get(0).getBodyAsString());
    assertThat(review.path("comments")).hasSize(2);
    assertThat(review.path("comments").get(0).path("path").asText()).isEqualTo(V3);
    assertThat(review.path("comments").get(0).path("line").asInt()).isEqualTo(11);
    assertThat(review.path("comments").get(1).path("line").asInt()).isEqualTo(2);
    String suggestion = review.path("comments").get(1).path("body").asText();
    assertThat(suggestion).contains("```suggestion\nCREATE INDEX CONCURRENTLY i ON t (c);\n```");
    assertThat(suggestion).endsWith("<!-- specgate:finding eeee -->");
    JsonNode summary = json.readTree(gh.wm.findAll(putRequestedFor(urlEqualTo("/repos/acme/shop/pulls/3/reviews/6000000000"))).get(0).getBodyAsString());
    assertThat(summary.path("body").asText()).startsWith("<!-- specgate:review -->\n**specgate:** 4 errors")
        .contains(V3 + ":30 — outside the diff");
    assertThat(outcome.created()).isEqualTo(2);
    assertThat(outcome.updated()).isEqualTo(1);
    assertThat(outcome.deleted()).isEqualTo(2);
    assertThat(outcome.offDiff()).isEqualTo(1);
  }

  @Test
  void fixesWithPlaceholdersOrAlternativesAreShownNotSuggested() throws Exception {
    gh.wm.stubFor(get(urlEqualTo("/repos/acme/shop/pulls/3/comments?per_page=100")).atPriority(5)
        .willReturn(jsonResponse("[]", 200)));
    gh.wm.stubFor(get(urlEqualTo("/repos/acme/shop/pulls/3/reviews?per_page=100")).atPriority(5)
        .willReturn(jsonResponse("[]", 200)));
    new ReviewPublisher(gh.client()).publish(REPO, 3, "headsha", List.of(
        new ReviewPublisher.Item(finding(V2, 1, "m", "Backfill in batches:\nUPDATE t SET c = <value> WHERE id < 100;"), "1111", "A;"),
        new ReviewPublisher.Item(finding(V2, 2, "m", "Do it:\nALTER TABLE t ADD c int;\n-- or, simpler:\nALTER TABLE t ADD c int DEFAULT 0;"), "2222", "B;"),
        new ReviewPublisher.Item(finding(V2, 3, "m", "Build it concurrently:\nCREATE INDEX CONCURRENTLY i ON t (c);"), "3333", "C -- no semicolon")),
        "**specgate:** 3 errors");
    JsonNode review = json.readTree(gh.wm.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/pulls/3/reviews"))).get(0).getBodyAsString());
    assertThat(review.path("body").asText()).startsWith("<!-- specgate:review -->");
    for (JsonNode c : review.path("comments")) {
      assertThat(c.path("body").asText()).doesNotContain("```suggestion").contains("**Fix:**").contains("```sql\n");
    }
  }

  @Test
  void nothingToSayPostsNothing() {
    gh.wm.stubFor(get(urlEqualTo("/repos/acme/shop/pulls/3/comments?per_page=100")).atPriority(5)
        .willReturn(jsonResponse("[]", 200)));
    gh.wm.stubFor(get(urlEqualTo("/repos/acme/shop/pulls/3/reviews?per_page=100")).atPriority(5)
        .willReturn(jsonResponse("[]", 200)));
    ReviewPublisher.Outcome outcome = new ReviewPublisher(gh.client()).publish(REPO, 3, "headsha", List.of(), "**specgate:** no findings");
    assertThat(outcome.newReview()).isEmpty();
    gh.wm.verify(0, postRequestedFor(urlEqualTo("/repos/acme/shop/pulls/3/reviews")));
  }
}
