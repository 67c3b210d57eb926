package dev.specgate.rules;

import dev.specgate.core.ChangeSet;
import dev.specgate.core.SourceFile;
import dev.specgate.diff.DiffLine;
import dev.specgate.diff.DiffParseException;
import dev.specgate.diff.DiffParser;
import dev.specgate.diff.DiffSources;
import dev.specgate.diff.FileChange;
import dev.specgate.diff.FileDiff;
import dev.specgate.diff.UnifiedDiff;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A folder fixture holding {@code change.diff} is checked the way {@code specgate guard} checks a
 * diff: a {@code DIFF} change set made of the diff's files (status, patch, added file content)
 * with the folder's other files (the spec) as unchanged context at their relative paths.
 *
 * <p>A {@code # expect: rule-id} line in the diff sits directly above the diff line the finding
 * points at; marker lines are removed (not blanked: a blank line inside a hunk would be a context
 * line), and the expected finding is that line's file and line number — the new number of an
 * added or context line, the old number of a removed one; a marker above a file's
 * {@code diff --git} header expects line 1 of that file.
 */
final class DiffFixture {
  static final String FILE = "change.diff";
  private static final Pattern MARKER =
      Pattern.compile("^#\\s*expect:\\s*([a-z0-9-]+(?:\\s*,\\s*[a-z0-9-]+)*)\\s*$");

  private DiffFixture() {}

  static boolean isDiffFixture(Path fixture) {
    return Files.isRegularFile(fixture.resolve(FILE));
  }

  /** The SourceFiles one file of a diff fixture contributes. */
  static List<SourceFile> files(String rel, String text, List<Fixture.Expected> expected) {
    if (rel.equals(FILE)) return diffFiles(text, expected);
    return List.of(SourceFile.unchanged(rel, Fixture.blankMarkers(text, rel, expected)));
  }

  static ChangeSet changeSet(List<SourceFile> files) {
    return new ChangeSet(ChangeSet.Kind.DIFF, files, false);
  }

  static List<SourceFile> diffFiles(String text, List<Fixture.Expected> expected) {
    String[] lines = text.replace("\r\n", "\n").split("\n", -1);
    StringBuilder stripped = new StringBuilder();
    List<String[]> markerIds = new ArrayList<>();
    List<Integer> markerTargets = new ArrayList<>();
    int kept = 0;
    List<String[]> pending = new ArrayList<>();
    for (int i = 0; i < lines.length; i++) {
      if (i == lines.length - 1 && lines[i].isEmpty()) break;
      Matcher m = MARKER.matcher(lines[i]);
      if (m.matches()) {
        pending.add(m.group(1).split("\\s*,\\s*"));
        continue;
      }
      kept++;
      stripped.append(lines[i]).append('\n');
      for (String[] ids : pending) {
        markerIds.add(ids);
        markerTargets.add(kept);
      }
      pending.clear();
    }
    if (!pending.isEmpty()) throw new IllegalStateException(FILE + ": a marker at the end has no line below it");
    UnifiedDiff diff;
    try {
      diff = DiffParser.parse(stripped.toString());
    } catch (DiffParseException e) {
      throw new IllegalStateException(FILE + " (markers removed): " + e.getMessage(), e);
    }
    for (int k = 0; k < markerIds.size(); k++) {
      int target = markerTargets.get(k);
      String[] where = locate(diff, target);
      if (where == null) {
        throw new IllegalStateException(FILE + ": the marker above diff line " + target
            + " (markers removed) is not above a hunk line or a file header");
      }
      for (String id : markerIds.get(k)) {
        expected.add(new Fixture.Expected(id, where[0], Integer.parseInt(where[1])));
      }
    }
    return DiffSources.toSourceFiles(diff);
  }

  private static String[] locate(UnifiedDiff diff, int diffLine) {
    for (FileDiff f : diff.files()) {
      if (f.headerLine() == diffLine) return new String[] {f.path(), "1"};
      for (DiffLine l : f.lines()) {
        if (l.diffLine() == diffLine) {
          return new String[] {f.path(), String.valueOf(FileChange.anchor(f.lines(), l))};
        }
      }
    }
    return null;
  }
}
