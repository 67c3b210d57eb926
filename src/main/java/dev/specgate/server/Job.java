package dev.specgate.server;

/**
 * A stored job: the work item plus its queue state.
 *
 * @param attempts how many times a worker started it (including the current start)
 * @param stalls how many starts ended without an outcome (the process died or the worker hung)
 * @param checkRunId the Check Run created for it, 0 before one exists
 * @param receivedAtMillis when the first delivery asking for it arrived (end-to-end latency)
 */
public record Job(
    long id,
    WorkItem item,
    JobState state,
    int attempts,
    int stalls,
    long checkRunId,
    long receivedAtMillis,
    String lastError) {}
