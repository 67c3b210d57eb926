package dev.specgate.rules.packet;

import dev.specgate.core.Identifiers;
import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.core.Spaces;
import dev.specgate.sql.MigrationFile;
import dev.specgate.packet.Packet;
import dev.specgate.packet.PlanSql;
import dev.specgate.packet.PlanSqlBlock;
import dev.specgate.packet.SqlBlockRole;
import dev.specgate.packet.StatedLock;
import dev.specgate.packet.StatedLocks;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.sql.BatchingSyntax;
import dev.specgate.sql.LockLevel;
import dev.specgate.sql.LockModel;
import dev.specgate.sql.Names;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import dev.specgate.sql.StatementTables;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The plan states a lock for a step that differs from the lock the statement takes per our lock
 * model ({@link LockModel}: the lock on the relation the claim names, else on the statement's
 * table). Claims are read from lock tables, sentences and SQL comments
 * ({@link StatedLocks}); a table row or sentence is matched to the plan's statements of the kind
 * it names ({@link PlanStep}; the change's migrations when the plan has none), and reported only
 * when no matching statement takes the stated lock. A validation / monitoring query is a claim
 * too — that it only reads (ACCESS SHARE) —, so a write in one, outside a transaction it rolls
 * back, is reported here.
 */
@RuleInfo(id = "lock-claim-wrong", family = Family.PACKET, severity = Severity.WARNING,
    summary = "The plan states a lock for a step that differs from the lock the statement takes")
public final class LockClaimWrong implements Rule {
  static final String WHY_SEED =
      "Seed 001: \"The spec must tell me, per statement, whether the DDL is safe online.\" Seed 004's"
          + " quality check: \"Lock types are identified for every DDL statement — no 'should be"
          + " fine' assumptions.\" A stated lock that is wrong is worse than none: reviewers and the"
          + " on-call engineer plan the rollout around it.";

  @Override
  public void check(RuleContext ctx, Findings out) {
    for (Packet p : ctx.packets()) {
      List<PlanSqlBlock> blocks = PlanSql.blocks(p, ctx.config().dialect());
      List<Located> planStatements = new ArrayList<>();
      for (PlanSqlBlock b : blocks) {
        if (b.role() != SqlBlockRole.PHASE && b.role() != SqlBlockRole.BACKFILL) continue;
        for (Statement s : b.migration().statements()) {
          planStatements.add(new Located(b.file(), s, LockModel.Schema.NONE));
          if (s.op() instanceof Operation.DoBlock) {
            for (Statement inner : BatchingSyntax.doBody(s, ctx.config().dialect()).dml()) {
              planStatements.add(new Located(b.file(), inner, LockModel.Schema.NONE));
            }
          }
        }
      }
      List<Located> migrationStatements = new ArrayList<>();
      for (MigrationFile f : ctx.changedMigrations()) {
        for (Statement s : f.migration().statements()) {
          if (!ctx.schema().isRollback(f, s)) {
            migrationStatements.add(new Located(f.path(), s, ctx.schema().lockFacts(f, s)));
          }
        }
      }
      for (StatedLock claim : StatedLocks.of(p)) {
        check(claim, planStatements, migrationStatements, out);
      }
      for (PlanSqlBlock b : blocks) {
        if (b.role() == SqlBlockRole.VALIDATION) writesIn(b, out);
      }
    }
  }

  /** A statement, where it is, and what the lock model may know of the schema before it. */
  private record Located(String file, Statement statement, LockModel.Schema schema) {
    LockModel.RelationLock lockFor(StatedLock claim) {
      return LockClaimWrong.lockFor(claim, statement, schema);
    }
  }

  private static void check(StatedLock claim, List<Located> plan, List<Located> migrations,
      Findings out) {
    if (claim.statement() != null) {
      Statement s = claim.statement();
      if (!takesTableLock(s.op())) return;
      PlanStep kind = PlanStep.of(claim.step());
      if (kind != null && !kind.matches(s)) return;
      LockModel.RelationLock actual = lockFor(claim, s, LockModel.Schema.NONE);
      if (!claim.accepts(actual.level())) report(claim, claim.file(), s, actual, out);
      return;
    }
    PlanStep kind = PlanStep.of(claim.step());
    if (kind == null) return;
    List<Located> candidates = candidates(kind, claim.step(), plan);
    if (candidates.isEmpty()) candidates = candidates(kind, claim.step(), migrations);
    if (candidates.isEmpty()) return;
    for (Located c : candidates) {
      if (claim.accepts(c.lockFor(claim).level())) return;
    }
    Located first = candidates.get(0);
    report(claim, first.file(), first.statement(), first.lockFor(claim), out);
  }

  private static List<Located> candidates(PlanStep kind, String step, List<Located> pool) {
    List<Statement> chosen = kind.candidates(step, pool.stream().map(Located::statement).toList());
    List<Located> out = new ArrayList<>();
    for (Statement s : chosen) {
      for (Located l : pool) {
        if (l.statement() == s) {
          out.add(l);
          break;
        }
      }
    }
    return out;
  }

  private static boolean takesTableLock(Operation op) {
    return op instanceof Operation.AlterTable || op instanceof Operation.CreateIndex
        || op instanceof Operation.DropIndex || op instanceof Operation.DropTable
        || op instanceof Operation.Truncate || op instanceof Operation.Update
        || op instanceof Operation.Delete || op instanceof Operation.Insert
        || op instanceof Operation.Maintenance || op instanceof Operation.RenameObject;
  }

  /**
   * The lock a claim is about, per {@link LockModel}: the lock on a relation the claim's text names
   * (the referenced table of a foreign key, the view being refreshed; of several, one whose lock the
   * claim states), else the lock on the table the
   * statement acts on, else the strongest lock the statement takes; a NONE lock when it takes none.
   */
  static LockModel.RelationLock lockFor(StatedLock claim, Statement s, LockModel.Schema schema) {
    List<LockModel.RelationLock> locks = LockModel.locks(s.op(), schema);
    String text = (claim.step() + " " + claim.claimed()).toLowerCase(Locale.ROOT);
    // A claim naming several relations (the table and the table its key references) is about the
    // one whose lock it states, if any.
    List<LockModel.RelationLock> named = locks.stream().filter(l -> names(text, l.relation())).toList();
    for (LockModel.RelationLock l : named) if (claim.accepts(l.level())) return l;
    if (!named.isEmpty()) return named.get(0);
    String table = tableOf(s.op());
    LockModel.RelationLock strongest = null;
    for (LockModel.RelationLock l : locks) {
      if (table != null && l.relation().equals(table)) return l;
      if (strongest == null || l.level().compareTo(strongest.level()) > 0) strongest = l;
    }
    return strongest != null ? strongest
        : new LockModel.RelationLock(table, LockModel.RelationKind.TABLE, LockLevel.NONE, "no lock");
  }

  /** True when {@code text} names {@code relation} (schema-qualified or not) as a whole word. */
  private static boolean names(String text, String relation) {
    String bare = relation.substring(relation.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return Identifiers.contains(text, bare);
  }

  private static void report(StatedLock claim, String file, Statement s, LockModel.RelationLock lock,
      Findings out) {
    LockLevel actual = lock.level();
    String table = lock.relation();
    out.report(Location.line(claim.file(), claim.line()),
        "the plan states %s for \"%s\", but %s (%s line %d) takes %s"
            .formatted(claim.describeClaim(), shorten(claim.step()), brief(s), file, s.line(),
                actual == LockLevel.NONE ? "no table lock" : actual.label()
                    + (table == null ? "" : " on " + table)),
        "Per PostgreSQL's lock table, " + (table == null ? actual.label() + ": " + actual.blocks()
            : actual.describe(table)) + ". " + WHY_SEED,
        "State the lock the statement takes (" + actual.label() + "), or change the statement"
            + " to the form that takes the lock you planned for (e.g. CREATE INDEX CONCURRENTLY"
            + " for SHARE UPDATE EXCLUSIVE, ADD CONSTRAINT … NOT VALID then VALIDATE CONSTRAINT).");
  }

  /** Writes in a validation query that no ROLLBACK undoes. */
  private static void writesIn(PlanSqlBlock b, Findings out) {
    List<Statement> all = b.migration().statements();
    for (int i = 0; i < all.size(); i++) {
      Statement s = all.get(i);
      if (!writes(s.op()) || rolledBack(all, i)) continue;
      LockLevel actual = LockModel.levelOn(s.op(), LockModel.Schema.NONE, tableOf(s.op()) == null ? "" : tableOf(s.op()));
      String table = tableOf(s.op());
      out.report(Location.line(b.file(), s.line()),
          "\"%s\" is a validation query, which must only read, but %s writes%s (it takes %s)"
              .formatted(b.context() == null ? "this block" : shorten(b.context()), brief(s),
                  table == null ? "" : " to " + table,
                  actual == LockLevel.NONE ? "locks on what it changes" : actual.label()),
          "A validation or monitoring query is run again and again while the change rolls out,"
              + " by people who expect it to only read (ACCESS SHARE). A write there changes the"
              + " data the gate is measuring. " + WHY_SEED,
          "Move the write to the phase or backfill that owns it, or wrap a probe in BEGIN; … ;"
              + " ROLLBACK; so it leaves nothing behind.");
    }
  }

  private static boolean writes(Operation op) {
    return op instanceof Operation.Update || op instanceof Operation.Delete
        || op instanceof Operation.Insert || op instanceof Operation.Truncate
        || op instanceof Operation.AlterTable || op instanceof Operation.CreateTable
        || op instanceof Operation.CreateIndex || op instanceof Operation.DropIndex
        || op instanceof Operation.DropTable || op instanceof Operation.RenameObject
        || op instanceof Operation.CreateObject || op instanceof Operation.DropObject;
  }

  /** True when statement {@code i} sits in a transaction that ends in ROLLBACK. */
  private static boolean rolledBack(List<Statement> all, int i) {
    if (!all.get(i).inExplicitTransaction()) return false;
    for (int j = i + 1; j < all.size(); j++) {
      if (all.get(j).op() instanceof Operation.Transaction t) {
        if (t.kind() == Operation.Transaction.Kind.ROLLBACK) return true;
        if (t.kind() == Operation.Transaction.Kind.COMMIT) return false;
      }
    }
    return false;
  }

  static String tableOf(Operation op) {
    return StatementTables.actedOn(op).stream().findFirst().map(Names::normalize).orElse(null);
  }

  static String brief(Statement s) {
    String one = Spaces.collapse(s.sql()).trim();
    return one.length() > 90 ? one.substring(0, 87) + "…" : one;
  }

  private static String shorten(String text) {
    String one = Spaces.collapse(text).trim();
    return one.length() > 80 ? one.substring(0, 77) + "…" : one;
  }
}
