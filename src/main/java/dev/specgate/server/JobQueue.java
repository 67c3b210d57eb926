package dev.specgate.server;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerBuilder;
import com.github.kagkarlsson.scheduler.SchedulerName;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The workers: db-scheduler running {@link JobRunner} on the store's database. It claims due
 * executions (PostgreSQL: {@code FOR UPDATE SKIP LOCKED}), heartbeats running ones, and revives
 * executions whose heartbeat lapsed (a dead replica's). The embedded store is one process by
 * definition, so on start whatever a dead process left running is due again at once.
 */
final class JobQueue implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(JobQueue.class);
  /** Missed heartbeats before an execution counts as dead: the lapse is 4 × the heartbeat. */
  private static final int MISSED_HEARTBEATS = 4;

  private final Scheduler scheduler;
  private final JobRunner runner;

  private JobQueue(Scheduler scheduler, JobRunner runner) {
    this.scheduler = scheduler;
    this.runner = runner;
  }

  static JobQueue start(JobStore store, JobRunner runner, int workers, WorkerTuning tuning, String instance) throws SQLException {
    CustomTask<Void> task = Tasks.custom(JobStore.TASK, Void.class)
        // JobRunner catches everything; should anything still escape, try again later rather than drop the job
        .onFailure((complete, operations) -> operations.reschedule(complete, Instant.now().plus(tuning.retryBase())))
        .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
        .execute(runner);
    if (!store.postgres()) {
      int revived = reviveAll(store);
      if (revived > 0) LOG.info("job queue: {} job(s) left running by a stopped process are due again", revived);
    }
    SchedulerBuilder builder = Scheduler.create(store.database().dataSource(), task)
        .threads(workers)
        .pollingInterval(tuning.poll())
        .heartbeatInterval(tuning.heartbeat())
        .missedHeartbeatsLimit(MISSED_HEARTBEATS)
        // JobStore wakes it after each commit that queued work (an immediate check before the commit would miss it)
        .shutdownMaxWait(tuning.shutdownGrace())
        .schedulerName(new SchedulerName.Fixed(instance));
    if (store.postgres()) builder.pollUsingLockAndFetch(0.5, 1.0);
    Scheduler scheduler = builder.build();
    store.scheduleThrough(scheduler);
    scheduler.start();
    return new JobQueue(scheduler, runner);
  }

  /** Embedded store only: marks every picked execution unpicked (its process is gone). */
  private static int reviveAll(JobStore store) throws SQLException {
    try (Connection c = store.database().connection(); Statement s = c.createStatement()) {
      return s.executeUpdate("UPDATE scheduled_tasks SET picked=FALSE, picked_by=NULL, last_heartbeat=NULL,"
          + " version=version+1 WHERE picked=TRUE AND task_name='" + JobStore.TASK + "'");
    }
  }

  /** Stops claiming; in-flight jobs get the grace period, then are interrupted and released. */
  @Override
  public void close() {
    runner.stopping();
    scheduler.stop();
  }
}
