package dev.specgate.rules.sql;

import dev.specgate.core.Severity;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.rules.sql.SqlRuleSupport.At;
import dev.specgate.sql.Operation;

/** A statement of a changed migration the analyser could not parse: never dropped silently. */
@RuleInfo(
    id = "unparsed-statement",
    family = Family.SQL,
    severity = Severity.NOTICE,
    aliases = {"squawk:syntax-error"},
    summary = "A statement the analyser could not parse, with its span and the reason")
public final class UnparsedStatement implements Rule {
  @Override
  public void check(RuleContext context, Findings out) {
    for (At at : SqlRuleSupport.statements(context, true)) {
      if (!(at.op() instanceof Operation.Unparsed u)) continue;
      String reason = u.reason() == null || u.reason().isBlank() ? "no reason given" : u.reason();
      out.report(
          SqlRuleSupport.location(at),
          "could not parse this statement (lines " + at.statement().span().startLine() + "–"
              + at.statement().span().endLine() + "): " + reason,
          "The safety rules could not read it, so any lock, rewrite or data loss it causes is not"
              + " reported. Review it by hand.",
          "If it is valid SQL for the configured dialect, report it so the parser learns it; if it"
              + " is reviewed and safe, suppress it with a reason:\n"
              + "-- specgate:ignore unparsed-statement: <what it does and why it is safe>");
    }
  }
}
