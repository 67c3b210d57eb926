package dev.specgate.github;

/**
 * One entry of {@code GET /pulls/{n}/files}. {@code patch} is null for binary files and very large
 * diffs (then no line of the file is commentable); {@code sha} is the blob sha of the file at head.
 */
public record PullRequestFile(
    String filename, String status, String sha, String patch, String previousFilename) {}
