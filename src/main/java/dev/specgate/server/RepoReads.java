package dev.specgate.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.specgate.github.app.AppHttp;
import dev.specgate.github.app.GitHubCallException;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The GitHub reads the service needs beyond the shared {@code GitHubClient}: a pull request's
 * current state, the head tree (git trees API, recursive), and our own Check Run for a head sha
 * matched by its {@code external_id}.
 */
final class RepoReads {
  /** The pull request as it is now. */
  record PullRequestState(int number, String state, String headSha, String baseSha, boolean draft) {}

  /** One file of the head tree. */
  record TreeEntry(String path, String sha, long size) {}

  /** The head tree; {@code truncated} when GitHub cut the listing short. */
  record Tree(List<TreeEntry> files, boolean truncated) {}

  private final AppHttp http;
  private final String authorization;
  private final ObjectMapper json = new ObjectMapper();

  RepoReads(AppHttp http, String installationToken) {
    this.http = http;
    this.authorization = "Bearer " + installationToken;
  }

  PullRequestState pullRequest(WorkItem w) throws GitHubCallException, InterruptedException {
    JsonNode n = get("/repos/" + w.repo() + "/pulls/" + w.prNumber(), "reading pull request #" + w.prNumber());
    return new PullRequestState(n.path("number").asInt(), n.path("state").asText("open"),
        n.path("head").path("sha").asText(""), n.path("base").path("sha").asText(""), n.path("draft").asBoolean(false));
  }

  Tree tree(WorkItem w) throws GitHubCallException, InterruptedException {
    JsonNode n = get("/repos/" + w.repo() + "/git/trees/" + w.headSha() + "?recursive=1", "listing the head tree");
    List<TreeEntry> out = new ArrayList<>();
    for (JsonNode e : n.path("tree")) {
      if ("blob".equals(e.path("type").asText())) {
        out.add(new TreeEntry(e.path("path").asText(), e.path("sha").asText(), e.path("size").asLong()));
      }
    }
    return new Tree(out, n.path("truncated").asBoolean(false));
  }

  /** A Check Run of ours found on the head commit. */
  record ExistingRun(long id, String status, java.time.Instant completedAt) {
    boolean completed() {
      return "completed".equals(status);
    }
  }

  /** Our Check Run for this pull request at this head, if one was created before (newest first). */
  Optional<ExistingRun> existingCheckRun(WorkItem w, String name, String appId) throws GitHubCallException, InterruptedException {
    String path = "/repos/" + w.repo() + "/commits/" + w.headSha() + "/check-runs?check_name="
        + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&filter=all&per_page=100";
    JsonNode n = get(path, "listing Check Runs");
    ExistingRun best = null;
    for (JsonNode run : n.path("check_runs")) {
      if (!name.equals(run.path("name").asText())) continue;
      JsonNode app = run.path("app").path("id");
      if (!app.isMissingNode() && appId.matches("\\d+") && app.asLong() != Long.parseLong(appId)) continue;
      if (!run.path("external_id").asText("").equals(Integer.toString(w.prNumber()))) continue;
      String completed = run.path("completed_at").asText("");
      ExistingRun r = new ExistingRun(run.path("id").asLong(), run.path("status").asText(""),
          completed.isEmpty() ? null : java.time.Instant.parse(completed));
      if (best == null || r.id() > best.id()) best = r;
    }
    return Optional.ofNullable(best);
  }

  /** The status of one of our Check Runs ({@code queued}, {@code in_progress}, {@code completed}). */
  String checkRunStatus(WorkItem w, long runId) throws GitHubCallException, InterruptedException {
    return get("/repos/" + w.repo() + "/check-runs/" + runId, "reading Check Run " + runId).path("status").asText("");
  }

  private JsonNode get(String path, String what) throws GitHubCallException, InterruptedException {
    AppHttp.Response r = AppHttp.expectOk(what, http.send("GET", path, authorization, null, null));
    try {
      return json.readTree(r.body());
    } catch (IOException e) {
      throw new GitHubCallException(what + ": GitHub answered with malformed JSON", r.status(), false, null);
    }
  }
}
