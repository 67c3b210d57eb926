package dev.specgate.rules.guardrail;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import java.util.ArrayList;
import java.util.List;

/** A guardrail item specgate cannot turn into a check: said out loud, never ignored silently. */
@RuleInfo(id = "guardrail-unmapped", family = Family.GUARDRAIL, severity = Severity.NOTICE,
    summary = "A guardrail item specgate cannot turn into a check")
public final class GuardrailUnmapped implements Rule {
  @Override
  public void check(RuleContext context, Findings out) {
    for (Guardrail g : Guardrails.from(context)) {
      List<GuardrailItem> items = new ArrayList<>();
      List<String> reasons = new ArrayList<>();
      Guardrails.checks(g, Guardrails.knownNames(context), items, reasons);
      for (int i = 0; i < items.size(); i++) {
        GuardrailItem item = items.get(i);
        out.report(Location.line(item.specPath(), item.line()),
            "\"Do not: " + item.text() + "\" is not checked: " + reasons.get(i),
            "A guardrail nobody enforces is a guardrail in name only: a reviewer has to check"
                + " this item by hand on every diff.",
            "Rephrase it as a verb and an object specgate can find, e.g. \"remove `closed_at`\","
                + " \"change `src/reporting/**`\", \"add admin status editor\".");
      }
      for (GuardrailItem item : g.allowed()) {
        if (AllowedScope.of(item, context.config()) == null) {
          out.report(Location.line(item.specPath(), item.line()),
              "\"Allowed: " + item.text() + "\" names no category (migration, backfill, tests,"
                  + " docs, flag, parity), path glob, identifier or noun specgate can match to"
                  + " files",
              "Files this item was meant to allow will be reported as out of scope.",
              "Name the files it allows, e.g. \"`scripts/backfill/**`\", or map a word to globs"
                  + " under guardrails.categories in .specgate.yml.");
        }
      }
    }
  }
}
