package dev.specgate.dryrun;

import dev.specgate.rules.dryrun.ObservedLock;
import dev.specgate.rules.dryrun.ObservedStatement;
import dev.specgate.sql.LockLevel;
import dev.specgate.sql.LockModel;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import dev.specgate.sql.schema.MigrationOrder;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a {@link Script} the way its migration tool does: one transaction around the file when the
 * tool opens one, the file's own BEGIN/COMMIT otherwise, each other statement in a transaction of
 * its own, and statements PostgreSQL refuses in a transaction block (CONCURRENTLY) outside any. The
 * first statement PostgreSQL rejects stops the script and rolls back its open transaction.
 *
 * <p>With an {@link Observer}, each statement is observed before its transaction ends: the locks
 * its backend took, the tables it rewrote or scanned, whether a probe session can read and write
 * them.
 */
final class ScriptRunner {
  /** SQLSTATE classes of errors caused by the rows met: data exception, integrity violation. */
  private static final Set<String> DATA_CLASSES = Set.of("22", "23");
  /** query_canceled: the statement timeout's cancel, or the size watch's ({@link SizeWatch}). */
  static final String QUERY_CANCELED = "57014";
  /** configuration_limit_exceeded: here the scratch role's temp_file_limit ({@link ScratchDatabase}). */
  private static final String TEMP_FILE_LIMIT = "53400";

  /**
   * The longest one statement of the change may run. On the synthetic rows no migration statement
   * comes near it; a pull request's {@code pg_sleep} or endless loop would otherwise hold a worker
   * thread and a backend for ever. Enforced by the driver (a cancel request), so no SET in the
   * change's SQL lifts it.
   */
  static final int STATEMENT_TIMEOUT_SECONDS = 120;

  private final Connection c;
  private final ScratchDatabase db;
  private final int pid;
  private final int timeoutSeconds;
  /** Tables holding synthetic rows in the run under way (a data error on them is not evidence). */
  private Map<String, Long> synthetic = Map.of();

  /** Runs on {@code c}, a session of {@code db}. */
  ScriptRunner(Connection c, ScratchDatabase db) throws SQLException {
    this(c, db, STATEMENT_TIMEOUT_SECONDS);
  }

  ScriptRunner(Connection c, ScratchDatabase db, int timeoutSeconds) throws SQLException {
    this.c = c;
    this.db = db;
    this.timeoutSeconds = timeoutSeconds;
    this.pid = Catalog.backendPid(c);
    c.setAutoCommit(true);
  }

  /** What observation needs besides the session: the probe, and the sizes for extrapolation. */
  record Observer(Connection watcher, Connection blocker, LockProbe probe, Set<String> existingTables,
      Map<String, Long> seededRows, Map<String, Long> statedRows) {}

  /** Runs the script; the statements as they ran, the last one failed when the script stopped. */
  List<ObservedStatement> run(Script script, Observer observer) throws SQLException {
    List<ObservedStatement> out = new ArrayList<>();
    synthetic = observer == null ? Map.of() : observer.seededRows();
    boolean inTx = false;
    try (java.sql.Statement s = statement()) {
      if (script.toolTransaction()) {
        s.execute("BEGIN");
        inTx = true;
      }
      for (Statement st : script.statements()) {
        if (st.op() instanceof Operation.Transaction t) {
          try {
            s.execute(st.sql());
          } catch (SQLException e) {
            out.add(failure(script, st, e, 0));
            if (inTx) s.execute("ROLLBACK");
            return out;
          }
          switch (t.kind()) {
            case BEGIN -> inTx = true;
            case COMMIT, ROLLBACK -> inTx = false;
            default -> { }
          }
          continue;
        }
        ObservedStatement result;
        if (!inTx && MigrationOrder.cannotRunInTransaction(st.op())) {
          result = outsideTransaction(script, st, observer);
        } else {
          boolean own = !inTx;
          if (own) s.execute("BEGIN");
          result = inTransaction(script, st, observer);
          if (result.ok() && own) {
            try {
              s.execute("COMMIT");
            } catch (SQLException e) {
              result = failure(script, st, e, result.durationMs());
            }
          }
          if (!result.ok()) {
            s.execute("ROLLBACK");
            out.add(result);
            return out;
          }
        }
        out.add(result);
        if (!result.ok()) {
          if (inTx) s.execute("ROLLBACK");
          return out;
        }
      }
      if (inTx) {
        if (script.toolTransaction()) {
          try {
            s.execute("COMMIT");
          } catch (SQLException e) {
            Statement last = script.statements().get(script.statements().size() - 1);
            out.add(failure(script, last, e, 0));
          }
        } else {
          // the file opened a transaction it never ends: psql would roll it back at the end
          s.execute("ROLLBACK");
        }
      }
    }
    return out;
  }

  private ObservedStatement inTransaction(Script script, Statement st, Observer o) throws SQLException {
    Map<Long, String> names = o == null ? Map.of() : Catalog.relationNames(c);
    Set<ObservedLock> locksBefore = o == null ? Set.of() : Catalog.locks(c, pid, names);
    Map<String, Long> nodesBefore = o == null ? Map.of() : Catalog.fileNodes(c);
    Map<String, Long> scansBefore = o == null ? Map.of() : Catalog.seqScans(c);
    long t0 = System.nanoTime();
    try (java.sql.Statement s = statement()) {
      s.execute(st.sql());
    } catch (SQLException e) {
      return failure(script, st, e, millis(t0));
    }
    double ms = millis(t0);
    if (o == null) return ok(script, st, ms);
    Set<ObservedLock> held = Catalog.locks(c, pid, names);
    List<ObservedLock> taken = new ArrayList<>();
    for (ObservedLock l : held) if (!locksBefore.contains(l)) taken.add(l);
    List<String> rewrites = new ArrayList<>();
    Catalog.fileNodes(c).forEach((table, node) -> {
      Long before = nodesBefore.get(table);
      if (before != null && !before.equals(node) && o.existingTables().contains(table)) rewrites.add(table);
    });
    List<String> scans = new ArrayList<>();
    Catalog.seqScans(c).forEach((table, n) -> {
      if (n > scansBefore.getOrDefault(table, 0L) && o.existingTables().contains(table)) scans.add(table);
    });
    Set<String> probed = new LinkedHashSet<>();
    for (ObservedLock l : held) if (o.existingTables().contains(l.relation())) probed.add(l.relation());
    List<String> reads = new ArrayList<>();
    List<String> writes = new ArrayList<>();
    for (String table : probed) {
      if (o.probe().readBlocked(table)) reads.add(table);
      if (o.probe().writeBlocked(table)) writes.add(table);
    }
    return new ObservedStatement(script.file(), st.line() + script.lineOffset(), st.span().endLine() + script.lineOffset(),
        st.sql(), true, null, ms, taken, rewrites, scans, reads, writes, scale(rewrites, scans, ms, o), true, false);
  }

  /**
   * A statement that cannot run in a transaction block, observed from a second session while it
   * runs. When the table it works on is known, a blocker transaction holds it back until its locks
   * were read and probed: for CONCURRENTLY, ROW EXCLUSIVE, which it waits for at its wait phase
   * while holding its own locks; for anything else (VACUUM), SHARE UPDATE EXCLUSIVE, which makes it
   * queue for the lock it needs (a queued request shows its mode in pg_locks).
   */
  private ObservedStatement outsideTransaction(Script script, Statement st, Observer o) throws SQLException {
    if (o == null) {
      long t0 = System.nanoTime();
      try (java.sql.Statement s = statement()) {
        s.execute(st.sql());
      } catch (SQLException e) {
        return failure(script, st, e, millis(t0));
      }
      return ok(script, st, millis(t0));
    }
    String table = targetTable(st);
    boolean blocking = false;
    if (table != null && o.existingTables().contains(table)) {
      try (java.sql.Statement b = o.blocker().createStatement()) {
        b.execute("BEGIN");
        try {
          boolean concurrently = st.sql().toLowerCase(java.util.Locale.ROOT).contains("concurrently");
          b.execute("LOCK TABLE " + Seeder.quoteName(table) + " IN "
              + (concurrently ? "ROW EXCLUSIVE" : "SHARE UPDATE EXCLUSIVE") + " MODE");
          blocking = true;
        } catch (SQLException e) {
          b.execute("ROLLBACK"); // not a table LOCK accepts (a materialized view): observe without holding it
        }
      }
    }
    ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "specgate-dry-run-statement");
      t.setDaemon(true);
      return t;
    });
    Map<Long, String> names = Catalog.relationNames(c);
    Set<ObservedLock> seen = new LinkedHashSet<>();
    List<String> reads = new ArrayList<>();
    List<String> writes = new ArrayList<>();
    long heldNanos = 0;
    long t0 = System.nanoTime();
    try {
      Future<?> done = runner.submit(() -> {
        try (java.sql.Statement s = statement()) {
          s.execute(st.sql());
        }
        return null;
      });
      while (!done.isDone()) {
        seen.addAll(Catalog.locks(o.watcher(), pid, names));
        if (blocking && Catalog.waiting(o.watcher(), pid)) {
          long w = System.nanoTime();
          seen.addAll(Catalog.locks(o.watcher(), pid, names));
          seen.addAll(Catalog.waitingFor(o.watcher(), pid, names));
          Set<String> tables = new LinkedHashSet<>();
          for (ObservedLock l : seen) if (o.existingTables().contains(l.relation())) tables.add(l.relation());
          for (String t : tables) {
            if (o.probe().readBlocked(t)) reads.add(t);
            if (o.probe().writeBlocked(t)) writes.add(t);
          }
          o.blocker().createStatement().execute("COMMIT");
          blocking = false;
          heldNanos = System.nanoTime() - w;
        }
        Thread.onSpinWait();
      }
      try {
        done.get();
      } catch (ExecutionException e) {
        if (e.getCause() instanceof SQLException sql) return failure(script, st, sql, millis(t0) - heldNanos / 1e6);
        throw new SQLException(e.getCause());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted", e);
    } finally {
      if (blocking) {
        o.blocker().createStatement().execute("COMMIT");
        // it never queued behind the blocker (targetTable named a relation it does not wait on): what
        // polling caught of a running statement is a partial sample; say "not observed" rather than
        // state part of its locks
        seen.clear();
      }
      runner.shutdownNow();
    }
    double ms = Math.max(0, millis(t0) - heldNanos / 1e6);
    return new ObservedStatement(script.file(), st.line() + script.lineOffset(), st.span().endLine() + script.lineOffset(),
        st.sql(), true, null, ms, List.copyOf(seen), List.of(), List.of(), reads, writes, null, !seen.isEmpty(), false);
  }

  /**
   * The existing table a CONCURRENTLY statement waits on, when the model names it. For ALTER TABLE
   * the relation the model locks most strongly: DETACH PARTITION … CONCURRENTLY waits for the
   * partition's users, not the parent's.
   */
  private String targetTable(Statement st) throws SQLException {
    if (st.op() instanceof Operation.CreateIndex ci) return ci.table();
    if (st.op() instanceof Operation.AlterTable at) {
      String strongest = at.table();
      LockLevel level = LockLevel.NONE;
      for (LockModel.RelationLock l : LockModel.locks(st.op(), null)) {
        if (l.level().compareTo(level) > 0) {
          strongest = l.relation();
          level = l.level();
        }
      }
      return strongest;
    }
    if (st.op() instanceof Operation.DropIndex di && !di.names().isEmpty()) return tableOfIndex(di.names().get(0));
    if (st.op() instanceof Operation.Maintenance m && m.target() != null) {
      String viaIndex = tableOfIndex(m.target());
      return viaIndex != null ? viaIndex : m.target();
    }
    return null;
  }

  private String tableOfIndex(String index) throws SQLException {
    try (java.sql.PreparedStatement p = c.prepareStatement(
        "SELECT CASE WHEN n.nspname = 'public' THEN t.relname ELSE n.nspname || '.' || t.relname END"
            + " FROM pg_index i JOIN pg_class t ON t.oid = i.indrelid JOIN pg_namespace n ON n.oid = t.relnamespace"
            + " WHERE i.indexrelid = to_regclass(?)")) {
      p.setString(1, Seeder.quoteName(index));
      try (java.sql.ResultSet r = p.executeQuery()) {
        return r.next() ? r.getString(1) : null;
      }
    }
  }

  /** The seeded table whose size drives the time, and the time at the packet's stated size. */
  private static ObservedStatement.Scale scale(List<String> rewrites, List<String> scans, double ms, Observer o) {
    List<String> grown = new ArrayList<>(rewrites);
    for (String s : scans) if (!grown.contains(s)) grown.add(s);
    String best = null;
    long rows = 0;
    for (String t : grown) {
      long n = o.seededRows().getOrDefault(t, 0L);
      if (n > rows) {
        rows = n;
        best = t;
      }
    }
    if (best == null) return null;
    long stated = o.statedRows().getOrDefault(best, -1L);
    double estimate = stated > 0 ? ms * stated / rows : -1;
    return new ObservedStatement.Scale(best, rows, stated, estimate);
  }

  private ObservedStatement ok(Script script, Statement st, double ms) {
    return new ObservedStatement(script.file(), st.line() + script.lineOffset(), st.span().endLine() + script.lineOffset(),
        st.sql(), true, null, ms, List.of(), List.of(), List.of(), List.of(), List.of(), null, false, false);
  }

  /** PostgreSQL's "ERROR: " before the message, which the report already says. */
  private static String withoutErrorPrefix(String message) {
    return message.startsWith("ERROR: ") ? message.substring("ERROR: ".length()) : message;
  }

  /** A statement for the change's SQL, bounded by the timeout. */
  private java.sql.Statement statement() throws SQLException {
    java.sql.Statement s = c.createStatement();
    s.setQueryTimeout(timeoutSeconds);
    return s;
  }

  private ObservedStatement failure(Script script, Statement st, SQLException e, double ms) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String message = withoutErrorPrefix(Seeder.firstLine(e.getMessage()));
    String why;
    String detail = "SQLSTATE " + state;
    if (QUERY_CANCELED.equals(state)) {
      why = db.overBudget().orElse("cancelled after " + timeoutSeconds + " s, the most one statement may run in a dry run");
    } else if (TEMP_FILE_LIMIT.equals(state)) {
      why = message + ", the dry run's budget";
      detail = "dryRunMaxDatabaseMb; " + detail;
    } else {
      why = message;
    }
    boolean data = state.length() >= 2 && DATA_CLASSES.contains(state.substring(0, 2))
        && synthetic.getOrDefault(tableOf(st.op()), 0L) > 0;
    return ObservedStatement.failed(script.file(), st.line() + script.lineOffset(), st.span().endLine() + script.lineOffset(),
        st.sql(), why + (state.isEmpty() ? "" : " (" + detail + ")"), ms, data);
  }

  private static String tableOf(Operation op) {
    String t = null;
    if (op instanceof Operation.AlterTable x) t = x.table();
    else if (op instanceof Operation.CreateIndex x) t = x.table();
    else if (op instanceof Operation.Update x) t = x.table();
    else if (op instanceof Operation.Delete x) t = x.table();
    else if (op instanceof Operation.Insert x) t = x.table();
    return t == null ? "" : t;
  }

  private static double millis(long t0) {
    return Math.round((System.nanoTime() - t0) / 10_000.0) / 100.0;
  }
}
