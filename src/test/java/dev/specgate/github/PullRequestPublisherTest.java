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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.core.ChangeSet;
import dev.specgate.core.Finding;
import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.core.SourceFile;
import dev.specgate.engine.Report;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The one publishing flow the Action and the service share: review first, then the Check Run saying what failed. */
class PullRequestPublisherTest {
  private static final GitHubRepo REPO = new GitHubRepo("acme", "shop");
  private static final String FILE = "db/migrations/V2__a.sql";
  private static final long RUN = 4_300_000_007L;
  private final ObjectMapper json = new ObjectMapper();
  private FakeGitHub gh;
  private final Finding finding = new Finding("index-not-concurrent", Severity.ERROR, Location.line(FILE, 1),
      "CREATE INDEX without CONCURRENTLY", "blocks writes", "");
  private final Report report = new Report(List.of(finding), List.of(FILE), List.of(), 1, 1, Severity.ERROR);
  private final ChangeSet changes = new ChangeSet(ChangeSet.Kind.RANGE,
      List.of(SourceFile.added(FILE, "CREATE INDEX i ON t (c);\r\n")), false);

  @BeforeEach
  void start() {
    gh = new FakeGitHub();
    gh.wm.stubFor(get(urlEqualTo("/repos/acme/shop/pulls/3/files?per_page=100")).atPriority(5)
        .willReturn(jsonResponse("[{\"filename\":\"" + FILE + "\",\"status\":\"added\",\"sha\":\"s\",\"patch\":\"@@ -0,0 +1 @@\\n+CREATE INDEX i ON t (c);\"}]", 200)));
    gh.wm.stubFor(get(urlEqualTo("/repos/acme/shop/pulls/3/comments?per_page=100")).atPriority(5).willReturn(jsonResponse("[]", 200)));
    gh.wm.stubFor(get(urlEqualTo("/repos/acme/shop/pulls/3/reviews?per_page=100")).atPriority(5).willReturn(jsonResponse("[]", 200)));
    gh.wm.stubFor(get(urlPathEqualTo("/repos/acme/shop/commits/head/check-runs")).atPriority(5)
        .willReturn(jsonResponse("{\"total_count\":0,\"check_runs\":[]}", 200)));
    gh.wm.stubFor(post(urlEqualTo("/repos/acme/shop/check-runs")).atPriority(5)
        .willReturn(jsonResponse("{\"id\":" + RUN + ",\"name\":\"specgate\"}", 201)));
    gh.wm.stubFor(patch(urlEqualTo("/repos/acme/shop/check-runs/" + RUN)).atPriority(5)
        .willReturn(jsonResponse("{\"id\":" + RUN + ",\"name\":\"specgate\"}", 200)));
  }

  @AfterEach
  void stop() {
    gh.close();
  }

  private PullRequestPublisher.Context context(long runId, boolean soft) {
    return new PullRequestPublisher.Context(REPO, 3, "head", false, "specgate", "42", runId, "", true, true, soft);
  }

  @Test
  void aRefusedReviewIsANoteInTheCheckRunSummary() throws Exception {
    gh.wm.stubFor(post(urlEqualTo("/repos/acme/shop/pulls/3/reviews")).atPriority(5)
        .willReturn(jsonResponse("{\"message\":\"Unprocessable Entity\",\"errors\":[\"Line could not be resolved\"]}", 422)));
    PullRequestPublisher.Outcome out = new PullRequestPublisher(gh.client()).publish(context(0, false), report, changes);

    assertThat(out.notes()).extracting(PullRequestPublisher.Note::text).containsExactly(
        "Could not publish the pull request review: GitHub POST /repos/acme/shop/pulls/3/reviews answered 422: "
            + "Unprocessable Entity \\[\"Line could not be resolved\"\\]. The results are in the annotations and this summary.");
    assertThat(out.checkRun().id()).isEqualTo(RUN);
    JsonNode created = json.readTree(gh.wm.findAll(postRequestedFor(urlEqualTo("/repos/acme/shop/check-runs"))).get(0).getBodyAsString());
    assertThat(created.path("external_id").asText()).isEqualTo("42");
    assertThat(created.path("output").path("title").asText()).isEqualTo("1 error, 0 warnings, 0 notices");
    assertThat(created.path("output").path("summary").asText()).contains("> Could not publish the pull request review");
    assertThat(created.path("output").path("annotations")).hasSize(1);
  }

  @Test
  void theServiceCompletesItsOwnRunAndRetriesOtherFailuresWhileTheActionCarriesOn() {
    gh.wm.stubFor(post(urlEqualTo("/repos/acme/shop/pulls/3/reviews")).atPriority(5)
        .willReturn(jsonResponse("{\"id\":6000000001,\"state\":\"COMMENTED\",\"body\":\"\"}", 200)));
    PullRequestPublisher.Outcome ok = new PullRequestPublisher(gh.client()).publish(context(RUN, false), report, changes);
    assertThat(ok.notes()).isEmpty();
    assertThat(ok.review().created()).isEqualTo(1);
    gh.wm.verify(0, postRequestedFor(urlEqualTo("/repos/acme/shop/check-runs")));
    gh.wm.verify(1, patchRequestedFor(urlEqualTo("/repos/acme/shop/check-runs/" + RUN)));

    gh.wm.stubFor(post(urlEqualTo("/repos/acme/shop/pulls/3/reviews")).atPriority(4)
        .willReturn(jsonResponse("{\"message\":\"Server Error\"}", 500)));
    assertThatThrownBy(() -> new PullRequestPublisher(gh.client()).publish(context(RUN, false), report, changes))
        .isInstanceOfSatisfying(GitHubException.class, e -> assertThat(e.transientFailure()).isTrue());
    PullRequestPublisher.Outcome soft = new PullRequestPublisher(gh.client()).publish(context(RUN, true), report, changes);
    assertThat(soft.notes()).singleElement().satisfies(n -> {
      assertThat(n.refused()).isFalse();
      assertThat(n.text()).startsWith("Could not publish the pull request review: GitHub POST /repos/acme/shop/pulls/3/reviews answered 500");
    });
  }

  @Test
  void headTextSplitsCrlfFilesLikeLfOnes() {
    assertThat(PullRequestPublisher.headText(finding, changes)).isEqualTo("CREATE INDEX i ON t (c);");
    assertThat(PullRequestPublisher.title(new Report(List.of(), List.of(), List.of(), 0, 0, Severity.ERROR))).isEqualTo("No findings");
  }
}
