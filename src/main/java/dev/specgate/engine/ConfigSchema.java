package dev.specgate.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleRegistry;
import java.util.List;
import java.util.Map;

/**
 * The JSON Schema of {@code .specgate.yml}, generated from the {@link ConfigKey} declarations and
 * the rule catalogue; shipped as {@code docs/specgate.schema.json} (a test fails when it is stale)
 * for editors: {@code # yaml-language-server: $schema=...} at the top of the file.
 */
public final class ConfigSchema {
  public static final String DOCS_PATH = "docs/specgate.schema.json";
  public static final String REFERENCE_PATH = "docs/configuration.md";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ConfigSchema() {}

  public static ObjectNode schema() {
    ObjectNode s = F.objectNode();
    s.put("$schema", "http://json-schema.org/draft-07/schema#");
    s.put("title", "specgate configuration (.specgate.yml)");
    s.put("description", "Every key is optional; a key left out has its default. Generated from the"
        + " declarations in ConfigKey.java: do not edit by hand.");
    s.put("type", "object");
    s.put("additionalProperties", false);
    ObjectNode props = s.putObject("properties");
    for (ConfigKey k : ConfigKey.values()) props.set(k.key(), property(k));
    return s;
  }

  private static ObjectNode property(ConfigKey k) {
    ObjectNode p = F.objectNode();
    p.put("description", k.description());
    switch (k.type()) {
      case CHOICE -> {
        p.put("type", "string");
        p.set("enum", strings(k.allowed()));
      }
      case INTEGER -> {
        p.put("type", "integer");
        p.put("minimum", k.min());
        if (k.max() != Long.MAX_VALUE) p.put("maximum", k.max());
      }
      case BOOLEAN -> p.put("type", "boolean");
      case VERSION -> {
        p.put("type", "string");
        p.put("pattern", k.allowed().get(0));
      }
      case GLOBS, STRINGS -> {
        p.set("type", strings(List.of("array", "string")));
        p.putObject("items").put("type", "string");
      }
      case RULE_SEVERITIES -> {
        p.put("type", "object");
        ObjectNode rules = p.putObject("properties");
        for (Rule r : RuleRegistry.all()) {
          ObjectNode rule = severity(k);
          rule.put("description", r.info().summary() + " (default: " + r.info().severity().label() + ")");
          rules.set(r.id(), rule);
        }
        p.put("additionalProperties", false);
      }
      case GUARDRAILS -> {
        p.put("type", "object");
        p.put("additionalProperties", false);
        ObjectNode categories = p.putObject("properties").putObject("categories");
        categories.put("description", "Category name (a word of an \"Allowed:\" item) to the path globs it means.");
        categories.put("type", "object");
        ObjectNode globs = categories.putObject("additionalProperties");
        globs.set("type", strings(List.of("array", "string")));
        globs.putObject("items").put("type", "string");
      }
    }
    p.set("default", defaultValue(k));
    return p;
  }

  private static ObjectNode severity(ConfigKey rules) {
    ObjectNode n = F.objectNode();
    ArrayNode values = strings(rules.allowed());
    values.add(false); // `off` read as a YAML 1.1 boolean
    n.set("enum", values);
    return n;
  }

  private static JsonNode defaultValue(ConfigKey k) {
    Object v = k.defaultValue();
    if (v instanceof String s) return F.textNode(s);
    if (v instanceof Long l) return F.numberNode(l);
    if (v instanceof Boolean b) return F.booleanNode(b);
    if (v instanceof List<?> l) return strings(l.stream().map(String::valueOf).toList());
    if (v instanceof Map<?, ?> m && m.isEmpty()) return F.objectNode();
    throw new IllegalStateException("no JSON form for the default of " + k.key());
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode a = F.arrayNode();
    values.forEach(a::add);
    return a;
  }

  /** {@code docs/configuration.md}: one row per key, from the same declarations as the schema. */
  public static String reference() {
    StringBuilder b = new StringBuilder();
    b.append("# `.specgate.yml` reference\n\n");
    b.append("<!-- Generated from engine/ConfigKey.java by ConfigSchemaTest (-Dspecgate.writeDocs=true); do not edit. -->\n\n");
    b.append("Every key is optional. Editors check and complete the file with the JSON Schema\n");
    b.append("[`specgate.schema.json`](specgate.schema.json): make the first line\n");
    b.append("`# yaml-language-server: $schema=<URL or relative path of specgate.schema.json>`.\n");
    b.append("`specgate config` prints the effective value of every key and where it came from.\n\n");
    b.append("| Key | Type | Default | Allowed | What it does |\n");
    b.append("|---|---|---|---|---|\n");
    for (ConfigKey k : ConfigKey.values()) {
      String type = switch (k.type()) {
        case CHOICE -> "one of the allowed";
        case INTEGER -> "whole number";
        case BOOLEAN -> "true or false";
        case VERSION -> "version";
        case GLOBS -> "list of globs";
        case STRINGS -> "list of file names";
        case RULE_SEVERITIES -> "rule id: severity";
        case GUARDRAILS -> "categories: name: globs";
      };
      String allowed = switch (k.type()) {
        case CHOICE, RULE_SEVERITIES -> String.join(", ", k.allowed().stream().map(a -> "`" + a + "`").toList());
        case INTEGER -> k.min() + (k.max() == Long.MAX_VALUE ? " or more" : " to " + k.max());
        case VERSION -> "`" + k.allowed().get(0).replace("|", "\\|") + "`";
        default -> "";
      };
      b.append("| `").append(k.key()).append("` | ").append(type).append(" | `")
          .append(defaultValue(k).toString().replace("|", "\\|")).append("` | ").append(allowed)
          .append(" | ").append(k.description().replace("|", "\\|")).append(" |\n");
    }
    b.append("\nRule ids are those of `specgate rules` ([the catalogue](rules/)).\n");
    return b.toString();
  }
}
