package dev.specgate.server;

/**
 * A stored job: the work item plus its queue state.
 *
 * @param attempts how many times the job was claimed (including the current claim)
 * @param checkRunId the Check Run created for it, 0 before one exists
 * @param receivedAtMillis when the first delivery asking for it arrived (end-to-end latency)
 */
public record Job(
    long id,
    WorkItem item,
    JobState state,
    int attempts,
    long checkRunId,
    String leaseOwner,
    long receivedAtMillis,
    String lastError) {}
