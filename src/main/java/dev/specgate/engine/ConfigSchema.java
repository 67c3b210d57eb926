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
}
