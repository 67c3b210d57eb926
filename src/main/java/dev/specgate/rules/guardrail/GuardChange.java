package dev.specgate.rules.guardrail;

import dev.specgate.core.Glob;
import dev.specgate.core.SourceFile;
import dev.specgate.diff.DiffLine;
import dev.specgate.diff.FileChange;
import dev.specgate.packet.Packet;
import dev.specgate.sql.MigrationFile;
import dev.specgate.sql.Dialect;
import dev.specgate.sql.MigrationParser;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import dev.specgate.rules.RuleContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
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

  private final Dialect dialect;

  private GuardChange(List<FileChange> files, List<MigrationFile> migrations,
      Set<String> migrationPaths, Set<String> packetFiles, Dialect dialect) {
    this.dialect = dialect;
    this.files = files;
    this.migrations = migrations;
    this.migrationPaths = migrationPaths;
    this.packetFiles = packetFiles;
  }

  static GuardChange of(RuleContext context, List<Guardrail> guardrails) {
    Set<String> packetFiles = new HashSet<>();
    Set<String> names = new HashSet<>(List.of("spec.md", "tasks.md", "acceptance-criteria.md",
        "evidence.md", Packet.MIGRATION_PLAN));
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
    return new GuardChange(files, context.changedMigrations(), migrationPaths, packetFiles,
        context.config().dialect());
  }

  // Per-run caches: the same lines and paths are read by every check of every guardrail.
  private final Map<DiffLine, List<List<String>>> tokenWords = new IdentityHashMap<>();
  private final Map<DiffLine, Set<String>> lineStems = new IdentityHashMap<>();
  private final Map<String, Set<String>> pathStems = new HashMap<>();

  /** The words of each identifier token of a line. */
  List<List<String>> tokenWords(DiffLine l) {
    return tokenWords.computeIfAbsent(l,
        k -> Words.tokens(k.text()).stream().map(Words::ofIdentifier).toList());
  }

  /** True when a token of the line names the identifier (see {@link Words#tokenNames}). */
  boolean references(DiffLine l, List<String> words) {
    for (List<String> tw : tokenWords(l)) {
      if (words.size() == 1 ? tw.size() == 1 && tw.get(0).equals(words.get(0))
          : Words.indexOf(tw, words) >= 0) {
        return true;
      }
    }
    return false;
  }

  Set<String> stems(DiffLine l) {
    return lineStems.computeIfAbsent(l, k -> {
      Set<String> out = new HashSet<>();
      for (List<String> tw : tokenWords(k)) for (String w : tw) out.add(Words.stem(w));
      return out;
    });
  }

  private final Map<FileChange, Set<String>> fileWords = new IdentityHashMap<>();
  private final Map<FileChange, Set<String>> fileStems = new IdentityHashMap<>();
  private final Map<FileChange, List<LineEvents>> sqlLines = new IdentityHashMap<>();

  /** Every word of the file's added and removed lines: a quick test before scanning its lines. */
  Set<String> fileWords(FileChange f) {
    return fileWords.computeIfAbsent(f, k -> {
      Set<String> out = new HashSet<>();
      for (DiffLine l : k.changed()) for (List<String> tw : tokenWords(l)) out.addAll(tw);
      return out;
    });
  }

  Set<String> fileStems(FileChange f) {
    return fileStems.computeIfAbsent(f, k -> {
      Set<String> out = new HashSet<>();
      for (DiffLine l : k.changed()) out.addAll(stems(l));
      return out;
    });
  }

  /** An added line of an unparsed SQL file with what it does (see {@link SqlLineEvents}). */
  record LineEvents(DiffLine line, List<SqlEvent> events) {}

  /**
   * The added lines of a SQL file known only by its hunks, with what each does. Each hunk's new
   * side (context and added lines, at their own line numbers) is parsed by the SQL layer, so a
   * line knows its statement: the first line of a CREATE / DROP / … statement carries that
   * statement's events, a line inside an ALTER TABLE is read as one action of it.
   */
  List<LineEvents> sqlLineEvents(FileChange f) {
    return sqlLines.computeIfAbsent(f, k -> {
      List<LineEvents> out = new ArrayList<>();
      for (List<DiffLine> hunk : newSideHunks(k)) {
        StringBuilder text = new StringBuilder();
        int line = 1;
        for (DiffLine l : hunk) {
          while (line < l.newLine()) {
            text.append('\n');
            line++;
          }
          text.append(l.text());
        }
        List<Statement> statements = MigrationParser.parse(k.path(), text.toString(), dialect).statements();
        Set<Integer> added = new HashSet<>();
        for (DiffLine l : hunk) if (l.isAdded()) added.add(l.newLine());
        for (DiffLine l : hunk) {
          if (!l.isAdded()) continue;
          Statement s = statementAt(statements, l.newLine());
          List<SqlEvent> events = List.of();
          if (s != null && s.span().startLine() == l.newLine()) {
            // a statement the change added whole: its events, on its first line
            boolean whole = true;
            for (int n = s.span().startLine(); n <= s.span().endLine(); n++) whole &= added.contains(n);
            events = whole && !s.isUnparsed() ? SqlEvent.of(s.op()) : SqlLineEvents.ofStatement(s);
          }
          if (events.isEmpty()) {
            String table = s != null && s.op() instanceof Operation.AlterTable at ? at.table() : null;
            events = SqlLineEvents.of(l.text(), table, dialect);
          }
          if (!events.isEmpty()) out.add(new LineEvents(l, events));
        }
      }
      return out;
    });
  }

  /** Runs of new-side lines (context and added) with consecutive line numbers: one per hunk. */
  private static List<List<DiffLine>> newSideHunks(FileChange f) {
    List<List<DiffLine>> out = new ArrayList<>();
    List<DiffLine> current = new ArrayList<>();
    int last = -1;
    for (DiffLine l : f.lines()) {
      if (l.isRemoved()) continue;
      if (last >= 0 && l.newLine() != last + 1) {
        out.add(current);
        current = new ArrayList<>();
      }
      current.add(l);
      last = l.newLine();
    }
    if (!current.isEmpty()) out.add(current);
    return out;
  }

  private static Statement statementAt(List<Statement> statements, int line) {
    for (Statement s : statements) if (s.span().containsLine(line)) return s;
    return null;
  }

  Set<String> pathStems(String path) {
    return pathStems.computeIfAbsent(path, Words::pathStems);
  }

  /** The line names a word of the item's qualifier ("unrelated to status reads"). */
  boolean exempt(DiffLine l, ItemObject o) {
    if (o.exclusions().isEmpty()) return false;
    for (String s : stems(l)) if (o.exclusions().contains(s)) return true;
    return false;
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
