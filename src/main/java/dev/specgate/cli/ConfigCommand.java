package dev.specgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specgate.engine.Config;
import dev.specgate.engine.ConfigKey;
import dev.specgate.engine.ConfigLoader;
import dev.specgate.engine.ConfigSchema;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleRegistry;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code specgate config}: the effective configuration, every key and every rule's severity, with
 * where each value came from (the default, or file:line). {@code --schema}: the JSON Schema of
 * {@code .specgate.yml}.
 */
@Command(name = "config",
    description = "Print the effective configuration and where each value came from (default or file:line).",
    footerHeading = Main.EXAMPLES,
    footer = {
      "  specgate config                     .specgate.yml of the current folder over the defaults",
      "  specgate config --format json       the same as JSON: {\"config\": {...}, \"from\": {...}}",
      "  specgate config --schema > specgate.schema.json"
    })
final class ConfigCommand implements Callable<Integer> {
  enum Format { yaml, json }

  private static final String DEFAULT = "default";

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..1", description = "the folder whose .specgate.yml is read (default: .)")
  Path root = Path.of(".");

  @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: .specgate.yml in PATH)")
  Path configFile;

  @Option(names = "--format", paramLabel = "FORMAT", description = "yaml | json (default: yaml)")
  Format format = Format.yaml;

  @Option(names = "--schema", description = "print the JSON Schema of .specgate.yml instead")
  boolean schema;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    if (schema) {
      out.println(json.writeValueAsString(ConfigSchema.schema()));
    } else {
      ConfigLoader.Loaded loaded = ConfigResolver.load(configFile, root);
      Map<String, Object> values = effective(loaded.config());
      Map<String, String> from = new LinkedHashMap<>();
      values.forEach((key, value) -> {
        if (value instanceof Map<?, ?> m && !m.isEmpty()) {
          m.keySet().forEach(sub -> from.put(key + "." + sub, from(loaded, key + "." + sub)));
        } else {
          from.put(key, from(loaded, key));
        }
      });
      if (format == Format.json) {
        ObjectNode root = json.createObjectNode();
        root.set("config", json.valueToTree(values));
        root.set("from", json.valueToTree(from));
        out.println(json.writeValueAsString(root));
      } else {
        out.print(yaml(values, from, loaded.file() == null ? "the defaults" : loaded.file() + " over the defaults"));
      }
    }
    out.flush();
    return Main.EXIT_OK;
  }

  /** Every key's value; {@code rules} lists every rule (its default severity unless configured). */
  private static Map<String, Object> effective(Config config) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (ConfigKey k : ConfigKey.values()) values.put(k.key(), config.valueOf(k));
    Map<String, String> rules = new LinkedHashMap<>();
    for (Rule r : RuleRegistry.all()) {
      rules.put(r.id(), config.severityOf(r.id(), r.info().severity()).map(s -> s.label()).orElse("off"));
    }
    values.put(ConfigKey.RULES.key(), rules);
    Map<String, Object> guardrails = new LinkedHashMap<>();
    guardrails.put("categories", config.guardrailCategories());
    values.put(ConfigKey.GUARDRAILS.key(), guardrails);
    return values;
  }

  private static String from(ConfigLoader.Loaded loaded, String key) {
    Integer line = loaded.lines().get(key);
    if (line == null && key.startsWith("guardrails.categories")) {
      line = loaded.lines().entrySet().stream().filter(e -> e.getKey().startsWith("guardrails.categories."))
          .map(Map.Entry::getValue).min(Integer::compare).orElse(null);
    }
    return line == null ? DEFAULT : loaded.file() + ":" + line;
  }

  /** YAML a file could hold, with the origin of each value as a comment. */
  private static String yaml(Map<String, Object> values, Map<String, String> from, String title) {
    StringBuilder b = new StringBuilder("# effective configuration: " + title + "\n");
    values.forEach((key, value) -> {
      if (value instanceof Map<?, ?> m && !m.isEmpty()) {
        b.append(key).append(":\n");
        m.forEach((sub, v) -> line(b, "  " + sub + ": " + scalar(v), from.get(key + "." + sub)));
      } else {
        line(b, key + ": " + scalar(value), from.get(key));
      }
    });
    return b.toString();
  }

  private static void line(StringBuilder b, String text, String origin) {
    b.append(text);
    b.append(" ".repeat(Math.max(1, 44 - text.length()))).append("# ").append(origin).append('\n');
  }

  private static String scalar(Object v) {
    if (v instanceof List<?> l) {
      return "[" + String.join(", ", l.stream().map(x -> quote(String.valueOf(x))).toList()) + "]";
    }
    if (v instanceof Map<?, ?> m) {
      if (m.isEmpty()) return "{}";
      StringBuilder b = new StringBuilder("{");
      m.forEach((k, x) -> b.append(b.length() > 1 ? ", " : "").append(k).append(": ").append(scalar(x)));
      return b.append('}').toString();
    }
    return String.valueOf(v);
  }

  /** A JSON string is a YAML double-quoted scalar. */
  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') b.append('\\').append(c);
      else if (c < 0x20) b.append(String.format("\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }
}
