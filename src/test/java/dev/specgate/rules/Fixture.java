package dev.specgate.rules;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.SourceFile;
import dev.specgate.engine.Config;
import dev.specgate.engine.ConfigException;
import dev.specgate.engine.ConfigLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One fixture of a rule folder ({@code bad.sql}, {@code good.md}, {@code bad-2/}, …) turned into a
 * ChangeSet plus the findings its {@code expect:} markers announce.
 *
 * <p>Layout: a single {@code .sql} file is placed at {@code db/migrations/<name>}; a single
 * {@code .md} file is the {@code spec.md} of a packet at the root; a folder keeps its own layout,
 * except that files under {@code base/} are context already applied (UNCHANGED, like a base
 * commit) with the {@code base/} prefix removed, and a {@code .specgate.yml} at its top is the
 * config. Marker lines are blanked, so line numbers stay as written.
 */
public record Fixture(String name, boolean bad, ChangeSet changes, Config config, List<Expected> expected) {

  /** A finding the fixture expects: this rule, in this file, at this line. */
  public record Expected(String rule, String file, int line) {}

  private static final Pattern MARKER =
      Pattern.compile("^\\s*(?:--|<!--|#|//)\\s*expect:\\s*([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)\\s*(?:-->)?\\s*$");

  public static Fixture load(Path fixture) throws IOException, ConfigException {
    String name = fixture.getFileName().toString();
    boolean bad = name.startsWith("bad");
    List<SourceFile> files = new ArrayList<>();
    List<Expected> expected = new ArrayList<>();
    Config config = Config.defaults();
    if (Files.isDirectory(fixture)) {
      List<Path> all;
      try (Stream<Path> walk = Files.walk(fixture)) {
        all = walk.filter(Files::isRegularFile).sorted().toList();
      }
      for (Path p : all) {
        String rel = fixture.relativize(p).toString().replace('\\', '/');
        String text = Files.readString(p, StandardCharsets.UTF_8);
        if (rel.equals(".specgate.yml")) {
          config = ConfigLoader.parse(text, name + "/.specgate.yml");
        } else if (rel.startsWith("base/")) {
          files.add(SourceFile.unchanged(rel.substring("base/".length()), text));
        } else if (DiffFixture.isDiffFixture(fixture)) {
          files.addAll(DiffFixture.files(rel, text, expected));
        } else {
          files.add(SourceFile.added(rel, blankMarkers(text, rel, expected)));
        }
      }
    } else {
      String text = Files.readString(fixture, StandardCharsets.UTF_8);
      String lower = name.toLowerCase(Locale.ROOT);
      String path = lower.endsWith(".md") ? "spec.md" : "db/migrations/" + name;
      files.add(SourceFile.added(path, blankMarkers(text, path, expected)));
    }
    ChangeSet changes = Files.isDirectory(fixture) && DiffFixture.isDiffFixture(fixture)
        ? DiffFixture.changeSet(files) : ChangeSet.ofPaths(files);
    return new Fixture(name, bad, changes, config, List.copyOf(expected));
  }

  /** Replaces marker lines by empty lines and records what each expects. */
  public static String blankMarkers(String text, String path, List<Expected> out) {
    String[] lines = text.split("\n", -1);
    List<String[]> pending = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      Matcher m = MARKER.matcher(lines[i].replace("\r", ""));
      if (m.matches()) {
        pending.add(m.group(1).split("\\s*,\\s*"));
        lines[i] = lines[i].endsWith("\r") ? "\r" : "";
        continue;
      }
      if (!pending.isEmpty() && !lines[i].isBlank()) {
        for (String[] ids : pending) for (String id : ids) out.add(new Expected(id, path, i + 1));
        pending.clear();
      }
    }
    if (!pending.isEmpty()) {
      throw new IllegalStateException(path + ": an expect: marker at the end of the file has no line below it");
    }
    return String.join("\n", lines);
  }
}
