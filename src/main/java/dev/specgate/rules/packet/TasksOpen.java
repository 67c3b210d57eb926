package dev.specgate.rules.packet;

import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.packet.Block;
import dev.specgate.packet.MarkdownDoc;
import dev.specgate.packet.Packet;
import dev.specgate.packet.PlanScope;
import dev.specgate.packet.Section;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;

/**
 * Unchecked tasks in tasks.md. DESIGN scopes this to "when the PR is marked ready": the Action and
 * the service turn the rule off for a draft pull request ({@code Config.forPullRequest}); the CLI
 * knows no PR state, so there it reports open tasks in every analysis (a notice).
 */
@RuleInfo(id = "tasks-open", family = Family.PACKET, severity = Severity.NOTICE,
    summary = "Unchecked tasks when the PR is marked ready")
public final class TasksOpen implements Rule {
  @Override
  public void check(RuleContext ctx, Findings out) {
    for (Packet p : ctx.packets()) {
      if (p.doc(Packet.TASKS).isEmpty()) continue;
      MarkdownDoc d = p.doc(Packet.TASKS).get();
      for (Block b : d.items()) {
        if (!Boolean.FALSE.equals(b.checked())) continue;
        // a task the packet schedules for a later release is not this change's obligation
        if (PlanScope.saysLater(b.text()) || underLaterHeading(d, b)) continue;
        out.report(Location.line(d.path(), b.line()),
            "open task: \"%s\"".formatted(AcceptanceNotTestable.abbreviate(b.text())),
            Seeds.TASKS,
            "Finish it and check it (- [x]), or move it to a follow-up packet if it is not part "
                + "of this change.");
      }
    }
  }

  /** Under a heading or label such as "Later (next release)" or "Follow-up". */
  private static boolean underLaterHeading(MarkdownDoc d, Block b) {
    for (Section s : d.sections()) {
      if (b.line() <= s.line() || b.line() > s.endLine()) continue;
      String t = s.title().toLowerCase(java.util.Locale.ROOT);
      if (PlanScope.saysLater(s.title()) || t.startsWith("later") || t.startsWith("follow-up")
          || t.startsWith("follow up") || t.startsWith("future")) {
        return true;
      }
    }
    return false;
  }
}
