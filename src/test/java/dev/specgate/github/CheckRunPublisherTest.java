package dev.specgate.github;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CheckRunPublisherTest {
  private static final GitHubRepo REPO = new GitHubRepo("acme", "shop");
  private static final long ID = 4_300_000_000L;
  private final ObjectMapper json = new ObjectMapper();
  private FakeGitHub gh;
  private final Annotation a1 = new Annotation("a.sql", 1, 1, "failure", "one", "specgate r", null);
  private final Annotation a2 = new Annotation("a.sql", 2, 2, "warning", "two", "specgate r", "details");

  @BeforeEach
  void start() {
    gh = new FakeGitHub();
    gh.wm.stubFor(get(urlPathEqualTo("/repos/acme/shop/commits/sha1/check-runs")).atPriority(5)
        .willReturn(jsonResponse("{\"total_count\":1,\"check_runs\":[{\"id\":" + ID + ",\"name\":\"specgate\"}]}", 200)));
    gh.wm.stubFor(post(urlEqualTo("/repos/acme/shop/check-runs")).atPriority(5)
        .willReturn(jsonResponse("{\"id\":" + (ID + 1) + "}", 201)));
    gh.wm.stubFor(patch(urlEqualTo("/repos/acme/shop/check-runs/" + ID)).atPriority(5)
        .willReturn(jsonResponse("{\"id\":" + ID + "}", 200)));
  }

  @AfterEach
  void stop() {
    gh.close();
  }

  private void existingAnnotations(String body) {
    gh.wm.stubFor(get(urlEqualTo("/repos/acme/shop/check-runs/" + ID + "/annotations?per_page=100")).atPriority(5)
        .willReturn(jsonResponse(body, 200)));
  }

  @Test
  void anExistingRunWhoseAnnotationsAreAllCurrentIsUpdatedWithOnlyTheMissingOnes() throws Exception {
    existingAnnotations("[{\"path\":\"a.sql\",\"start_line\":1,\"end_line\":1,\"annotation_level\":\"failure\",\"message\":\"one\",\"title\":\"specgate r\"}]");
    CheckRunPublisher.Outcome out = new CheckRunPublisher(gh.client()).publish(REPO,
        CheckRunRequest.completed("specgate", "sha1", "failure", "t", "s", List.of(a1, a2)));
    assertThat(out.created()).isFalse();
    assertThat(out.annotationsSent()).isEqualTo(1);
    assertThat(out.run().id()).isEqualTo(ID);
    gh.wm.verify(0, postRequestedFor(urlEqualTo("/repos/acme/shop/check-runs")));
    JsonNode body = json.readTree(gh.wm.findAll(patchRequestedFor(urlEqualTo("/repos/acme/shop/check-runs/" + ID))).get(0).getBodyAsString());
    assertThat(body.path("output").path("annotations")).hasSize(1);
    assertThat(body.path("output").path("annotations").get(0).path("message").asText()).isEqualTo("two");
  }

  @Test
  void anExistingRunCarryingAStaleAnnotationIsReplacedByANewRun() throws Exception {
    existingAnnotations("[{\"path\":\"a.sql\",\"start_line\":9,\"end_line\":9,\"annotation_level\":\"failure\",\"message\":\"fixed since\",\"title\":\"specgate r\"}]");
    CheckRunPublisher.Outcome out = new CheckRunPublisher(gh.client()).publish(REPO,
        CheckRunRequest.completed("specgate", "sha1", "failure", "t", "s", List.of(a1)));
    assertThat(out.created()).isTrue();
    assertThat(out.run().id()).isEqualTo(ID + 1);
    gh.wm.verify(0, patchRequestedFor(urlEqualTo("/repos/acme/shop/check-runs/" + ID)));
    JsonNode body = json.readTree(gh.wm.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/check-runs"))).get(0).getBodyAsString());
    assertThat(body.path("output").path("annotations")).hasSize(1);
    assertThat(body.path("head_sha").asText()).isEqualTo("sha1");
  }
}
