package dev.specgate.rules.guardrail;

import dev.specgate.core.Location;
import dev.specgate.core.Texts;
import dev.specgate.core.Severity;
import dev.specgate.diff.DiffLine;
import dev.specgate.diff.FileChange;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import java.util.ArrayList;
import java.util.List;

/**
 * A changed file no "Allowed" item covers. Runs only when some spec in scope has an "Allowed:"
 * list; the packet's own files are always in scope.
 */
@RuleInfo(id = "guardrail-out-of-scope", family = Family.GUARDRAIL, severity = Severity.WARNING,
    summary = "A changed file that no \"Allowed\" item of the spec's guardrail covers")
public final class GuardrailOutOfScope implements Rule {
  @Override
  public void check(RuleContext context, Findings out) {
    List<Guardrail> guardrails = Guardrails.from(context);
    List<AllowedScope> scopes = new ArrayList<>();
    List<String> specs = new ArrayList<>();
    for (Guardrail g : guardrails) {
      if (g.allowed().isEmpty()) continue;
      specs.add(g.specPath());
      for (GuardrailItem item : g.allowed()) {
        AllowedScope s = AllowedScope.of(item, context.config());
        if (s != null) scopes.add(s);
      }
    }
    if (specs.isEmpty()) return;
    GuardChange change = GuardChange.of(context, guardrails);
    for (FileChange f : change.files) {
      if (change.isPacketFile(f.path())) continue;
      boolean covered = false;
      for (AllowedScope s : scopes) {
        if (s.covers(f, change)) {
          covered = true;
          break;
        }
      }
      if (covered) continue;
      List<DiffLine> changed = f.changed();
      DiffLine first = changed.isEmpty() ? null : changed.get(0);
      String where = first != null && first.isRemoved() ? " (first change: " + GuardChange.where(first) + ")" : "";
      List<String> allowed = scopes.stream().map(s -> "\"" + s.item.text() + "\"").toList();
      out.report(Location.line(f.path(), first == null ? 1 : f.headLine(first)),
          "`" + f.path() + "` is changed but no \"Allowed\" item of " + Texts.firstFew(specs, Texts.NAMED)
              + " covers it" + where + "; allowed: " + Texts.firstFew(allowed, Texts.NAMED, "; "),
          Guardrails.WHY,
          "Keep the change to what the guardrail allows, or add an \"Allowed\" item (or a"
              + " guardrails.categories entry in .specgate.yml) that covers this file.");
    }
  }
}
