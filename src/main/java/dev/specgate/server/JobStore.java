package dev.specgate.server;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Our record of deliveries and jobs on top of db-scheduler's queue. Deliveries are deduplicated by
 * their {@code X-GitHub-Delivery} id, work by (repository, pull request, head sha); a newer head
 * supersedes queued work of the same pull request. Each queued job is one db-scheduler execution
 * (instance id {@code <job id>.<run>}), which db-scheduler claims, heartbeats and, when its worker
 * died, hands out again.
 */
public final class JobStore implements Intake, AutoCloseable {
  /** The db-scheduler task that runs jobs. */
  static final String TASK = "specgate-job";

  /** What became of one delivery. */
  public enum Accepted {
    /** New work was queued (or finished work queued again for a re-run). */
    QUEUED,
    /** The delivery is new but its work is already queued, running or done. */
    DEDUPLICATED,
    /** This delivery id was seen before. */
    DUPLICATE
  }

  private static final String COLUMNS =
      "id, repo, installation_id, pr_number, head_sha, state, attempts, stalls, run_seq, check_run_id, received_at, last_error";

  private final Database db;
  private final Clock clock;
  /** db-scheduler's client: a plain one until the scheduler runs, then the scheduler (it wakes at once). */
  private volatile SchedulerClient scheduling;

  private JobStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
    this.scheduling = SchedulerClient.Builder.create(db.dataSource()).build();
  }

  /** Opens the store and creates its tables when missing. */
  public static JobStore open(String url, String user, String password, int connections, Clock clock) throws SQLException {
    return new JobStore(Database.open(url, user, password, connections), clock);
  }

  public boolean postgres() {
    return db.postgres();
  }

  Database database() {
    return db;
  }

  void scheduleThrough(SchedulerClient client) {
    this.scheduling = client;
  }

  /** The execution that runs job {@code id}'s run {@code seq}. */
  static String instanceId(long id, int seq) {
    return id + "." + seq;
  }

  /** The job id of an execution's instance id. */
  static long jobId(String instanceId) {
    return Long.parseLong(instanceId.substring(0, instanceId.indexOf('.')));
  }

  /** One delivery to store (and one line of the embedded store's inbox journal, see {@link InboxJournal}). */
  record Delivery(String id, String event, List<WorkItem> items) {}

  /** Concurrent deliveries share transactions (see {@link GroupCommit}). */
  private final GroupCommit<Delivery, Accepted> deliveries = new GroupCommit<>(this::acceptAll);

  /**
   * Records a delivery and the work it asks for, durably, before the webhook is answered: the
   * delivery, its jobs and their queue executions commit together (with other deliveries that
   * arrived at the same time).
   */
  @Override
  public Accepted receive(String deliveryId, String event, List<WorkItem> work) throws SQLException {
    return deliveries.submit(new Delivery(deliveryId, event, work));
  }

  /** Stores deliveries in one transaction; one result per delivery, in order. */
  List<Accepted> acceptAll(List<Delivery> batch) throws SQLException {
    long now = clock.millis();
    List<String> toSchedule = new ArrayList<>();
    List<Accepted> results = inTransaction(c -> {
      List<Accepted> out = new ArrayList<>();
      for (Delivery d : batch) {
        if (!insertDelivery(c, d, now)) {
          out.add(Accepted.DUPLICATE);
          continue;
        }
        int before = toSchedule.size();
        for (WorkItem w : d.items()) acceptItem(c, w, now).ifPresent(toSchedule::add);
        out.add(toSchedule.size() > before ? Accepted.QUEUED : Accepted.DEDUPLICATED);
      }
      schedule(c, toSchedule);
      return out;
    });
    wake(toSchedule);
    return results;
  }

  /** False when the delivery id was stored before. */
  private boolean insertDelivery(Connection c, Delivery d, long now) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO specgate_deliveries (delivery_id, event, received_at) VALUES (?,?,?)"
        + (db.postgres() ? " ON CONFLICT DO NOTHING" : ""))) {
      ps.setString(1, d.id());
      ps.setString(2, d.event());
      ps.setLong(3, now);
      return ps.executeUpdate() == 1;
    } catch (SQLException e) {
      if (isUniqueViolation(e)) return false; // H2: the statement fails, the transaction goes on
      throw e;
    }
  }

  private static boolean isUniqueViolation(SQLException e) {
    return "23505".equals(e.getSQLState());
  }

  /**
   * Adds the queue executions inside the transaction {@code c}: job rows and executions commit
   * together. Instance ids are new by construction (job id and run number), so one batched insert.
   */
  private void schedule(Connection c, List<String> instances) throws SQLException {
    if (instances.isEmpty()) return;
    SchedulerClient client = scheduling;
    List<TaskInstance<?>> batch = new ArrayList<>();
    for (String id : instances) batch.add(new TaskInstance<Void>(TASK, id));
    db.dataSource().bind(c, () -> {
      client.scheduleBatch(batch, clock.instant());
      return null;
    });
  }

  /** After the commit: an idle worker looks for the new executions now rather than at its next poll. */
  private void wake(List<String> scheduled) {
    if (!scheduled.isEmpty() && scheduling instanceof Scheduler s) s.triggerCheckForDueExecutions();
  }

  /** The execution to schedule when the item became queued work, else empty. */
  private Optional<String> acceptItem(Connection c, WorkItem w, long now) throws SQLException {
    // a newer head sha supersedes work still waiting for the same pull request
    try (PreparedStatement ps = c.prepareStatement(
        "UPDATE specgate_jobs SET state='SUPERSEDED', updated_at=? WHERE repo=? AND pr_number=? AND head_sha<>? AND state='QUEUED'")) {
      ps.setLong(1, now);
      ps.setString(2, w.repo());
      ps.setInt(3, w.prNumber());
      ps.setString(4, w.headSha());
      ps.executeUpdate();
    }
    // new work is the common case: insert first, look the row up only when it exists
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO specgate_jobs (repo, installation_id, pr_number, head_sha, state, attempts, stalls, run_seq,"
            + " check_run_id, rerun, last_error, received_at, updated_at) VALUES (?,?,?,?,'QUEUED',0,0,0,0,FALSE,NULL,?,?)"
            + (db.postgres() ? " ON CONFLICT (repo, pr_number, head_sha) DO NOTHING" : ""),
        new String[] {"id"})) {
      ps.setString(1, w.repo());
      ps.setLong(2, w.installationId());
      ps.setInt(3, w.prNumber());
      ps.setString(4, w.headSha());
      ps.setLong(5, now);
      ps.setLong(6, now);
      boolean inserted;
      try {
        inserted = ps.executeUpdate() == 1;
      } catch (SQLException e) {
        if (!isUniqueViolation(e)) throw e;
        inserted = false; // H2: the statement fails, the transaction goes on
      }
      if (inserted) {
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          return Optional.of(instanceId(keys.getLong(1), 0));
        }
      }
    }
    Optional<Job> existing = find(c, w);
    if (existing.isEmpty()) return Optional.empty(); // cannot happen: the insert found it
    Job job = existing.get();
    if (!w.rerun()) return Optional.empty();
    switch (job.state()) {
      case DONE, FAILED, SUPERSEDED -> {
        // the same head again: a fresh run (and a fresh Check Run: annotations on the old one would only append)
        int seq = requeue(c, job.id(), w.installationId(), now);
        return Optional.of(instanceId(job.id(), seq));
      }
      case RUNNING -> {
        update(c, "UPDATE specgate_jobs SET rerun=TRUE, updated_at=? WHERE id=?", now, job.id());
        return Optional.empty();
      }
      default -> {
        return Optional.empty(); // already queued
      }
    }
  }

  private int requeue(Connection c, long id, long installationId, long now) throws SQLException {
    update(c, "UPDATE specgate_jobs SET state='QUEUED', attempts=0, stalls=0, run_seq=run_seq+1, received_at=?, updated_at=?,"
        + " installation_id=?, last_error=NULL, check_run_id=0, rerun=FALSE WHERE id=?", now, now, installationId, id);
    try (PreparedStatement ps = c.prepareStatement("SELECT run_seq FROM specgate_jobs WHERE id=?")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** Queues the pull request's current head (a worker found GitHub's head differs from its job's). */
  public void enqueue(WorkItem w) throws SQLException {
    long now = clock.millis();
    List<String> toSchedule = new ArrayList<>();
    inTransaction(c -> {
      Optional<String> added = acceptItem(c, w, now);
      if (added.isPresent()) {
        toSchedule.add(added.get());
      } else {
        Optional<Job> job = find(c, w);
        if (job.isPresent() && job.get().state() == JobState.SUPERSEDED) {
          // a stale delivery had superseded the current head: revive it
          toSchedule.add(instanceId(job.get().id(), requeue(c, job.get().id(), w.installationId(), now)));
        }
      }
      schedule(c, toSchedule);
      return null;
    });
    wake(toSchedule);
  }

  /**
   * Starts a run of the job: RUNNING, one more attempt. A job found RUNNING already was left by a
   * run that never ended (its process died or its worker hung): that counts as a stall. Empty when
   * the job needs no run (superseded, finished) or this execution is not its current run.
   */
  public Optional<Job> begin(String instanceId) throws SQLException {
    long id = jobId(instanceId);
    int seq = Integer.parseInt(instanceId.substring(instanceId.indexOf('.') + 1));
    long now = clock.millis();
    return inTransaction(c -> {
      Optional<Job> found = find(c, id, true);
      if (found.isEmpty()) return Optional.empty();
      try (PreparedStatement ps = c.prepareStatement("SELECT run_seq FROM specgate_jobs WHERE id=?")) {
        ps.setLong(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next() || rs.getInt(1) != seq) return Optional.empty();
        }
      }
      JobState state = found.get().state();
      if (state != JobState.QUEUED && state != JobState.RUNNING) return Optional.empty();
      update(c, "UPDATE specgate_jobs SET state='RUNNING', attempts=attempts+1, stalls=stalls+?, updated_at=? WHERE id=?",
          state == JobState.RUNNING ? 1 : 0, now, id);
      return find(c, id, false);
    });
  }

  /** The job as stored now (its Check Run may have been recorded since it was begun). */
  public Optional<Job> job(long id) throws SQLException {
    return inTransaction(c -> find(c, id, false));
  }

  /** Records the Check Run made for the job, so a later attempt updates it. */
  public void recordCheckRun(long jobId, long checkRunId) throws SQLException {
    inTransaction(c -> update(c, "UPDATE specgate_jobs SET check_run_id=?, updated_at=? WHERE id=?", checkRunId, clock.millis(), jobId));
  }

  /** Finishes a running job. A re-run requested while it ran queues it once more. */
  public void finish(long jobId, JobState state, String note) throws SQLException {
    long now = clock.millis();
    List<String> toSchedule = new ArrayList<>();
    inTransaction(c -> {
      boolean rerun;
      long installation;
      try (PreparedStatement ps = c.prepareStatement("SELECT rerun, installation_id FROM specgate_jobs WHERE id=? AND state='RUNNING'")) {
        ps.setLong(1, jobId);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) return null;
          rerun = rs.getBoolean(1);
          installation = rs.getLong(2);
        }
      }
      if (rerun) {
        toSchedule.add(instanceId(jobId, requeue(c, jobId, installation, now)));
        schedule(c, toSchedule);
      } else {
        update(c, "UPDATE specgate_jobs SET state=?, last_error=?, updated_at=? WHERE id=?", state.name(), truncate(note), now, jobId);
      }
      return null;
    });
    wake(toSchedule);
  }

  /** Puts a running job back in the queue; its execution is rescheduled by the worker. */
  public void retryLater(long jobId, String error) throws SQLException {
    inTransaction(c -> update(c, "UPDATE specgate_jobs SET state='QUEUED', last_error=?, updated_at=? WHERE id=? AND state='RUNNING'",
        truncate(error), clock.millis(), jobId));
  }

  /** Gives a running job back untouched (graceful shutdown): the attempt does not count. */
  public void release(long jobId) throws SQLException {
    inTransaction(c -> update(c, "UPDATE specgate_jobs SET state='QUEUED', attempts=CASE WHEN attempts>0 THEN attempts-1 ELSE 0 END,"
        + " updated_at=? WHERE id=? AND state='RUNNING'", clock.millis(), jobId));
  }

  /** True when a later job exists for the same pull request at another head sha. */
  public boolean superseded(Job job) throws SQLException {
    return inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement(
          "SELECT COUNT(*) FROM specgate_jobs WHERE repo=? AND pr_number=? AND head_sha<>? AND id>?")) {
        ps.setString(1, job.item().repo());
        ps.setInt(2, job.item().prNumber());
        ps.setString(3, job.item().headSha());
        ps.setLong(4, job.id());
        try (ResultSet rs = ps.executeQuery()) {
          rs.next();
          return rs.getLong(1) > 0;
        }
      }
    });
  }

  /** True when the delivery id was stored (it reached a job or was a duplicate of one). */
  @Override
  public boolean knows(String deliveryId) throws SQLException {
    return inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM specgate_deliveries WHERE delivery_id=?")) {
        ps.setString(1, deliveryId);
        try (ResultSet rs = ps.executeQuery()) {
          return rs.next();
        }
      }
    });
  }

  public Map<JobState, Long> countsByState() throws SQLException {
    return inTransaction(c -> {
      Map<JobState, Long> out = new EnumMap<>(JobState.class);
      for (JobState s : JobState.values()) out.put(s, 0L);
      try (PreparedStatement ps = c.prepareStatement("SELECT state, COUNT(*) FROM specgate_jobs GROUP BY state");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.put(JobState.valueOf(rs.getString(1)), rs.getLong(2));
      }
      return out;
    });
  }

  public List<Job> all() throws SQLException {
    return inTransaction(c -> {
      List<Job> out = new ArrayList<>();
      try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM specgate_jobs ORDER BY id");
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) out.add(job(rs));
      }
      return out;
    });
  }

  public long deliveryCount() throws SQLException {
    return inTransaction(c -> {
      try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM specgate_deliveries");
          ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    });
  }

  /** The queue's executions of jobs (instance ids), for tests and diagnostics. */
  List<String> scheduledExecutions() {
    List<String> out = new ArrayList<>();
    scheduling.fetchScheduledExecutionsForTask(TASK, Void.class, e -> out.add(e.getTaskInstance().getId()));
    return out;
  }

  private Optional<Job> find(Connection c, WorkItem w) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "SELECT " + COLUMNS + " FROM specgate_jobs WHERE repo=? AND pr_number=? AND head_sha=?" + (db.postgres() ? " FOR UPDATE" : ""))) {
      ps.setString(1, w.repo());
      ps.setInt(2, w.prNumber());
      ps.setString(3, w.headSha());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(job(rs)) : Optional.empty();
      }
    }
  }

  private Optional<Job> find(Connection c, long id, boolean lock) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM specgate_jobs WHERE id=?" + (lock ? " FOR UPDATE" : ""))) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(job(rs)) : Optional.empty();
      }
    }
  }

  private static Job job(ResultSet rs) throws SQLException {
    WorkItem item = new WorkItem(rs.getString("repo"), rs.getLong("installation_id"), rs.getInt("pr_number"),
        rs.getString("head_sha"), false);
    return new Job(rs.getLong("id"), item, JobState.valueOf(rs.getString("state")), rs.getInt("attempts"), rs.getInt("stalls"),
        rs.getLong("check_run_id"), rs.getLong("received_at"), rs.getString("last_error"));
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 2000 ? s : s.substring(0, 1999) + "…";
  }

  private static int update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) ps.setObject(i + 1, args[i]);
      return ps.executeUpdate();
    }
  }

  private interface Tx<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T inTransaction(Tx<T> body) throws SQLException {
    try (Connection c = db.connection()) {
      c.setAutoCommit(false);
      try {
        T result = body.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  @Override
  public void close() {
    db.close();
  }
}
