package dev.specgate.rules.guardrail;

import dev.specgate.core.FileStatus;
import dev.specgate.core.Glob;
import dev.specgate.core.Location;
import dev.specgate.core.SourceFile;
import dev.specgate.diff.DiffLine;
import dev.specgate.diff.FileChange;
import dev.specgate.sql.MigrationFile;
import dev.specgate.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Looks for what one {@link ForbiddenCheck} forbids in the change. Deterministic by design:
 * <ul>
 *   <li>identifiers: migration statements (DROP/RENAME/ALTER/ADD of a column, table, index or type
 *       of that name) and code lines naming it in any naming style — remove: the file's removed
 *       lines name it and none of its added lines does; rename: a removed line naming it comes back
 *       as an added line identical but for that name; change/rewrite: a removed line names it;
 *       add: added lines name it and no removed line did;
 *   <li>path globs and domain nouns: the files they name (a noun phrase names a path holding its
 *       first noun and one of the others) — change: any changed line; rewrite/redesign: the file
 *       deleted, renamed, or at least {@value #REWRITE_MIN_REMOVED} existing lines removed;
 *       remove: the file deleted; rename: renamed; add: added. A "schema" phrase also matches
 *       statements on tables its nouns name, a "model" phrase only model files (a models/,
 *       entity/ or domain/ path, or a file named after the noun);
 *   <li>two or more domain nouns also read as one identifier (billing status → BillingStatus):
 *       declarations of it (class, enum, type, CREATE TYPE …) added, removed or renamed, and
 *       statements on a column or type of that name.
 * </ul>
 * Documentation files and the packet's own files are never searched for identifiers or nouns;
 * lines naming a word of the item's qualifier ("unrelated to status reads") are exempt.
 */
final class ForbiddenMatcher {
  static final int REWRITE_MIN_REMOVED = 3;
  private static final Pattern DECLARATION = Pattern.compile(
      "\\b(?:class|interface|enum|record|struct|trait|object|def|function|func|fn|type|module|"
          + "component|const|let|var|val|table|view)\\s+(?:if\\s+not\\s+exists\\s+)?"
          + "[\"`]?([A-Za-z_$][\\w$.]*)",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LINE_TOKENS = Pattern.compile("[A-Za-z0-9_$]+|[^A-Za-z0-9_$]+");

  /** One place the change does what the item forbids. */
  record Hit(Location location, String message) {}

  private final ForbiddenCheck check;
  private final GuardChange change;
  private final List<Hit> hits = new ArrayList<>();
  private final Set<String> seen = new HashSet<>();

  private ForbiddenMatcher(ForbiddenCheck check, GuardChange change) {
    this.check = check;
    this.change = change;
  }

  static List<Hit> run(ForbiddenCheck check, GuardChange change) {
    ForbiddenMatcher m = new ForbiddenMatcher(check, change);
    m.sql();
    m.unparsedSql();
    ItemObject o = check.object();
    for (ItemObject.Identifier id : o.identifiers()) m.identifierLines(id);
    for (Glob g : o.globs()) m.files(f -> matches(g, f.file()), "matches `" + g.pattern() + "`", false);
    if (!o.nouns().isEmpty() || o.kind() == ItemObject.Kind.MODEL) {
      m.files(f -> m.namesNouns(f.file()), "is named after " + o.describe(), true);
    }
    if (o.hasCompound() && o.kind() == ItemObject.Kind.ANY) m.compoundDeclarations();
    return m.hits;
  }

  private Verb verb() {
    return check.verb();
  }

  private void hit(String file, int line, String message) {
    if (seen.add(file + ":" + line)) hits.add(new Hit(Location.line(file, line), message));
  }

  private void hit(FileChange f, DiffLine l, String message) {
    hit(f.path(), f.headLine(l), message + (l.isRemoved() ? " (" + GuardChange.where(l) + ")" : ""));
  }

  // ---- migrations ----------------------------------------------------------------------------

  private void sql() {
    ItemObject o = check.object();
    for (MigrationFile m : change.migrations) {
      if (change.isPacketFile(m.path())) continue;
      SourceFile src = m.source();
      for (Statement s : m.migration().statements()) {
        if (src.status() != FileStatus.ADDED && !src.touches(s.span().startLine(), s.span().endLine())) {
          continue;
        }
        for (SqlEvent e : SqlEvent.of(s.op())) {
          if (sqlMatches(e, o)) {
            hit(m.path(), s.line(), "this statement " + e.what());
            break;
          }
        }
      }
    }
  }

  /** Added lines of SQL files the engine did not parse (a modified migration in a diff). */
  private void unparsedSql() {
    ItemObject o = check.object();
    for (FileChange f : change.files) {
      String lower = f.path().toLowerCase(java.util.Locale.ROOT);
      if (!lower.endsWith(".sql") || change.isParsedMigration(f.path()) || change.isPacketFile(f.path())) {
        continue;
      }
      for (GuardChange.LineEvents le : change.sqlLineEvents(f)) {
        for (SqlEvent e : le.events()) {
          if (sqlMatches(e, o)) {
            hit(f.path(), le.line().newLine(), "this line " + e.what());
            break;
          }
        }
      }
    }
  }

  private boolean sqlMatches(SqlEvent e, ItemObject o) {
    boolean verbFits = switch (verb()) {
      case REMOVE -> e.verb() == Verb.REMOVE || e.verb() == Verb.RENAME;
      case RENAME -> e.verb() == Verb.RENAME;
      case ADD -> e.verb() == Verb.ADD;
      case CHANGE, REWRITE -> true;
    };
    if (!verbFits) return false;
    for (ItemObject.Identifier id : o.identifiers()) {
      if (id.qualified()) {
        if (sqlNames(e.name(), id) && qualifierFits(e, id)) return true;
        continue;
      }
      if (sqlNames(e.name(), id)) return true;
      if ((verb() == Verb.CHANGE || verb() == Verb.REWRITE) && sqlNames(e.table(), id)) return true;
    }
    if (o.kind() == ItemObject.Kind.SCHEMA) {
      return o.nouns().isEmpty() || o.sqlNameNamesNouns(e.table()) || o.sqlNameNamesNouns(e.name());
    }
    if (o.hasCompound() && o.kind() == ItemObject.Kind.ANY) {
      return e.name() != null && o.tokenNamesCompound(e.name());
    }
    return false;
  }

  private static boolean sqlNames(String name, ItemObject.Identifier id) {
    return name != null && Words.ofIdentifier(name).equals(id.words());
  }

  /**
   * {@code accounts.email} names a column of accounts only; for an event about a table itself
   * ({@code public.accounts} dropped) the qualifier is its schema, which events do not keep.
   */
  private static boolean qualifierFits(SqlEvent e, ItemObject.Identifier id) {
    if (e.table() == null || e.table().equals(e.name())) return true;
    return Words.ofIdentifier(e.table()).equals(id.qualifier());
  }

  // ---- identifiers in code --------------------------------------------------------------------

  private boolean searchable(FileChange f) {
    return !change.isPacketFile(f.path()) && !GuardChange.isDoc(f.path());
  }

  private void identifierLines(ItemObject.Identifier id) {
    for (FileChange f : change.files) {
      if (!searchable(f)) continue;
      boolean named = change.fileWords(f).containsAll(id.words());
      List<DiffLine> removed = !named ? List.of()
          : f.removed().stream().filter(l -> change.references(l, id.words())).toList();
      List<DiffLine> added = !named ? List.of()
          : f.added().stream().filter(l -> change.references(l, id.words())).toList();
      boolean migration = change.isParsedMigration(f.path());
      String name = "`" + id.written() + "`";
      switch (verb()) {
        case REMOVE -> {
          if (!removed.isEmpty() && added.isEmpty()) {
            hit(f, removed.get(0), "removes " + count(removed.size(), "line") + " naming " + name
                + " and no added line in this file names it any more");
          }
          if (f.file().status() == FileStatus.DELETED && pathNames(f.path(), id)) {
            hit(f.path(), 1, "deletes a file named after " + name);
          }
        }
        case RENAME -> {
          for (DiffLine r : removed) {
            String to = renamedTo(r, f.added(), id);
            if (to != null) {
              hit(f, r, "renames " + name + " to `" + to + "`");
              break;
            }
          }
          SourceFile s = f.file();
          if (s.previousPath() != null && pathNames(s.previousPath(), id) && !pathNames(s.path(), id)) {
            hit(f.path(), 1, "renames the file `" + s.previousPath() + "` named after " + name);
          }
        }
        case CHANGE, REWRITE -> {
          List<DiffLine> counted = removed.stream().filter(l -> !change.exempt(l, check.object())).toList();
          if (!counted.isEmpty()) {
            hit(f, counted.get(0), "changes " + count(counted.size(), "existing line") + " naming " + name);
          }
        }
        case ADD -> {
          if (!migration && !added.isEmpty() && removed.isEmpty()) {
            hit(f, added.get(0), "introduces " + name + " (" + count(added.size(), "added line")
                + " name it, no removed line did)");
          }
          if (f.file().status() == FileStatus.ADDED && pathNames(f.path(), id)) {
            hit(f.path(), 1, "adds a file named after " + name);
          }
        }
        default -> { }
      }
    }
  }

  private static boolean pathNames(String path, ItemObject.Identifier id) {
    return Words.indexOf(Words.ofIdentifier(path), id.words()) >= 0;
  }

  /**
   * The token an added line has where {@code removed} names the identifier, when the two lines are
   * otherwise identical token for token; else {@code null}.
   */
  static String renamedTo(DiffLine removed, List<DiffLine> added, ItemObject.Identifier id) {
    List<String> a = lineTokens(removed.text());
    for (DiffLine add : added) {
      List<String> b = lineTokens(add.text());
      if (a.size() != b.size()) continue;
      String to = null;
      boolean ok = true;
      for (int i = 0; i < a.size() && ok; i++) {
        if (a.get(i).equals(b.get(i))) continue;
        if (id.namedBy(a.get(i)) && !id.namedBy(b.get(i))) {
          to = b.get(i);
        } else {
          ok = false;
        }
      }
      if (ok && to != null) return to;
    }
    return null;
  }

  private static List<String> lineTokens(String line) {
    List<String> out = new ArrayList<>();
    Matcher m = LINE_TOKENS.matcher(line.strip());
    while (m.find()) out.add(m.group());
    return out;
  }

  // ---- files named by globs or nouns ----------------------------------------------------------

  private static boolean matches(Glob g, SourceFile f) {
    return g.matches(f.path()) || (f.previousPath() != null && g.matches(f.previousPath()));
  }

  private boolean namesNouns(SourceFile f) {
    if (GuardChange.isDoc(f.path())) return false;
    ItemObject o = check.object();
    for (String p : f.previousPath() == null ? List.of(f.path()) : List.of(f.path(), f.previousPath())) {
      if (o.kind() == ItemObject.Kind.SCHEMA && o.nouns().isEmpty()) return false;
      Set<String> stems = change.pathStems(p);
      if (!o.stemsNameNouns(stems)) continue;
      if (o.kind() != ItemObject.Kind.MODEL) return true;
      if (stems.contains("model") || stems.contains("entity") || stems.contains("domain")) return true;
      String name = p.substring(p.lastIndexOf('/') + 1);
      int dot = name.indexOf('.');
      String base = dot > 0 ? name.substring(0, dot) : name;
      List<String> baseStems = Words.ofIdentifier(base).stream().map(Words::stem).toList();
      if (baseStems.equals(o.nouns())) return true;
    }
    return false;
  }

  private void files(Predicate<FileChange> selects, String why, boolean exemptLines) {
    for (FileChange f : change.files) {
      if (change.isPacketFile(f.path()) || !selects.test(f)) continue;
      SourceFile s = f.file();
      String file = "`" + f.path() + "` " + why;
      List<DiffLine> changed = f.changed().stream()
          .filter(l -> !exemptLines || !change.exempt(l, check.object())).toList();
      switch (verb()) {
        case CHANGE -> {
          if (!changed.isEmpty()) {
            hit(f, changed.get(0), file + " and this change edits it ("
                + count(changed.size(), "changed line") + ")");
          } else if (f.lines().isEmpty()) {
            hit(f.path(), 1, file + " and this change " + statusVerb(s.status()) + " it");
          }
        }
        case REWRITE -> {
          List<DiffLine> removed = changed.stream().filter(DiffLine::isRemoved).toList();
          if (s.status() == FileStatus.DELETED || s.status() == FileStatus.RENAMED) {
            hit(f.path(), firstLine(f), file + " and this change " + statusVerb(s.status()) + " it");
          } else if (removed.size() >= REWRITE_MIN_REMOVED) {
            hit(f, removed.get(0), file + " and this change rewrites "
                + count(removed.size(), "existing line") + " of it (threshold "
                + REWRITE_MIN_REMOVED + ")");
          }
        }
        case REMOVE -> {
          if (s.status() == FileStatus.DELETED) hit(f.path(), 1, file + " and this change deletes it");
        }
        case RENAME -> {
          if (s.status() == FileStatus.RENAMED) {
            hit(f.path(), firstLine(f), file + " and this change renames it from `" + s.previousPath() + "`");
          }
        }
        case ADD -> {
          if (s.status() == FileStatus.ADDED) hit(f.path(), firstLine(f), file + " and this change adds it");
        }
        default -> { }
      }
    }
  }

  private static int firstLine(FileChange f) {
    List<DiffLine> c = f.changed();
    return c.isEmpty() ? 1 : c.get(0).line();
  }

  private static String statusVerb(FileStatus s) {
    return switch (s) {
      case ADDED -> "adds";
      case DELETED -> "deletes";
      case RENAMED -> "renames";
      default -> "changes";
    };
  }

  // ---- a noun phrase as one identifier ---------------------------------------------------------

  private void compoundDeclarations() {
    ItemObject o = check.object();
    for (FileChange f : change.files) {
      if (!searchable(f) || change.isParsedMigration(f.path())) continue;
      if (!change.fileStems(f).containsAll(o.nouns())) continue;
      List<DiffLine> removed = f.removed().stream().filter(l -> mayDeclare(l, o) && declares(l.text(), o)).toList();
      List<DiffLine> added = f.added().stream().filter(l -> mayDeclare(l, o) && declares(l.text(), o)).toList();
      switch (verb()) {
        case ADD -> {
          if (!added.isEmpty() && removed.isEmpty()) {
            hit(f, added.get(0), "declares `" + declared(added.get(0).text(), o) + "`, named after "
                + o.describe());
          }
        }
        case REMOVE -> {
          if (!removed.isEmpty() && added.isEmpty()) {
            hit(f, removed.get(0), "removes the declaration of `" + declared(removed.get(0).text(), o) + "`");
          }
        }
        case RENAME, CHANGE, REWRITE -> {
          if (!removed.isEmpty() && !change.exempt(removed.get(0), o)) {
            hit(f, removed.get(0), "changes the declaration of `" + declared(removed.get(0).text(), o) + "`");
          }
        }
        default -> { }
      }
    }
  }

  /** Cheap pre-check before the declaration pattern: the line holds every noun. */
  private boolean mayDeclare(DiffLine l, ItemObject o) {
    return change.stems(l).containsAll(o.nouns());
  }

  private static boolean declares(String line, ItemObject o) {
    return declared(line, o) != null;
  }

  private static String declared(String line, ItemObject o) {
    Matcher m = DECLARATION.matcher(line);
    while (m.find()) {
      String name = m.group(1);
      String last = name.substring(name.lastIndexOf('.') + 1);
      if (o.tokenNamesCompound(last)) return last;
    }
    return null;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
