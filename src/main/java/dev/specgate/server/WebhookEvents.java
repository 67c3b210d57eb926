package dev.specgate.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides which webhook deliveries mean work, and what work: pull_request opened, synchronize,
 * reopened, ready_for_review, and edited when the base branch changed; check_run and check_suite
 * rerequested. Everything else is irrelevant (answered 204).
 */
public final class WebhookEvents {
  private static final Set<String> PR_ACTIONS = Set.of("opened", "synchronize", "reopened", "ready_for_review");

  private WebhookEvents() {}

  /** A payload that lacks what a relevant event must carry. */
  public static final class MalformedPayloadException extends Exception {
    public MalformedPayloadException(String message) {
      super(message);
    }
  }

  /** The work a delivery asks for; empty for an irrelevant event. */
  public static List<WorkItem> workFor(String event, JsonNode payload, String checkRunName)
      throws MalformedPayloadException {
    if (!payload.isObject()) throw new MalformedPayloadException("the body is not a JSON object");
    String action = payload.path("action").asText("");
    try {
      switch (event) {
        case "pull_request":
          return pullRequest(action, payload);
        case "check_run":
          return "rerequested".equals(action) ? checkRun(payload, checkRunName) : List.of();
        case "check_suite":
          return "rerequested".equals(action) ? checkSuite(payload) : List.of();
        default:
          return List.of();
      }
    } catch (IllegalArgumentException e) {
      throw new MalformedPayloadException(event + "." + action + ": " + e.getMessage());
    }
  }

  private static List<WorkItem> pullRequest(String action, JsonNode p) throws MalformedPayloadException {
    boolean baseChanged = "edited".equals(action) && p.path("changes").has("base");
    if (!PR_ACTIONS.contains(action) && !baseChanged) return List.of();
    JsonNode pr = p.path("pull_request");
    if (!pr.isObject()) throw new MalformedPayloadException("pull_request." + action + " has no pull_request object");
    if ("closed".equals(pr.path("state").asText("open"))) return List.of();
    return List.of(new WorkItem(repo(p), installation(p), pr.path("number").asInt(0),
        pr.path("head").path("sha").asText(null), baseChanged));
  }

  private static List<WorkItem> checkRun(JsonNode p, String checkRunName) throws MalformedPayloadException {
    JsonNode run = p.path("check_run");
    if (!run.isObject()) throw new MalformedPayloadException("check_run.rerequested has no check_run object");
    // only our own run: GitHub sends rerequests to the app that created it, but be sure
    if (checkRunName != null && run.has("name") && !checkRunName.equals(run.path("name").asText())) return List.of();
    String sha = run.path("head_sha").asText(null);
    Set<Integer> prs = new LinkedHashSet<>();
    String external = run.path("external_id").asText("");
    if (external.matches("\\d{1,9}")) prs.add(Integer.parseInt(external));
    if (prs.isEmpty()) {
      for (JsonNode pr : run.path("pull_requests")) prs.add(pr.path("number").asInt(0));
    }
    return items(p, prs, sha);
  }

  private static List<WorkItem> checkSuite(JsonNode p) throws MalformedPayloadException {
    JsonNode suite = p.path("check_suite");
    if (!suite.isObject()) throw new MalformedPayloadException("check_suite.rerequested has no check_suite object");
    Set<Integer> prs = new LinkedHashSet<>();
    for (JsonNode pr : suite.path("pull_requests")) prs.add(pr.path("number").asInt(0));
    return items(p, prs, suite.path("head_sha").asText(null));
  }

  private static List<WorkItem> items(JsonNode p, Set<Integer> prs, String sha) throws MalformedPayloadException {
    List<WorkItem> out = new ArrayList<>();
    for (int pr : prs) out.add(new WorkItem(repo(p), installation(p), pr, sha, true));
    return out;
  }

  private static String repo(JsonNode p) throws MalformedPayloadException {
    String name = p.path("repository").path("full_name").asText("");
    if (name.isEmpty()) throw new MalformedPayloadException("repository.full_name is missing");
    return name;
  }

  private static long installation(JsonNode p) throws MalformedPayloadException {
    long id = p.path("installation").path("id").asLong(0);
    if (id <= 0) throw new MalformedPayloadException("installation.id is missing: is the webhook an App webhook?");
    return id;
  }
}
