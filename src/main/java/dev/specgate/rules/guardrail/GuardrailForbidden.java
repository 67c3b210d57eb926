package dev.specgate.rules.guardrail;

import dev.specgate.core.Severity;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import java.util.List;
import java.util.Set;

/** A hunk does what a "Do not" item of the spec's guardrail forbids. */
@RuleInfo(id = "guardrail-forbidden", family = Family.GUARDRAIL, severity = Severity.ERROR,
    summary = "A change does what a \"Do not\" item of the spec's guardrail forbids")
public final class GuardrailForbidden implements Rule {
  @Override
  public void check(RuleContext context, Findings out) {
    List<Guardrail> guardrails = Guardrails.from(context);
    if (guardrails.isEmpty()) return;
    GuardChange change = GuardChange.of(context, guardrails);
    Set<String> known = Guardrails.knownNames(context);
    for (Guardrail g : guardrails) {
      for (ForbiddenCheck c : Guardrails.checks(g, known, null, null)) {
        for (ForbiddenMatcher.Hit h : ForbiddenMatcher.run(c, change)) {
          GuardrailItem item = c.item();
          out.report(h.location(),
              h.message() + ": the guardrail in " + item.specPath() + " (line " + item.line()
                  + ") says \"Do not: " + item.text() + "\"",
              Guardrails.WHY,
              "Take this out of the change. If it is really needed, change the spec's guardrail"
                  + " first and get that reviewed, or suppress with a reason.");
        }
      }
    }
  }
}
