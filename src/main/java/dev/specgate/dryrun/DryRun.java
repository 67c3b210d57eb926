package dev.specgate.dryrun;

import dev.specgate.core.ChangeSet;
import dev.specgate.engine.Analysis;
import dev.specgate.engine.Config;
import dev.specgate.engine.Workspace;
import dev.specgate.packet.Packet;
import dev.specgate.rules.RuleRegistry;
import dev.specgate.rules.dryrun.DryRunEvidence;
import dev.specgate.rules.dryrun.ObservedStatement;
import dev.specgate.rules.dryrun.RollbackOutcome;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * {@code specgate dry-run} (DESIGN section 8), the one entry point the CLI, the Action and the
 * service call: apply the base history to a scratch PostgreSQL database, fill the tables the change
 * touches with synthetic rows, apply the change statement by statement while observing each one,
 * then roll it back, compare the schema with the one before, and apply the change again. Each
 * phase's rollback SQL from the plan is then verified on its own ({@link PhaseRollbackCheck}).
 */
public final class DryRun {
  private DryRun() {}

  /**
   * With the defaults: embedded PostgreSQL of the config's major, rows from the packet up to the
   * config's {@code dryRunRowCeiling}.
   */
  public static DryRunResult run(ChangeSet changes, Config config) throws DryRunException {
    return run(changes, config, DryRunOptions.forConfig(config));
  }

  public static DryRunResult run(ChangeSet changes, Config config, DryRunOptions options) throws DryRunException {
    if (config.dialect() != dev.specgate.sql.Dialect.POSTGRES) {
      throw new DryRunException("the dry run applies migrations to PostgreSQL, but " + config.source()
          + " sets dialect: " + config.dialect().name().toLowerCase(java.util.Locale.ROOT));
    }
    // one discovery (reading and parsing every migration and dump) for the plan and the report
    Workspace ws = Workspace.discover(changes, config);
    DryRunEvidence evidence = observe(ChangePlan.of(ws, config), config, options);
    return new DryRunResult(evidence, Analysis.run(ws, changes, config, RuleRegistry.all(), evidence));
  }

  private static DryRunEvidence observe(ChangePlan plan, Config config, DryRunOptions options) throws DryRunException {
    int major = options.postgresMajor() != null ? options.postgresMajor() : config.postgresVersion();
    PriorSchema.Databases databases = () -> options.jdbcUrl() == null
        ? ScratchDatabase.embedded(major, options.maxDatabaseMb())
        : ScratchDatabase.onServer(options.jdbcUrl(), options.maxDatabaseMb());
    DryRunEvidence change;
    PhaseRollbackCheck.Result phases;
    // the dumps and base history are loaded once; the change's run and each phase check work in copies
    try (PriorSchema prior = new PriorSchema(plan, databases)) {
      if (plan.change().isEmpty()) {
        change = new DryRunEvidence("", "", List.of(), List.of(), List.of(),
            List.of("the change holds no forward migration: nothing to run"), List.of(), List.of());
      } else {
        List<String> notes = new ArrayList<>();
        try (ScratchDatabase db = prior.open(plan, notes)) {
          try (Connection main = db.connect(); Connection watcher = db.connect(); Connection blocker = db.connect();
              LockProbe probe = new LockProbe(db.connect())) {
            watcher.setAutoCommit(true);
            blocker.setAutoCommit(true);
            change = new Session(plan, options, db, main, watcher, blocker, probe, notes).run();
          } catch (SQLException e) {
            // a statement of the change over the budget fails as that statement; our seeding lands here
            Optional<String> over = db.overBudget();
            if (over.isPresent()) {
              throw new DryRunException(over.get() + " while the dry run seeded synthetic rows: lower"
                  + " dryRunRowCeiling or --rows, or raise dryRunMaxDatabaseMb", e);
            }
            throw new DryRunException("the dry run lost its database " + db + ": " + Seeder.firstLine(e.getMessage()), e);
          }
        }
      }
      phases = PhaseRollbackCheck.run(plan, prior);
    }
    if (phases == null) return change;
    return withPhases(change, phases, options.jdbcUrl() == null ? "embedded" : ScratchDatabase.redact(options.jdbcUrl()));
  }

  /** The change's evidence with the plan's phase rollbacks after its own rollback outcomes. */
  private static DryRunEvidence withPhases(DryRunEvidence e, PhaseRollbackCheck.Result phases, String database) {
    List<RollbackOutcome> rollback = new ArrayList<>(e.rollback());
    rollback.addAll(phases.outcomes());
    List<ObservedStatement> rerun = new ArrayList<>(e.rerun());
    rerun.addAll(phases.rerun());
    List<String> notes = new ArrayList<>(e.notes());
    for (String n : phases.notes()) if (!notes.contains(n)) notes.add(n);
    return new DryRunEvidence(e.postgres().isEmpty() ? phases.postgres() : e.postgres(),
        e.database().isEmpty() ? database : e.database(), e.statements(), rollback, rerun, notes, e.dataset(),
        e.tablesBefore());
  }

  /** One run in one scratch database, which holds the schema before the change ({@link PriorSchema}). */
  private static final class Session {
    private final ChangePlan plan;
    private final DryRunOptions options;
    private final ScratchDatabase db;
    private final Connection c;
    private final Connection watcher;
    private final Connection blocker;
    private final LockProbe probe;
    private final ScriptRunner runner;
    private final List<String> notes;

    /** {@code notes}: what building the schema before the change said, which this run's notes go after. */
    Session(ChangePlan plan, DryRunOptions options, ScratchDatabase db, Connection c,
        Connection watcher, Connection blocker, LockProbe probe, List<String> notes) throws SQLException {
      this.plan = plan;
      this.notes = notes;
      this.options = options;
      this.db = db;
      this.c = c;
      this.watcher = watcher;
      this.blocker = blocker;
      this.probe = probe;
      this.runner = new ScriptRunner(c, db);
    }

    DryRunEvidence run() throws SQLException, DryRunException {
      String version = Catalog.serverVersion(c);
      Map<String, Long> stated = statedRows();
      Seeder seeder = new Seeder(c, plan.plannedForeignKeys(), plan.newCheckExpressions());
      for (String table : plan.touchedExistingTables()) {
        long rows = options.rows().containsKey(table) ? options.rows().get(table)
            : Math.min(stated.getOrDefault(table, options.rowCeiling()), options.rowCeiling());
        seeder.seed(table, rows);
      }
      notes.addAll(seeder.notes());
      CatalogSnapshot before = CatalogSnapshot.take(c);
      Set<String> existing = Catalog.tables(c);
      ScriptRunner.Observer observer =
          new ScriptRunner.Observer(watcher, blocker, probe, existing, seeder.seeded(), stated);

      List<ObservedStatement> statements = new ArrayList<>();
      boolean applied = true;
      for (int i = 0; i < plan.change().size(); i++) {
        Script s = plan.change().get(i);
        List<ObservedStatement> ran = runner.run(s, observer);
        statements.addAll(ran);
        if (!ran.isEmpty() && !ran.get(ran.size() - 1).ok()) {
          applied = false;
          notes.add(s.source() + " stopped at line " + ran.get(ran.size() - 1).line()
              + " (PostgreSQL rejected the statement)"
              + (i < plan.change().size() - 1 ? "; the files after it ran on a schema it did not finish" : ""));
        }
      }
      List<String> unseen = new ArrayList<>();
      for (ObservedStatement s : statements) {
        if (s.ok() && !s.observed() && !s.sql().isBlank()) unseen.add(s.file() + ":" + s.line());
      }
      if (!unseen.isEmpty()) {
        notes.add(unseen.size() + (unseen.size() == 1 ? " statement" : " statements") + " ran outside a transaction"
            + " and finished before its locks could be seen (a table the change itself creates is not held"
            + " back): " + String.join(", ", unseen.subList(0, Math.min(5, unseen.size())))
            + (unseen.size() > 5 ? ", …" : ""));
      }
      for (ObservedStatement s : statements) {
        if (s.dataDependent()) {
          notes.add(s.file() + ":" + s.line() + " failed on the synthetic rows (" + s.error() + "): whether it"
              + " fails on production data depends on that data, so it is not reported as migration-fails");
        }
      }

      List<RollbackOutcome> rollback = new ArrayList<>();
      List<ObservedStatement> rerun = new ArrayList<>();
      if (!applied) {
        if (!plan.rollback().isEmpty()) {
          notes.add("rollback not verified: the change did not apply");
        }
      } else if (plan.rollback().isEmpty()) {
        notes.add("the change has no down/revert/undo migration: its rollback was not run");
      } else if (rollBack(plan.rollback(), before, rollback)) {
        reapply(rerun);
      }
      db.sizeUnbounded().ifPresent(notes::add);
      List<DryRunEvidence.SeededTable> dataset = new ArrayList<>();
      seeder.seeded().forEach((t, n) -> dataset.add(new DryRunEvidence.SeededTable(t, n, stated.getOrDefault(t, -1L))));
      return new DryRunEvidence(version, db.label(), statements, rollback, rerun, notes, dataset,
          List.copyOf(existing));
    }

    private Map<String, Long> statedRows() {
      Map<String, Long> out = new LinkedHashMap<>();
      for (String table : plan.touchedExistingTables()) {
        long best = -1;
        for (Packet p : plan.packets()) {
          OptionalLong n = p.rowCount(table);
          if (n.isPresent()) best = Math.max(best, n.getAsLong());
        }
        if (best > 0) out.put(table, best);
      }
      return out;
    }

    /**
     * Runs rollback scripts in order, then compares the schema with {@code before}; the differences
     * go on the last script. False when a script failed (the rest were not run).
     */
    private boolean rollBack(List<Script> scripts, CatalogSnapshot before, List<RollbackOutcome> out) throws SQLException {
      for (int i = 0; i < scripts.size(); i++) {
        Script s = scripts.get(i);
        List<ObservedStatement> ran = runner.run(s, null);
        ObservedStatement last = ran.isEmpty() ? null : ran.get(ran.size() - 1);
        if (last != null && !last.ok()) {
          out.add(new RollbackOutcome(s.source(), s.file(), s.firstLine(), s.phase(), false, last.error(), last.line(), List.of()));
          for (int j = i + 1; j < scripts.size(); j++) {
            notes.add(scripts.get(j).source() + " not run: the rollback before it failed");
          }
          return false;
        }
        boolean lastOne = i == scripts.size() - 1;
        out.add(new RollbackOutcome(s.source(), s.file(), s.firstLine(), s.phase(), true, null, 0,
            lastOne ? before.diff(CatalogSnapshot.take(c)) : List.of()));
      }
      return true;
    }

    /** Applies the change again; its failures go to {@code failures}. */
    private void reapply(List<ObservedStatement> failures) throws SQLException {
      for (Script s : plan.change()) {
        for (ObservedStatement r : runner.run(s, null)) {
          if (!r.ok()) failures.add(r);
        }
      }
    }
  }
}
