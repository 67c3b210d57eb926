package dev.specgate.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHCheckRunBuilder;
import org.kohsuke.github.GHContent;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestFileDetail;
import org.kohsuke.github.GHPullRequestReview;
import org.kohsuke.github.GHPullRequestReviewComment;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GHTreeEntry;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.authorization.AuthorizationProvider;
import org.kohsuke.github.connector.GitHubConnectorRequest;
import org.kohsuke.github.connector.GitHubConnectorResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The GitHub calls specgate makes, for {@code specgate action} (with {@code GITHUB_TOKEN}) and the
 * service (with installation tokens), over one client: GitHub API for Java ({@code
 * org.kohsuke:github-api}) with our {@link GuardedConnector} (token only to the API host, 5xx
 * backoff, metrics) and {@link LimitHandlers} (a long rate limit becomes {@link RateLimited}).
 * Check Runs with more than 50 annotations are split by the library's builder (further PATCHes
 * append). Three calls the library lacks — listing a run's annotations, a review whose comments
 * name their {@code side}, replacing a review's body — go through the same connector and
 * authorization as raw requests. Ids are {@code long} (they exceed 32 bits).
 *
 * <p>Every failure is a {@link GitHubException} with the HTTP status. An instance caches the
 * repositories, pull requests and review comments it read: use one per job ({@link #fresh()}
 * shares the connection, not the caches).
 */
public final class GitHubApi {
  /** GitHub's limit for a Check Run's output.summary and output.text. */
  public static final int OUTPUT_LIMIT = 65_535;
  private static final int TITLE_LIMIT = 255;
  private static final int PAGE = 100;
  private static final Pattern NEXT_LINK = Pattern.compile("<([^<>]++)>\\s*+;\\s*+rel=\"next\""); // no < inside: linear on runs of <
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger LOG = LoggerFactory.getLogger(GitHubApi.class);

  /** Sees each GitHub response: method, status (-1: none came) and headers (for metrics). */
  @FunctionalInterface
  public interface Observer {
    void onCall(String method, int status, Map<String, List<String>> headers);

    /** Runs before each request is sent, on the calling thread (the service lets webhook answers go first). */
    default void beforeCall() {}

    Observer NONE = (m, s, h) -> {};
  }

  private final GitHub github;
  private final URI apiBase;
  private final GuardedConnector connector;
  private final AuthorizationProvider auth;
  private final CallPolicy policy;
  /** The App whose Check Runs are ours (0: any App's, e.g. the Action's {@code GITHUB_TOKEN}). */
  private final long ownAppId;
  private final Map<GitHubRepo, GHRepository> repos = new ConcurrentHashMap<>();
  private final Map<String, GHPullRequest> pulls = new ConcurrentHashMap<>();
  private final Map<Long, GHPullRequestReviewComment> listedComments = new ConcurrentHashMap<>();

  private GitHubApi(GitHub github, URI apiBase, GuardedConnector connector, AuthorizationProvider auth, CallPolicy policy,
      long ownAppId) {
    this.github = github;
    this.apiBase = apiBase;
    this.connector = connector;
    this.auth = auth;
    this.policy = policy;
    this.ownAppId = ownAppId;
  }

  /** A client sending {@code Authorization: Bearer <token>} (the Action's {@code GITHUB_TOKEN}). */
  public static GitHubApi withToken(URI apiBase, String token, CallPolicy policy, Observer observer) {
    return create(apiBase, () -> "Bearer " + token, policy, observer);
  }

  /**
   * A client authorised by {@code auth} (the service passes the library's installation-token
   * provider, bound to an App JWT).
   */
  public static GitHubApi create(URI apiBase, AuthorizationProvider auth, CallPolicy policy, Observer observer) {
    URI base = trimmed(apiBase);
    // HTTP/1.1: on HTTP/2 the JDK 17 client fails every request in flight when the server sends a
    // GOAWAY (JDK-8335181; GitHub's and WireMock's front ends send one when they recycle a
    // connection), where on HTTP/1.1 it sends a GET again on a fresh connection by itself
    GuardedConnector connector = new GuardedConnector(base,
        HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(20)).build(),
        policy, observer);
    try {
      GitHub gh = new GitHubBuilder()
          .withEndpoint(base.toString())
          .withConnector(connector)
          .withAuthorizationProvider(auth)
          .withRateLimitHandler(LimitHandlers.primary(policy))
          .withAbuseLimitHandler(LimitHandlers.secondary(policy))
          .build();
      return new GitHubApi(gh, base, connector, auth, policy, 0);
    } catch (IOException e) {
      throw GitHubException.of("setup for " + base, e);
    }
  }

  /** A client on the same connection and token, with nothing cached (one per job). */
  public GitHubApi fresh() {
    return new GitHubApi(github, apiBase, connector, auth, policy, ownAppId);
  }

  /**
   * This client, finding only Check Runs that App {@code appId} created ({@link #findCheckRun}):
   * the service's runs, not another App's run of the same name and external id.
   */
  public GitHubApi ownedBy(long appId) {
    return new GitHubApi(github, apiBase, connector, auth, policy, appId);
  }

  /** The numeric id of the App this client is signed in as (needs the App's JWT). */
  public long authenticatedAppId() {
    return call("GET /app", () -> github.getApp().getId());
  }

  private static URI trimmed(URI apiBase) {
    String s = apiBase.toString();
    return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
  }

  /** What one call does; the library's checked IOException and GHException become GitHubException. */
  @FunctionalInterface
  private interface Call<T> {
    T run() throws IOException;
  }

  private static <T> T call(String doing, Call<T> c) {
    try {
      return c.run();
    } catch (IOException | RuntimeException e) {
      if (e instanceof GitHubException g) throw g;
      throw GitHubException.of(doing, e);
    }
  }

  private GHRepository repo(GitHubRepo r) {
    GHRepository cached = repos.get(r);
    if (cached != null) return cached;
    GHRepository fresh = call("GET " + r.path(), () -> github.getRepository(r.owner() + "/" + r.name()));
    repos.put(r, fresh);
    return fresh;
  }

  private GHPullRequest pull(GitHubRepo r, int number) {
    GHPullRequest cached = pulls.get(r + "#" + number);
    return cached != null ? cached : readPull(r, number);
  }

  private GHPullRequest readPull(GitHubRepo r, int number) {
    GHPullRequest fresh = call("GET " + r.path() + "/pulls/" + number, () -> repo(r).getPullRequest(number));
    pulls.put(r + "#" + number, fresh);
    return fresh;
  }

  // ---------------------------------------------------------------- pull requests

  /** A pull request as it is now (always read afresh). */
  public record PullRequestState(int number, String state, String headSha, String baseSha, boolean draft) {}

  public PullRequestState pullRequest(GitHubRepo r, int number) {
    GHPullRequest pr = readPull(r, number);
    return call("GET " + r.path() + "/pulls/" + number, () -> new PullRequestState(pr.getNumber(),
        pr.getState().name().toLowerCase(Locale.ROOT), pr.getHead().getSha(), pr.getBase().getSha(), pr.isDraft()));
  }

  /**
   * The web prefix linking a repository path at {@code sha} ({@code https://github.com/o/r/blob/<sha>/}),
   * or empty when GitHub did not say where the repository lives on the web.
   */
  public String blobLinkBase(GitHubRepo r, String sha) {
    URL web = repo(r).getHtmlUrl();
    return web == null ? "" : web.toString() + "/blob/" + sha + "/";
  }

  /** Every file of a pull request (100 per page; GitHub stops at 3000). */
  public List<PullRequestFile> listPullRequestFiles(GitHubRepo r, int number) {
    GHPullRequest pr = pull(r, number);
    return call("GET " + r.path() + "/pulls/" + number + "/files", () -> {
      List<PullRequestFile> out = new ArrayList<>();
      for (GHPullRequestFileDetail f : pr.listFiles().withPageSize(PAGE)) {
        out.add(new PullRequestFile(f.getFilename(), f.getStatus(), f.getSha(), f.getPatch(), f.getPreviousFilename()));
      }
      return out;
    });
  }

  /** One file of a tree. */
  public record TreeEntry(String path, String sha, long size) {}

  /** The files of the tree at {@code sha}; {@code truncated} when GitHub cut the listing short. */
  public record Tree(List<TreeEntry> files, boolean truncated) {}

  public Tree tree(GitHubRepo r, String sha) {
    return call("GET " + r.path() + "/git/trees/" + sha, () -> {
      org.kohsuke.github.GHTree t = repo(r).getTreeRecursive(sha, 1);
      List<TreeEntry> out = new ArrayList<>();
      for (GHTreeEntry e : t.getTree()) {
        if ("blob".equals(e.getType())) out.add(new TreeEntry(e.getPath(), e.getSha(), e.getSize()));
      }
      return new Tree(out, t.isTruncated());
    });
  }

  /**
   * A file's bytes at {@code ref}, or empty when it does not exist there (404). Files over 1 MB come
   * back from the contents API without content; they are read through the Git blob API instead.
   */
  public Optional<byte[]> getContent(GitHubRepo r, String path, String ref) {
    GHContent c;
    try {
      c = call("GET " + r.path() + "/contents/" + path, () -> repo(r).getFileContent(path, ref));
    } catch (GitHubException e) {
      if (e.status() == 404) return Optional.empty();
      throw e;
    }
    return Optional.of(call("GET " + r.path() + "/contents/" + path, () -> {
      String encoded = c.getEncodedContent();
      boolean inline = "base64".equals(c.getEncoding()) && !(c.getSize() > 0 && (encoded == null || encoded.isEmpty()));
      return inline ? readAll(c.read()) : getBlob(r, c.getSha());
    }));
  }

  /** A Git blob's bytes (up to 100 MB); {@code sha} is the blob sha, e.g. a PR file's {@code sha}. */
  public byte[] getBlob(GitHubRepo r, String sha) {
    return call("GET " + r.path() + "/git/blobs/" + sha, () -> readAll(repo(r).getBlob(sha).read()));
  }

  private static byte[] readAll(InputStream in) throws IOException {
    try (in) {
      return in.readAllBytes();
    }
  }

  // ---------------------------------------------------------------- Check Runs

  /** Creates a Check Run; the library sends annotations beyond 50 in further PATCHes. */
  public CheckRun createCheckRun(GitHubRepo r, CheckRunRequest req) {
    return call("POST " + r.path() + "/check-runs",
        () -> checkRun(fill(repo(r).createCheckRun(req.name(), req.headSha()), req).create()));
  }

  /** Updates a Check Run; annotations are appended in batches of at most 50 as in create. */
  public CheckRun updateCheckRun(GitHubRepo r, long checkRunId, CheckRunRequest req) {
    return call("PATCH " + r.path() + "/check-runs/" + checkRunId,
        () -> checkRun(fill(repo(r).updateCheckRun(checkRunId), req).create()));
  }

  private static GHCheckRunBuilder fill(GHCheckRunBuilder b, CheckRunRequest req) {
    if (req.status() != null) b.withStatus(GHCheckRun.Status.valueOf(req.status().toUpperCase(Locale.ROOT)));
    if (req.conclusion() != null) b.withConclusion(GHCheckRun.Conclusion.valueOf(req.conclusion().toUpperCase(Locale.ROOT)));
    if (req.externalId() != null) b.withExternalID(req.externalId());
    if (req.detailsUrl() != null) b.withDetailsURL(req.detailsUrl());
    if (req.hasOutput()) {
      GHCheckRunBuilder.Output out = new GHCheckRunBuilder.Output(truncate(req.title(), TITLE_LIMIT), truncate(req.summary(), OUTPUT_LIMIT));
      if (req.text() != null) out.withText(truncate(req.text(), OUTPUT_LIMIT));
      for (Annotation a : req.annotations()) {
        out.add(new GHCheckRunBuilder.Annotation(a.path(), a.startLine(), a.endLine(),
            GHCheckRun.AnnotationLevel.valueOf(a.level().toUpperCase(Locale.ROOT)), truncate(a.message(), 60_000))
            .withTitle(a.title() == null ? null : truncate(a.title(), TITLE_LIMIT))
            .withRawDetails(a.rawDetails() == null ? null : truncate(a.rawDetails(), 60_000)));
      }
      b.add(out);
    } else if (!req.annotations().isEmpty()) {
      throw new IllegalArgumentException("annotations need an output title and summary");
    }
    return b;
  }

  private static CheckRun checkRun(GHCheckRun run) {
    return new CheckRun(run.getId(), run.getName(), run.getHeadSha(),
        run.getStatus() == null ? null : run.getStatus().toString(),
        run.getConclusion() == null ? null : run.getConclusion().toString(),
        run.getHtmlUrl() == null ? null : run.getHtmlUrl().toString(), run.getExternalId());
  }

  /** The newest Check Run named {@code name} on commit {@code headSha}, if any. */
  public Optional<CheckRun> findCheckRun(GitHubRepo r, String headSha, String name) {
    return findCheckRun(r, headSha, name, null);
  }

  /**
   * The newest Check Run named {@code name} on {@code headSha} whose {@code external_id} equals
   * {@code externalId} (any, when null). The external id tells our run apart from another check
   * of the same name, e.g. an Actions job called "specgate"; a client {@link #ownedBy} an App also
   * skips runs another App created. All runs are listed ({@code
   * filter=all}): {@code filter=latest} keeps one run per name and could hide ours.
   */
  public Optional<CheckRun> findCheckRun(GitHubRepo r, String headSha, String name, String externalId) {
    Map<String, Object> params = new LinkedHashMap<>();
    params.put("check_name", name);
    params.put("filter", "all");
    return call("GET " + r.path() + "/commits/" + headSha + "/check-runs", () -> {
      CheckRun newest = null;
      for (GHCheckRun ghRun : repo(r).getCheckRuns(headSha, params).withPageSize(PAGE)) {
        if (ownAppId != 0 && (ghRun.getApp() == null || ghRun.getApp().getId() != ownAppId)) continue;
        CheckRun run = checkRun(ghRun);
        if (!name.equals(run.name())) continue;
        if (externalId != null && !externalId.equals(run.externalId())) continue;
        if (newest == null || run.id() > newest.id()) newest = run;
      }
      return Optional.ofNullable(newest);
    });
  }

  /** A Check Run's status ({@code queued}, {@code in_progress}, {@code completed}). */
  public String checkRunStatus(GitHubRepo r, long checkRunId) {
    return raw("GET", r.path() + "/check-runs/" + checkRunId, null).get(0).path("status").asText("");
  }

  /** The annotations a Check Run already carries (to append only new ones on a re-run). */
  public List<Annotation> listCheckRunAnnotations(GitHubRepo r, long checkRunId) {
    List<Annotation> out = new ArrayList<>();
    for (JsonNode page : raw("GET", r.path() + "/check-runs/" + checkRunId + "/annotations?per_page=" + PAGE, null)) {
      for (JsonNode a : page) {
        out.add(new Annotation(
            text(a, "path"), a.path("start_line").asInt(), a.path("end_line").asInt(),
            a.path("annotation_level").asText("notice"), a.path("message").asText(""),
            text(a, "title"), text(a, "raw_details")));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- reviews

  public List<Review> listReviews(GitHubRepo r, int number) {
    GHPullRequest pr = pull(r, number);
    return call("GET " + r.path() + "/pulls/" + number + "/reviews", () -> {
      List<Review> out = new ArrayList<>();
      for (GHPullRequestReview rv : pr.listReviews().withPageSize(PAGE)) {
        out.add(new Review(rv.getId(), rv.getBody(), rv.getState() == null ? null : rv.getState().name(),
            rv.getUser() == null ? null : rv.getUser().getLogin(), rv.getCommitId()));
      }
      return out;
    });
  }

  public List<ReviewComment> listReviewComments(GitHubRepo r, int number) {
    GHPullRequest pr = pull(r, number);
    return call("GET " + r.path() + "/pulls/" + number + "/comments", () -> {
      List<ReviewComment> out = new ArrayList<>();
      for (GHPullRequestReviewComment c : pr.listReviewComments().withPageSize(PAGE)) {
        listedComments.put(c.getId(), c);
        Long reviewId = c.getPullRequestReviewId();
        out.add(new ReviewComment(c.getId(), reviewId == null ? 0 : reviewId, c.getPath(),
            c.getLine() > 0 ? Integer.valueOf(c.getLine()) : null, c.getSide() == null ? null : c.getSide().name(),
            c.getBody(), c.getUser() == null ? null : c.getUser().getLogin(), Math.max(0, c.getInReplyToId())));
      }
      return out;
    });
  }

  /**
   * Posts one review with all its inline comments on the RIGHT side (the library's builder sends
   * no {@code side}). GitHub rejects the whole review with 422 if any comment is off the diff:
   * callers check lines with {@link ReviewLines} first.
   */
  public Review createReview(GitHubRepo r, int number, ReviewRequest req) {
    ObjectNode body = JSON.createObjectNode();
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
    return review(raw("POST", r.path() + "/pulls/" + number + "/reviews", body).get(0));
  }

  /** Replaces the body of a submitted review. */
  public Review updateReview(GitHubRepo r, int number, long reviewId, String body) {
    ObjectNode n = JSON.createObjectNode().put("body", body);
    return review(raw("PUT", r.path() + "/pulls/" + number + "/reviews/" + reviewId, n).get(0));
  }

  /** Edits a comment listed by {@link #listReviewComments} on this instance. */
  public void updateReviewComment(GitHubRepo r, long commentId, String body) {
    GHPullRequestReviewComment c = listed(commentId);
    call("PATCH " + r.path() + "/pulls/comments/" + commentId, () -> {
      c.update(body);
      return null;
    });
  }

  /** Deletes a comment listed by {@link #listReviewComments} on this instance. */
  public void deleteReviewComment(GitHubRepo r, long commentId) {
    GHPullRequestReviewComment c = listed(commentId);
    call("DELETE " + r.path() + "/pulls/comments/" + commentId, () -> {
      c.delete();
      return null;
    });
  }

  private GHPullRequestReviewComment listed(long id) {
    GHPullRequestReviewComment c = listedComments.get(id);
    if (c == null) throw new IllegalStateException("review comment " + id + " was not listed by this client");
    return c;
  }

  private static Review review(JsonNode n) {
    return new Review(n.path("id").asLong(), text(n, "body"), text(n, "state"), text(n.path("user"), "login"),
        text(n, "commit_id"));
  }

  // ---------------------------------------------------------------- raw requests

  /**
   * Every page of a list endpoint the library has no method for (e.g. the App's webhook
   * deliveries), {@code path} relative to the API base with its query.
   */
  public List<JsonNode> getPages(String path) {
    return getPages(path, page -> true);
  }

  /**
   * As {@link #getPages(String)}, stopping after the first page for which {@code more} is false
   * (e.g. a page reaching past the time window asked for).
   */
  public List<JsonNode> getPages(String path, Predicate<JsonNode> more) {
    return raw("GET", path, null, more);
  }

  /** One request to an endpoint the library has no method for; the response body (empty object when none). */
  public JsonNode send(String method, String path, JsonNode body) {
    if ("GET".equals(method)) throw new IllegalArgumentException("use getPages for GET");
    return raw(method, path, body).get(0);
  }

  private List<JsonNode> raw(String method, String path, JsonNode body) {
    return raw(method, path, body, page -> true);
  }

  /**
   * One request the library has no method for, through the same connector and authorization,
   * with the same rate-limit handling; a list endpoint's pages follow {@code Link: rel="next"}
   * while {@code more} accepts the page read and the link stays on the API host (a link elsewhere
   * would receive our token: it is not followed, and logged).
   */
  private List<JsonNode> raw(String method, String path, JsonNode body, Predicate<JsonNode> more) {
    String doing = method + " " + path;
    List<JsonNode> pages = new ArrayList<>();
    String next = apiBase + path;
    for (int page = 0; next != null && page < 100; page++) {
      String url = next;
      next = null;
      for (int attempt = 1; ; attempt++) {
        try (GitHubConnectorResponse resp = connector.send(new RawRequest(method, new URL(url), auth.getEncodedAuthorization(), body))) {
          int status = resp.statusCode();
          InputStream in = resp.bodyStream();
          String text = in == null ? "" : new String(readAll(in), StandardCharsets.UTF_8);
          if (limited(resp) && attempt < 3) {
            LimitHandlers.waitOrDefer(policy, resp);
            continue;
          }
          if (status >= 400) {
            throw GitHubException.of(doing, new org.kohsuke.github.HttpException(text, status, null, url));
          }
          JsonNode read = text.isBlank() ? JSON.createObjectNode() : JSON.readTree(text);
          pages.add(read);
          if ("GET".equals(method) && more.test(read)) next = onApiHost(nextLink(resp.header("Link")), doing);
          break;
        } catch (IOException e) {
          throw GitHubException.of(doing, e);
        }
      }
    }
    return pages;
  }

  private static boolean limited(GitHubConnectorResponse r) {
    int s = r.statusCode();
    return s == 429 || (s == 403 && (r.header("Retry-After") != null || "0".equals(r.header("X-RateLimit-Remaining"))));
  }

  private String onApiHost(String link, String doing) {
    if (link == null || connector.onApiHost(link)) return link;
    LOG.warn("{}: not following a next-page link to another host than {}", doing, apiBase);
    return null;
  }

  static String nextLink(String link) {
    if (link == null) return null;
    Matcher m = NEXT_LINK.matcher(link);
    return m.find() ? m.group(1) : null;
  }

  /** A request as the connector takes it. */
  private record RawRequest(String method, URL url, String authorization, JsonNode json) implements GitHubConnectorRequest {
    @Override
    public Map<String, List<String>> allHeaders() {
      Map<String, List<String>> h = new LinkedHashMap<>();
      if (authorization != null) h.put("Authorization", List.of(authorization));
      h.put("Accept", List.of("application/vnd.github+json"));
      h.put("X-GitHub-Api-Version", List.of("2022-11-28"));
      if (json != null) h.put("Content-Type", List.of("application/json"));
      return h;
    }

    @Override
    public InputStream body() {
      return json == null ? null : new ByteArrayInputStream(json.toString().getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String contentType() {
      return json == null ? null : "application/json";
    }

    @Override
    public boolean hasBody() {
      return json != null;
    }

    @Override
    public String header(String name) {
      for (Map.Entry<String, List<String>> e : allHeaders().entrySet()) {
        if (e.getKey().equalsIgnoreCase(name)) return e.getValue().get(0);
      }
      return null;
    }
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
}
