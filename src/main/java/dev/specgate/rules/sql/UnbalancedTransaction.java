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
import dev.specgate.sql.Operation.Transaction.Kind;
import java.util.ArrayList;
import java.util.List;
import dev.specgate.sql.MigrationTool;

/**
 * Transaction control that does not do what the file seems to intend: a BEGIN without COMMIT or
 * ROLLBACK before the end of the file (or of its up/down part), a BEGIN inside an open transaction,
 * and BEGIN/COMMIT in a file its migration tool already runs in a transaction it opened (Flyway,
 * goose, dbmate, diesel: the COMMIT ends the tool's transaction early, what follows runs outside
 * it). golang-migrate's implicit transaction is replaced by an explicit BEGIN … COMMIT: no finding.
 */
@RuleInfo(
    id = "unbalanced-transaction",
    family = Family.SQL,
    severity = Severity.WARNING,
    aliases = {"squawk:transaction-nesting", "squawk:ban-uncommitted-transaction"},
    summary = "BEGIN without COMMIT, nested BEGIN, or BEGIN/COMMIT in a file the tool already wraps in a transaction")
public final class UnbalancedTransaction implements Rule {
  @Override
  public void check(RuleContext context, Findings out) {
    List<At> part = new ArrayList<>();
    for (At at : SqlRuleSupport.statements(context, true)) {
      if (!part.isEmpty() && (!part.get(0).path().equals(at.path()) || part.get(0).rollback() != at.rollback())) {
        checkPart(context, part, out);
        part.clear();
      }
      part.add(at);
    }
    if (!part.isEmpty()) checkPart(context, part, out);
  }

  private static void checkPart(RuleContext context, List<At> part, Findings out) {
    if (!part.get(0).postgres() || part.stream().noneMatch(at -> at.op() instanceof Operation.Transaction)) return;
    // A tool that opens a real transaction around the file (not golang-migrate's implicit one, which
    // an explicit BEGIN … COMMIT in the file simply replaces).
    boolean toolTx = SqlRuleSupport.fileInTransaction(context, part.get(0).file());
    MigrationTool tool = toolTx ? SqlRuleSupport.tool(context, part.get(0).file()) : MigrationTool.PLAIN;
    toolTx = toolTx && tool != MigrationTool.GOLANG_MIGRATE && tool != MigrationTool.PLAIN;
    At open = null;
    boolean toolReported = false;
    for (At at : part) {
      if (!(at.op() instanceof Operation.Transaction t)) continue;
      if (toolTx && !toolReported && (t.kind() == Kind.BEGIN || t.kind() == Kind.COMMIT)) {
        toolReported = true;
        out.report(SqlRuleSupport.location(at),
            t.kind() + " in a file its migration tool (" + tool.label()
                + ") already runs in a transaction",
            "The tool opens a transaction around the file: a BEGIN inside it only warns, and the"
                + " first COMMIT ends the tool's transaction, so the statements after it run outside"
                + " any transaction and a failure there leaves the migration half applied.",
            "Remove the BEGIN/COMMIT and let the tool's transaction hold the file, or turn the tool's"
                + " transaction off for this file (e.g. -- +goose NO TRANSACTION).");
      }
      if (t.kind() == Kind.BEGIN) {
        if (open != null) {
          out.report(SqlRuleSupport.location(at), "BEGIN inside the transaction opened at line " + open.statement().line(),
              "PostgreSQL has no nested transactions: the inner BEGIN only warns and its COMMIT commits"
                  + " the outer transaction, so what follows is no longer atomic with what came before.",
              "Use SAVEPOINT name / RELEASE SAVEPOINT name for an inner block, or remove the inner BEGIN.");
        } else {
          open = at;
        }
      } else if (t.kind() == Kind.COMMIT || t.kind() == Kind.ROLLBACK) {
        // A COMMIT with nothing open is left alone: runners with autocommit off need it.
        open = null;
      }
    }
    if (open != null) {
      out.report(SqlRuleSupport.location(open), "BEGIN with no COMMIT before the end of the "
              + (open.rollback() ? "rollback part" : "file"),
          "The transaction stays open when the script ends: depending on the runner it is rolled"
              + " back (the migration silently does nothing) or it keeps its locks until the session"
              + " closes.",
          "End the transaction in the same file:\nBEGIN;\n…\nCOMMIT;");
    }
  }
}
