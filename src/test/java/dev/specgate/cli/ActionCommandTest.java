package dev.specgate.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.jsonResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.specgate.core.ChangeSet;
import dev.specgate.core.Finding;
import dev.specgate.core.SourceFile;
import dev.specgate.engine.Analysis;
import dev.specgate.engine.Config;
import dev.specgate.engine.Report;
import dev.specgate.git.GitRange;
import dev.specgate.github.FakeGitHub;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.PersonIdent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code specgate action} end to end in a simulated Actions job: a real git repository (base:
 * an existing {@code accounts} table and its packet; head: a migration adding 60 blocking indexes
 * and a NOT NULL column), the event, summary and output files, and WireMock as a strict GitHub.
 */
class ActionCommandTest {
  private static final long CHECK_RUN_ID = 7_000_000_001L; // beyond 2^32
  private static final long REVIEW_ID = 8_000_000_002L;
  private static final String V2 = "db/migrations/V2__status.sql";
  private static final int INDEXES = 60;
  private final ObjectMapper json = new ObjectMapper();

  @TempDir Path tmp;
  private Path repo;
  private FakeGitHub gh;
  private String baseSha;
  private String headSha;
  private int v2Lines;

  @BeforeEach
  void setUp() throws Exception {
    gh = new FakeGitHub();
    repo = tmp.resolve("repo");
    Files.createDirectories(repo);
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      write("db/migrations/V1__accounts.sql",
          "CREATE TABLE accounts (\n  id bigint PRIMARY KEY,\n  email text NOT NULL\n);\n");
      // an incomplete packet naming the table: packet findings land on spec.md, outside the diff
      write("packets/accounts-status/spec.md", "# Add a status to accounts\n\nWe add `accounts.status`.\n");
      baseSha = commit(git, "base: accounts table");
      StringBuilder v2 = new StringBuilder("ALTER TABLE accounts ADD COLUMN status text NOT NULL;\n");
      for (int i = 1; i <= INDEXES; i++) {
        v2.append("CREATE INDEX accounts_idx_").append(i).append(" ON accounts (email);\n");
      }
      write(V2, v2.toString());
      v2Lines = INDEXES + 1;
      headSha = commit(git, "head: a bad migration");
    }
    Set<Integer> hunk = new LinkedHashSet<>();
    for (int l = 1; l <= v2Lines; l++) hunk.add(l);
    gh.commentable(V2, List.of(hunk)); // a new file: every line is in its single hunk
  }

  @AfterEach
  void tearDown() {
    gh.close();
  }

  private void write(String path, String text) throws Exception {
    Path p = repo.resolve(path);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text, StandardCharsets.UTF_8);
  }

  private static String commit(Git git, String message) throws Exception {
    git.add().addFilepattern(".").call();
    PersonIdent who = new PersonIdent("Test", "test@example.com");
    return git.commit().setMessage(message).setAuthor(who).setCommitter(who).setSign(false).call().getName();
  }

  /** What the engine finds for this range: the expectations are derived from it, not hard-coded. */
  private Report expectedReport() {
    return Analysis.run(GitRange.changeSet(repo, baseSha, headSha), Config.defaults());
  }

  private Map<String, String> env(boolean fork) throws Exception {
    ObjectNode event = json.createObjectNode();
    event.put("action", "synchronize");
    event.put("number", 1);
    ObjectNode pr = event.putObject("pull_request");
    pr.put("number", 1);
    pr.putObject("base").put("sha", baseSha).putObject("repo").put("full_name", "acme/shop");
    pr.putObject("head").put("sha", headSha).putObject("repo").put("full_name", fork ? "stranger/shop" : "acme/shop");
    Path eventFile = tmp.resolve("event.json");
    Files.writeString(eventFile, json.writeValueAsString(event));
    Map<String, String> env = new HashMap<>();
    env.put("GITHUB_ACTIONS", "true");
    env.put("GITHUB_EVENT_NAME", "pull_request");
    env.put("GITHUB_EVENT_PATH", eventFile.toString());
    env.put("GITHUB_WORKSPACE", repo.toString());
    env.put("GITHUB_STEP_SUMMARY", tmp.resolve("summary.md").toString());
    env.put("GITHUB_OUTPUT", tmp.resolve("output.txt").toString());
    env.put("GITHUB_REPOSITORY", "acme/shop");
    env.put("GITHUB_API_URL", gh.wm.baseUrl());
    env.put("GITHUB_SERVER_URL", "https://github.com");
    env.put("GITHUB_SHA", "0123456789abcdef0123456789abcdef01234567"); // the merge commit, not the head
    env.put("GITHUB_TOKEN", FakeGitHub.TOKEN);
    return env;
  }

  private record Run(int exit, String out, String err) {}

  private Run action(Map<String, String> env, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new ActionCommand(env, gh.policy()));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private void stubFirstRun() throws Exception {
    gh.wm.stubFor(get(urlPathEqualTo("/repos/acme/shop/commits/" + headSha + "/check-runs")).atPriority(5)
        .willReturn(jsonResponse("{\"total_count\":0,\"check_runs\":[]}", 200)));
    gh.wm.stubFor(post(urlEqualTo("/repos/acme/shop/check-runs")).atPriority(5)
        .willReturn(jsonResponse("{\"id\":" + CHECK_RUN_ID + ",\"name\":\"specgate\",\"head_sha\":\"" + headSha
            + "\",\"status\":\"completed\",\"conclusion\":\"failure\"}", 201)));
    gh.wm.stubFor(patch(urlEqualTo("/repos/acme/shop/check-runs/" + CHECK_RUN_ID)).atPriority(5)
        .willReturn(jsonResponse("{\"id\":" + CHECK_RUN_ID + ",\"name\":\"specgate\"}", 200)));
    gh.wm.stubFor(get(urlEqualTo("/repos/acme/shop/pulls/1/files?per_page=100")).atPriority(5)
        .willReturn(jsonResponse(prFiles(), 200)));
    gh.wm.stubFor(get(urlEqualTo("/repos/acme/shop/pulls/1/comments?per_page=100")).atPriority(5)
        .willReturn(jsonResponse("[]", 200)));
    gh.wm.stubFor(get(urlEqualTo("/repos/acme/shop/pulls/1/reviews?per_page=100")).atPriority(5)
        .willReturn(jsonResponse("[]", 200)));
    gh.wm.stubFor(post(urlEqualTo("/repos/acme/shop/pulls/1/reviews")).atPriority(5)
        .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
            .withBody("{\"id\":" + REVIEW_ID + ",\"state\":\"COMMENTED\",\"body\":\"\"}")
            .withTransformers(FakeGitHub.REVIEW_VALIDATOR)));
  }

  /** The PR's files as GitHub lists them, with the patches git computes for the range. */
  private String prFiles() throws Exception {
    ArrayNode files = json.createArrayNode();
    ChangeSet changes = GitRange.changeSet(repo, baseSha, headSha);
    for (SourceFile f : changes.changedFiles()) {
      ObjectNode n = files.addObject();
      n.put("filename", f.path());
      n.put("status", f.status().name().toLowerCase());
      n.put("sha", "0000000000000000000000000000000000000001");
      if (f.patch() != null) n.put("patch", f.patch());
    }
    assertThat(files).hasSize(1);
    return json.writeValueAsString(files);
  }

  private List<LoggedRequest> requests(RequestMethod method, String path) {
    List<LoggedRequest> out = new ArrayList<>();
    for (LoggedRequest r : gh.wm.findAll(anyRequestedFor(anyUrl()))) {
      if (r.getMethod().equals(method) && r.getUrl().split("\\?")[0].equals(path)) out.add(r);
    }
    return out;
  }

  private List<LoggedRequest> mutations() {
    List<LoggedRequest> out = new ArrayList<>();
    for (LoggedRequest r : gh.wm.findAll(anyRequestedFor(anyUrl()))) {
      if (!r.getMethod().equals(RequestMethod.GET)) out.add(r);
    }
    return out;
  }

  @Test
  void aPullRequestGetsAnnotationsSummaryOutputsOneCheckRunAndOneReview() throws Exception {
    Report expected = expectedReport();
    List<Finding> onDiff = expected.findings().stream().filter(f -> f.file().equals(V2)).toList();
    List<Finding> offDiff = expected.findings().stream().filter(f -> !f.file().equals(V2)).toList();
    assertThat(onDiff).as("the bad migration's findings").hasSizeGreaterThan(50);
    assertThat(onDiff).extracting(Finding::rule).contains("index-not-concurrent", "nullable-first");
    assertThat(offDiff).as("findings on the unchanged spec.md, outside the diff").isNotEmpty();
    stubFirstRun();

    Path sarif = tmp.resolve("out/specgate.sarif");
    Run run = action(env(false), "--sarif-file", sarif.toString());

    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    // annotations: one workflow command per finding
    List<String> commands = run.out().lines().filter(l -> l.matches("::(error|warning|notice) file=.*")).toList();
    assertThat(commands).hasSize(expected.findings().size());
    for (int i = 0; i < commands.size(); i++) {
      Finding f = expected.findings().get(i);
      assertThat(commands.get(i)).startsWith("::" + f.severity().label() + " file=" + f.file() + ",line=" + f.line()
          + ",endLine=" + f.location().endLine());
      assertThat(commands.get(i)).contains(",title=specgate " + f.rule() + "::");
    }

    // Check Run: one create, then PATCHes appending, each at most 50 annotations, all findings once
    List<LoggedRequest> creates = requests(RequestMethod.POST, "/repos/acme/shop/check-runs");
    List<LoggedRequest> updates = requests(RequestMethod.PATCH, "/repos/acme/shop/check-runs/" + CHECK_RUN_ID);
    assertThat(creates).hasSize(1);
    int total = expected.findings().size();
    assertThat(updates).hasSize((total - 1) / 50);
    JsonNode create = json.readTree(creates.get(0).getBodyAsString());
    assertThat(create.path("head_sha").asText()).isEqualTo(headSha);
    assertThat(create.path("name").asText()).isEqualTo("specgate");
    assertThat(create.path("conclusion").asText()).isEqualTo("failure");
    assertThat(create.path("external_id").asText()).isEqualTo("specgate-action/pr-1");
    assertThat(create.path("output").path("summary").asText()).contains("❌ specgate: failed");
    int sent = 0;
    for (LoggedRequest r : concat(creates, updates)) {
      int n = json.readTree(r.getBodyAsString()).path("output").path("annotations").size();
      assertThat(n).isBetween(1, 50);
      sent += n;
    }
    assertThat(sent).isEqualTo(total);

    // one review: inline comments only on diff lines (the fake answers 422 otherwise), the rest in the body
    List<LoggedRequest> reviews = requests(RequestMethod.POST, "/repos/acme/shop/pulls/1/reviews");
    assertThat(reviews).hasSize(1);
    JsonNode review = json.readTree(reviews.get(0).getBodyAsString());
    assertThat(review.path("commit_id").asText()).isEqualTo(headSha);
    assertThat(review.path("event").asText()).isEqualTo("COMMENT");
    JsonNode comments = review.path("comments");
    assertThat(comments.size()).isEqualTo(Math.min(50, onDiff.size()));
    for (JsonNode c : comments) {
      assertThat(c.path("path").asText()).isEqualTo(V2);
      assertThat(c.path("line").asInt()).isBetween(1, v2Lines);
      assertThat(c.path("side").asText()).isEqualTo("RIGHT");
      assertThat(c.path("body").asText()).containsPattern("<!-- specgate:finding [0-9a-f]{32} -->");
    }
    String body = review.path("body").asText();
    assertThat(body).startsWith("<!-- specgate:review -->");
    for (Finding f : offDiff) assertThat(body).contains(f.file() + ":" + f.line());
    // the index findings come with a one-click suggestion replacing the statement
    assertThat(comments.findValuesAsText("body")).anySatisfy(b -> assertThat(b).contains("```suggestion\nCREATE INDEX CONCURRENTLY"));

    // job summary, outputs and SARIF
    String summary = Files.readString(tmp.resolve("summary.md"));
    assertThat(summary).startsWith("## ❌ specgate: failed");
    assertThat(summary).contains("https://github.com/acme/shop/blob/" + headSha + "/" + V2 + "#L1");
    String outputs = Files.readString(tmp.resolve("output.txt"));
    assertThat(outputs).contains("errors=" + expected.count(dev.specgate.core.Severity.ERROR) + "\n");
    assertThat(outputs).contains("warnings=" + expected.count(dev.specgate.core.Severity.WARNING) + "\n");
    assertThat(outputs).contains("notices=" + expected.count(dev.specgate.core.Severity.NOTICE) + "\n");
    assertThat(outputs).contains("conclusion=failure\n");
    JsonNode sarifLog = json.readTree(Files.readString(sarif));
    assertThat(sarifLog.path("runs").get(0).path("results")).hasSize(total);
    // every request carried the token
    for (LoggedRequest r : gh.wm.findAll(anyRequestedFor(anyUrl()))) {
      assertThat(r.getHeader("Authorization")).isEqualTo(FakeGitHub.bearer());
    }
  }

  @Test
  void withDryRunTheCheckRunAndJobSummariesShowTheMeasuredLockTableAndTheRollback() throws Exception {
    // another repository: dryRun: true in .specgate.yml, and a change that takes ACCESS EXCLUSIVE
    repo = tmp.resolve("dry");
    Files.createDirectories(repo);
    String up = "db/migrations/000002_status.up.sql";
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      write(".specgate.yml", "dryRun: true\ndryRunRowCeiling: 500\n");
      write("db/migrations/000001_accounts.up.sql", "CREATE TABLE accounts (id bigint PRIMARY KEY, email text NOT NULL);\n");
      baseSha = commit(git, "base");
      write(up, "ALTER TABLE accounts ADD COLUMN status text;\n");
      write("db/migrations/000002_status.down.sql", "ALTER TABLE accounts DROP COLUMN status;\n");
      headSha = commit(git, "head: a new column");
    }
    // the Check Run only (no review asked): find ours, then create it
    gh.wm.stubFor(get(urlPathEqualTo("/repos/acme/shop/commits/" + headSha + "/check-runs")).atPriority(5)
        .willReturn(jsonResponse("{\"total_count\":0,\"check_runs\":[]}", 200)));
    gh.wm.stubFor(post(urlEqualTo("/repos/acme/shop/check-runs")).atPriority(5)
        .willReturn(jsonResponse("{\"id\":" + CHECK_RUN_ID + ",\"name\":\"specgate\",\"head_sha\":\"" + headSha
            + "\",\"status\":\"completed\",\"conclusion\":\"success\"}", 201)));

    Run run = action(env(false), "--review-comments", "false");

    assertThat(run.exit()).as(run.err()).isIn(0, 1);
    List<LoggedRequest> creates = requests(RequestMethod.POST, "/repos/acme/shop/check-runs");
    assertThat(creates).hasSize(1);
    String checkSummary = json.readTree(creates.get(0).getBodyAsString()).path("output").path("summary").asText();
    String jobSummary = Files.readString(tmp.resolve("summary.md"));
    for (String summary : List.of(checkSummary, jobSummary)) {
      assertThat(summary).contains("## Dry run: PostgreSQL ", "| Statement | Result | Time | Locks taken |");
      // measured on the scratch database: the lock the statement's backend held, in that statement's row
      assertThat(summary).containsPattern("\\| `" + up.replace(".", "\\.") + ":1` .*\\| AccessExclusiveLock accounts");
      assertThat(summary).contains("`db/migrations/000002_status.down.sql`: ok, the schema is as before the change");
    }
    assertThat(checkSummary).hasSizeLessThanOrEqualTo(65_535);
  }

  @Test
  void aReRunOnTheSameCommitUpdatesInsteadOfPilingUp() throws Exception {
    stubFirstRun();
    assertThat(action(env(false)).exit()).isEqualTo(1);

    // GitHub now holds what the first run created: replay it as the state the second run reads.
    List<LoggedRequest> first = new ArrayList<>(concat(
        requests(RequestMethod.POST, "/repos/acme/shop/check-runs"),
        requests(RequestMethod.PATCH, "/repos/acme/shop/check-runs/" + CHECK_RUN_ID)));
    ArrayNode storedAnnotations = json.createArrayNode();
    for (LoggedRequest r : first) {
      for (JsonNode a : json.readTree(r.getBodyAsString()).path("output").path("annotations")) storedAnnotations.add(a);
    }
    JsonNode review = json.readTree(requests(RequestMethod.POST, "/repos/acme/shop/pulls/1/reviews").get(0).getBodyAsString());
    ArrayNode storedComments = json.createArrayNode();
    long id = 9_000_000_000L;
    for (JsonNode c : review.path("comments")) {
      ObjectNode s = storedComments.addObject();
      s.put("id", id++);
      s.put("pull_request_review_id", REVIEW_ID);
      s.put("path", c.path("path").asText());
      s.put("line", c.path("line").asInt());
      s.put("side", "RIGHT");
      s.put("body", c.path("body").asText());
      s.putObject("user").put("login", "github-actions[bot]");
    }
    ArrayNode storedReviews = json.createArrayNode();
    storedReviews.addObject().put("id", REVIEW_ID).put("state", "COMMENTED").put("body", review.path("body").asText())
        .put("commit_id", headSha).putObject("user").put("login", "github-actions[bot]");

    gh.wm.resetRequests();
    gh.wm.stubFor(get(urlPathEqualTo("/repos/acme/shop/commits/" + headSha + "/check-runs")).atPriority(4)
        .willReturn(jsonResponse("{\"total_count\":2,\"check_runs\":["
            // the workflow's own job, also named specgate, created by the same app: must be left alone
            + "{\"id\":" + (CHECK_RUN_ID + 5) + ",\"name\":\"specgate\",\"head_sha\":\"" + headSha
            + "\",\"status\":\"in_progress\",\"external_id\":\"\"},"
            + "{\"id\":" + CHECK_RUN_ID + ",\"name\":\"specgate\",\"head_sha\":\"" + headSha
            + "\",\"status\":\"completed\",\"external_id\":\"specgate-action/pr-1\"}]}", 200)));
    gh.wm.stubFor(get(urlEqualTo("/repos/acme/shop/check-runs/" + CHECK_RUN_ID + "/annotations?per_page=100")).atPriority(4)
        .willReturn(jsonResponse(json.writeValueAsString(storedAnnotations), 200)));
    gh.wm.stubFor(get(urlEqualTo("/repos/acme/shop/pulls/1/comments?per_page=100")).atPriority(4)
        .willReturn(jsonResponse(json.writeValueAsString(storedComments), 200)));
    gh.wm.stubFor(get(urlEqualTo("/repos/acme/shop/pulls/1/reviews?per_page=100")).atPriority(4)
        .willReturn(jsonResponse(json.writeValueAsString(storedReviews), 200)));

    Run second = action(env(false));

    assertThat(second.exit()).as(second.err()).isEqualTo(1);
    List<LoggedRequest> writes = mutations();
    // exactly one write: the check run's output refreshed in place, with no annotation repeated
    assertThat(writes).hasSize(1);
    assertThat(writes.get(0).getMethod()).isEqualTo(RequestMethod.PATCH);
    assertThat(writes.get(0).getUrl()).isEqualTo("/repos/acme/shop/check-runs/" + CHECK_RUN_ID);
    JsonNode patchBody = json.readTree(writes.get(0).getBodyAsString());
    assertThat(patchBody.path("output").has("annotations")).isFalse();
    assertThat(patchBody.path("conclusion").asText()).isEqualTo("failure");
  }

  @Test
  void aForkTokenFallsBackToAnnotationsAndSummaryWithoutFailingForIt() throws Exception {
    stubFirstRun();
    gh.wm.stubFor(any(anyUrl()).atPriority(3).withHeader("Authorization", FakeGitHub.auth())
        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.matching("(?s).+"))
        .willReturn(jsonResponse("{\"message\":\"Resource not accessible by integration\"}", 403)));

    Run run = action(env(true));

    assertThat(run.exit()).as("exit follows the findings, not the 403").isEqualTo(expectedReport().exitCode());
    assertThat(run.out()).contains("::notice title=specgate::The token may not create the Check Run (GitHub answered 403)%3A".replace("%3A", ":")
        + " this pull request comes from a fork");
    assertThat(run.out().lines().filter(l -> l.startsWith("::error file="))).isNotEmpty();
    String summary = Files.readString(tmp.resolve("summary.md"));
    assertThat(summary).contains("> The token may not create the Check Run (GitHub answered 403): this pull request comes from a fork");
    assertThat(summary).contains("> The token may not create the pull request review");
    assertThat(Files.readString(tmp.resolve("output.txt"))).contains("conclusion=failure");
    // one attempt each: a permission 403 is not retried
    assertThat(requests(RequestMethod.POST, "/repos/acme/shop/check-runs")).hasSize(1);
    assertThat(requests(RequestMethod.POST, "/repos/acme/shop/pulls/1/reviews")).hasSize(1);
    assertThat(gh.sleeps).isEmpty();
  }

  @Test
  void theActionReadsDieselMetadataAndTheSchemaDumpAtBase() throws Exception {
    repo = tmp.resolve("tools");
    Files.createDirectories(repo);
    String index = "SET lock_timeout = '5s';\nCREATE INDEX CONCURRENTLY i ON accounts (email);\n";
    try (Git git = Git.init().setDirectory(repo.toFile()).setInitialBranch("main").call()) {
      write("db/structure.sql", "CREATE TABLE public.accounts (\n    id bigint NOT NULL,\n"
          + "    email character varying(255) NOT NULL\n);\n");
      baseSha = commit(git, "base: the dump");
      write("migrations/2024-05-02-101500_with_metadata/up.sql", index);
      write("migrations/2024-05-02-101500_with_metadata/metadata.toml", "run_in_transaction = false\n");
      write("migrations/2024-05-03-101500_without_metadata/up.sql", index);
      write("db/migrations/20240504000000_email_text.sql",
          "SET lock_timeout = '5s';\nALTER TABLE accounts ALTER COLUMN email TYPE text;\n");
      write("db/structure.sql", "CREATE TABLE public.accounts (\n    id bigint NOT NULL,\n    email text NOT NULL\n);\n");
      headSha = commit(git, "head");
    }
    Map<String, String> env = env(false);
    env.remove("GITHUB_TOKEN");
    Run run = action(env);
    List<String> commands = run.out().lines().filter(l -> l.matches("::(error|warning|notice) file=.*")).toList();
    assertThat(commands).anyMatch(l -> l.contains("file=migrations/2024-05-03-101500_without_metadata/up.sql,line=2")
        && l.contains("concurrently-in-transaction"));
    assertThat(commands).noneMatch(l -> l.contains("with_metadata/up.sql") && l.contains("concurrently-in-transaction"));
    // at base email was varchar(255): text is in place
    assertThat(commands).noneMatch(l -> l.contains("column-type-change"));
  }

  @Test
  void withoutATokenOnlyAnnotationsAndSummary() throws Exception {
    Map<String, String> env = env(false);
    env.remove("GITHUB_TOKEN");
    Run run = action(env);
    assertThat(run.exit()).isEqualTo(1);
    assertThat(gh.wm.findAll(anyRequestedFor(anyUrl()))).isEmpty();
    assertThat(Files.readString(tmp.resolve("summary.md"))).contains("No GITHUB_TOKEN");
  }

  @Test
  void failOnIsHonouredAndAPushEventComparesBeforeAndAfter() throws Exception {
    Path eventFile = tmp.resolve("push.json");
    Files.writeString(eventFile, "{\"before\":\"" + baseSha + "\",\"after\":\"" + headSha + "\"}");
    Map<String, String> env = env(false);
    env.put("GITHUB_EVENT_NAME", "push");
    env.put("GITHUB_EVENT_PATH", eventFile.toString());
    env.remove("GITHUB_TOKEN");
    Run run = action(env, "--paths", "packets/**");
    // only packet findings are reported, and none of them is an error → exit per --fail-on
    List<Finding> packetFindings = expectedReport().findings().stream().filter(f -> f.file().startsWith("packets/")).toList();
    boolean packetErrors = packetFindings.stream().anyMatch(f -> f.severity() == dev.specgate.core.Severity.ERROR);
    assertThat(run.exit()).isEqualTo(packetErrors ? 1 : 0);
    assertThat(run.out()).doesNotContain("file=" + V2);
    Run lenient = action(env, "--paths", "packets/**", "--fail-on", "warning");
    boolean packetWarnings = packetFindings.stream().anyMatch(f -> f.severity() != dev.specgate.core.Severity.NOTICE);
    assertThat(lenient.exit()).isEqualTo(packetWarnings ? 1 : 0);
  }

  @Test
  void branchNamesGivenOnTheCommandLineAreResolvedToTheCommitForTheCheckRun() throws Exception {
    stubFirstRun();
    Map<String, String> env = env(false);
    env.remove("GITHUB_EVENT_PATH");
    Run run = action(env, "--base", baseSha, "--head", "main", "--review-comments=false");
    assertThat(run.exit()).as(run.err()).isEqualTo(1);
    JsonNode create = json.readTree(requests(RequestMethod.POST, "/repos/acme/shop/check-runs").get(0).getBodyAsString());
    assertThat(create.path("head_sha").asText()).isEqualTo(headSha);
    assertThat(create.path("external_id").asText()).isEqualTo("specgate-action");
    assertThat(requests(RequestMethod.POST, "/repos/acme/shop/pulls/1/reviews")).isEmpty();
    assertThat(Files.readString(tmp.resolve("summary.md"))).contains("/blob/" + headSha + "/");
  }

  @Test
  void aMissingBaseCommitIsAClearErrorNotAStackTrace() throws Exception {
    Map<String, String> env = env(false);
    Path eventFile = tmp.resolve("bad.json");
    Files.writeString(eventFile, "{\"pull_request\":{\"number\":1,\"base\":{\"sha\":\"1111111111111111111111111111111111111111\"},"
        + "\"head\":{\"sha\":\"" + headSha + "\"}}}");
    env.put("GITHUB_EVENT_PATH", eventFile.toString());
    Run run = action(env);
    assertThat(run.exit()).isEqualTo(2);
    assertThat(run.err()).startsWith("specgate: ").contains("fetch-depth: 0").doesNotContain("Exception");
  }

  private static <T> List<T> concat(List<T> a, List<T> b) {
    List<T> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
