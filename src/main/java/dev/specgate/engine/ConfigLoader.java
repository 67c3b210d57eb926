package dev.specgate.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.specgate.core.Severity;
import dev.specgate.rules.RuleRegistry;
import dev.specgate.sql.Dialect;
import dev.specgate.sql.MigrationTool;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code .specgate.yml} (DESIGN section 4) over the defaults. Walks the YAML token stream
 * rather than binding to a class so every error can name the line of the offending key or value.
 */
public final class ConfigLoader {
  private static final YAMLFactory YAML = new YAMLFactory();
  private static final List<String> KEYS =
      List.of(
          "dialect", "postgresVersion", "migrationTool", "migrations", "packets",
          "requiredPacketFiles", "largeTableRows", "failOn", "rules", "guardrails");

  private ConfigLoader() {}

  /** Parses the text of a config file; {@code fileName} is used in error messages. */
  public static Config parse(String text, String fileName) throws ConfigException {
    Config d = Config.defaults();
    Dialect dialect = d.dialect();
    int postgresVersion = d.postgresVersion();
    MigrationTool tool = d.migrationTool();
    List<String> migrations = d.migrations();
    List<String> packets = d.packets();
    List<String> required = d.requiredPacketFiles();
    long largeTableRows = d.largeTableRows();
    Severity failOn = d.failOn();
    Map<String, Optional<Severity>> rules = new LinkedHashMap<>();
    Map<String, List<String>> categories = new LinkedHashMap<>();

    try (JsonParser p = YAML.createParser(text)) {
      JsonToken first = p.nextToken();
      if (first == null) {
        return withSource(d, fileName);
      }
      if (first != JsonToken.START_OBJECT) {
        throw error(fileName, p, "expected a mapping of settings (key: value), found " + describe(first));
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        int keyLine = line(p);
        JsonToken value = p.nextToken();
        switch (key) {
          case "dialect" -> {
            String v = scalar(p, fileName, key);
            dialect = Dialect.parse(v).orElseThrow(() -> new ConfigException(fileName, line(p),
                "dialect: expected postgres or mysql, found '" + v + "'"));
          }
          case "postgresVersion" -> {
            long v = integer(p, fileName, key);
            if (v < 9 || v > 30) {
              throw error(fileName, p, "postgresVersion: expected a PostgreSQL major version such as 15, found " + v);
            }
            postgresVersion = (int) v;
          }
          case "migrationTool" -> {
            String v = scalar(p, fileName, key);
            tool = MigrationTool.parse(v).orElseThrow(() -> new ConfigException(fileName, line(p),
                "migrationTool: expected one of auto, plain, flyway, golang-migrate, goose, dbmate, sqitch, found '" + v + "'"));
          }
          case "migrations" -> migrations = stringList(p, fileName, key);
          case "packets" -> packets = stringList(p, fileName, key);
          case "requiredPacketFiles" -> required = stringList(p, fileName, key);
          case "largeTableRows" -> {
            long v = integer(p, fileName, key);
            if (v < 1) throw error(fileName, p, "largeTableRows: expected a positive row count, found " + v);
            largeTableRows = v;
          }
          case "failOn" -> {
            String v = scalar(p, fileName, key);
            failOn = Severity.parse(v).orElseThrow(() -> new ConfigException(fileName, line(p),
                "failOn: expected error, warning or notice, found '" + v + "'"));
          }
          case "rules" -> readRules(p, fileName, rules);
          case "guardrails" -> readGuardrails(p, fileName, categories);
          default -> throw new ConfigException(fileName, keyLine,
              "unknown key '" + key + "'; expected one of " + String.join(", ", KEYS));
        }
        if (value == null) break;
      }
    } catch (IOException e) {
      int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
          ? jpe.getLocation().getLineNr() : 1;
      throw new ConfigException(fileName, Math.max(1, line), "not valid YAML: " + firstLine(e.getMessage()));
    }
    return new Config(dialect, postgresVersion, tool, migrations, packets, required, largeTableRows,
        failOn, rules, categories, fileName);
  }

  private static Config withSource(Config c, String fileName) {
    return new Config(c.dialect(), c.postgresVersion(), c.migrationTool(), c.migrations(), c.packets(),
        c.requiredPacketFiles(), c.largeTableRows(), c.failOn(), c.ruleSeverities(),
        c.guardrailCategories(), fileName);
  }

  private static void readRules(JsonParser p, String file, Map<String, Optional<Severity>> out)
      throws IOException, ConfigException {
    if (p.currentToken() == JsonToken.VALUE_NULL) return;
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw error(file, p, "rules: expected a mapping of rule id to error, warning, notice or off");
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String id = p.currentName();
      int line = line(p);
      if (!RuleRegistry.isKnown(id)) {
        throw new ConfigException(file, line, "rules: unknown rule '" + id + "' (run `specgate rules` for the list)");
      }
      p.nextToken();
      String v = p.currentToken().isScalarValue() ? p.getText() : "";
      String t = v.trim().toLowerCase(Locale.ROOT);
      if (t.equals("off") || t.equals("false")) {
        out.put(id, Optional.empty());
      } else {
        Severity s = Severity.parse(t).orElseThrow(() -> new ConfigException(file, line,
            "rules." + id + ": expected error, warning, notice or off, found '" + v + "'"));
        out.put(id, Optional.of(s));
      }
    }
  }

  private static void readGuardrails(JsonParser p, String file, Map<String, List<String>> categories)
      throws IOException, ConfigException {
    if (p.currentToken() == JsonToken.VALUE_NULL) return;
    if (p.currentToken() != JsonToken.START_OBJECT) {
      throw error(file, p, "guardrails: expected a mapping with the key 'categories'");
    }
    while (p.nextToken() == JsonToken.FIELD_NAME) {
      String key = p.currentName();
      int line = line(p);
      p.nextToken();
      if (!key.equals("categories")) {
        throw new ConfigException(file, line, "guardrails: unknown key '" + key + "'; expected categories");
      }
      if (p.currentToken() == JsonToken.VALUE_NULL) continue;
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw error(file, p, "guardrails.categories: expected a mapping of category name to a list of path globs");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String category = p.currentName();
        p.nextToken();
        categories.put(category.toLowerCase(Locale.ROOT), stringList(p, file, "guardrails.categories." + category));
      }
    }
  }

  private static String scalar(JsonParser p, String file, String key) throws IOException, ConfigException {
    JsonToken t = p.currentToken();
    if (t == null || !t.isScalarValue() || t == JsonToken.VALUE_NULL) {
      throw error(file, p, key + ": expected a single value, found " + describe(t));
    }
    return p.getText();
  }

  private static long integer(JsonParser p, String file, String key) throws IOException, ConfigException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) return p.getLongValue();
    if (t == JsonToken.VALUE_STRING) {
      String s = p.getText().trim().replace("_", "").replace(",", "");
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw error(file, p, key + ": expected a whole number, found " + describe(t)
        + (t != null && t.isScalarValue() ? " '" + p.getText() + "'" : ""));
  }

  private static List<String> stringList(JsonParser p, String file, String key)
      throws IOException, ConfigException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) return List.of(p.getText());
    if (t != JsonToken.START_ARRAY) {
      throw error(file, p, key + ": expected a list of strings, found " + describe(t));
    }
    List<String> out = new ArrayList<>();
    while (p.nextToken() != JsonToken.END_ARRAY) {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        throw error(file, p, key + ": expected a list of strings, found " + describe(p.currentToken()));
      }
      out.add(p.getText());
    }
    return out;
  }

  private static int line(JsonParser p) {
    return Math.max(1, p.currentTokenLocation().getLineNr());
  }

  private static ConfigException error(String file, JsonParser p, String message) {
    return new ConfigException(file, line(p), message);
  }

  private static String describe(JsonToken t) {
    if (t == null) return "nothing";
    return switch (t) {
      case START_OBJECT -> "a mapping";
      case START_ARRAY -> "a list";
      case VALUE_NULL -> "an empty value";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_STRING -> "a string";
      default -> t.name().toLowerCase(Locale.ROOT);
    };
  }

  private static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
