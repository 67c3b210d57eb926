package dev.specgate.github;

/** A pull request review (the fields we use). */
public record Review(long id, String body, String state, String userLogin, String commitId) {}
