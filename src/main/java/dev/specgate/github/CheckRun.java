package dev.specgate.github;

/**
 * A Check Run as GitHub returns it (the fields we use). Ids exceed 32 bits: always long.
 * {@code externalId} is what its creator stored to recognise it (null when none).
 */
public record CheckRun(
    long id, String name, String headSha, String status, String conclusion, String htmlUrl, String externalId) {}
