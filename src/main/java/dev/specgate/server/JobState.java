package dev.specgate.server;

/** Where a job is in its life. */
public enum JobState {
  /** Waiting for a worker (possibly not before a retry time). */
  QUEUED,
  /** Claimed by a worker holding an unexpired lease. */
  RUNNING,
  /** Finished: the Check Run is complete. */
  DONE,
  /** Gave up after repeated failures; the Check Run says why. */
  FAILED,
  /** A newer head sha of the same pull request replaced it. */
  SUPERSEDED
}
