package dev.specgate.rules.guardrail;

import dev.specgate.core.Glob;
import dev.specgate.core.SourceFile;
import dev.specgate.diff.DiffLine;
import dev.specgate.diff.FileChange;
import dev.specgate.engine.MigrationFile;
import dev.specgate.rules.RuleContext;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The change as the guardrail rules read it: every changed file's added and removed lines (from
 * its patch, or the whole file for an added one), the parsed forward migrations the change
 * touched, and which paths are packet files or documentation. In a snapshot ({@code check PATH})
 * only the migrations count as changed files.
 */
final class GuardChange {
  private static final Set<String> DOC_EXTENSIONS = Set.of("md", "markdown", "rst", "adoc", "txt");

  final List<FileChange> files;
  final List<MigrationFile> migrations;
  final Set<String> migrationPaths;
  final Set<String> packetFiles;

  private GuardChange(List<FileChange> files, List<MigrationFile> migrations,
      Set<String> migrationPaths, Set<String> packetFiles) {
    this.files = files;
    this.migrations = migrations;
    this.migrationPaths = migrationPaths;
    this.packetFiles = packetFiles;
  }

  static GuardChange of(RuleContext context, List<Guardrail> guardrails) {
    Set<String> packetFiles = new HashSet<>();
    Set<String> names = new HashSet<>(List.of("spec.md", "tasks.md", "acceptance-criteria.md",
        "evidence.md"));
    names.addAll(context.config().requiredPacketFiles());
    for (Guardrail g : guardrails) {
      for (String n : names) packetFiles.add(g.packetFolder().isEmpty() ? n : g.packetFolder() + "/" + n);
    }
    List<FileChange> files = new ArrayList<>();
    // A snapshot (check PATH) marks every file added; only its migrations are the change then,
    // the rest is the tree around them, not something the change did.
    boolean snapshot = context.changeSet().isSnapshot();
    List<Glob> migrationGlobs = Glob.all(context.config().migrations());
    for (SourceFile f : context.changeSet().changedFiles()) {
      if (snapshot && !Glob.anyMatches(migrationGlobs, f.path())) continue;
      files.add(FileChange.of(f));
    }
    Set<String> migrationPaths = new HashSet<>();
    // Only migrations read from their whole text; a diff's modified migration has no content.
    for (MigrationFile m : context.migrations()) {
      if (m.source().content() != null) migrationPaths.add(m.path());
    }
    return new GuardChange(files, context.changedMigrations(), migrationPaths, packetFiles);
  }

  boolean isPacketFile(String path) {
    return packetFiles.contains(path);
  }

  static boolean isDoc(String path) {
    int dot = path.lastIndexOf('.');
    return dot > path.lastIndexOf('/') && DOC_EXTENSIONS.contains(
        path.substring(dot + 1).toLowerCase(Locale.ROOT));
  }

  boolean isParsedMigration(String path) {
    return migrationPaths.contains(path);
  }

  /** "line 12" for a head line, "removed line 12 of the old version" for a removed one. */
  static String where(DiffLine l) {
    return l.isRemoved() ? "removed line " + l.oldLine() + " of the old version" : "line " + l.newLine();
  }
}
