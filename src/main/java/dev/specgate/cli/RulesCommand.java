package dev.specgate.cli;

import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleInfo;
import dev.specgate.rules.RuleRegistry;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code specgate rules}: the catalogue, one rule a line. */
@Command(name = "rules", description = "List every rule: id, family, default severity, summary.",
    footerHeading = Main.EXAMPLES,
    footer = {"  specgate rules", "  specgate explain nullable-first     one rule in full"})
final class RulesCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    int width = RuleRegistry.all().stream().mapToInt(r -> r.id().length()).max().orElse(10);
    for (Rule r : RuleRegistry.all()) {
      RuleInfo i = r.info();
      out.printf("%-" + width + "s  %-9s  %-7s  %s%n", i.id(), i.family().folder(), i.severity().label(), i.summary());
    }
    out.flush();
    return Main.EXIT_OK;
  }
}
