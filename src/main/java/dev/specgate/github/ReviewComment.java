package dev.specgate.github;

/**
 * An inline review comment. {@code line} is null when the comment is outdated (its line left the
 * diff after a push); {@code inReplyToId} is 0 for a thread's first comment.
 */
public record ReviewComment(
    long id, long reviewId, String path, Integer line, String side, String body, String userLogin, long inReplyToId) {}
