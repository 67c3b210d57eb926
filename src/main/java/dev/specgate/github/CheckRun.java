package dev.specgate.github;

/** A Check Run as GitHub returns it (the fields we use). Ids exceed 32 bits: always long. */
public record CheckRun(long id, String name, String headSha, String status, String conclusion, String htmlUrl) {}
