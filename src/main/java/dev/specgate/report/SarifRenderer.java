package dev.specgate.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.specgate.core.ChangeSet;
import dev.specgate.core.Finding;
import dev.specgate.core.Lines;
import dev.specgate.core.Severity;
import dev.specgate.engine.Report;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleDocs;
import dev.specgate.rules.RuleInfo;
import dev.specgate.rules.RuleRegistry;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * SARIF 2.1.0 for GitHub code scanning: every rule specgate ships in {@code tool.driver.rules}
 * (id, short and full description, help as text and Markdown from the rule's README, help URI
 * when a docs base URL is known), and one result per finding with a repo-relative location and a
 * stable {@code partialFingerprints} entry ({@link FindingFingerprints}).
 *
 * <p>The help URI needs an absolute URL of the docs: {@code docsBase} (e.g. {@code
 * https://github.com/OWNER/specgate/blob/v1/}) + {@code docs/rules/<id>.md}. Without one, the
 * help URI is left out rather than invented; the help text is still there.
 */
public final class SarifRenderer {
  public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
  public static final String FINGERPRINT_KEY = "specgateFinding/v1";
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private SarifRenderer() {}

  public static String render(Report report, ChangeSet changes) {
    return render(report, changes, RuleRegistry.all(), Optional.empty(), null);
  }

  /**
   * @param docsBase absolute URL the rule docs paths are resolved against, if known
   * @param toolVersion the specgate version, or null
   */
  public static String render(
      Report report, ChangeSet changes, List<Rule> rules, Optional<URI> docsBase, String toolVersion) {
    ObjectNode root = JSON.createObjectNode();
    root.put("$schema", SCHEMA);
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "specgate");
    if (toolVersion != null && !toolVersion.isBlank()) driver.put("version", toolVersion);

    Map<String, Integer> ruleIndex = new LinkedHashMap<>();
    ArrayNode rulesNode = driver.putArray("rules");
    for (Rule r : rules) {
      ruleIndex.put(r.id(), ruleIndex.size());
      rulesNode.add(descriptor(r.info(), RuleDocs.readme(r).orElse(null), docsBase));
    }
    // Findings of ids that are not rules (engine diagnostics, e.g. an unknown suppression) still
    // need a descriptor so that ruleIndex stays valid.
    for (Finding f : report.findings()) {
      if (!ruleIndex.containsKey(f.rule())) {
        ruleIndex.put(f.rule(), ruleIndex.size());
        rulesNode.add(plainDescriptor(f.rule(), f.severity()));
      }
    }

    ArrayNode results = run.putArray("results");
    List<String> fingerprints = FindingFingerprints.of(report, changes);
    for (int i = 0; i < report.findings().size(); i++) {
      Finding f = report.findings().get(i);
      ObjectNode res = results.addObject();
      res.put("ruleId", f.rule());
      res.put("ruleIndex", ruleIndex.get(f.rule()));
      res.put("level", level(f.severity()));
      ObjectNode message = res.putObject("message");
      message.put("text", resultText(f));
      ObjectNode phys = res.putArray("locations").addObject().putObject("physicalLocation");
      phys.putObject("artifactLocation").put("uri", uriOf(f.file()));
      ObjectNode region = phys.putObject("region");
      region.put("startLine", f.line());
      region.put("endLine", Math.max(f.line(), f.location().endLine()));
      if (f.location().column() > 1) region.put("startColumn", f.location().column());
      res.putObject("partialFingerprints").put(FINGERPRINT_KEY, fingerprints.get(i));
    }
    run.put("columnKind", "utf16CodeUnits");
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree cannot fail to serialise", e);
    }
  }

  private static ObjectNode descriptor(RuleInfo info, String readme, Optional<URI> docsBase) {
    ObjectNode d = JSON.createObjectNode();
    d.put("id", info.id());
    d.put("name", pascal(info.id()));
    d.putObject("shortDescription").put("text", info.summary());
    String full = readme == null ? null : section(readme, "Problem");
    d.putObject("fullDescription").put("text", full == null || full.isBlank() ? info.summary() : plain(full));
    ObjectNode help = d.putObject("help");
    String markdown = readme != null ? readme.strip() : "**" + info.id() + "**: " + info.summary();
    help.put("text", plain(markdown));
    help.put("markdown", markdown);
    docsBase.ifPresent(base -> d.put("helpUri", base.resolve(RuleDocs.docsPath(info)).toString()));
    d.putObject("defaultConfiguration").put("level", level(info.severity()));
    ObjectNode props = d.putObject("properties");
    props.putArray("tags").add(info.family().folder()).add("database-migration");
    props.put("precision", "high");
    props.put("problem.severity", severityProperty(info.severity()));
    return d;
  }

  private static ObjectNode plainDescriptor(String id, Severity severity) {
    ObjectNode d = JSON.createObjectNode();
    d.put("id", id);
    d.putObject("shortDescription").put("text", "specgate " + id);
    d.putObject("fullDescription").put("text", "specgate diagnostic " + id);
    d.putObject("help").put("text", "Reported by specgate itself rather than by a rule: " + id);
    d.putObject("defaultConfiguration").put("level", level(severity));
    return d;
  }

  private static String resultText(Finding f) {
    StringBuilder b = new StringBuilder(f.message().strip());
    if (!f.why().isBlank()) b.append("\nWhy: ").append(f.why().strip());
    if (!f.fix().isBlank()) b.append("\nFix: ").append(f.fix().strip());
    return b.toString();
  }

  static String level(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case NOTICE -> "note";
    };
  }

  private static String severityProperty(Severity s) {
    return switch (s) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case NOTICE -> "recommendation";
    };
  }

  /** The text under {@code ## name} up to the next heading of level 2 or higher, or null. */
  static String section(String markdown, String name) {
    String[] lines = Lines.of(markdown);
    StringBuilder b = null;
    for (String line : lines) {
      if (line.startsWith("## ") || line.startsWith("# ")) {
        if (b != null) break;
        if (line.substring(line.indexOf(' ') + 1).trim().equalsIgnoreCase(name)) b = new StringBuilder();
        continue;
      }
      if (b != null) b.append(line).append('\n');
    }
    return b == null ? null : b.toString().strip();
  }

  private static final Pattern FENCE_LINE = Pattern.compile("(?m)^```.*$\\n?");
  private static final Pattern HEADING_MARKS = Pattern.compile("(?m)^#+\\s*");

  /** Markdown reduced to readable plain text (code fences and emphasis markers dropped). */
  static String plain(String markdown) {
    return HEADING_MARKS.matcher(FENCE_LINE.matcher(markdown).replaceAll("")).replaceAll("")
        .replace("**", "").replace("`", "").strip();
  }

  private static String pascal(String id) {
    StringBuilder b = new StringBuilder();
    for (String part : id.split("-")) {
      if (part.isEmpty()) continue;
      b.append(part.substring(0, 1).toUpperCase(Locale.ROOT)).append(part.substring(1));
    }
    return b.toString();
  }

  /** A repo-relative path as a URI reference: segments percent-encoded, slashes kept. */
  static String uriOf(String path) {
    StringBuilder b = new StringBuilder();
    byte[] bytes = path.replace('\\', '/').getBytes(StandardCharsets.UTF_8);
    for (byte x : bytes) {
      int c = x & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || "-._~/!$&'()*+,;=@".indexOf(c) >= 0) {
        b.append((char) c);
      } else {
        b.append('%').append(String.format("%02X", c));
      }
    }
    return b.toString();
  }
}
