package dev.specgate.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleInfo;
import dev.specgate.rules.RuleRegistry;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code specgate rules}: the catalogue, one rule a line, or as JSON
 * ({@code [{"id","family","severity","summary","aliases":[…],"enabledByDefault"}]}) so a team coming
 * from squawk, Eugene or strong_migrations can map its rule list to ours.
 */
@Command(name = "rules", description = "List every rule: id, family, default severity, summary (and peer aliases in JSON).",
    footerHeading = Main.EXAMPLES,
    footer = {"  specgate rules", "  specgate rules --format json        with the squawk / Eugene / strong_migrations ids each answers",
        "  specgate explain nullable-first     one rule in full"})
final class RulesCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  enum Format { text, json }

  @Option(names = "--format", description = "text (default) or json", defaultValue = "text")
  Format format;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (format == Format.json) {
      json(out);
    } else {
      int width = RuleRegistry.all().stream().mapToInt(r -> r.id().length()).max().orElse(10);
      for (Rule r : RuleRegistry.all()) {
        RuleInfo i = r.info();
        out.printf("%-" + width + "s  %-9s  %-7s  %s%s%n", i.id(), i.family().folder(), i.severity().label(),
            i.summary(), i.enabledByDefault() ? "" : " (off by default)");
      }
    }
    out.flush();
    return Main.EXIT_OK;
  }

  private static void json(PrintWriter out) {
    try (JsonGenerator g = new JsonFactory().createGenerator(out).useDefaultPrettyPrinter()) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.writeStartArray();
      for (Rule r : RuleRegistry.all()) {
        RuleInfo i = r.info();
        g.writeStartObject();
        g.writeStringField("id", i.id());
        g.writeStringField("family", i.family().folder());
        g.writeStringField("severity", i.severity().label());
        g.writeStringField("summary", i.summary());
        g.writeArrayFieldStart("aliases");
        for (String a : i.aliases()) g.writeString(a);
        g.writeEndArray();
        g.writeBooleanField("enabledByDefault", i.enabledByDefault());
        g.writeEndObject();
      }
      g.writeEndArray();
    } catch (IOException e) {
      throw new UncheckedIOException("writing JSON to the console", e);
    }
    out.println();
  }
}
