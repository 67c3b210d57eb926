package dev.specgate.rules.sql;

import dev.specgate.core.Severity;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.rules.sql.SqlRuleSupport.ActionAt;
import dev.specgate.rules.sql.SqlRuleSupport.At;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.ConstraintDef;
import dev.specgate.sql.LockLevel;
import dev.specgate.sql.Names;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import java.util.List;

/**
 * VALIDATE CONSTRAINT in the same transaction as the ADD … NOT VALID of that constraint: the
 * add's lock is held until commit, through the validation scan, which undoes the point of NOT
 * VALID. Same transaction = both inside one BEGIN…COMMIT of the file, or the file runs in a
 * transaction the tool opens. PostgreSQL only.
 */
@RuleInfo(
    id = "validate-same-transaction",
    family = Family.SQL,
    severity = Severity.WARNING,
    aliases = {"strong_migrations:validate_foreign_key", "strong_migrations:validate_check_constraint"},
    summary = "VALIDATE CONSTRAINT in the same transaction as its NOT VALID add keeps the add's lock during the scan")
public final class ValidateSameTransaction implements Rule {
  @Override
  public void check(RuleContext context, Findings findings) {
    SqlRuleSupport.PerStatement out = new SqlRuleSupport.PerStatement(findings);
    for (ActionAt x : SqlRuleSupport.alterActionsOnExistingTables(context, true)) {
      if (!(x.action() instanceof AlterAction.ValidateConstraint v)) continue;
      At at = x.at();
      Statement add = notValidAdd(at, x.alter().table(), v.name());
      if (add == null || !sameTransaction(at, add)) continue;
      String table = x.table();
      boolean fk = isForeignKey(add, v.name());
      LockLevel held = fk ? LockLevel.SHARE_ROW_EXCLUSIVE : LockLevel.ACCESS_EXCLUSIVE;
      out.report(
          SqlRuleSupport.location(at),
          "VALIDATE CONSTRAINT " + v.name() + " runs in the same transaction as its NOT VALID add"
              + " (line " + add.line() + "): the add's lock is held through the full validation scan",
          SqlRuleSupport.lock(held, table) + " (taken by the ADD CONSTRAINT and kept until the"
              + " transaction commits). VALIDATE reads every row of " + table + "; on its own it"
              + " would take only SHARE UPDATE EXCLUSIVE, but here the stronger lock is still held,"
              + " so " + held.blocks() + " for the whole scan.",
          "Commit between the two: put the VALIDATE in a later migration (or after COMMIT in a"
              + " file the tool does not wrap in a transaction):\n"
              + "ALTER TABLE " + table + " VALIDATE CONSTRAINT " + v.name() + ";");
    }
    out.flush();
  }

  private static Statement notValidAdd(At at, String table, String name) {
    String t = Names.unqualified(Names.normalize(table));
    Statement found = null;
    for (Statement s : at.file().migration().statements()) {
      if (s.index() >= at.statement().index()) break;
      if (!(s.op() instanceof Operation.AlterTable a)) continue;
      if (!Names.unqualified(Names.normalize(a.table())).equals(t)) continue;
      for (AlterAction x : a.actions()) {
        if (x instanceof AlterAction.AddConstraint ac && ac.notValid()
            && name != null && name.equals(ac.constraint().name())) {
          found = s;
        }
      }
    }
    return found;
  }

  private static boolean isForeignKey(Statement add, String name) {
    for (AlterAction x : ((Operation.AlterTable) add.op()).actions()) {
      if (x instanceof AlterAction.AddConstraint ac && name.equals(ac.constraint().name())) {
        return ac.constraint().kind() == ConstraintDef.Kind.FOREIGN_KEY;
      }
    }
    return false;
  }

  /** True when no commit separates {@code add} from the VALIDATE at {@code at}. */
  static boolean sameTransaction(At at, Statement add) {
    boolean tool = at.file().toolTransaction();
    if (!tool && (!at.statement().inExplicitTransaction() || !add.inExplicitTransaction())) return false;
    List<Statement> all = at.file().migration().statements();
    for (Statement s : all) {
      if (s.index() <= add.index() || s.index() >= at.statement().index()) continue;
      if (!(s.op() instanceof Operation.Transaction tx)) continue;
      // COMMIT and ROLLBACK end the open transaction whoever opened it (the tool's too: what
      // follows runs in a new one); a BEGIN inside the tool's transaction opens none
      if (tx.kind() == Operation.Transaction.Kind.COMMIT || tx.kind() == Operation.Transaction.Kind.ROLLBACK) return false;
      if (tx.kind() == Operation.Transaction.Kind.BEGIN && !tool) return false;
    }
    return true;
  }
}
