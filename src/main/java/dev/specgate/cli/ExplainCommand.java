package dev.specgate.cli;

import dev.specgate.core.DidYouMean;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleDocs;
import dev.specgate.rules.RuleInfo;
import dev.specgate.rules.RuleRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code specgate explain RULE_ID}: the rule's metadata and its prose. */
@Command(name = "explain", description = "Explain one rule: what it catches, why, the fix, when to suppress.",
    footerHeading = Main.EXAMPLES,
    footer = {"  specgate explain index-not-concurrent"})
final class ExplainCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @CommandLine.Parameters(index = "0", paramLabel = "RULE_ID", description = "a rule id, e.g. nullable-first")
  String ruleId;

  @Override
  public Integer call() {
    Rule rule = RuleRegistry.byId(ruleId).orElseThrow(() ->
        new UserError("unknown rule '" + ruleId + "'"
            + DidYouMean.hint(ruleId, RuleRegistry.all().stream().map(Rule::id).toList())
            + "; run `specgate rules` for the list"));
    RuleInfo i = rule.info();
    PrintWriter out = spec.commandLine().getOut();
    out.println(i.id() + " (" + i.family().folder() + ", default " + i.severity().label() + ")");
    out.println(i.summary());
    out.println();
    out.println(RuleDocs.readme(rule).orElse("(this build carries no prose for " + i.id() + ")"));
    out.flush();
    return Main.EXIT_OK;
  }
}
