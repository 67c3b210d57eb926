package dev.specgate.server;

import java.util.regex.Pattern;
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
  private static final Pattern EXTERNAL_ID = Pattern.compile("\\d{1,9}");
  private static final Set<String> PR_ACTIONS = Set.of("opened", "synchronize", "reopened", "ready_for_review");

  /** GitHub's documented webhook event names: the only values a metric label may take, besides "other". */
  private static final Set<String> DOCUMENTED = Set.of("branch_protection_configuration", "branch_protection_rule",
      "check_run", "check_suite", "code_scanning_alert", "commit_comment", "create", "custom_property",
      "custom_property_values", "delete", "dependabot_alert", "deploy_key", "deployment", "deployment_protection_rule",
      "deployment_review", "deployment_status", "discussion", "discussion_comment", "fork", "github_app_authorization",
      "gollum", "installation", "installation_repositories", "installation_target", "issue_comment", "issues", "label",
      "marketplace_purchase", "member", "membership", "merge_group", "meta", "milestone", "org_block", "organization",
      "package", "page_build", "personal_access_token_request", "ping", "project", "project_card", "project_column",
      "projects_v2", "projects_v2_item", "projects_v2_status_update", "public", "pull_request", "pull_request_review",
      "pull_request_review_comment", "pull_request_review_thread", "push", "registry_package", "release",
      "repository", "repository_advisory", "repository_dispatch", "repository_import", "repository_ruleset",
      "repository_vulnerability_alert", "secret_scanning_alert", "secret_scanning_alert_location",
      "secret_scanning_scan", "security_advisory", "security_and_analysis", "sponsorship", "star", "status",
      "sub_issues", "team", "team_add", "watch", "workflow_dispatch", "workflow_job", "workflow_run");

  private WebhookEvents() {}

  /** The metric label for an event header: the name when GitHub documents it, else {@code other}. */
  public static String label(String event) {
    return event != null && DOCUMENTED.contains(event) ? event : "other";
  }

  /** True when a delivery of this event and action can mean work (the catch-up redelivers only these). */
  public static boolean relevant(String event, String action) {
    if (event == null) return false;
    return switch (event) {
      case "pull_request" -> PR_ACTIONS.contains(action) || "edited".equals(action);
      case "check_run", "check_suite" -> "rerequested".equals(action);
      default -> false;
    };
  }

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
    return List.of(new WorkItem(repo(p), installation(p), prNumber(pr.path("number"), "pull_request.number"),
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
    if (EXTERNAL_ID.matcher(external).matches()) prs.add(Integer.parseInt(external));
    if (prs.isEmpty()) {
      for (JsonNode pr : run.path("pull_requests")) prs.add(prNumber(pr.path("number"), "check_run.pull_requests[].number"));
    }
    return items(p, prs, sha);
  }

  private static List<WorkItem> checkSuite(JsonNode p) throws MalformedPayloadException {
    JsonNode suite = p.path("check_suite");
    if (!suite.isObject()) throw new MalformedPayloadException("check_suite.rerequested has no check_suite object");
    Set<Integer> prs = new LinkedHashSet<>();
    for (JsonNode pr : suite.path("pull_requests")) prs.add(prNumber(pr.path("number"), "check_suite.pull_requests[].number"));
    return items(p, prs, suite.path("head_sha").asText(null));
  }

  private static List<WorkItem> items(JsonNode p, Set<Integer> prs, String sha) throws MalformedPayloadException {
    List<WorkItem> out = new ArrayList<>();
    for (int pr : prs) out.add(new WorkItem(repo(p), installation(p), pr, sha, true));
    return out;
  }

  /** A pull request number: a positive 32-bit integer, rejected (never truncated) otherwise. */
  private static int prNumber(JsonNode n, String field) throws MalformedPayloadException {
    if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() <= 0) {
      throw new MalformedPayloadException(field + " must be a positive 32-bit integer, got "
          + (n.isMissingNode() ? "nothing" : abbreviate(n.toString())));
    }
    return n.asInt();
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
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
