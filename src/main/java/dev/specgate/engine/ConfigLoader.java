package dev.specgate.engine;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.specgate.core.DidYouMean;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleRegistry;
import dev.specgate.sql.MysqlServer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code .specgate.yml} (DESIGN section 4) over the defaults, key by key as {@link ConfigKey}
 * declares them. Walks the YAML token stream rather than binding to a class so every error can
 * name the line of the offending key or value. Refused, with file:line: unknown keys and rule ids
 * (with "did you mean"), duplicate keys, aliases ({@code *name}: refused rather than expanded,
 * the value written out is as short), a second YAML document, bytes that are not UTF-8.
 */
public final class ConfigLoader {
  private static final YAMLFactory YAML = new YAMLFactory();

  /**
   * A configuration and where each value came from.
   *
   * @param lines the line of each key the file set: {@code dialect}, {@code rules.tasks-open},
   *     {@code guardrails.categories.tests}; a key not in it has its default
   */
  public record Loaded(Config config, String file, Map<String, Integer> lines) {
    public Loaded {
      lines = Collections.unmodifiableMap(new LinkedHashMap<>(lines));
    }

    /** Nothing read: every key at its default. */
    public static Loaded defaults() {
      return new Loaded(Config.defaults(), null, Map.of());
    }
  }

  private ConfigLoader() {}

  /** Parses the text of a config file; {@code fileName} is used in error messages. */
  public static Config parse(String text, String fileName) throws ConfigException {
    return load(text, fileName).config();
  }

  /** Parses the bytes of a config file, which must be UTF-8 (an error names the byte offset). */
  public static Loaded load(byte[] bytes, String fileName) throws ConfigException {
    return load(decode(bytes, fileName), fileName);
  }

  /** Parses the text of a config file and records the line of each value it sets. */
  public static Loaded load(String text, String fileName) throws ConfigException {
    int replaced = text.indexOf('\uFFFD');
    if (replaced >= 0) {
      throw new ConfigException(fileName, lineAt(text, replaced),
          "not valid UTF-8 (bytes that are no UTF-8 character were replaced); save the file as UTF-8");
    }
    Map<ConfigKey, Object> values = new EnumMap<>(ConfigKey.class);
    Map<String, Integer> lines = new LinkedHashMap<>();
    try (JsonParser p = YAML.createParser(text)) {
      Reader r = new Reader((YAMLParser) p, fileName);
      JsonToken first = r.next();
      if (first == null) return new Loaded(Config.fromValues(values, fileName), fileName, lines);
      if (first == JsonToken.VALUE_NULL && r.next() == null) {
        return new Loaded(Config.fromValues(values, fileName), fileName, lines); // a file of comments only
      }
      if (first != JsonToken.START_OBJECT) {
        throw r.error("expected a mapping of settings (key: value), found " + describe(first));
      }
      Map<String, Integer> seen = new HashMap<>();
      while (r.next() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        int keyLine = r.line();
        r.once(seen, name, "");
        ConfigKey key = ConfigKey.byName(name).orElseThrow(() -> new ConfigException(fileName, keyLine,
            "unknown key '" + name + "'" + DidYouMean.hint(name, ConfigKey.names())
                + "; expected one of " + String.join(", ", ConfigKey.names())));
        r.next();
        values.put(key, r.value(key, lines));
        lines.put(name, keyLine);
      }
      JsonToken extra = r.next();
      if (extra != null) {
        throw r.error("a second YAML document; the configuration is one mapping (remove the '---' and what follows,"
            + " or merge it into the first)");
      }
    } catch (IOException e) {
      int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
          ? jpe.getLocation().getLineNr() : 1;
      throw new ConfigException(fileName, Math.max(1, line), "not valid YAML: " + firstLine(e.getMessage()));
    }
    return new Loaded(Config.fromValues(values, fileName), fileName, lines);
  }

  /** Strict UTF-8: the first bad byte's offset, not "Input length = 1". A leading BOM is dropped. */
  static String decode(byte[] bytes, String fileName) throws ConfigException {
    try {
      String text = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      int offset = firstBadByte(bytes);
      String valid = new String(bytes, 0, offset, StandardCharsets.UTF_8);
      throw new ConfigException(fileName, lineAt(valid, valid.length()),
          "not valid UTF-8 at byte offset " + offset + String.format(Locale.ROOT, " (byte 0x%02X)", bytes[offset] & 0xff)
              + "; save the file as UTF-8");
    }
  }

  /** The offset of the first byte that does not start or continue a valid UTF-8 sequence. */
  private static int firstBadByte(byte[] bytes) {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    var out = java.nio.CharBuffer.allocate(bytes.length + 1);
    var result = decoder.decode(in, out, true);
    return result.isError() ? in.position() : bytes.length - 1;
  }

  private static int lineAt(String text, int index) {
    int line = 1;
    for (int i = 0; i < index && i < text.length(); i++) if (text.charAt(i) == '\n') line++;
    return line;
  }

  /** The token stream of one file, with the checks every token gets (no aliases). */
  private static final class Reader {
    private final YAMLParser p;
    private final String file;

    Reader(YAMLParser p, String file) {
      this.p = p;
      this.file = file;
    }

    JsonToken next() throws IOException, ConfigException {
      JsonToken t = p.nextToken();
      if (t != null && p.isCurrentAlias()) {
        throw error("YAML aliases (*" + p.getText() + ") are not supported; write the value out");
      }
      return t;
    }

    int line() {
      return Math.max(1, p.currentTokenLocation().getLineNr());
    }

    ConfigException error(String message) {
      return new ConfigException(file, line(), message);
    }

    /** Refuses a key that appears twice in one mapping (YAML forbids it; parsers differ on which wins). */
    void once(Map<String, Integer> seen, String key, String prefix) throws ConfigException {
      Integer first = seen.putIfAbsent(key, line());
      if (first != null) {
        throw error("duplicate key '" + prefix + key + "' (first at line " + first + ")");
      }
    }

    Object value(ConfigKey key, Map<String, Integer> lines) throws IOException, ConfigException {
      String name = key.key();
      return switch (key.type()) {
        case CHOICE -> {
          String v = scalar(name);
          String t = v.trim().toLowerCase(Locale.ROOT);
          if (!key.allowed().contains(t)) {
            throw error(name + ": expected one of " + String.join(", ", key.allowed()) + ", found '" + v + "'"
                + DidYouMean.hint(t, key.allowed()));
          }
          yield t;
        }
        case INTEGER -> {
          long v = integer(name);
          if (v < key.min() || v > key.max()) {
            throw error(name + ": expected a whole number from " + key.min()
                + (key.max() == Long.MAX_VALUE ? " up" : " to " + key.max()) + ", found " + v);
          }
          yield v;
        }
        case BOOLEAN -> {
          JsonToken t = p.currentToken();
          if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) yield t == JsonToken.VALUE_TRUE;
          String v = t != null && t.isScalarValue() ? p.getText().trim().toLowerCase(Locale.ROOT) : "";
          if (v.equals("true") || v.equals("false")) yield Boolean.parseBoolean(v);
          throw error(name + ": expected true or false, found " + describe(t)
              + (t != null && t.isScalarValue() ? " '" + p.getText() + "'" : ""));
        }
        case VERSION -> {
          String v = scalar(name).trim().toLowerCase(Locale.ROOT);
          if (MysqlServer.parse(v).isEmpty()) {
            throw error(name + ": expected a version such as " + key.defaultValue() + ", found '" + v + "'");
          }
          yield v;
        }
        case GLOBS, STRINGS -> stringList(name);
        case RULE_SEVERITIES -> rules(key, lines);
        case GUARDRAILS -> guardrails(lines);
      };
    }

    private Map<String, String> rules(ConfigKey key, Map<String, Integer> lines) throws IOException, ConfigException {
      Map<String, String> out = new LinkedHashMap<>();
      if (p.currentToken() == JsonToken.VALUE_NULL) return out;
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw error("rules: expected a mapping of rule id to error, warning, notice or off");
      }
      Map<String, Integer> seen = new HashMap<>();
      while (next() == JsonToken.FIELD_NAME) {
        String id = p.currentName();
        int line = line();
        once(seen, id, "rules.");
        if (!RuleRegistry.isKnown(id)) {
          List<String> ids = RuleRegistry.all().stream().map(Rule::id).toList();
          throw error("rules: unknown rule '" + id + "'" + DidYouMean.hint(id, ids)
              + " (run `specgate rules` for the list)");
        }
        next();
        JsonToken t = p.currentToken();
        String v = t.isScalarValue() && t != JsonToken.VALUE_NULL ? p.getText() : "";
        String s = v.trim().toLowerCase(Locale.ROOT);
        if (s.equals("false")) s = "off"; // `off` read as a YAML 1.1 boolean
        if (!key.allowed().contains(s)) {
          throw new ConfigException(file, line, "rules." + id + ": expected error, warning, notice or off, found "
              + (v.isEmpty() ? describe(t) : "'" + v + "'") + DidYouMean.hint(s, key.allowed()));
        }
        out.put(id, s);
        lines.put("rules." + id, line);
      }
      return out;
    }

    private Map<String, List<String>> guardrails(Map<String, Integer> lines) throws IOException, ConfigException {
      Map<String, List<String>> categories = new LinkedHashMap<>();
      if (p.currentToken() == JsonToken.VALUE_NULL) return categories;
      if (p.currentToken() != JsonToken.START_OBJECT) {
        throw error("guardrails: expected a mapping with the key 'categories'");
      }
      Map<String, Integer> seen = new HashMap<>();
      while (next() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        once(seen, key, "guardrails.");
        if (!key.equals("categories")) {
          throw error("guardrails: unknown key '" + key + "'; expected categories");
        }
        next();
        if (p.currentToken() == JsonToken.VALUE_NULL) continue;
        if (p.currentToken() != JsonToken.START_OBJECT) {
          throw error("guardrails.categories: expected a mapping of category name to a list of path globs");
        }
        Map<String, Integer> seenCategories = new HashMap<>();
        while (next() == JsonToken.FIELD_NAME) {
          String category = p.currentName();
          int line = line();
          once(seenCategories, category, "guardrails.categories.");
          next();
          String name = category.toLowerCase(Locale.ROOT);
          categories.put(name, stringList("guardrails.categories." + category));
          lines.put("guardrails.categories." + name, line);
        }
      }
      return categories;
    }

    private String scalar(String key) throws ConfigException, IOException {
      JsonToken t = p.currentToken();
      if (t == null || !t.isScalarValue() || t == JsonToken.VALUE_NULL) {
        throw error(key + ": expected a single value, found " + describe(t));
      }
      return p.getText();
    }

    private long integer(String key) throws IOException, ConfigException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NUMBER_INT) {
        try {
          return p.getLongValue();
        } catch (IOException e) {
          throw error(key + ": expected a whole number, found '" + p.getText() + "' (too large)");
        }
      }
      if (t == JsonToken.VALUE_STRING) {
        String s = p.getText().trim().replace("_", "").replace(",", "");
        try {
          return Long.parseLong(s);
        } catch (NumberFormatException e) {
          // fall through to the error below
        }
      }
      throw error(key + ": expected a whole number, found " + describe(t)
          + (t != null && t.isScalarValue() ? " '" + p.getText() + "'" : ""));
    }

    private List<String> stringList(String key) throws IOException, ConfigException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_STRING) return List.of(p.getText());
      if (t != JsonToken.START_ARRAY) {
        throw error(key + ": expected a list of strings, found " + describe(t));
      }
      List<String> out = new ArrayList<>();
      while (next() != JsonToken.END_ARRAY) {
        if (p.currentToken() != JsonToken.VALUE_STRING) {
          throw error(key + ": expected a list of strings, found " + describe(p.currentToken()));
        }
        out.add(p.getText());
      }
      return out;
    }
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
