package dev.specgate.rules.sql;

import dev.specgate.core.Severity;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.rules.sql.SqlRuleSupport.At;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.LockLevel;
import dev.specgate.sql.Operation;
import java.util.Locale;
import dev.specgate.sql.ConstraintDef;
import dev.specgate.sql.LockModel;
import dev.specgate.sql.Volatility;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * In one transaction (BEGIN…COMMIT, or a file the migration tool wraps in one), a statement takes
 * ACCESS EXCLUSIVE on an existing relation and a later statement of the same transaction is slow or
 * waits: it scans or rewrites a table, backfills rows, builds an index, or queues for a lock on
 * another existing relation. The first lock is held (reads and writes of that relation blocked)
 * until the whole transaction commits. Reported once per transaction, at the later statement.
 * PostgreSQL only.
 */
@RuleInfo(
    id = "lock-held-across-statements",
    family = Family.SQL,
    severity = Severity.WARNING,
    aliases = {"eugene:E4", "eugene:E10"},
    summary = "ACCESS EXCLUSIVE taken early in a transaction is held while later statements scan, rewrite or wait")
public final class LockHeldAcrossStatements implements Rule {
  @Override
  public void check(RuleContext context, Findings out) {
    String file = null;
    boolean rollbackPart = false;
    List<LockModel.RelationLock> held = new ArrayList<>();
    At holder = null;
    boolean reported = false;
    for (At at : SqlRuleSupport.statements(context, true)) {
      if (!at.path().equals(file) || at.rollback() != rollbackPart) {
        file = at.path();
        rollbackPart = at.rollback();
        held.clear();
        holder = null;
        reported = false;
      }
      if (!at.postgres()) continue;
      if (at.op() instanceof Operation.Transaction t) {
        if (t.kind() == Operation.Transaction.Kind.COMMIT || t.kind() == Operation.Transaction.Kind.ROLLBACK) {
          held.clear();
          holder = null;
          reported = false;
        }
        continue;
      }
      if (!SqlRuleSupport.inTransaction(context, at)) {
        held.clear();
        holder = null;
        continue;
      }
      List<LockModel.RelationLock> locks = SqlRuleSupport.blockingLocksOnExisting(context, at);
      if (holder != null && !reported) {
        String why = slowOrWaits(at, locks, held);
        if (why != null) {
          reported = true;
          Set<String> names = new LinkedHashSet<>();
          for (LockModel.RelationLock l : held) names.add(SqlRuleSupport.name(l.relation()));
          String relations = String.join(", ", names);
          out.report(SqlRuleSupport.location(at),
              "ACCESS EXCLUSIVE on " + relations + " (taken at line " + holder.statement().line()
                  + ") is still held while this statement " + why,
              "Locks are kept until the transaction commits: every read and write of " + relations
                  + " waits for this statement too, not only for the one that took the lock.",
              "Take the ACCESS EXCLUSIVE lock last, or move this statement to its own transaction"
                  + " (a separate migration file) so the lock is held only for the quick step.");
        }
      }
      if (dropsWhatItLocks(at.op())) continue; // a dropped relation's readers fail anyway
      for (LockModel.RelationLock l : locks) {
        if (l.level() == LockLevel.ACCESS_EXCLUSIVE && held.stream().noneMatch(h -> h.relation().equals(l.relation()))) {
          held.add(l);
          if (holder == null) holder = at;
        }
      }
    }
  }

  private static boolean dropsWhatItLocks(Operation op) {
    return op instanceof Operation.DropTable || op instanceof Operation.DropObject;
  }

  /** Why the statement is slow or waits while the lock is held, or null when it is quick. */
  private static String slowOrWaits(At at, List<LockModel.RelationLock> locks, List<LockModel.RelationLock> held) {
    for (LockModel.RelationLock l : locks) {
      if (held.stream().noneMatch(h -> h.relation().equals(l.relation()))) {
        return "waits for " + l.level().label() + " on " + SqlRuleSupport.name(l.relation());
      }
    }
    Operation op = at.op();
    if (op instanceof Operation.Update || op instanceof Operation.Delete
        || op instanceof Operation.Insert i && i.fromSelect()) {
      return "changes rows in bulk";
    }
    if (op instanceof Operation.CreateIndex ci && !ci.concurrently()) return "builds an index";
    if (op instanceof Operation.Maintenance) return "runs maintenance that scans or rewrites";
    if (op instanceof Operation.AlterTable alter) {
      for (AlterAction a : alter.actions()) {
        if (a instanceof AlterAction.AlterColumnType) return "changes a column type (a rewrite)";
        if (a instanceof AlterAction.SetNotNull) return "scans the table for SET NOT NULL";
        if (a instanceof AlterAction.ValidateConstraint) return "validates a constraint (a scan)";
        if (a instanceof AlterAction.AddConstraint ac && !ac.notValid()
            && ac.constraint().kind() != ConstraintDef.Kind.NOT_NULL && ac.constraint().usingIndex() == null) {
          return "adds a constraint that scans the table";
        }
        if (a instanceof AlterAction.AddColumn ac && (Volatility.isVolatile(ac.column().defaultExpr())
            || Volatility.isSerialType(ac.column().type()))) {
          return "adds a column that rewrites the table";
        }
      }
    }
    return null;
  }
}
