package dev.specgate.github;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * WireMock standing in for the GitHub REST API, as strict as GitHub where it matters to us:
 *
 * <ul>
 *   <li>a repository and a pull request read by the library exist (a minimal body);
 *   <li>every request needs {@code Authorization: Bearer <TOKEN>} (401 otherwise);
 *   <li>a Check Run create or update carrying more than 50 annotations is rejected with 422;
 *   <li>a review whose comments sit on a line outside the diff (or on the LEFT side, or with a
 *       range crossing hunks) is rejected whole with 422 and GitHub's message;
 *   <li>unknown endpoints answer 404 as GitHub does.
 * </ul>
 *
 * The commentable lines are declared by the test by hand (hunk by hunk), independently of {@link
 * ReviewLines}, so a bug there cannot hide itself.
 */
public final class FakeGitHub implements AutoCloseable {
  public static final String TOKEN = "ghs_fake_token";
  public static final String REVIEW_VALIDATOR = "review-lines-validator";
  public static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  public final WireMockServer wm;
  private final ReviewValidator validator = new ReviewValidator();
  /** Waits the client asked for instead of sleeping. */
  public final List<Duration> sleeps = new ArrayList<>();

  public FakeGitHub() {
    wm = new WireMockServer(options().dynamicPort().extensions(validator));
    wm.start();
    strictDefaults();
  }

  private void strictDefaults() {
    wm.stubFor(any(anyUrl()).atPriority(100)
        .willReturn(jsonResponse("{\"message\":\"Not Found\"}", 404)));
    wm.stubFor(any(anyUrl()).atPriority(1).withHeader("Authorization", absent())
        .willReturn(jsonResponse("{\"message\":\"Requires authentication\"}", 401)));
    wm.stubFor(any(anyUrl()).atPriority(1).withHeader("Authorization", notContaining(TOKEN))
        .willReturn(jsonResponse("{\"message\":\"Bad credentials\"}", 401)));
    // the library reads a repository and a pull request before working on them (as GitHub answers)
    wm.stubFor(get(urlPathMatching("/repos/[^/]+/[^/]+")).atPriority(90)
        .willReturn(jsonResponse("{\"id\":1,\"name\":\"{{request.pathSegments.[2]}}\",\"full_name\":"
            + "\"{{request.pathSegments.[1]}}/{{request.pathSegments.[2]}}\",\"owner\":{\"login\":\"{{request.pathSegments.[1]}}\"}}", 200)
            .withTransformers("response-template")));
    wm.stubFor(get(urlPathMatching("/repos/[^/]+/[^/]+/pulls/\\d+")).atPriority(90)
        .willReturn(jsonResponse("{\"number\":{{request.pathSegments.[4]}},\"state\":\"open\",\"draft\":false,"
            + "\"mergeable_state\":\"clean\",\"head\":{\"sha\":\"head\"},\"base\":{\"sha\":\"base\"}}", 200)
            .withTransformers("response-template")));
    wm.stubFor(any(urlPathMatching("/repos/[^/]+/[^/]+/check-runs(/\\d+)?")).atPriority(2)
        .withRequestBody(matchingJsonPath("$.output.annotations[50]"))
        .willReturn(jsonResponse(
            "{\"message\":\"Invalid request.\\n\\nOnly 50 annotations are allowed per request.\"}", 422)));
  }

  /** Declares the RIGHT-side lines of {@code path} that are in the diff, one set per hunk. */
  public void commentable(String path, List<Set<Integer>> hunks) {
    validator.hunks.put(path, hunks);
  }

  public URI base() {
    return URI.create(wm.baseUrl());
  }

  public GitHubApi client() {
    return client(TOKEN);
  }

  public GitHubApi client(String token) {
    return GitHubApi.withToken(base(), token, policy(), GitHubApi.Observer.NONE);
  }

  /** The Action's waits, recorded instead of slept, at a fixed {@link #NOW}. */
  public CallPolicy policy() {
    return CallPolicy.action().withSleeper(sleeps::add).withClock(Clock.fixed(NOW, ZoneOffset.UTC));
  }

  @Override
  public void close() {
    wm.stop();
  }

  /** Rejects reviews with a comment GitHub would refuse; otherwise lets the stub answer. */
  static final class ReviewValidator implements ResponseDefinitionTransformerV2 {
    final Map<String, List<Set<Integer>>> hunks = new HashMap<>();
    private final ObjectMapper json = new ObjectMapper();

    @Override
    public String getName() {
      return REVIEW_VALIDATOR;
    }

    @Override
    public boolean applyGlobally() {
      return false;
    }

    @Override
    public ResponseDefinition transform(ServeEvent event) {
      try {
        JsonNode body = json.readTree(event.getRequest().getBodyAsString());
        for (JsonNode c : body.path("comments")) {
          String problem = problem(c);
          if (problem != null) {
            return com.github.tomakehurst.wiremock.client.WireMock.aResponse()
                .withStatus(422)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Unprocessable Entity\",\"errors\":[\"" + problem + "\"],"
                    + "\"documentation_url\":\"https://docs.github.com/rest/pulls/reviews#create-a-review-for-a-pull-request\",\"status\":\"422\"}")
                .build();
          }
        }
      } catch (Exception e) {
        return com.github.tomakehurst.wiremock.client.WireMock.aResponse().withStatus(400).withBody("{\"message\":\"Problems parsing JSON\"}").build();
      }
      return event.getResponseDefinition();
    }

    private String problem(JsonNode c) {
      if (c.has("position")) return "position is deprecated in this fake";
      if (!"RIGHT".equals(c.path("side").asText("RIGHT"))) return "Line could not be resolved";
      List<Set<Integer>> fileHunks = hunks.get(c.path("path").asText());
      if (fileHunks == null || !c.path("line").isInt()) return "Line could not be resolved";
      int line = c.path("line").asInt();
      Set<Integer> hunk = fileHunks.stream().filter(h -> h.contains(line)).findFirst().orElse(null);
      if (hunk == null) return "Pull request review thread line must be part of the diff";
      if (c.has("start_line")) {
        int start = c.path("start_line").asInt();
        if (!hunk.contains(start) || start > line) {
          return "Pull request review thread start line must be part of the same hunk as the line.";
        }
      }
      return null;
    }
  }

  public static String bearer() {
    return "Bearer " + TOKEN;
  }

  public static com.github.tomakehurst.wiremock.matching.StringValuePattern auth() {
    return equalTo(bearer());
  }
}
