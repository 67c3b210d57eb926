package dev.specgate.github;

import java.util.List;

/**
 * A review to create: {@code event} is {@code COMMENT}, {@code REQUEST_CHANGES} or {@code APPROVE}.
 * Every comment must sit on a line of the pull request's diff, or GitHub rejects the whole review
 * (422); check with {@link ReviewLines} first.
 */
public record ReviewRequest(String commitId, String body, String event, List<Comment> comments) {
  public ReviewRequest {
    comments = List.copyOf(comments == null ? List.of() : comments);
  }

  /**
   * One inline comment on the RIGHT (head) side. {@code startLine} is null for a single line;
   * otherwise it must be in the same hunk as {@code line}.
   */
  public record Comment(String path, Integer startLine, int line, String body) {}
}
