package dev.specgate.server;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.matching.MatchResult;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WireMock playing GitHub for one repository and pull request, as strict as GitHub where specgate
 * could go wrong: the installation token is only minted for a valid RS256 App JWT (verified with
 * the public key: iat in the past, exp at most 10 minutes after iat, iss the app id); repository
 * calls need that token; more than 50 annotations in one Check Run request is a 422; a review
 * with a comment off the diff is a 422 for the whole review; ids exceed 2^32.
 */
final class FakeGitHub implements AutoCloseable {
  static final String APP_ID = "123456";
  static final long INSTALLATION = 5_000_000_001L;
  static final long RUN_ID = 8_589_934_593L;
  static final long REVIEW_ID = 7_000_000_007L;
  static final String TOKEN = "ghs_installation_token_for_tests";
  static final String REPO = "acme/payments";
  static final int PR = 42;
  static final String HEAD = "1111111111111111111111111111111111111111";
  static final String BASE = "2222222222222222222222222222222222222222";
  private static final Pattern HUNK = Pattern.compile("^@@ -\\d+(?:,\\d+)? \\+(\\d+)(?:,\\d+)? @@");

  /** A file of the head tree; {@code status}/{@code patch} non-null when the PR changes it. */
  record RepoFile(String path, String content, String status, String patch) {
    String sha() {
      try {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(content.getBytes(StandardCharsets.UTF_8)));
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
  }

  final WireMockServer wm = new WireMockServer(options().dynamicPort());
  private final KeyPair keys;
  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Map<Integer, Integer>> commentable = new HashMap<>();
  private String prFilesJson;

  FakeGitHub(KeyPair keys) {
    this.keys = keys;
    wm.start();
  }

  String url() {
    return wm.baseUrl();
  }

  /** Stubs the App auth, the pull request, its files and tree, Check Runs and reviews. */
  FakeGitHub pullRequest(List<RepoFile> files) throws Exception {
    // anything not stubbed: GitHub's 404
    wm.stubFor(any(anyUrl()).atPriority(100).willReturn(aResponse().withStatus(404)
        .withHeader("Content-Type", "application/json").withBody("{\"message\":\"Not Found\"}")));
    wm.stubFor(post(urlEqualTo("/app/installations/" + INSTALLATION + "/access_tokens")).atPriority(50)
        .willReturn(aResponse().withStatus(401).withBody("{\"message\":\"A JSON web token could not be decoded\"}")));
    wm.stubFor(post(urlEqualTo("/app/installations/" + INSTALLATION + "/access_tokens")).atPriority(1)
        .andMatching(this::validJwt)
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
            .withBody("{\"token\":\"" + TOKEN + "\",\"expires_at\":\"" + Instant.now().plusSeconds(3600) + "\"}")));

    // the library reads the App and the installation (with the JWT) before minting its token
    wm.stubFor(get(urlEqualTo("/app")).atPriority(1).andMatching(this::validJwt)
        .willReturn(okJson("{\"id\":" + APP_ID + ",\"slug\":\"specgate\",\"name\":\"specgate\"}")));
    wm.stubFor(get(urlEqualTo("/app/installations/" + INSTALLATION)).atPriority(1).andMatching(this::validJwt)
        .willReturn(okJson("{\"id\":" + INSTALLATION + ",\"app_id\":" + APP_ID + ",\"access_tokens_url\":\""
            + url() + "/app/installations/" + INSTALLATION + "/access_tokens\"}")));

    String repo = "/repos/" + REPO;
    wm.stubFor(get(urlEqualTo(repo)).withHeader("Authorization", installationToken())
        .willReturn(okJson("{\"id\":7,\"name\":\"payments\",\"full_name\":\"" + REPO + "\",\"owner\":{\"login\":\"acme\"},"
            + "\"html_url\":\"https://github.com/" + REPO + "\"}")));
    wm.stubFor(get(urlEqualTo(repo + "/pulls/" + PR)).withHeader("Authorization", installationToken())
        .willReturn(okJson("{\"number\":" + PR + ",\"state\":\"open\",\"draft\":false,\"mergeable_state\":\"clean\",\"head\":{\"sha\":\"" + HEAD
            + "\"},\"base\":{\"sha\":\"" + BASE + "\"}}")));

    ArrayNode prFiles = json.createArrayNode();
    ArrayNode tree = json.createArrayNode();
    for (RepoFile f : files) {
      tree.addObject().put("path", f.path()).put("mode", "100644").put("type", "blob").put("sha", f.sha())
          .put("size", f.content().length());
      if (f.status() != null) {
        ObjectNode n = prFiles.addObject().put("sha", f.sha()).put("filename", f.path()).put("status", f.status())
            .put("additions", 1).put("deletions", 0).put("changes", 1);
        if (f.patch() != null) n.put("patch", f.patch());
        commentable.put(f.path(), rightLines(f.patch()));
      }
      ObjectNode blob = json.createObjectNode().put("sha", f.sha()).put("size", f.content().length())
          .put("encoding", "base64")
          .put("content", Base64.getMimeEncoder().encodeToString(f.content().getBytes(StandardCharsets.UTF_8)));
      wm.stubFor(get(urlEqualTo(repo + "/git/blobs/" + f.sha())).withHeader("Authorization", installationToken())
          .willReturn(okJson(blob.toString())));
    }
    prFilesJson = prFiles.toString();
    tree.addObject().put("path", "db").put("type", "tree").put("sha", "3333333333333333333333333333333333333333");
    wm.stubFor(get(urlPathEqualTo(repo + "/pulls/" + PR + "/files")).withQueryParam("per_page", equalTo("100"))
        .withHeader("Authorization", installationToken()).willReturn(okJson(prFiles.toString())));
    wm.stubFor(get(urlEqualTo(repo + "/git/trees/" + HEAD + "?recursive=1")).withHeader("Authorization", installationToken())
        .willReturn(okJson("{\"sha\":\"" + HEAD + "\",\"truncated\":false,\"tree\":" + tree + "}")));

    // Check Runs: the list reflects what was created, so a second attempt can find it
    String list = repo + "/commits/" + HEAD + "/check-runs";
    wm.stubFor(get(urlPathEqualTo(list)).inScenario("run").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(okJson("{\"total_count\":0,\"check_runs\":[]}")));
    wm.stubFor(get(urlPathEqualTo(list)).inScenario("run").whenScenarioStateIs("created")
        .willReturn(okJson("{\"total_count\":1,\"check_runs\":[" + run("in_progress", null) + "]}")));
    wm.stubFor(get(urlPathEqualTo(list)).inScenario("run").whenScenarioStateIs("completed")
        .willReturn(okJson("{\"total_count\":1,\"check_runs\":[" + run("completed", Instant.now().plusSeconds(3600).toString()) + "]}")));
    String one = repo + "/check-runs/" + RUN_ID;
    wm.stubFor(get(urlEqualTo(one)).inScenario("run").whenScenarioStateIs("created").willReturn(okJson(run("in_progress", null))));
    wm.stubFor(get(urlEqualTo(one)).inScenario("run").whenScenarioStateIs("completed")
        .willReturn(okJson(run("completed", Instant.now().toString()))));
    wm.stubFor(post(urlEqualTo(repo + "/check-runs")).atPriority(1).andMatching(this::tooManyAnnotations)
        .willReturn(aResponse().withStatus(422).withBody("{\"message\":\"Only 50 annotations are allowed per request\"}")));
    wm.stubFor(post(urlEqualTo(repo + "/check-runs")).atPriority(5).withHeader("Authorization", installationToken())
        .inScenario("run").willSetStateTo("created")
        .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json").withBody(run("in_progress", null))));
    wm.stubFor(patch(urlEqualTo(repo + "/check-runs/" + RUN_ID)).atPriority(1).andMatching(this::tooManyAnnotations)
        .willReturn(aResponse().withStatus(422).withBody("{\"message\":\"Only 50 annotations are allowed per request\"}")));
    wm.stubFor(patch(urlEqualTo(repo + "/check-runs/" + RUN_ID)).atPriority(3).andMatching(r -> MatchResult.of(r.getBodyAsString().contains("\"completed\"")))
        .withHeader("Authorization", installationToken()).inScenario("run").willSetStateTo("completed")
        .willReturn(okJson(run("completed", Instant.now().toString()))));
    wm.stubFor(patch(urlEqualTo(repo + "/check-runs/" + RUN_ID)).atPriority(5).withHeader("Authorization", installationToken())
        .willReturn(okJson(run("in_progress", null))));

    // reviews: none yet; a comment off the diff fails the whole review, as on GitHub
    wm.stubFor(get(urlPathEqualTo(repo + "/pulls/" + PR + "/comments")).willReturn(okJson("[]")));
    wm.stubFor(get(urlPathEqualTo(repo + "/pulls/" + PR + "/reviews")).willReturn(okJson("[]")));
    wm.stubFor(post(urlEqualTo(repo + "/pulls/" + PR + "/reviews")).atPriority(1).andMatching(this::commentOffDiff)
        .willReturn(aResponse().withStatus(422).withBody(
            "{\"message\":\"Unprocessable Entity\",\"errors\":[\"Pull request review thread line must be part of the diff\"]}")));
    wm.stubFor(post(urlEqualTo(repo + "/pulls/" + PR + "/reviews")).atPriority(5).withHeader("Authorization", installationToken())
        .willReturn(okJson("{\"id\":" + REVIEW_ID + ",\"state\":\"COMMENTED\",\"body\":\"\",\"commit_id\":\"" + HEAD + "\",\"user\":{\"login\":\"specgate[bot]\"}}")));
    return this;
  }

  /**
   * The installation token, as {@code Bearer} or {@code token} (GitHub takes both; the library's
   * installation-token provider sends {@code token}).
   */
  private static com.github.tomakehurst.wiremock.matching.StringValuePattern installationToken() {
    return com.github.tomakehurst.wiremock.client.WireMock.matching("(Bearer|token) " + TOKEN);
  }

  private String run(String status, String completedAt) {
    ObjectNode n = json.createObjectNode().put("id", RUN_ID).put("name", "specgate").put("head_sha", HEAD)
        .put("status", status).put("external_id", Integer.toString(PR));
    n.putObject("app").put("id", Long.parseLong(APP_ID));
    if (completedAt != null) n.put("completed_at", completedAt).put("conclusion", "failure");
    return n.toString();
  }

  private MatchResult validJwt(Request r) {
    String auth = r.getHeader("Authorization");
    if (auth == null || !auth.startsWith("Bearer ")) return MatchResult.noMatch();
    String[] parts = auth.substring(7).split("\\.");
    if (parts.length != 3) return MatchResult.noMatch();
    try {
      Base64.Decoder d = Base64.getUrlDecoder();
      JsonNode header = json.readTree(d.decode(parts[0]));
      JsonNode claims = json.readTree(d.decode(parts[1]));
      Signature v = Signature.getInstance("SHA256withRSA");
      v.initVerify(keys.getPublic());
      v.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
      long now = Instant.now().getEpochSecond();
      long iat = claims.path("iat").asLong();
      long exp = claims.path("exp").asLong();
      boolean ok = v.verify(d.decode(parts[2])) && "RS256".equals(header.path("alg").asText())
          && iat <= now - 30 && exp > now && exp - iat <= 600 && APP_ID.equals(claims.path("iss").asText());
      return MatchResult.of(ok);
    } catch (Exception e) {
      return MatchResult.noMatch();
    }
  }

  private MatchResult tooManyAnnotations(Request r) {
    try {
      JsonNode n = json.readTree(r.getBodyAsString());
      return MatchResult.of(n.path("output").path("annotations").size() > 50);
    } catch (Exception e) {
      return MatchResult.noMatch();
    }
  }

  private MatchResult commentOffDiff(Request r) {
    try {
      JsonNode body = json.readTree(r.getBodyAsString());
      for (JsonNode c : body.path("comments")) {
        Map<Integer, Integer> lines = commentable.getOrDefault(c.path("path").asText(), Map.of());
        Integer end = lines.get(c.path("line").asInt());
        if (end == null) return MatchResult.exactMatch();
        if (c.has("start_line") && !end.equals(lines.get(c.path("start_line").asInt()))) return MatchResult.exactMatch();
      }
      return MatchResult.noMatch();
    } catch (Exception e) {
      return MatchResult.exactMatch();
    }
  }

  /** RIGHT-side lines of a patch mapped to their hunk (GitHub's rule for review comments). */
  static Map<Integer, Integer> rightLines(String patch) {
    Map<Integer, Integer> m = new LinkedHashMap<>();
    if (patch == null) return m;
    int n = 0;
    int hunk = -1;
    for (String l : patch.split("\n", -1)) {
      Matcher h = HUNK.matcher(l);
      if (h.find()) {
        n = Integer.parseInt(h.group(1));
        hunk++;
        continue;
      }
      if (hunk < 0 || l.startsWith("\\")) continue;
      if (l.startsWith("+") || l.startsWith(" ")) m.put(n++, hunk);
    }
    return m;
  }

  /** An added file's patch. */
  /** A second open pull request {@code number} with the same head, files and diff as {@link #PR}. */
  FakeGitHub anotherPullRequest(int number) {
    String repo = "/repos/" + REPO;
    wm.stubFor(get(urlEqualTo(repo + "/pulls/" + number)).withHeader("Authorization", installationToken())
        .willReturn(okJson("{\"number\":" + number + ",\"state\":\"open\",\"draft\":false,\"mergeable_state\":\"clean\",\"head\":{\"sha\":\"" + HEAD
            + "\"},\"base\":{\"sha\":\"" + BASE + "\"}}")));
    wm.stubFor(get(urlPathEqualTo(repo + "/pulls/" + number + "/files")).withQueryParam("per_page", equalTo("100"))
        .withHeader("Authorization", installationToken()).willReturn(okJson(prFilesJson)));
    wm.stubFor(get(urlPathEqualTo(repo + "/pulls/" + number + "/comments")).willReturn(okJson("[]")));
    wm.stubFor(get(urlPathEqualTo(repo + "/pulls/" + number + "/reviews")).willReturn(okJson("[]")));
    wm.stubFor(post(urlEqualTo(repo + "/pulls/" + number + "/reviews")).atPriority(5).withHeader("Authorization", installationToken())
        .willReturn(okJson("{\"id\":" + REVIEW_ID + ",\"state\":\"COMMENTED\",\"body\":\"\",\"commit_id\":\"" + HEAD
            + "\",\"user\":{\"login\":\"specgate[bot]\"}}")));
    return this;
  }

  static String addedPatch(String content) {
    String[] lines = content.split("\n");
    StringBuilder b = new StringBuilder("@@ -0,0 +1," + lines.length + " @@");
    for (String l : lines) b.append("\n+").append(l);
    return b.toString();
  }

  List<LoggedRequest> requests(String method, String path) {
    List<LoggedRequest> out = new ArrayList<>();
    for (LoggedRequest r : wm.findAll(com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor(anyUrl()))) {
      if (r.getMethod().getName().equals(method) && r.getUrl().startsWith(path)) out.add(r);
    }
    return out;
  }

  static Set<String> names(List<LoggedRequest> rs) {
    return Set.copyOf(rs.stream().map(LoggedRequest::getUrl).toList());
  }

  @Override
  public void close() {
    wm.stop();
  }
}
