package dev.specgate.dryrun;

import dev.specgate.packet.Packet;
import dev.specgate.packet.PlanSqlBlock;
import dev.specgate.packet.SqlBlockRole;
import dev.specgate.rules.dryrun.ObservedStatement;
import dev.specgate.rules.dryrun.RollbackOutcome;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Each phase's rollback SQL from the plan, verified on its own (seed 004: "every step can be rolled
 * back independently", no phase assumes the next one has run). For phase k, in a scratch database
 * of its own: the prior schema, the plan's SQL of phases 1..k-1, a catalog snapshot, phase k's SQL,
 * its rollback blocks, the catalog compared with the snapshot, then phase k's SQL again. Each phase's
 * database is a copy of the schema before the change ({@link PriorSchema}), with stand-ins for what
 * the plan's SQL alters that nothing creates.
 *
 * <p>What cannot be verified is said in the notes, never skipped silently: a phase whose SQL (or an
 * earlier phase's) PostgreSQL rejects, a rollback block for a phase with no SQL of its own in the
 * plan. A failing backfill block is a note too: it ran on empty tables, so it is not evidence.
 */
final class PhaseRollbackCheck {
  /** What the check found: one outcome per rollback block, the failed re-runs, the notes. */
  record Result(String postgres, List<RollbackOutcome> outcomes, List<ObservedStatement> rerun, List<String> notes) {}

  private final ChangePlan plan;
  private final PriorSchema schemas;
  private final List<RollbackOutcome> outcomes = new ArrayList<>();
  private final List<ObservedStatement> rerun = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private String postgres = "";

  private PhaseRollbackCheck(ChangePlan plan, PriorSchema schemas) {
    this.plan = plan;
    this.schemas = schemas;
  }

  /** Null when no packet of the change has rollback SQL in its plan. */
  static Result run(ChangePlan plan, PriorSchema schemas) throws DryRunException {
    PhaseRollbackCheck check = new PhaseRollbackCheck(plan, schemas);
    boolean any = false;
    for (Packet p : plan.packets()) {
      List<PlanPhases> phases = PlanPhases.of(p);
      if (phases.isEmpty()) continue;
      any = true;
      check.verify(phases);
    }
    return any ? new Result(check.postgres, check.outcomes, check.rerun, check.notes) : null;
  }

  private void verify(List<PlanPhases> phases) throws DryRunException {
    // the prior schema (dumps, base history) gets stand-ins for the tables the plan's SQL alters that neither creates
    List<Script> planSql = new ArrayList<>();
    for (PlanPhases ph : phases) for (PlanSqlBlock b : ph.up()) planSql.add(script(b, ph));
    ChangePlan prior = new ChangePlan(plan.dumps(), plan.base(), planSql, List.of(), plan.packets());
    for (int k = 0; k < phases.size(); k++) {
      PlanPhases phase = phases.get(k);
      List<PlanSqlBlock> rollbacks = verifiable(phase);
      if (!rollbacks.isEmpty()) verifyPhase(prior, phases.subList(0, k), phase, rollbacks);
    }
  }

  /** The phase's rollback blocks that can be verified; why the others cannot goes to the notes. */
  private List<PlanSqlBlock> verifiable(PlanPhases phase) {
    List<PlanSqlBlock> rollbacks = new ArrayList<>();
    for (PlanSqlBlock b : phase.rollbacks()) {
      if (b.migration().statements().isEmpty()) {
        notes.add("rollback block " + where(b) + " of phase \"" + phase.label() + "\" holds no SQL statement"
            + " (comments only): nothing to run");
      } else {
        rollbacks.add(b);
      }
    }
    if (rollbacks.isEmpty()) {
      if (phase.up().stream().anyMatch(b -> b.role() == SqlBlockRole.PHASE)) {
        notes.add("phase \"" + phase.label() + "\" (" + where(phase.up().get(0)) + ") has no rollback SQL in the"
            + " plan: there was no rollback of it to verify");
      }
      return List.of();
    }
    if (phase.up().stream().noneMatch(b -> b.role() == SqlBlockRole.PHASE)) {
      notes.add("rollback of phase \"" + phase.label() + "\" (" + where(phase.rollbacks().get(0)) + ") not verified:"
          + " the plan has no SQL of its own for that phase, and the dry run does not match migrations to phases");
      return List.of();
    }
    return rollbacks;
  }

  private void verifyPhase(ChangePlan prior, List<PlanPhases> before, PlanPhases phase, List<PlanSqlBlock> rbs)
      throws DryRunException {
    try (ScratchDatabase db = schemas.open(prior, notes); Connection c = db.connect()) {
      if (postgres.isEmpty()) postgres = Catalog.serverVersion(c);
      ScriptRunner runner = new ScriptRunner(c, db);
      for (PlanPhases earlier : before) {
        ObservedStatement failed = apply(runner, c, earlier);
        if (failed != null) {
          notes.add("rollback of phase \"" + phase.label() + "\" not verified: the SQL of the phase before it, \""
              + earlier.label() + "\", does not apply (" + failed.file() + ":" + failed.line() + ": " + failed.error() + ")");
          return;
        }
      }
      CatalogSnapshot snapshot = CatalogSnapshot.take(c);
      ObservedStatement failed = apply(runner, c, phase);
      if (failed != null) {
        notes.add("rollback of phase \"" + phase.label() + "\" not verified: its SQL does not apply (" + failed.file()
            + ":" + failed.line() + ": " + failed.error() + ")");
        return;
      }
      for (int i = 0; i < rbs.size(); i++) {
        PlanSqlBlock b = rbs.get(i);
        String source = b.file() + ":" + b.line() + " rollback SQL";
        List<ObservedStatement> ran = runner.run(script(b, phase), null);
        ObservedStatement last = ran.isEmpty() ? null : ran.get(ran.size() - 1);
        if (last != null && !last.ok()) {
          outcomes.add(new RollbackOutcome(source, b.file(), b.line(), phase.label(), false, last.error(), last.line(), List.of()));
          for (int j = i + 1; j < rbs.size(); j++) notes.add(where(rbs.get(j)) + " rollback SQL not run: the rollback before it failed");
          return;
        }
        boolean lastOne = i == rbs.size() - 1;
        List<RollbackOutcome.Difference> diff = lastOne ? snapshot.diff(CatalogSnapshot.take(c)) : List.of();
        outcomes.add(new RollbackOutcome(source, b.file(), b.line(), phase.label(), true, null, 0, diff));
        // a phase whose rollback left objects behind fails again for the same reason: reported once
        if (lastOne && diff.isEmpty()) {
          for (PlanSqlBlock up : phase.up()) {
            if (up.role() != SqlBlockRole.PHASE) continue;
            for (ObservedStatement r : runner.run(script(up, phase), null)) if (!r.ok()) rerun.add(r);
          }
        }
      }
    } catch (SQLException e) {
      throw new DryRunException("the dry run lost its database while checking the rollback of phase \""
          + phase.label() + "\": " + Seeder.firstLine(e.getMessage()), e);
    }
  }

  /**
   * Applies a phase's SQL and backfill blocks in document order; the failing statement of its phase
   * SQL, else null. A backfill that fails is a note: it ran on empty tables and changes no schema.
   */
  private ObservedStatement apply(ScriptRunner runner, Connection c, PlanPhases phase) throws SQLException {
    for (PlanSqlBlock b : phase.up()) {
      boolean backfill = b.role() == SqlBlockRole.BACKFILL;
      if (backfill && b.sql().lines().anyMatch(l -> l.strip().startsWith("\\"))) {
        notes.add("backfill " + where(b) + " not run: it holds psql commands, which only psql runs");
        continue;
      }
      if (backfill) setTimeout(c, "10s");
      List<ObservedStatement> ran;
      try {
        ran = runner.run(script(b, phase), null);
      } finally {
        if (backfill) setTimeout(c, "0");
      }
      ObservedStatement last = ran.isEmpty() ? null : ran.get(ran.size() - 1);
      if (last == null || last.ok()) continue;
      if (!backfill) return last;
      notes.add("backfill " + where(b) + " failed on the scratch database (" + last.file() + ":" + last.line() + ": "
          + last.error() + "); it ran on empty tables, so this is not evidence about production, and the phase"
          + " check went on without it");
    }
    return null;
  }

  private static void setTimeout(Connection c, String value) throws SQLException {
    try (java.sql.Statement s = c.createStatement()) {
      s.execute("SET statement_timeout = '" + value + "'");
    }
  }

  /** A plan block as a script: statements already carry the Markdown file's lines; one transaction per statement unless the block opens its own. */
  private static Script script(PlanSqlBlock b, PlanPhases phase) {
    return new Script(where(b) + " (" + b.role().label() + ")", b.file(), 0, b.migration().statements(), false,
        phase.label());
  }

  private static String where(PlanSqlBlock b) {
    return b.file() + ":" + b.line();
  }
}
