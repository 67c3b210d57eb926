package dev.specgate.rules.sql;

import dev.specgate.core.Identifiers;
import dev.specgate.core.Severity;
import dev.specgate.core.SourceFile;
import dev.specgate.core.Texts;
import dev.specgate.sql.MigrationFile;
import dev.specgate.packet.Packet;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.rules.sql.SqlRuleSupport.At;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.LockLevel;
import dev.specgate.sql.Names;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * DROP COLUMN / DROP TABLE / TRUNCATE on an existing table in a forward migration. In a rollback
 * script, dropping what the matching up migration created is its purpose and is not reported; a
 * rollback dropping anything else is (when the matching up migration is found). Also exempt: a
 * drop a packet declares as its cleanup phase, with a non-zero compatibility window, when nothing
 * else in the change expands or backfills that table and no file at head outside the migrations
 * and packets still references the name (unprovable without the whole head tree). Otherwise the
 * finding names what stands in the way. PostgreSQL and MySQL.
 */
@RuleInfo(
    id = "destructive-drop",
    family = Family.SQL,
    severity = Severity.ERROR,
    aliases = {"squawk:ban-drop-column", "squawk:ban-drop-table", "strong_migrations:remove_column"},
    summary = "DROP COLUMN / DROP TABLE / TRUNCATE on an existing table loses data and breaks old code")
public final class DestructiveDrop implements Rule {
  @Override
  public void check(RuleContext context, Findings findings) {
    SqlRuleSupport.PerStatement out = new SqlRuleSupport.PerStatement(findings);
    Expansions expansions = new Expansions(context);
    UpCreations upCreations = new UpCreations(context);
    for (At at : SqlRuleSupport.statements(context, true)) {
      if (at.op() instanceof Operation.AlterTable alter) {
        if (!SqlRuleSupport.existing(context, at, alter.table())) continue;
        for (AlterAction a : alter.actions()) {
          if (a instanceof AlterAction.DropColumn dc) {
            drop(context, expansions, upCreations, at, alter.table(), dc.column(), "DROP COLUMN", out);
          }
        }
      } else if (at.op() instanceof Operation.DropTable dt) {
        for (String t : dt.tables()) {
          if (SqlRuleSupport.existing(context, at, t)) {
            drop(context, expansions, upCreations, at, t, null, "DROP TABLE", out);
          }
        }
      } else if (at.op() instanceof Operation.Truncate tr) {
        for (String t : tr.tables()) {
          if (SqlRuleSupport.existing(context, at, t)) {
            drop(context, expansions, upCreations, at, t, null, "TRUNCATE", out);
          }
        }
      }
    }
    out.flush();
  }

  private static void drop(RuleContext context, Expansions expansions, UpCreations upCreations,
      At at, String table, String column, String what, SqlRuleSupport.PerStatement out) {
    if (!what.equals("TRUNCATE") && swappedIn(context, at, table, column)) return;
    if (!at.rollback()) {
      report(context, expansions, at, table, column, what, out);
      return;
    }
    // A rollback script undoing its up migration is doing its job; one that destroys what
    // existed before the up migration ran is not. Without the matching up migration, say nothing.
    Set<String> created = upCreations.of(at);
    if (created == null) return;
    String k = key(table);
    String kc = column == null ? null : k + "." + Names.normalize(column);
    // Rolling back the change also removes what any of its forward migrations added.
    Set<String> byChange = upCreations.changeCreations();
    if (created.contains(k) || byChange.contains(k) || (kc != null && (created.contains(kc) || byChange.contains(kc)))) {
      return;
    }
    String name = SqlRuleSupport.name(table);
    String object = column == null ? "table " + name : "column " + name + "." + column;
    out.report(
        SqlRuleSupport.location(at),
        what + " of existing " + object + " in a rollback script, though its up migration did not"
            + " create it: running the rollback destroys data that predates this change",
        SqlRuleSupport.lock(LockLevel.ACCESS_EXCLUSIVE, name) + " (brief, no rewrite). A rollback"
            + " runs when something already went wrong; if it also drops data the up migration never"
            + " added, there is no way back from the way back.",
        "Make the rollback undo only what the up migration did (drop only what it created, restore"
            + " what it changed). If this drop is intended, suppress it with a reason:\n"
            + "-- specgate:ignore destructive-drop: <why losing this data on rollback is acceptable>");
  }

  private static void report(RuleContext context, Expansions expansions, At at, String tableName,
      String column, String what, SqlRuleSupport.PerStatement out) {
    String table = SqlRuleSupport.name(tableName);
    String object = column == null ? "table " + table : "column " + table + "." + column;
    List<String> blockers = new ArrayList<>();
    List<String> expanding = expansions.of(tableName);
    if (!expanding.isEmpty()) {
      blockers.add("the same change also expands or backfills " + table + " ("
          + Texts.firstFew(expanding, Texts.NAMED) + "), so this is not a cleanup shipped on its own");
    }
    if (!what.equals("TRUNCATE")) {
      String name = column == null ? Names.unqualified(table) : column;
      if (!context.changeSet().headTreeComplete()) {
        blockers.add("the head tree is not available, so it cannot be shown that no code still"
            + " references " + name);
      } else {
        List<String> refs = references(context, name);
        if (!refs.isEmpty()) {
          blockers.add("files outside the migrations and packets still reference " + name + ": "
              + Texts.firstFew(refs, 5));
        }
      }
    }
    Packet declaring = null;
    for (Packet p : context.packets()) {
      if (p.declaresCleanupOf(tableName, column)) {
        declaring = p;
        break;
      }
    }
    if (declaring == null) {
      blockers.add(0, "no packet's cleanup phase declares this drop");
    } else {
      Optional<Duration> window = declaring.compatibilityWindow();
      if (window.isEmpty() || window.get().isZero() || window.get().isNegative()) {
        blockers.add(0, "the packet " + packetName(declaring) + " declares the cleanup but names no"
            + " non-zero compatibility window");
      }
    }
    if (blockers.isEmpty()) return; // a declared cleanup phase shipped on its own: the exception
    String message = what + " of existing " + object + ": "
        + (what.equals("TRUNCATE") ? "deletes every row" : "the data is gone and code still using it breaks")
        + "; " + blockers.get(0);
    String why = SqlRuleSupport.lock(LockLevel.ACCESS_EXCLUSIVE, table) + " (brief; "
        + (what.equals("DROP COLUMN") ? "PostgreSQL only marks the column dropped, no rewrite"
            : "no scan") + "). The loss cannot be undone by a down migration: a rollback can"
        + (what.equals("TRUNCATE")
            ? " not bring the rows back."
            : " recreate the " + (column == null ? "table" : "column") + ", not its data. During a"
                + " rolling deploy, code still running the previous version fails on the missing"
                + " name.")
        + (blockers.size() < 2 ? "" : " Also: " + String.join("; ", blockers.subList(1, blockers.size())) + ".");
    String fix = "Contract only after expanding: stop reading and writing "
        + (column == null ? table : column) + " in a release of its own, wait out the"
        + " compatibility window, take a snapshot, then drop it in a separate cleanup migration that"
        + " the packet's spec declares as its cleanup phase (with the window as a duration). If"
        + " this drop is intended and safe, suppress it with a reason:\n"
        + "-- specgate:ignore destructive-drop: <why no deployed code or data depends on it>";
    out.report(SqlRuleSupport.location(at), message, why, fix);
  }

  private static String packetName(Packet p) {
    return p.folder().isEmpty() ? "at the root" : p.folder();
  }

  /**
   * True when a later statement of the same part of the file renames another column (table) to
   * the dropped name: a swap (add a copy, fill it, drop the old one, rename the copy) that keeps
   * the name and the data.
   */
  static boolean swappedIn(RuleContext context, At at, String table, String column) {
    String t = key(table);
    String c = column == null ? null : Names.normalize(column);
    for (Statement s : at.file().migration().statements()) {
      if (s.index() <= at.statement().index()) continue;
      if (context.schema().isRollback(at.file(), s) != at.rollback()) continue;
      if (!(s.op() instanceof Operation.AlterTable a)) continue;
      for (AlterAction x : a.actions()) {
        if (c != null && x instanceof AlterAction.RenameColumn rc && key(a.table()).equals(t)
            && Names.normalize(rc.to()).equals(c)) {
          return true;
        }
        if (c == null && x instanceof AlterAction.RenameTable rt && key(rt.newName()).equals(t)) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * What the up migration matching a rollback statement creates (tables, and columns as
   * {@code table.column}), together with what the change's other forward migrations create: the up
   * part of a goose/dbmate file, or the up file paired with a down
   * file ({@code x.down.sql} ↔ {@code x.up.sql}, {@code dir/down.sql} ↔ {@code dir/up.sql}, sqitch
   * {@code revert/} ↔ {@code deploy/}, Flyway {@code U<v>__} ↔ {@code V<v>__}); {@code null} when no
   * matching up migration is found.
   */
  static final class UpCreations {
    private static final java.util.regex.Pattern FLYWAY_UNDO =
        java.util.regex.Pattern.compile("^[Uu](\\d+(?:[._]\\d+)*)__.*$");
    private final RuleContext context;
    private final Map<String, Set<String>> cache = new HashMap<>();
    private Set<String> changeCreations;
    private Map<String, MigrationFile> upsByPath;

    UpCreations(RuleContext context) {
      this.context = context;
    }

    Set<String> of(At at) {
      MigrationFile f = at.file();
      if (cache.containsKey(f.path())) return cache.get(f.path());
      Set<String> created = null;
      if (!f.isDown()) {
        created = creations(f, true);
      } else {
        MigrationFile up = matchingUp(f.path());
        if (up != null) created = creations(up, false);
      }
      cache.put(f.path(), created);
      return created;
    }

    /** What every forward migration of the change creates, collected once. */
    Set<String> changeCreations() {
      if (changeCreations == null) {
        changeCreations = new HashSet<>();
        for (MigrationFile m : context.changedMigrations()) changeCreations.addAll(creations(m, true));
      }
      return changeCreations;
    }

    private Set<String> creations(MigrationFile f, boolean upPartOnly) {
      Set<String> out = new HashSet<>();
      for (Statement s : f.migration().statements()) {
        if (upPartOnly && context.schema().isRollback(f, s)) continue;
        if (s.op() instanceof Operation.CreateTable ct) {
          out.add(key(ct.table()));
        } else if (s.op() instanceof Operation.AlterTable a) {
          for (AlterAction x : a.actions()) {
            if (x instanceof AlterAction.AddColumn ac) {
              out.add(key(a.table()) + "." + Names.normalize(ac.column().name()));
            } else if (x instanceof AlterAction.RenameTable rt) {
              out.add(key(rt.newName()));
            } else if (x instanceof AlterAction.RenameColumn rc) {
              out.add(key(a.table()) + "." + Names.normalize(rc.to()));
            }
          }
        }
      }
      return out;
    }

    private MigrationFile matchingUp(String downPath) {
      List<String> candidates = new ArrayList<>();
      int slash = downPath.lastIndexOf('/');
      String dir = slash < 0 ? "" : downPath.substring(0, slash + 1);
      String name = downPath.substring(slash + 1);
      String lower = name.toLowerCase(java.util.Locale.ROOT);
      if (lower.endsWith(".down.sql")) {
        candidates.add(dir + name.substring(0, name.length() - ".down.sql".length()) + ".up.sql");
      }
      if (lower.endsWith("_down.sql")) {
        candidates.add(dir + name.substring(0, name.length() - "_down.sql".length()) + "_up.sql");
      }
      if (lower.equals("down.sql")) candidates.add(dir + "up.sql");
      if (downPath.contains("revert/")) {
        int i = downPath.lastIndexOf("revert/");
        candidates.add(downPath.substring(0, i) + "deploy/" + downPath.substring(i + "revert/".length()));
      }
      Map<String, MigrationFile> ups = upsByPath();
      for (String c : candidates) {
        MigrationFile m = ups.get(c);
        if (m != null) return m;
      }
      java.util.regex.Matcher undo = FLYWAY_UNDO.matcher(name);
      if (undo.matches()) {
        for (MigrationFile m : ups.values()) {
          String n = m.source().fileName();
          if ((n.startsWith("V") || n.startsWith("v")) && n.startsWith(undo.group(1) + "__", 1)) return m;
        }
      }
      return null;
    }

    /** Forward migrations by path, built once: a lookup per rollback file instead of a scan. */
    private Map<String, MigrationFile> upsByPath() {
      if (upsByPath == null) {
        upsByPath = new HashMap<>();
        for (MigrationFile m : context.migrations()) if (!m.isDown()) upsByPath.put(m.path(), m);
      }
      return upsByPath;
    }
  }

  /**
   * Other changes to each table in this change (added columns, updates, inserts, indexes),
   * collected once per run on first use.
   */
  static final class Expansions {
    private final RuleContext context;
    private Map<String, List<String>> byTable;

    Expansions(RuleContext context) {
      this.context = context;
    }

    List<String> of(String tableName) {
      if (byTable == null) {
        byTable = new HashMap<>();
        for (MigrationFile f : context.changedMigrations()) {
          for (Statement s : f.migration().statements()) {
            if (context.schema().isRollback(f, s)) continue;
            String[] what = expansion(s.op());
            if (what != null) {
              byTable.computeIfAbsent(what[0], k -> new ArrayList<>())
                  .add(what[1] + " at " + f.path() + ":" + s.line());
            }
          }
        }
      }
      return byTable.getOrDefault(key(tableName), List.of());
    }
  }

  /** {table key, what} when the operation expands or backfills a table, else null. */
  private static String[] expansion(Operation op) {
    if (op instanceof Operation.AlterTable a && a.table() != null) {
      for (AlterAction x : a.actions()) {
        if (x instanceof AlterAction.AddColumn) return new String[] {key(a.table()), "ADD COLUMN"};
      }
    } else if (op instanceof Operation.Update u && u.table() != null) {
      return new String[] {key(u.table()), "UPDATE"};
    } else if (op instanceof Operation.Insert i && i.table() != null) {
      return new String[] {key(i.table()), "INSERT"};
    } else if (op instanceof Operation.CreateIndex ci && ci.table() != null) {
      return new String[] {key(ci.table()), "CREATE INDEX"};
    }
    return null;
  }

  private static String key(String name) {
    return Names.unqualified(Names.normalize(name));
  }

  /** Files at head, outside migrations and packets, whose text names {@code name} as a word. */
  static List<String> references(RuleContext context, String name) {
    return wordIndex(context).getOrDefault(name, List.of());
  }

  /**
   * Every identifier-like word of the head files a reference search reads (outside migrations,
   * packets and the config), mapped to the files holding it; built once per analysis, so each
   * dropped name is one lookup.
   */
  private static Map<String, List<String>> wordIndex(RuleContext context) {
    return context.shared("sql.destructive-drop.words", () -> {
      Set<String> skip = new HashSet<>();
      for (MigrationFile m : context.migrations()) skip.add(m.path());
      Set<String> packetFolders = new HashSet<>();
      for (Packet p : context.packets()) packetFolders.add(p.folder());
      Map<String, List<String>> index = new HashMap<>();
      for (SourceFile f : context.changeSet().files()) {
        if (!f.exists() || f.binary() || f.content() == null || skip.contains(f.path())) continue;
        if (inPacket(f.path(), packetFolders) || f.path().endsWith(".specgate.yml")) continue;
        for (String word : words(f.content())) index.computeIfAbsent(word, w -> new ArrayList<>()).add(f.path());
      }
      return index;
    });
  }

  /** The distinct runs of letters, digits and underscores in {@code text}. */
  private static Set<String> words(String text) {
    Set<String> out = new HashSet<>();
    int start = -1;
    for (int i = 0; i <= text.length(); i++) {
      boolean word = i < text.length() && Identifiers.isIdentifierChar(text.charAt(i));
      if (word && start < 0) start = i;
      if (!word && start >= 0) {
        out.add(text.substring(start, i));
        start = -1;
      }
    }
    return out;
  }

  private static boolean inPacket(String path, Set<String> folders) {
    for (String folder : folders) {
      if (folder.isEmpty() ? path.endsWith(".md") && !path.contains("/") : path.startsWith(folder + "/")) {
        return true;
      }
    }
    return false;
  }
}
