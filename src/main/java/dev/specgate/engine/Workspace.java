package dev.specgate.engine;

import dev.specgate.sql.MigrationFile;
import dev.specgate.core.ChangeSet;
import dev.specgate.core.Finding;
import dev.specgate.core.Location;
import dev.specgate.core.Severity;
import dev.specgate.core.GlobSet;
import dev.specgate.core.SourceFile;
import dev.specgate.packet.Packet;
import dev.specgate.sql.Dialect;
import dev.specgate.sql.Migration;
import dev.specgate.sql.MigrationParser;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Span;
import dev.specgate.sql.Statement;
import dev.specgate.sql.MigrationTool;
import dev.specgate.sql.Names;
import dev.specgate.sql.StatementTables;
import dev.specgate.sql.schema.DieselMetadata;
import dev.specgate.sql.schema.MigrationOrder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Finds what a ChangeSet holds: migrations (by the configured globs, parsed and ordered the way
 * their tool runs them) and packets (the folder of each matching spec.md), and decides which
 * packets are in scope.
 */
public final class Workspace {
  private final List<MigrationFile> migrations;
  private final List<MigrationFile> schemaDumps;
  private final List<Packet> packets;
  private final List<Packet> packetsInScope;
  private final List<Finding> problems;

  private Workspace(List<MigrationFile> migrations, List<MigrationFile> schemaDumps, List<Packet> packets,
      List<Packet> inScope, List<Finding> problems) {
    this.migrations = migrations;
    this.schemaDumps = schemaDumps;
    this.packets = packets;
    this.packetsInScope = inScope;
    this.problems = problems;
  }

  public static Workspace discover(ChangeSet changes, Config config) {
    List<Finding> problems = new ArrayList<>();
    List<MigrationFile> migrations = migrations(changes, config, problems);
    List<Packet> packets = packets(changes, config, problems);
    List<MigrationFile> dumps = schemaDumps(changes, config, migrations, problems);
    return new Workspace(migrations, dumps, packets, inScope(changes, packets, migrations), List.copyOf(problems));
  }

  /**
   * The schema dumps ({@code schemaDumps} globs, not migrations) as they were before the change,
   * parsed: for a change, each dump's content at base (none when the change adds it); for a
   * snapshot, as it is, less what it says about tables the snapshot's migrations act on — a dump
   * committed beside its migrations already holds their result (a column they make NOT NULL, a
   * type they change), so those tables come from replaying the migrations alone. They seed the
   * schema history; no rule reads them as migrations, so a dump's own statements are never
   * reported.
   */
  public List<MigrationFile> schemaDumps() {
    return schemaDumps;
  }

  private static List<MigrationFile> schemaDumps(ChangeSet changes, Config config, List<MigrationFile> found,
      List<Finding> problems) {
    if (config.schemaDumps().isEmpty()) return List.of();
    GlobSet dumps = new GlobSet(config.schemaDumps());
    GlobSet migrations = new GlobSet(config.migrations());
    Set<String> migrated = null; // the tables the snapshot's migrations act on, found at the first dump
    List<MigrationFile> out = new ArrayList<>();
    for (SourceFile f : changes.files()) {
      if (!isSqlFile(f.path()) || !dumps.matches(f.path()) || migrations.matches(f.path())) continue;
      String before = changes.isSnapshot() ? f.content() : f.baseContent();
      if (before == null) {
        // a dump the change adds has no "before"; one that is binary or over the size limit was not read
        if (f.binary()) problems.add(notRead(f.path(), "a schema dump",
            "the schema before the change comes from the migrations alone",
            "Dumps are read up to the size limit of their input (check --max-file-bytes, 5 MB in the Action, the"
                + " service's SPECGATE_MAX_FILE_BYTES); a larger one is not used. Remove it from schemaDumps in"
                + " .specgate.yml to silence this."));
        continue;
      }
      SourceFile atBase = SourceFile.unchanged(f.previousPath() != null && !changes.isSnapshot() ? f.previousPath() : f.path(), before);
      Migration m = MigrationParser.parse(atBase.path(), before, dialectOf(atBase.path(), config.dialect()));
      if (migrated == null) {
        migrated = new HashSet<>();
        if (changes.isSnapshot()) {
          for (MigrationFile mf : found) if (!mf.isDown()) migrated.addAll(TouchedTables.of(mf.migration()));
        }
      }
      if (!migrated.isEmpty()) {
        Set<String> acted = migrated;
        List<Statement> kept = m.statements().stream()
            .filter(st -> StatementTables.actedOn(st.op()).stream()
                .noneMatch(t -> acted.contains(Names.unqualified(t))))
            .toList();
        m = new Migration(m.path(), m.dialect(), kept);
      }
      out.add(new MigrationFile(atBase, m, MigrationFile.Direction.UP, "", false));
    }
    out.sort(Comparator.comparing(MigrationFile::path));
    return List.copyOf(out);
  }

  /** An input the analysis needed but could not read: named, never skipped silently. */
  private static Finding notRead(String path, String what, String consequence, String why) {
    return new Finding(EngineDiagnostics.INTERNAL_ERROR, Severity.WARNING, Location.line(path, 1),
        "not analysed: " + path + " (" + what + ") is binary or over the size limit, so " + consequence, why, "");
  }

  /**
   * Inputs that could not be read at all (an internal-error finding each, naming the file). They
   * are reported whether or not the change touched the file: they say what the analysis of the
   * change could not take into account.
   */
  List<Finding> problems() {
    return problems;
  }

  /** Every migration found, up and down, in the order their tool runs them. */
  public List<MigrationFile> migrations() {
    return migrations;
  }

  List<Packet> packets() {
    return packets;
  }

  public List<Packet> packetsInScope() {
    return packetsInScope;
  }

  static boolean isMigrationPath(String path, GlobSet globs) {
    return isSqlFile(path) && globs.matches(path);
  }

  /**
   * A file that can hold migration SQL: {@code .sql}, or {@code .sql.postgres} (synapse's
   * PostgreSQL-only deltas, always read as PostgreSQL). Other per-engine suffixes such as
   * {@code .sql.sqlite} are not PostgreSQL or MySQL and stay out.
   */
  public static boolean isSqlFile(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    return p.endsWith(".sql") || p.endsWith(POSTGRES_ONLY);
  }

  private static final String POSTGRES_ONLY = ".sql.postgres";

  /** The dialect a migration file is read in: its suffix's engine, else the configured one. */
  static Dialect dialectOf(String path, Dialect configured) {
    return path.toLowerCase(Locale.ROOT).endsWith(POSTGRES_ONLY) ? Dialect.POSTGRES : configured;
  }

  private static List<MigrationFile> migrations(ChangeSet changes, Config config, List<Finding> problems) {
    GlobSet globs = new GlobSet(config.migrations());
    List<SourceFile> sqlFiles = changes.files().stream()
        .filter(f -> f.exists() && isMigrationPath(f.path(), globs))
        .toList();
    Map<String, DieselMetadata> diesel = dieselMetadata(sqlFiles, changes, config, problems);
    // Parsing dominates the run time; files are independent, so parse them on every core.
    List<MigrationFile> parsed = sqlFiles.parallelStream()
        .map(f -> toMigrationFile(f, config, diesel.get(f.path())))
        .toList();
    List<MigrationFile> ordered = new ArrayList<>(parsed);
    ordered.sort(Comparator.comparing(MigrationFile::orderKey).thenComparing(MigrationFile::path));
    return List.copyOf(ordered);
  }

  /**
   * Per diesel migration file: the metadata.toml beside it, read once per folder; a file diesel
   * cannot read is reported ({@link EngineDiagnostics#INVALID_MIGRATION_METADATA}) at its line. A
   * bare diff has no tree to look in: no entry, and the tool semantics fall back to their guess.
   */
  private static Map<String, DieselMetadata> dieselMetadata(List<SourceFile> sqlFiles, ChangeSet changes,
      Config config, List<Finding> problems) {
    Map<String, DieselMetadata> byFile = new HashMap<>();
    Map<String, DieselMetadata> byToml = new HashMap<>();
    Set<String> unread = new TreeSet<>();
    Set<String> relevant = new HashSet<>();
    for (SourceFile f : sqlFiles) {
      // only an up.sql or down.sql can be diesel's: the name first, so other files' text is not scanned twice
      String name = f.fileName().toLowerCase(Locale.ROOT);
      if (!name.equals("up.sql") && !name.equals("down.sql")) continue;
      if (MigrationOrder.resolve(f.path(), f.content(), config.migrationTool()) != MigrationTool.DIESEL) continue;
      String toml = DieselMetadata.pathBeside(f.path());
      Optional<SourceFile> beside = changes.file(toml).filter(SourceFile::exists);
      if (beside.isEmpty() && changes.kind() == ChangeSet.Kind.DIFF) continue;
      // its problems are the change's when it or a migration beside it changed (not on every later PR)
      if (f.isChanged() || beside.map(SourceFile::isChanged).orElse(false)) relevant.add(toml);
      if (beside.isPresent() && beside.get().content() == null) {
        // binary, or over the size limit of the input: not known, so the tool semantics guess
        unread.add(toml);
        continue;
      }
      DieselMetadata m = byToml.computeIfAbsent(toml,
          p -> beside.map(b -> DieselMetadata.read(b.content())).orElse(DieselMetadata.ABSENT));
      byFile.put(f.path(), m);
    }
    for (String toml : unread) {
      if (!relevant.contains(toml)) continue;
      problems.add(notRead(toml, "diesel's metadata",
          "whether diesel runs the migration beside it in a transaction is not known; it is taken to run in one"
              + " unless it holds a statement PostgreSQL refuses in a transaction",
          "A metadata.toml is a few lines; specgate reads files up to its size limit only."));
    }
    byToml.forEach((toml, m) -> {
      if (m.readable() || !relevant.contains(toml)) return;
      problems.add(new Finding(EngineDiagnostics.INVALID_MIGRATION_METADATA, Severity.ERROR,
          Location.line(toml, m.problemLine()),
          toml + " line " + m.problemLine() + ": " + m.problem() + "; diesel cannot read this file and"
              + " runs the migration beside it in a transaction",
          "diesel reads metadata.toml with a TOML parser and, when that fails, silently falls back to"
              + " its default, a transaction: what the file asks for does not happen.",
          "Write a TOML boolean, lower case and unquoted:\nrun_in_transaction = false"));
    });
    return byFile;
  }

  private static MigrationFile toMigrationFile(SourceFile f, Config config, DieselMetadata diesel) {
    Migration m = f.content() == null ? unreadable(f, config) : MigrationParser.parse(f.path(), f.content(), dialectOf(f.path(), config.dialect()));
    return new MigrationFile(
        f,
        m,
        MigrationOrder.direction(f.path()),
        MigrationOrder.orderKey(f.path(), config.migrationTool()),
        f.content() != null
            && MigrationOrder.runsInTransaction(f.path(), f.content(), m.statements(), config.migrationTool(),
                config.golangMigrateMultiStatement(), diesel));
  }

  /**
   * A migration that is binary or too large to read still appears, as one statement the parser
   * could not read, so {@code unparsed-statement} reports it: nothing is skipped silently.
   */
  private static Migration unreadable(SourceFile f, Config config) {
    Statement s = new Statement(0, "", new Span(1, 1, 1, 1, 0, 0),
        new Operation.Unparsed("the file is binary or too large to read as SQL text, so it was not analysed"), false);
    return new Migration(f.path(), config.dialect(), List.of(s));
  }

  private static List<Packet> packets(ChangeSet changes, Config config, List<Finding> problems) {
    GlobSet globs = new GlobSet(config.packets());
    Map<String, Map<String, SourceFile>> byFolder = new LinkedHashMap<>();
    for (SourceFile f : changes.files()) {
      if (f.exists() && globs.matches(f.path())) byFolder.put(folderOf(f.path()), new LinkedHashMap<>());
    }
    for (SourceFile f : changes.files()) {
      if (!f.exists() || f.content() == null) continue;
      String folder = folderOf(f.path());
      Map<String, SourceFile> files = byFolder.get(folder);
      if (files != null && f.fileName().toLowerCase(Locale.ROOT).endsWith(".md")) {
        files.put(f.fileName().toLowerCase(Locale.ROOT), f);
      }
    }
    List<Packet> out = new ArrayList<>();
    byFolder.forEach((folder, files) -> {
      try {
        Packet p = new Packet(folder, files);
        // a document a packet glob matches but that holds no plan (a README) is not a packet
        if (p.holdsPlan() || !p.docs().isEmpty() && p.plan().isEmpty()) out.add(p);
      } catch (Throwable e) {
        // A packet the reader fails on (a StackOverflowError on absurd nesting) is reported and
        // left out; the migrations and the other packets are still analysed. A packet the change
        // does not touch is not the change's problem.
        if (!changes.isSnapshot() && files.values().stream().noneMatch(SourceFile::isChanged)) return;
        String where = files.values().stream().map(SourceFile::path).sorted().findFirst()
            .orElse(folder.isEmpty() ? "spec.md" : folder + "/spec.md");
        problems.add(new Finding(EngineDiagnostics.INTERNAL_ERROR, Severity.WARNING, Location.line(where, 1),
            "the packet in " + (folder.isEmpty() ? "the root folder" : folder) + " could not be read ("
                + e.getClass().getSimpleName() + "); its packet rules did not run",
            "specgate never hides a failure; please report this input to the specgate maintainers.", ""));
      }
    });
    return List.copyOf(out);
  }

  /** PATHS: every packet. A change: packets it edits, and packets naming a changed migration or its tables. */
  private static List<Packet> inScope(ChangeSet changes, List<Packet> packets, List<MigrationFile> migrations) {
    if (changes.isSnapshot()) return packets;
    List<MigrationFile> changed = migrations.stream().filter(MigrationFile::inChange).toList();
    List<Packet> out = new ArrayList<>();
    for (Packet p : packets) {
      boolean edited = changes.files().stream()
          .anyMatch(f -> f.isChanged() && folderOf(f.path()).equals(p.folder())
              && f.fileName().toLowerCase(Locale.ROOT).endsWith(".md"));
      if (edited || names(p, changed)) out.add(p);
    }
    return List.copyOf(out);
  }

  /**
   * A packet covers a changed migration when the migration sits in the packet's folder, or the
   * packet names the migration's file or one of the tables it touches.
   */
  private static boolean names(Packet p, List<MigrationFile> changed) {
    String prefix = p.folder().isEmpty() ? "" : p.folder() + "/";
    for (MigrationFile m : changed) {
      if (m.path().startsWith(prefix) && !prefix.isEmpty()) return true;
      if (p.namesFile(m.path())) return true;
      for (String t : TouchedTables.of(m.migration())) if (p.namesTable(t)) return true;
    }
    return false;
  }

  static String folderOf(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
