package dev.specgate.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.specgate.core.ChangeSet;
import dev.specgate.core.SourceFile;
import dev.specgate.core.Spaces;
import dev.specgate.engine.Config;
import dev.specgate.engine.Packets;
import dev.specgate.packet.Packet;
import dev.specgate.packet.PacketSummary;
import dev.specgate.rules.guardrail.GuardrailLists;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code specgate packet PATH [--format text|json]}: prints each packet as specgate read it —
 * files, sections by kind, phases, SQL blocks with their role, facts, criteria, guardrails — so an
 * author can see why a rule fired. PATH is a directory (its packets, found by the configured
 * globs) or one Markdown file (the packet of its folder, with that file in it, whatever its name).
 */
@Command(name = "packet", description = "Print the packet as specgate read it (sections, phases, SQL blocks, facts).",
    footerHeading = Main.EXAMPLES,
    footer = {
      "  specgate packet payments/                   every packet under a folder",
      "  specgate packet plans/migration-plan.md     the packet of one plan file",
      "  specgate packet . --format json             the same as JSON"})
final class PacketCommand implements Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Parameters(paramLabel = "PATH", arity = "0..1", description = "a directory (default: .) or a packet's Markdown file")
  Path path = Path.of(".");

  @Option(names = "--format", paramLabel = "FORMAT", completionCandidates = Candidates.TextOrJson.class, description = "text | json (default: text)")
  String format = "text";

  @Option(names = "--config", paramLabel = "FILE", description = "configuration file (default: .specgate.yml at the root)")
  Path configFile;

  @Override
  public Integer call() throws Exception {
    String f = format.toLowerCase(Locale.ROOT);
    if (!f.equals("text") && !f.equals("json")) {
      throw new UserError("--format: expected text or json, found '" + format + "'");
    }
    if (!Files.exists(path)) throw new UserError("no such file or directory: " + path);
    List<Packet> packets = Files.isDirectory(path) ? inDirectory(path) : List.of(ofFile(path));
    List<Map<String, Object>> read = new ArrayList<>();
    for (Packet p : packets) {
      Map<String, Object> m = new LinkedHashMap<>(PacketSummary.of(p));
      m.put("guardrails", GuardrailLists.of(p));
      read.add(m);
    }
    PrintWriter w = spec.commandLine().getOut();
    if (f.equals("json")) {
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      w.println(json.writeValueAsString(Map.of("packets", read)));
    } else {
      for (Map<String, Object> m : read) w.print(text(m));
    }
    w.flush();
    return Main.EXIT_OK;
  }

  private List<Packet> inDirectory(Path root) {
    Config config = ConfigResolver.resolve(configFile, root);
    List<Packet> found = Packets.discover(new PathSource(PathSource.MAX_FILE_BYTES).directory(root), config);
    if (found.isEmpty()) {
      throw new UserError("no packet found under " + root + " (packets: "
          + String.join(", ", config.packets()) + "); name the plan file itself, e.g. specgate packet "
          + root.resolve("migration-plan.md"));
    }
    return found;
  }

  /** The packet of a Markdown file's folder: that file and the Markdown files beside it. */
  private static Packet ofFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (!name.endsWith(".md")) throw new UserError(file + ": a packet file is Markdown (.md)");
    Path folder = file.toAbsolutePath().getParent();
    ChangeSet here = new PathSource(PathSource.MAX_FILE_BYTES).directory(folder);
    Map<String, SourceFile> files = new LinkedHashMap<>();
    for (SourceFile s : here.files()) {
      if (!s.path().contains("/") && s.fileName().toLowerCase(Locale.ROOT).endsWith(".md") && s.content() != null) {
        files.put(s.fileName().toLowerCase(Locale.ROOT), s);
      }
    }
    return Packet.of("", files);
  }

  // ---- text ------------------------------------------------------------------------------

  static String text(Map<String, Object> packet) {
    StringBuilder b = new StringBuilder();
    b.append("packet ").append(packet.get("folder")).append('\n');
    for (Map.Entry<String, Object> e : packet.entrySet()) {
      if (e.getKey().equals("folder")) continue;
      value(b, 1, e.getKey(), e.getValue());
    }
    b.append('\n');
    return b.toString();
  }

  private static void value(StringBuilder b, int depth, String key, Object v) {
    String pad = "  ".repeat(depth);
    if (v instanceof Map<?, ?> m) {
      b.append(pad).append(label(key)).append(":\n");
      for (Map.Entry<?, ?> e : m.entrySet()) value(b, depth + 1, String.valueOf(e.getKey()), e.getValue());
    } else if (v instanceof List<?> list) {
      b.append(pad).append(label(key)).append(':').append(list.isEmpty() ? " none\n" : "\n");
      for (Object item : list) b.append(pad).append("  - ").append(item(item)).append('\n');
    } else {
      b.append(pad).append(label(key)).append(": ").append(v == null ? "not stated" : v).append('\n');
    }
  }

  /** A list item on one line: "file:line" first, then the other values. */
  private static String item(Object item) {
    if (!(item instanceof Map<?, ?> m)) return String.valueOf(item);
    List<String> parts = new ArrayList<>();
    Object file = m.get("file");
    Object line = m.get("line");
    if (file != null && line != null) parts.add(file + ":" + line);
    for (Map.Entry<?, ?> e : m.entrySet()) {
      String k = String.valueOf(e.getKey());
      if (k.equals("file") || k.equals("line")) continue;
      Object v = e.getValue();
      // a phase's missing rollback or deploy order is worth seeing; other absent values are noise
      if (v == null && (k.equals("rollback") || k.equals("deployOrder"))) v = "not stated";
      if (v == null) continue;
      if (v instanceof List<?> l) v = l.isEmpty() ? "none" : String.join("; ", l.stream().map(String::valueOf).toList());
      parts.add(label(k) + ": " + v);
    }
    return String.join("  |  ", parts);
  }

  /** camelCase keys as words: "rowCounts" → "row counts". */
  private static String label(String key) {
    return Spaces.betweenCamelWords(key).toLowerCase(Locale.ROOT);
  }
}
