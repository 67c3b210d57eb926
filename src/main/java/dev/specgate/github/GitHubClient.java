package dev.specgate.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A thin client for the few GitHub REST endpoints specgate uses (Check Runs, pull request files,
 * contents, reviews), over the JDK {@link HttpClient} and Jackson. Used by {@code specgate action}
 * (with {@code GITHUB_TOKEN}) and by the service (with installation tokens).
 *
 * <p>What it takes care of: the auth and version headers on every request; retries with backoff
 * honouring {@code retry-after} and {@code x-ratelimit-reset} ({@link RetryPolicy}); Check Run
 * annotations in batches of at most 50 (GitHub rejects more with 422; further PATCHes append);
 * pagination through the {@code Link} header; ids as {@code long} (they exceed 32 bits).
 * Requests run one at a time on the calling thread, as GitHub's best practices ask.
 *
 * <p>Every failure is a {@link GitHubException} carrying the HTTP status.
 */
public final class GitHubClient {
  public static final int ANNOTATIONS_PER_REQUEST = 50;
  /** GitHub's limit for a Check Run's output.summary and output.text. */
  public static final int OUTPUT_LIMIT = 65_535;
  private static final int TITLE_LIMIT = 255;
  private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

  private final URI apiBase;
  private final Supplier<String> tokenSupplier;
  private final HttpClient http;
  private final RetryPolicy retry;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * @param apiBase {@code https://api.github.com}, {@code https://HOST/api/v3} for GitHub
   *     Enterprise Server, or a test server
   * @param tokenSupplier asked before every request, so an installation token can be refreshed
   */
  public GitHubClient(URI apiBase, Supplier<String> tokenSupplier, HttpClient http, RetryPolicy retry) {
    String base = apiBase.toString();
    this.apiBase = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
    this.tokenSupplier = tokenSupplier;
    this.http = http;
    this.retry = retry;
  }

  public static GitHubClient create(URI apiBase, Supplier<String> tokenSupplier) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();
    return new GitHubClient(apiBase, tokenSupplier, http, RetryPolicy.defaults());
  }

  // ---------------------------------------------------------------- Check Runs

  /**
   * Creates a Check Run. With more than 50 annotations the first 50 go with the POST and the
   * rest follow in PATCH requests of at most 50 each, repeating title and summary.
   */
  public CheckRun createCheckRun(GitHubRepo repo, CheckRunRequest req) {
    List<List<Annotation>> batches = batches(req.annotations());
    ObjectNode body = checkRunBody(req, batches.get(0));
    body.put("name", req.name());
    body.put("head_sha", req.headSha());
    CheckRun run = checkRun(send("POST", repo.path() + "/check-runs", body));
    for (int i = 1; i < batches.size(); i++) appendAnnotations(repo, run.id(), req, batches.get(i));
    return run;
  }

  /** Updates a Check Run; annotations are appended in batches of at most 50 as in create. */
  public CheckRun updateCheckRun(GitHubRepo repo, long checkRunId, CheckRunRequest req) {
    List<List<Annotation>> batches = batches(req.annotations());
    ObjectNode body = checkRunBody(req, batches.get(0));
    if (req.name() != null) body.put("name", req.name());
    CheckRun run = checkRun(send("PATCH", repo.path() + "/check-runs/" + checkRunId, body));
    for (int i = 1; i < batches.size(); i++) appendAnnotations(repo, checkRunId, req, batches.get(i));
    return run;
  }

  /** The newest Check Run named {@code name} on commit {@code headSha}, if any (for idempotency). */
  public Optional<CheckRun> findCheckRun(GitHubRepo repo, String headSha, String name) {
    return findCheckRun(repo, headSha, name, null);
  }

  /**
   * The newest Check Run named {@code name} on {@code headSha} whose {@code external_id} equals
   * {@code externalId} (any, when null). The external id tells our run apart from another check
   * of the same name, e.g. an Actions job called "specgate", which a token of the same app could
   * otherwise overwrite. All runs are listed ({@code filter=all}): {@code filter=latest} keeps one
   * run per name and could hide ours behind that job's.
   */
  public Optional<CheckRun> findCheckRun(GitHubRepo repo, String headSha, String name, String externalId) {
    String path = repo.path() + "/commits/" + enc(headSha) + "/check-runs?check_name=" + enc(name)
        + "&filter=all&per_page=100";
    CheckRun newest = null;
    for (JsonNode page : pages(path)) {
      for (JsonNode node : page.path("check_runs")) {
        CheckRun run = checkRun(node);
        if (!name.equals(run.name())) continue;
        if (externalId != null && !externalId.equals(run.externalId())) continue;
        if (newest == null || run.id() > newest.id()) newest = run;
      }
    }
    return Optional.ofNullable(newest);
  }

  /** The annotations a Check Run already carries (to append only new ones on a re-run). */
  public List<Annotation> listCheckRunAnnotations(GitHubRepo repo, long checkRunId) {
    List<Annotation> out = new ArrayList<>();
    for (JsonNode page : pages(repo.path() + "/check-runs/" + checkRunId + "/annotations?per_page=100")) {
      for (JsonNode a : page) {
        out.add(new Annotation(
            text(a, "path"), a.path("start_line").asInt(), a.path("end_line").asInt(),
            a.path("annotation_level").asText("notice"), a.path("message").asText(""),
            text(a, "title"), text(a, "raw_details")));
      }
    }
    return out;
  }

  private void appendAnnotations(GitHubRepo repo, long id, CheckRunRequest req, List<Annotation> batch) {
    ObjectNode body = json.createObjectNode();
    ObjectNode output = body.putObject("output");
    output.put("title", truncate(req.title() == null ? "specgate" : req.title(), TITLE_LIMIT));
    output.put("summary", truncate(req.summary() == null ? "" : req.summary(), OUTPUT_LIMIT));
    output.set("annotations", annotations(batch));
    send("PATCH", repo.path() + "/check-runs/" + id, body);
  }

  private ObjectNode checkRunBody(CheckRunRequest req, List<Annotation> firstBatch) {
    ObjectNode body = json.createObjectNode();
    if (req.status() != null) body.put("status", req.status());
    if (req.conclusion() != null) body.put("conclusion", req.conclusion());
    if (req.externalId() != null) body.put("external_id", req.externalId());
    if (req.detailsUrl() != null) body.put("details_url", req.detailsUrl());
    if (req.hasOutput()) {
      ObjectNode output = body.putObject("output");
      output.put("title", truncate(req.title(), TITLE_LIMIT));
      output.put("summary", truncate(req.summary(), OUTPUT_LIMIT));
      if (req.text() != null) output.put("text", truncate(req.text(), OUTPUT_LIMIT));
      if (!firstBatch.isEmpty()) output.set("annotations", annotations(firstBatch));
    } else if (!firstBatch.isEmpty()) {
      throw new IllegalArgumentException("annotations need an output title and summary");
    }
    return body;
  }

  private ArrayNode annotations(List<Annotation> batch) {
    ArrayNode arr = json.createArrayNode();
    for (Annotation a : batch) {
      ObjectNode n = arr.addObject();
      n.put("path", a.path());
      n.put("start_line", a.startLine());
      n.put("end_line", a.endLine());
      n.put("annotation_level", a.level());
      n.put("message", truncate(a.message(), 60_000));
      if (a.title() != null) n.put("title", truncate(a.title(), TITLE_LIMIT));
      if (a.rawDetails() != null) n.put("raw_details", truncate(a.rawDetails(), 60_000));
    }
    return arr;
  }

  private static List<List<Annotation>> batches(List<Annotation> all) {
    List<List<Annotation>> out = new ArrayList<>();
    for (int i = 0; i < all.size(); i += ANNOTATIONS_PER_REQUEST) {
      out.add(all.subList(i, Math.min(all.size(), i + ANNOTATIONS_PER_REQUEST)));
    }
    if (out.isEmpty()) out.add(List.of());
    return out;
  }

  private static CheckRun checkRun(JsonNode n) {
    return new CheckRun(
        n.path("id").asLong(), text(n, "name"), text(n, "head_sha"), text(n, "status"),
        text(n, "conclusion"), text(n, "html_url"), text(n, "external_id"));
  }

  // ---------------------------------------------------------------- pull requests, contents

  /** Every file of a pull request (100 per page, following the Link header; GitHub stops at 3000). */
  public List<PullRequestFile> listPullRequestFiles(GitHubRepo repo, int number) {
    List<PullRequestFile> out = new ArrayList<>();
    for (JsonNode page : pages(repo.path() + "/pulls/" + number + "/files?per_page=100")) {
      for (JsonNode f : page) {
        out.add(new PullRequestFile(
            text(f, "filename"), text(f, "status"), text(f, "sha"), text(f, "patch"),
            text(f, "previous_filename")));
      }
    }
    return out;
  }

  /**
   * A file's bytes at {@code ref}, or empty when it does not exist there (404). Files over 1 MB come
   * back from the contents API without content; they are read through the Git blob API instead.
   */
  public Optional<byte[]> getContent(GitHubRepo repo, String path, String ref) {
    String url = repo.path() + "/contents/" + encPath(path) + "?ref=" + enc(ref);
    JsonNode n;
    try {
      n = send("GET", url, null);
    } catch (GitHubException e) {
      if (e.status() == 404) return Optional.empty();
      throw e;
    }
    if (n.isArray() || !"file".equals(n.path("type").asText("file"))) {
      throw new GitHubException(200, "GET", url, "", path + " is not a file at " + ref);
    }
    String encoding = n.path("encoding").asText("");
    String content = n.path("content").asText("");
    if ("base64".equals(encoding) && !(content.isEmpty() && n.path("size").asLong() > 0)) {
      return Optional.of(decodeBase64(content));
    }
    return Optional.of(getBlob(repo, n.path("sha").asText()));
  }

  /** A Git blob's bytes (up to 100 MB); {@code sha} is the blob sha, e.g. a PR file's {@code sha}. */
  public byte[] getBlob(GitHubRepo repo, String sha) {
    JsonNode n = send("GET", repo.path() + "/git/blobs/" + enc(sha), null);
    String encoding = n.path("encoding").asText("base64");
    String content = n.path("content").asText("");
    return "base64".equals(encoding)
        ? decodeBase64(content)
        : content.getBytes(StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- reviews

  public List<Review> listReviews(GitHubRepo repo, int number) {
    List<Review> out = new ArrayList<>();
    for (JsonNode page : pages(repo.path() + "/pulls/" + number + "/reviews?per_page=100")) {
      for (JsonNode r : page) out.add(review(r));
    }
    return out;
  }

  public List<ReviewComment> listReviewComments(GitHubRepo repo, int number) {
    List<ReviewComment> out = new ArrayList<>();
    for (JsonNode page : pages(repo.path() + "/pulls/" + number + "/comments?per_page=100")) {
      for (JsonNode c : page) {
        JsonNode line = c.path("line");
        out.add(new ReviewComment(
            c.path("id").asLong(), c.path("pull_request_review_id").asLong(), text(c, "path"),
            line.isNumber() ? Integer.valueOf(line.asInt()) : null, text(c, "side"), text(c, "body"),
            text(c.path("user"), "login"), c.path("in_reply_to_id").asLong()));
      }
    }
    return out;
  }

  /**
   * Posts one review with all its inline comments (RIGHT side). GitHub rejects the whole review
   * with 422 if any comment is off the diff: callers check lines with {@link ReviewLines} first.
   */
  public Review createReview(GitHubRepo repo, int number, ReviewRequest req) {
    ObjectNode body = json.createObjectNode();
    if (req.commitId() != null) body.put("commit_id", req.commitId());
    body.put("body", req.body() == null ? "" : req.body());
    body.put("event", req.event() == null ? "COMMENT" : req.event());
    ArrayNode comments = body.putArray("comments");
    for (ReviewRequest.Comment c : req.comments()) {
      ObjectNode n = comments.addObject();
      n.put("path", c.path());
      n.put("body", c.body());
      if (c.startLine() != null && c.startLine() < c.line()) {
        n.put("start_line", c.startLine());
        n.put("start_side", "RIGHT");
      }
      n.put("line", c.line());
      n.put("side", "RIGHT");
    }
    return review(send("POST", repo.path() + "/pulls/" + number + "/reviews", body));
  }

  /** Replaces the body of a submitted review. */
  public Review updateReview(GitHubRepo repo, int number, long reviewId, String body) {
    ObjectNode n = json.createObjectNode();
    n.put("body", body);
    return review(send("PUT", repo.path() + "/pulls/" + number + "/reviews/" + reviewId, n));
  }

  public void updateReviewComment(GitHubRepo repo, long commentId, String body) {
    ObjectNode n = json.createObjectNode();
    n.put("body", body);
    send("PATCH", repo.path() + "/pulls/comments/" + commentId, n);
  }

  public void deleteReviewComment(GitHubRepo repo, long commentId) {
    send("DELETE", repo.path() + "/pulls/comments/" + commentId, null);
  }

  private static Review review(JsonNode r) {
    return new Review(
        r.path("id").asLong(), text(r, "body"), text(r, "state"), text(r.path("user"), "login"),
        text(r, "commit_id"));
  }

  // ---------------------------------------------------------------- transport

  /** Pages of a list endpoint, following {@code Link: <…>; rel="next"}. */
  private List<JsonNode> pages(String firstPath) {
    List<JsonNode> out = new ArrayList<>();
    String next = firstPath;
    int guard = 0;
    while (next != null && guard++ < 100) {
      Response r = exchange("GET", next, null);
      out.add(r.json);
      next = nextLink(r.headers).map(this::relativeToBase).orElse(null);
    }
    return out;
  }

  private String relativeToBase(String absolute) {
    String base = apiBase.toString();
    return absolute.startsWith(base) ? absolute.substring(base.length()) : absolute;
  }

  static Optional<String> nextLink(HttpHeaders headers) {
    for (String link : headers.allValues("link")) {
      Matcher m = NEXT_LINK.matcher(link);
      if (m.find()) return Optional.of(m.group(1));
    }
    return Optional.empty();
  }

  private JsonNode send(String method, String path, JsonNode body) {
    return exchange(method, path, body).json;
  }

  private record Response(JsonNode json, HttpHeaders headers) {}

  private Response exchange(String method, String path, JsonNode body) {
    URI uri = path.startsWith("http://") || path.startsWith("https://")
        ? URI.create(path) : URI.create(apiBase + path);
    String payload;
    try {
      payload = body == null ? null : json.writeValueAsString(body);
    } catch (IOException e) {
      throw new GitHubException(method, path, "cannot serialise request: " + e.getMessage(), e);
    }
    int attempt = 0;
    while (true) {
      attempt++;
      HttpResponse<String> resp;
      try {
        resp = http.send(request(method, uri, payload), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        if (attempt >= retry.maxAttempts()) {
          throw new GitHubException(method, path, method + " " + path + " failed: " + e.getMessage(), e);
        }
        pause(method, path, retry.backoff(attempt));
        continue;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new GitHubException(method, path, method + " " + path + " interrupted", e);
      }
      int status = resp.statusCode();
      if (status >= 200 && status < 300) return new Response(parse(resp.body()), resp.headers());
      Optional<Duration> wait = retryWait(status, resp.headers(), resp.body(), attempt);
      if (wait.isEmpty() || attempt >= retry.maxAttempts() || wait.get().compareTo(retry.maxWait()) > 0) {
        throw new GitHubException(status, method, path, resp.body(), describe(method, path, status, resp.body()));
      }
      pause(method, path, wait.get());
    }
  }

  private void pause(String method, String path, Duration d) {
    try {
      retry.sleeper().sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitHubException(method, path, method + " " + path + " interrupted while waiting to retry", e);
    }
  }

  /** How long to wait before retrying, or empty when this response must not be retried. */
  Optional<Duration> retryWait(int status, HttpHeaders h, String body, int attempt) {
    boolean rateLimited = status == 429
        || (status == 403 && (h.firstValue("retry-after").isPresent()
            || h.firstValue("x-ratelimit-remaining").map("0"::equals).orElse(false)
            || (body != null && body.toLowerCase().contains("rate limit"))));
    if (!rateLimited && status < 500) return Optional.empty();
    Optional<Long> retryAfter = h.firstValue("retry-after").flatMap(GitHubClient::parseLong);
    if (retryAfter.isPresent()) return Optional.of(Duration.ofSeconds(Math.max(0, retryAfter.get())));
    if (h.firstValue("x-ratelimit-remaining").map("0"::equals).orElse(false)) {
      Optional<Long> reset = h.firstValue("x-ratelimit-reset").flatMap(GitHubClient::parseLong);
      if (reset.isPresent()) {
        long secs = reset.get() - Instant.now(retry.clock()).getEpochSecond();
        return Optional.of(Duration.ofSeconds(Math.max(1, secs + 1)));
      }
    }
    Duration backoff = retry.backoff(attempt);
    if (rateLimited && backoff.compareTo(retry.rateLimitFloor()) < 0) backoff = retry.rateLimitFloor();
    return Optional.of(backoff);
  }

  private HttpRequest request(String method, URI uri, String payload) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri)
        .timeout(Duration.ofSeconds(60))
        .header("Accept", "application/vnd.github+json")
        .header("X-GitHub-Api-Version", "2022-11-28")
        .header("User-Agent", "specgate");
    String token = tokenSupplier.get();
    if (token != null && !token.isBlank()) b.header("Authorization", "Bearer " + token);
    if (payload == null) {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      b.header("Content-Type", "application/json");
      b.method(method, HttpRequest.BodyPublishers.ofString(payload, StandardCharsets.UTF_8));
    }
    return b.build();
  }

  private JsonNode parse(String body) {
    if (body == null || body.isBlank()) return json.createObjectNode();
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new GitHubException(200, "", "", body, "GitHub answered with malformed JSON: " + e.getMessage());
    }
  }

  private String describe(String method, String path, int status, String body) {
    String message = "";
    try {
      JsonNode n = json.readTree(body == null ? "" : body);
      if (n != null) {
        message = n.path("message").asText("");
        JsonNode errors = n.path("errors");
        if (errors.isArray() && !errors.isEmpty()) message += " " + errors;
      }
    } catch (IOException ignored) {
      message = body == null ? "" : truncate(body, 200);
    }
    return "GitHub " + method + " " + path + " answered " + status + (message.isBlank() ? "" : ": " + message.trim());
  }

  // ---------------------------------------------------------------- helpers

  static String truncate(String s, int max) {
    if (s == null || s.length() <= max) return s;
    String marker = "\n…(truncated)";
    return s.substring(0, Math.max(0, max - marker.length())) + marker;
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isMissingNode() || v.isNull() ? null : v.asText();
  }

  private static byte[] decodeBase64(String s) {
    return Base64.getMimeDecoder().decode(s);
  }

  private static Optional<Long> parseLong(String s) {
    try {
      return Optional.of(Long.parseLong(s.trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static String encPath(String path) {
    List<String> parts = new ArrayList<>();
    for (String p : path.split("/")) parts.add(enc(p));
    return String.join("/", parts);
  }
}
