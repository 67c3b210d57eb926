package dev.specgate.rules.sql;

import dev.specgate.core.Spaces;
import dev.specgate.core.Location;
import dev.specgate.core.Texts;
import dev.specgate.sql.MigrationFile;
import dev.specgate.sql.MigrationTool;
import dev.specgate.rules.RuleContext;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.Dialect;
import dev.specgate.sql.LockLevel;
import dev.specgate.sql.LockModel;
import dev.specgate.sql.Names;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Span;
import dev.specgate.sql.Statement;
import dev.specgate.sql.schema.MigrationOrder;
import dev.specgate.rules.Findings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.List;
import java.util.Locale;

/** What the SQL rules share: which statements to look at, where to report, common questions. */
final class SqlRuleSupport {
  private SqlRuleSupport() {}

  /** One statement of a changed migration, and whether it belongs to a rollback script. */
  record At(MigrationFile file, Statement statement, boolean rollback) {
    Operation op() {
      return statement.op();
    }

    boolean postgres() {
      return file.migration().dialect() != Dialect.MYSQL;
    }

    String path() {
      return file.path();
    }
  }

  /**
   * The statements rules report on, in order: every statement of the changed forward migrations
   * (their down sections flagged as rollback) and, when {@code withRollbacks}, of the changed down
   * migrations; without it, rollback statements are left out.
   */
  static List<At> statements(RuleContext c, boolean withRollbacks) {
    return c.shared("sql.statements." + withRollbacks, () -> List.copyOf(collect(c, withRollbacks)));
  }

  private static List<At> collect(RuleContext c, boolean withRollbacks) {
    List<At> out = new ArrayList<>();
    for (MigrationFile f : c.changedMigrations()) {
      for (Statement s : f.migration().statements()) {
        boolean rollback = c.schema().isRollback(f, s);
        if (!rollback || withRollbacks) out.add(new At(f, s, rollback));
      }
    }
    if (withRollbacks) {
      for (MigrationFile f : c.changedDownMigrations()) {
        for (Statement s : f.migration().statements()) out.add(new At(f, s, true));
      }
    }
    return out;
  }

  /** One action of an ALTER TABLE statement on a table that existed before it. */
  record ActionAt(At at, Operation.AlterTable alter, AlterAction action) {
    /** The table's name as findings show it. */
    String table() {
      return name(alter.table());
    }
  }

  /**
   * Every action of the ALTER TABLE statements (rollbacks included) on existing tables, in order;
   * PostgreSQL statements only when {@code postgresOnly}. Collected once per analysis.
   */
  static List<ActionAt> alterActionsOnExistingTables(RuleContext c, boolean postgresOnly) {
    return c.shared("sql.alter-actions." + postgresOnly, () -> {
      List<ActionAt> out = new ArrayList<>();
      for (At at : statements(c, true)) {
        if (postgresOnly && !at.postgres()) continue;
        if (!(at.op() instanceof Operation.AlterTable alter) || !existing(c, at, alter.table())) continue;
        for (AlterAction a : alter.actions()) out.add(new ActionAt(at, alter, a));
      }
      return List.copyOf(out);
    });
  }

  /**
   * The locks {@code at} takes that make the application wait (SHARE or stronger on a table, view,
   * materialized view or index) on relations that existed before it, strongest first. An index
   * whose table is unknown counts as existing.
   */
  static List<LockModel.RelationLock> blockingLocksOnExisting(RuleContext c, At at) {
    if (!at.postgres()) return List.of();
    // Computed once per analysis for every statement (rules ask about the same statements).
    Map<Statement, List<LockModel.RelationLock>> all = c.shared("sql.blocking-locks", () -> {
      Map<Statement, List<LockModel.RelationLock>> m = new java.util.IdentityHashMap<>();
      for (At a : statements(c, true)) if (a.postgres()) m.put(a.statement(), computeBlockingLocks(c, a));
      return java.util.Collections.unmodifiableMap(m);
    });
    List<LockModel.RelationLock> known = all.get(at.statement());
    return known != null ? known : computeBlockingLocks(c, at);
  }

  private static List<LockModel.RelationLock> computeBlockingLocks(RuleContext c, At at) {
    List<LockModel.RelationLock> out = new ArrayList<>();
    for (LockModel.RelationLock l : LockModel.locks(at.op(), c.schema().lockFacts(at.file(), at.statement()))) {
      if (!l.blocksTraffic()) continue;
      String table = l.kind() == LockModel.RelationKind.INDEX ? tableOfIndex(c, at, l.relation()) : l.relation();
      if (table != null && !existing(c, at, table)) continue;
      out.add(l);
    }
    if (out.isEmpty()) return List.of();
    out.sort((a, b) -> b.level().compareTo(a.level()));
    return List.copyOf(out);
  }

  /** "table", "view", "materialized view", "index", … for messages. */
  static String kindName(LockModel.RelationKind kind) {
    return kind.name().toLowerCase(Locale.ROOT).replace('_', ' ');
  }

  /** A column declared by CREATE TABLE or ADD COLUMN, and whether its table existed before. */
  record DeclaredColumn(At at, String table, dev.specgate.sql.ColumnDef column, boolean existingTable) {}

  /** Every column the changed PostgreSQL statements declare (rollbacks included), in order. */
  static List<DeclaredColumn> declaredColumns(RuleContext c) {
    return c.shared("sql.declared-columns", () -> {
      List<DeclaredColumn> out = new ArrayList<>();
      for (At at : statements(c, true)) {
        if (!at.postgres()) continue;
        if (at.op() instanceof Operation.CreateTable ct) {
          for (var col : ct.columns()) out.add(new DeclaredColumn(at, ct.table(), col, false));
        } else if (at.op() instanceof Operation.AlterTable alter) {
          boolean existing = existing(c, at, alter.table());
          for (AlterAction a : alter.actions()) {
            if (a instanceof AlterAction.AddColumn add) {
              out.add(new DeclaredColumn(at, alter.table(), add.column(), existing));
            }
          }
        }
      }
      return List.copyOf(out);
    });
  }

  /**
   * True when {@code at} runs inside a transaction: between BEGIN and COMMIT in its file, or in a
   * file its migration tool wraps in one.
   */
  static boolean inTransaction(RuleContext c, At at) {
    return at.statement().inExplicitTransaction() || fileInTransaction(c, at.file());
  }

  /** True when the migration tool wraps the whole file in a transaction. */
  static boolean fileInTransaction(RuleContext c, MigrationFile f) {
    return f.toolTransaction();
  }

  /** The changed migration files (forward, then down when {@code withRollbacks}). */
  static List<MigrationFile> files(RuleContext c, boolean withRollbacks) {
    List<MigrationFile> out = new ArrayList<>(c.changedMigrations());
    if (withRollbacks) out.addAll(c.changedDownMigrations());
    return out;
  }

  /** The statement's span: reported at its first line. */
  static Location location(At at) {
    return location(at.file(), at.statement());
  }

  static Location location(MigrationFile f, Statement s) {
    Span sp = s.span();
    return new Location(f.path(), sp.startLine(), sp.startColumn(), sp.endLine(), sp.endColumn());
  }

  static boolean existing(RuleContext c, At at, String table) {
    return c.schema().isExistingTable(at.file(), at.statement(), table);
  }

  /** Display name of a table or column for messages and SQL: as normalized, schema kept. */
  static String name(String n) {
    return n == null ? "?" : Names.normalize(n);
  }

  /** The table of a dropped index when known (else {@code null}). */
  static String tableOfIndex(RuleContext c, At at, String index) {
    return c.schema().indexBefore(at.file(), at.statement(), index).map(i -> i.table()).orElse(null);
  }

  /** True when a {@code SET [LOCAL] lock_timeout} to a non-zero value precedes {@code at} in its file. */
  static boolean lockTimeoutBefore(At at) {
    boolean set = false;
    for (Statement s : at.file().migration().statements()) {
      if (s.index() >= at.statement().index()) break;
      if (s.op() instanceof Operation.SetParameter p
          && p.name() != null
          && p.name().toLowerCase(Locale.ROOT).replace("\"", "").endsWith("lock_timeout")
          && !p.name().toLowerCase(Locale.ROOT).contains("idle")) {
        String v = p.value() == null ? "" : p.value().replace("'", "").trim().toLowerCase(Locale.ROOT);
        set = !(v.isEmpty() || v.equals("0") || v.equals("default") || v.startsWith("0ms") || v.equals("0s"));
      }
    }
    return set;
  }

  /** The migration tool this file runs under (auto resolved from its path and text). */
  static MigrationTool tool(RuleContext c, MigrationFile f) {
    return MigrationOrder.resolve(f.path(), f.source().content(), c.config().migrationTool());
  }

  /**
   * "in a file goose runs inside a transaction"; for diesel, why: its metadata.toml does not say
   * otherwise (absent, {@code true}, or unreadable — diesel then falls back to a transaction).
   */
  static String inToolTransaction(MigrationTool tool) {
    return "in a file " + tool.label() + " runs inside a transaction"
        + (tool == MigrationTool.DIESEL ? " (no metadata.toml beside it says run_in_transaction = false)" : "");
  }

  /** "ACCESS EXCLUSIVE on accounts: blocks reads and writes until it commits". */
  static String lock(LockLevel level, String table) {
    return level.describe(table);
  }

  /**
   * Findings of one rule merged per statement: when one statement has several problems of the
   * same rule (two columns added NOT NULL in one ALTER TABLE), one finding names them all, so a
   * statement carries at most one finding per rule.
   */
  static final class PerStatement {
    private final Findings out;
    private final Map<Location, List<String[]>> found = new LinkedHashMap<>();

    PerStatement(Findings out) {
      this.out = out;
    }

    void report(Location where, String message, String why, String fix) {
      found.computeIfAbsent(where, k -> new ArrayList<>()).add(new String[] {message, why, fix});
    }

    void flush() {
      for (Map.Entry<Location, List<String[]>> e : found.entrySet()) {
        List<String[]> all = e.getValue();
        StringBuilder message = new StringBuilder(all.get(0)[0]);
        if (all.size() > 1) {
          // bounded: a statement with thousands of actions names a few, then how many more
          List<String> others = all.subList(1, all.size()).stream().map(f -> f[0]).toList();
          message.append(" (also in this statement: ").append(Texts.firstFew(others, Texts.NAMED, "; ")).append(')');
        }
        out.report(e.getKey(), message.toString(), joinDistinct(all, 1, " "), joinDistinct(all, 2, "\n"));
      }
      found.clear();
    }

    private static String joinDistinct(List<String[]> all, int field, String sep) {
      Set<String> seen = new LinkedHashSet<>();
      for (String[] f : all) if (f[field] != null && !f[field].isEmpty()) seen.add(f[field]);
      return String.join(sep, seen);
    }
  }

  /**
   * A key-range batch predicate for fixes: {@code id >= <start> AND id < <start> + 10000}, or with
   * {@code <key>} when the column being filled is itself {@code id}.
   */
  static String batchRange(String filledColumn) {
    String k = "id".equalsIgnoreCase(filledColumn) ? "<key>" : "id";
    return k + " >= <start> AND " + k + " < <start> + 10000";
  }

  /** The statement as written, on one line, shortened for messages. */
  static String brief(Statement s) {
    String one = Spaces.collapse(s.sql()).trim();
    return one.length() > 100 ? one.substring(0, 97) + "…" : one;
  }
}
