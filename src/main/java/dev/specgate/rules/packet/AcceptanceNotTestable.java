package dev.specgate.rules.packet;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.core.Spaces;
import dev.specgate.packet.MarkdownDoc;
import dev.specgate.packet.Packet;
import dev.specgate.packet.Scenario;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import java.util.List;

/** A criterion in acceptance-criteria.md that is not Given/When/Then with all three parts. */
@RuleInfo(id = "acceptance-not-testable", family = Family.PACKET, severity = Severity.ERROR,
    summary = "A criterion that is not Given/When/Then with all three parts")
public final class AcceptanceNotTestable implements Rule {
  @Override
  public void check(RuleContext ctx, Findings out) {
    for (Packet p : ctx.packets()) {
      // criteria written inside the plan document (an Acceptance section, a Given/When/Then table)
      p.plan().ifPresent(plan -> {
        for (Scenario c : Scenario.criteriaInPlan(plan)) report(out, plan.path(), c);
      });
      if (p.doc(Packet.ACCEPTANCE).isEmpty()) continue;
      MarkdownDoc doc = p.doc(Packet.ACCEPTANCE).get();
      if (doc.isBlank()) continue; // packet-incomplete reports an empty file
      List<Scenario> criteria = Scenario.criteria(doc);
      if (criteria.isEmpty()) {
        out.report(Location.line(doc.path(), doc.titleLine()),
            "acceptance-criteria.md holds no criterion (looked for list items, Given/Scenario "
                + "paragraphs and Given/When/Then tables)",
            Seeds.ACCEPTANCE,
            "Write each criterion as a list item: \"- Given an account with closed_at / When "
                + "backfill runs / Then account_status is closed.\"");
        continue;
      }
      for (Scenario c : criteria) report(out, doc.path(), c);
    }
  }

  private static void report(Findings out, String path, Scenario c) {
        List<String> missing = c.missingParts();
        if (missing.isEmpty()) return;
        out.report(Location.lines(path, c.line(), c.endLine()),
            "criterion \"%s\" lacks %s".formatted(abbreviate(c.text()), String.join(", ", missing)),
            Seeds.ACCEPTANCE,
            "Rewrite it as Given <state> / When <action> / Then <observable result>, each part "
                + "saying something checkable.");
  }

  static String abbreviate(String text) {
    String t = Spaces.collapse(text).strip();
    return t.length() > 70 ? t.substring(0, 67) + "…" : t;
  }
}
