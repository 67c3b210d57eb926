package dev.specgate.github.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a GitHub Actions run is about, read from {@code GITHUB_EVENT_PATH}: the commits to compare
 * and, for a pull request, its number and whether it comes from a fork.
 *
 * @param baseSha the commit to compare against, or null when the event has none (a new branch's
 *     first push, a manual run): the caller then compares the head with its parent
 * @param pullNumber the pull request number, 0 when the event is not about one
 * @param fromFork true when the pull request's head lives in another repository; its token is
 *     then read-only
 * @param draft the pull request is a draft (not yet marked ready for review)
 */
public record ActionsEvent(
    String name, String baseSha, String headSha, int pullNumber, boolean fromFork, boolean draft) {
  private static final String ZERO_SHA = "0000000000000000000000000000000000000000";

  /** An event that is not about a draft pull request. */
  public ActionsEvent(String name, String baseSha, String headSha, int pullNumber, boolean fromFork) {
    this(name, baseSha, headSha, pullNumber, fromFork, false);
  }

  public boolean isPullRequest() {
    return pullNumber > 0;
  }

  /**
   * Reads the event file. {@code fallbackSha} ({@code GITHUB_SHA}) is the head for events that
   * carry no commits of their own.
   *
   * @throws IllegalArgumentException with a message naming the file and what was missing
   */
  public static ActionsEvent read(String eventName, Path eventFile, String fallbackSha) {
    String name = eventName == null ? "" : eventName;
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(Files.readString(eventFile));
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read the event file " + eventFile + ": " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("the event file " + eventFile + " does not hold a JSON object");
    }
    JsonNode pr = root.path("pull_request");
    if (pr.isObject()) {
      String base = text(pr.path("base"), "sha");
      String head = text(pr.path("head"), "sha");
      if (base == null || head == null) {
        throw new IllegalArgumentException(
            "the event file " + eventFile + " has a pull_request without base.sha and head.sha");
      }
      String headRepo = text(pr.path("head").path("repo"), "full_name");
      String baseRepo = text(pr.path("base").path("repo"), "full_name");
      boolean fork = headRepo == null || (baseRepo != null && !headRepo.equalsIgnoreCase(baseRepo));
      int number = pr.path("number").asInt(root.path("number").asInt(0));
      return new ActionsEvent(name, base, head, number, fork, pr.path("draft").asBoolean(false));
    }
    JsonNode group = root.path("merge_group");
    if (group.isObject()) {
      return new ActionsEvent(name, text(group, "base_sha"), text(group, "head_sha"), 0, false);
    }
    String after = text(root, "after");
    if (after != null && !after.equals(ZERO_SHA)) {
      String before = text(root, "before");
      return new ActionsEvent(name, before == null || before.equals(ZERO_SHA) ? null : before, after, 0, false);
    }
    if (fallbackSha == null || fallbackSha.isBlank()) {
      throw new IllegalArgumentException(
          "the " + (name.isEmpty() ? "" : name + " ") + "event names no commits and GITHUB_SHA is not set;"
              + " pass --base and --head");
    }
    return new ActionsEvent(name, null, fallbackSha, 0, false);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.path(field);
    return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
  }
}
