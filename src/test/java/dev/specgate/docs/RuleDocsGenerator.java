package dev.specgate.docs;

import dev.specgate.rules.Family;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleInfo;
import dev.specgate.rules.RuleRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Generates {@code docs/rules/}: one page per rule from its metadata, its README and the very
 * fixtures the tests run (so an example in the docs cannot be wrong), plus an index.
 */
public final class RuleDocsGenerator {
  static final Path RULES = Path.of("rules");
  static final Path DOCS = Path.of("docs", "rules");

  private RuleDocsGenerator() {}

  /** Every generated file: path under docs/rules → content. */
  public static Map<Path, String> generate() throws IOException {
    Map<Path, String> out = new LinkedHashMap<>();
    out.put(DOCS.resolve("README.md"), index());
    for (Rule rule : RuleRegistry.all()) out.put(DOCS.resolve(rule.id() + ".md"), page(rule.info()));
    return out;
  }

  public static void main(String[] args) throws IOException {
    Files.createDirectories(DOCS);
    for (Map.Entry<Path, String> e : generate().entrySet()) {
      Files.writeString(e.getKey(), e.getValue(), StandardCharsets.UTF_8);
    }
  }

  private static String index() {
    StringBuilder b = new StringBuilder();
    b.append("<!-- generated from rules/ by RuleDocsGenerator; do not edit -->\n");
    b.append("# Rules\n\n");
    b.append("Every rule specgate ships. Severities are defaults; change them per rule in `.specgate.yml` ")
        .append("(`rules: {rule-id: warning}` or `off`). Suppress one finding with a reason: ")
        .append("`-- specgate:ignore rule-id: reason` on the line above the statement ")
        .append("(`<!-- specgate:ignore rule-id: reason -->` in Markdown; `specgate:ignore-file` for a whole file).\n");
    for (Family family : Family.values()) {
      b.append("\n## ").append(title(family)).append("\n\n| rule | default | catches |\n|---|---|---|\n");
      for (Rule rule : RuleRegistry.all()) {
        RuleInfo i = rule.info();
        if (i.family() != family) continue;
        b.append("| [`").append(i.id()).append("`](").append(i.id()).append(".md) | ")
            .append(i.severity().label()).append(" | ").append(i.summary().replace("|", "\\|")).append(" |\n");
      }
    }
    b.append("\n## Engine diagnostics\n\n")
        .append("Besides the rules, the engine reports `invalid-suppression` (warning) for a suppression ")
        .append("that names an unknown rule, gives no reason, or suppresses nothing, and `internal-error` ")
        .append("(warning) when a rule failed on an input, and `invalid-migration-metadata` (error) for a ")
        .append("migration tool's metadata file the tool itself cannot read (a diesel `metadata.toml` whose ")
        .append("`run_in_transaction` is not `true` or `false`: diesel then silently runs the migration in a ")
        .append("transaction), so that nothing is ever skipped silently.\n");
    return b.toString();
  }

  private static String page(RuleInfo info) throws IOException {
    Path folder = RULES.resolve(info.family().folder()).resolve(info.id());
    StringBuilder b = new StringBuilder();
    b.append("<!-- generated from rules/").append(info.family().folder()).append('/').append(info.id())
        .append(" by RuleDocsGenerator; do not edit -->\n");
    b.append("# ").append(info.id()).append("\n\n");
    b.append("Family: **").append(info.family().folder()).append("** · default severity: **")
        .append(info.severity().label()).append("**\n\n");
    b.append(info.summary()).append(".\n\n");
    Path readme = folder.resolve("README.md");
    if (Files.exists(readme)) {
      String prose = Files.readString(readme, StandardCharsets.UTF_8).strip();
      if (prose.startsWith("# ")) prose = prose.substring(prose.indexOf('\n') + 1).strip();
      b.append(prose).append("\n");
    }
    List<Path> fixtures = fixtures(folder);
    if (!fixtures.isEmpty()) {
      b.append("\n## Examples\n\nThese are the fixtures the test suite runs; `expect:` marks where the rule reports.\n");
      for (Path f : fixtures) {
        String name = f.getFileName().toString();
        b.append("\n### ").append(name.startsWith("bad") ? "Flagged" : "Not flagged").append(": `")
            .append(name).append("`\n");
        if (Files.isDirectory(f)) {
          List<Path> files;
          try (Stream<Path> walk = Files.walk(f)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
          }
          for (Path file : files) {
            b.append("\n`").append(f.relativize(file).toString().replace('\\', '/')).append("`\n\n");
            fence(b, file);
          }
        } else {
          b.append('\n');
          fence(b, f);
        }
      }
    }
    return b.toString();
  }

  private static void fence(StringBuilder b, Path file) throws IOException {
    String text = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    String lang = name.endsWith(".sql") ? "sql" : name.endsWith(".md") ? "markdown"
        : name.endsWith(".diff") ? "diff" : name.endsWith(".yml") ? "yaml" : "";
    String fence = text.contains("```") ? "~~~~" : "```";
    b.append(fence).append(lang).append('\n').append(text);
    if (!text.endsWith("\n")) b.append('\n');
    b.append(fence).append('\n');
  }

  private static List<Path> fixtures(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) return List.of();
    try (Stream<Path> list = Files.list(folder)) {
      return list.filter(p -> p.getFileName().toString().startsWith("bad") || p.getFileName().toString().startsWith("good"))
          .sorted().toList();
    }
  }

  private static String title(Family f) {
    return switch (f) {
      case SQL -> "SQL safety";
      case PACKET -> "Packet";
      case GUARDRAIL -> "Guardrails";
      case DRYRUN -> "Dry run (observed on a real PostgreSQL)";
    };
  }
}
