package dev.specgate.sql.schema;

import dev.specgate.sql.MigrationFile;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.ColumnDef;
import dev.specgate.sql.ConstraintDef;
import dev.specgate.sql.Names;
import dev.specgate.sql.LockModel;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import dev.specgate.sql.schema.TableState.Column;
import dev.specgate.sql.schema.TableState.Constraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The forward migrations replayed in the order their tool runs them, so a rule can ask what the
 * schema was just before a statement: whether a table exists (DESIGN section 1 "existing table"),
 * a column's type, nullability and default, constraints and whether they were validated, indexes.
 *
 * <p>Each statement gets a position in the replay; each table keeps the list of its versions, so a
 * question about "before statement s" finds the last version written before s's position. Rollback
 * scripts (down migrations, and the down section of a goose/dbmate file) are not replayed; a
 * question asked at one of their statements sees the schema at the end of the replay.
 */
public final class SchemaHistory {
  /** Position of the first statement of each replayed file; statement i is at start + i. */
  private final Map<String, Integer> fileStart = new HashMap<>();
  /** Per table key: its versions in replay order. A {@code null} state means dropped. */
  private final Map<String, List<Version<TableState>>> tables = new HashMap<>();
  /** Per index key: its versions (the table it is on), {@code null} when dropped. */
  private final Map<String, List<Version<IndexInfo>>> indexes = new HashMap<>();
  /** Tables created by a migration the change touched, where they did not exist before. */
  private final Set<String> createdInChange = new HashSet<>();
  /** Tables created in each file (key → position of the CREATE), to answer "earlier in the file". */
  private final Map<String, Map<String, Integer>> createdInFile = new HashMap<>();
  private final Map<String, Integer> downStart = new ConcurrentHashMap<>();
  /** The replay's current state (the last version of each table and index), for speed. */
  private final Map<String, TableState> currentTables = new HashMap<>();
  private final Map<String, IndexInfo> currentIndexes = new HashMap<>();
  private final Map<String, Set<String>> indexesByTable = new HashMap<>();
  /** Per table: every index that was ever on it, so indexesOn need not walk all indexes. */
  private final Map<String, Set<String>> indexesEverOn = new HashMap<>();
  /** Per function name (without schema): its declared volatility, VOLATILE when not declared. */
  private final Map<String, List<Version<String>>> functions = new HashMap<>();
  private int end;

  private record Version<T>(int position, T state) {}

  /** An index: its name, table, key columns and uniqueness. */
  public record IndexInfo(String name, String table, List<String> columns, boolean unique) {}

  private boolean changeKnown = true;

  private SchemaHistory() {}

  /** Replays a known change (a git range, a PR, a diff): tables it creates anywhere are new. */
  public static SchemaHistory replay(List<MigrationFile> ordered) {
    return replay(ordered, true);
  }

  /**
   * @param changeKnown false for a snapshot ({@code check PATH}: every file counts as added), where
   *     only a table created earlier in the same file is new (DESIGN section 1); true for a change,
   *     where a table created anywhere in it is new
   */
  public static SchemaHistory replay(List<MigrationFile> ordered, boolean changeKnown) {
    return seed(List.of()).replay(ordered, changeKnown);
  }

  /**
   * Schema dumps (Rails {@code db/structure.sql}, dbmate {@code db/schema.sql}) as they were before
   * the change, replayed once to start any number of replays from: what they hold exists before
   * every migration, never created in the change; a migration that creates one of their tables
   * again replaces it with its own definition. A large {@code structure.sql} costs about a second
   * to replay, and one analysis replays the change's migrations and, per packet, up to three
   * selections of the plan's SQL on top of it.
   */
  public static Seed seed(List<MigrationFile> prior) {
    SchemaHistory h = new SchemaHistory();
    int position = 0;
    for (MigrationFile d : prior) {
      // every statement, whatever it is: a dump is no migration (no rollback section, not in the change)
      for (Statement s : d.migration().statements()) h.apply(d, s.op(), position++);
      position++;
    }
    h.end = position;
    return new Seed(h);
  }

  /** The schema dumps' state, never changed once made: each replay starts from a copy of it. */
  public static final class Seed {
    private final SchemaHistory dumps;

    private Seed(SchemaHistory dumps) {
      this.dumps = dumps;
    }

    /** As {@link SchemaHistory#replay(List, boolean)}, starting from the dumps' schema. */
    public SchemaHistory replay(List<MigrationFile> ordered, boolean changeKnown) {
      SchemaHistory h = dumps.copy();
      h.changeKnown = changeKnown;
      int position = h.end;
      for (MigrationFile m : ordered) {
        if (m.isDown()) continue;
        h.fileStart.put(m.path(), position);
        for (Statement s : m.migration().statements()) {
          int at = position + s.index();
          if (!h.isRollback(m, s)) h.apply(m, s.op(), at);
        }
        position += m.migration().statements().size() + 1;
      }
      h.end = position;
      return h;
    }
  }

  /** A copy whose replay can go on without changing this one (versions and states are immutable). */
  private SchemaHistory copy() {
    SchemaHistory c = new SchemaHistory();
    c.fileStart.putAll(fileStart);
    tables.forEach((k, v) -> c.tables.put(k, new ArrayList<>(v)));
    indexes.forEach((k, v) -> c.indexes.put(k, new ArrayList<>(v)));
    c.createdInChange.addAll(createdInChange);
    createdInFile.forEach((k, v) -> c.createdInFile.put(k, new HashMap<>(v)));
    c.downStart.putAll(downStart);
    c.currentTables.putAll(currentTables);
    c.currentIndexes.putAll(currentIndexes);
    indexesByTable.forEach((k, v) -> c.indexesByTable.put(k, new HashSet<>(v)));
    indexesEverOn.forEach((k, v) -> c.indexesEverOn.put(k, new HashSet<>(v)));
    functions.forEach((k, v) -> c.functions.put(k, new ArrayList<>(v)));
    c.end = end;
    c.changeKnown = changeKnown;
    return c;
  }

  // ---------------------------------------------------------------- queries

  /**
   * True when {@code table} is an existing table at {@code statement}: not created earlier in the
   * same file, nor anywhere in a known change (see {@link #replay(List, boolean)}). A table
   * no replayed migration creates predates them all: it exists.
   */
  public boolean isExistingTable(MigrationFile file, Statement statement, String table) {
    String t = key(table);
    if (createdInChange.contains(t)) return false;
    if (isRollback(file, statement)) {
      // Rollback statements are not replayed: look for a CREATE earlier in the same rollback part.
      for (Statement s : file.migration().statements()) {
        if (s.index() >= statement.index()) break;
        if (isRollback(file, s) && creates(s.op(), t)) return false;
      }
      return true;
    }
    Map<String, Integer> inFile = createdInFile.get(file.path());
    if (inFile != null && inFile.containsKey(t) && inFile.get(t) < position(file, statement)) {
      return false;
    }
    return true;
  }

  private static boolean isMaterializedView(String kind) {
    return kind != null && kind.toUpperCase(Locale.ROOT).contains("MATERIALIZED");
  }

  private static boolean creates(Operation op, String table) {
    if (op instanceof Operation.CreateTable ct) return key(ct.table()).equals(table);
    if (op instanceof Operation.AlterTable at) {
      for (AlterAction a : at.actions()) {
        if (a instanceof AlterAction.RenameTable rt && key(rt.newName()).equals(table)) return true;
      }
    }
    return false;
  }

  /** The table as it was just before {@code statement}; empty when unknown or not existing then. */
  public Optional<TableState> tableBefore(MigrationFile file, Statement statement, String table) {
    return Optional.ofNullable(latest(tables.get(key(table)), position(file, statement)));
  }

  /** The column as it was just before {@code statement}, when the replay knows it. */
  public Optional<Column> columnBefore(
      MigrationFile file, Statement statement, String table, String column) {
    return tableBefore(file, statement, table).flatMap(t -> t.column(col(column)));
  }

  public Optional<Constraint> constraintBefore(
      MigrationFile file, Statement statement, String table, String constraint) {
    return tableBefore(file, statement, table).flatMap(t -> t.constraint(col(constraint)));
  }

  /**
   * True when, before {@code statement}, the table had a validated {@code CHECK (column IS NOT
   * NULL)}: added NOT VALID then validated, or added validated (e.g. on a new table). PostgreSQL 12+
   * then skips the full-table scan of SET NOT NULL.
   */
  public boolean hasValidatedNotNullCheck(
      MigrationFile file, Statement statement, String table, String column) {
    String c = col(column).toLowerCase(Locale.ROOT);
    return tableBefore(file, statement, table)
        .map(t -> t.constraints().values().stream()
            .anyMatch(k -> k.validated() && k.notNullCheckColumn().map(c::equals).orElse(false)))
        .orElse(false);
  }

  /** The index as it was before {@code statement} (its table, columns), when the replay knows it. */
  public Optional<IndexInfo> indexBefore(MigrationFile file, Statement statement, String index) {
    return Optional.ofNullable(latest(indexes.get(key(index)), position(file, statement)));
  }

  /** Indexes on {@code table} before {@code statement}. */
  public List<IndexInfo> indexesOn(MigrationFile file, Statement statement, String table) {
    String t = key(table);
    int pos = position(file, statement);
    List<IndexInfo> out = new ArrayList<>();
    for (String name : indexesEverOn.getOrDefault(t, Set.of())) {
      IndexInfo i = latest(indexes.get(name), pos);
      if (i != null && i.table().equals(t)) out.add(i);
    }
    return out;
  }

  /**
   * The volatility a {@code CREATE FUNCTION} earlier in the replay declared for {@code function}
   * (name without schema): IMMUTABLE, STABLE or VOLATILE (also when none was declared, PostgreSQL's
   * default); empty when no replayed migration creates it.
   */
  public Optional<String> functionVolatility(MigrationFile file, Statement statement, String function) {
    return Optional.ofNullable(latest(functions.get(bareKey(function)), position(file, statement)));
  }

  /** What the lock model needs to know about the schema just before {@code statement}. */
  public LockModel.Schema lockFacts(MigrationFile file, Statement statement) {
    return new LockModel.Schema() {
      @Override
      public Optional<String> tableOfIndex(String index) {
        return indexBefore(file, statement, index).map(IndexInfo::table);
      }

      @Override
      public Optional<String> referencedTable(String table, String constraint) {
        return constraintBefore(file, statement, table, constraint)
            .map(TableState.Constraint::referencedTable);
      }

      @Override
      public List<String> foreignKeyTargets(String table) {
        return tableBefore(file, statement, table)
            .map(t -> t.constraints().values().stream()
                .map(TableState.Constraint::referencedTable)
                .filter(r -> r != null && !r.equals(key(table)))
                .distinct()
                .toList())
            .orElse(List.of());
      }

      @Override
      public List<String> indexesOf(String table) {
        List<String> out = new ArrayList<>();
        for (IndexInfo i : indexesOn(file, statement, table)) out.add(i.name());
        tableBefore(file, statement, table).ifPresent(t -> t.constraints().values().stream()
            .filter(k -> "PRIMARY_KEY".equals(k.kind()) || "UNIQUE".equals(k.kind()))
            .map(TableState.Constraint::name)
            .filter(n -> !out.contains(n))
            .forEach(out::add));
        return out;
      }
    };
  }

  private static String bareKey(String function) {
    String k = key(function);
    int dot = k.lastIndexOf('.');
    return dot < 0 ? k : k.substring(dot + 1);
  }

  /**
   * True when the statement belongs to a rollback script: a down migration, or the down section
   * of a goose ({@code -- +goose Down}) or dbmate ({@code -- migrate:down}) file.
   */
  public boolean isRollback(MigrationFile file, Statement statement) {
    if (file.isDown()) return true;
    int start = downStart.computeIfAbsent(file.path(),
        p -> MigrationOrder.downSectionStart(file.source().content()));
    return start >= 0 && statement.span() != null && statement.span().startOffset() >= start;
  }

  // ---------------------------------------------------------------- replay

  private int position(MigrationFile file, Statement statement) {
    Integer start = fileStart.get(file.path());
    if (start == null || isRollback(file, statement)) return end;
    return start + statement.index();
  }

  /** The state of the last version written before position {@code before} (binary search). */
  private static <T> T latest(List<Version<T>> versions, int before) {
    if (versions == null || versions.isEmpty()) return null;
    int lo = 0;
    int hi = versions.size() - 1;
    int found = -1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      if (versions.get(mid).position() < before) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found < 0 ? null : versions.get(found).state();
  }

  private TableState current(String t) {
    return currentTables.get(t);
  }

  private void put(String t, int at, TableState state) {
    tables.computeIfAbsent(t, k -> new ArrayList<>()).add(new Version<>(at, state));
    if (state == null) currentTables.remove(t);
    else currentTables.put(t, state);
  }

  private void putIndex(String i, int at, IndexInfo info) {
    indexes.computeIfAbsent(i, k -> new ArrayList<>()).add(new Version<>(at, info));
    IndexInfo old = info == null ? currentIndexes.remove(i) : currentIndexes.put(i, info);
    if (old != null) {
      Set<String> onOld = indexesByTable.get(old.table());
      if (onOld != null) onOld.remove(i);
    }
    if (info != null) {
      indexesByTable.computeIfAbsent(info.table(), k -> new HashSet<>()).add(i);
      indexesEverOn.computeIfAbsent(info.table(), k -> new HashSet<>()).add(i);
    }
  }

  private void apply(MigrationFile m, Operation op, int at) {
    if (op instanceof Operation.CreateTable ct) {
      createTable(m, ct, at);
    } else if (op instanceof Operation.CreateObject co && isMaterializedView(co.objectKind())
        && co.name() != null) {
      // A materialized view holds rows like a table: REFRESH on one the change creates is fine.
      createTable(m, new Operation.CreateTable(co.name(), List.of(), List.of(), false, true, false), at);
    } else if (op instanceof Operation.CreateObject co && "VIEW".equals(co.objectKind())
        && co.name() != null && current(key(co.name())) == null) {
      // A view is recorded like a table so "existing" answers for DROP VIEW / OR REPLACE too; OR
      // REPLACE of a view the replay already knows keeps the old one.
      createTable(m, new Operation.CreateTable(co.name(), List.of(), List.of(), false, true, false), at);
    } else if (op instanceof Operation.CreateObject co && "FUNCTION".equals(co.objectKind())
        && co.name() != null) {
      functions.computeIfAbsent(bareKey(co.name()), f -> new ArrayList<>())
          .add(new Version<>(at, co.detail() == null ? "VOLATILE" : co.detail()));
    } else if (op instanceof Operation.DropObject dobj && "VIEW".equals(dobj.objectKind())) {
      for (String v : dobj.names()) {
        if (current(key(v)) != null) put(key(v), at, null);
      }
    } else if (op instanceof Operation.DropObject dobj && isMaterializedView(dobj.objectKind())) {
      for (String v : dobj.names()) {
        if (current(key(v)) != null) put(key(v), at, null);
      }
    } else if (op instanceof Operation.DropTable dt) {
      for (String t : dt.tables()) {
        String k = key(t);
        if (current(k) != null) put(k, at, null);
        dropIndexesOf(k, at);
      }
    } else if (op instanceof Operation.AlterTable alter) {
      String k = key(alter.table());
      TableState t = current(k);
      if (t == null) t = new TableState(k, Map.of(), Map.of(), false, null);
      Mutable mt = new Mutable(t);
      String renamedTo = null;
      for (AlterAction a : alter.actions()) {
        if (a instanceof AlterAction.RenameTable rt) renamedTo = key(rt.newName());
        else mt.apply(a, k, at);
      }
      if (renamedTo != null) {
        put(k, at, null);
        put(renamedTo, at, mt.freeze(renamedTo));
        if (createdInChange.contains(k)) createdInChange.add(renamedTo);
        retargetIndexes(k, renamedTo, at);
      } else {
        put(k, at, mt.freeze(k));
      }
    } else if (op instanceof Operation.CreateIndex ci) {
      if (ci.name() != null) {
        putIndex(key(ci.name()), at,
            new IndexInfo(key(ci.name()), key(ci.table()), cols(ci.columns()), ci.unique()));
      }
    } else if (op instanceof Operation.DropIndex di) {
      for (String i : di.names()) putIndex(key(i), at, null);
    } else if (op instanceof Operation.RenameObject ro) {
      String kind = ro.objectKind() == null ? "" : ro.objectKind().toUpperCase(Locale.ROOT);
      if (kind.equals("INDEX")) {
        IndexInfo i = currentIndexes.get(key(ro.from()));
        putIndex(key(ro.from()), at, null);
        if (i != null) {
          putIndex(key(ro.to()), at, new IndexInfo(key(ro.to()), i.table(), i.columns(), i.unique()));
        }
      } else if (kind.equals("TABLE")) {
        String from = key(ro.from());
        String to = key(ro.to());
        TableState t = current(from);
        if (t != null) {
          put(from, at, null);
          put(to, at, new TableState(to, t.columns(), t.constraints(), t.createdInChange(), t.createdIn()));
          if (createdInChange.contains(from)) createdInChange.add(to);
          retargetIndexes(from, to, at);
        }
      }
    }
  }

  private void createTable(MigrationFile m, Operation.CreateTable ct, int at) {
    String k = key(ct.table());
    boolean existed = current(k) != null;
    if (existed && ct.ifNotExists()) return; // a no-op: the table is still the old one
    boolean inChange = changeKnown && m.inChange() && !existed;
    if (inChange) createdInChange.add(k);
    createdInFile.computeIfAbsent(m.path(), p -> new HashMap<>()).putIfAbsent(k, at);
    Mutable t = new Mutable(new TableState(k, Map.of(), Map.of(), inChange, m.path()));
    for (ColumnDef c : ct.columns()) t.addColumn(c, k);
    for (ConstraintDef c : ct.constraints()) t.addConstraint(c, k, true);
    put(k, at, t.freeze(k));
  }

  private void dropIndexesOf(String table, int at) {
    Set<String> on = indexesByTable.get(table);
    if (on == null) return;
    for (String i : List.copyOf(on)) putIndex(i, at, null);
  }

  private void retargetIndexes(String from, String to, int at) {
    Set<String> on = indexesByTable.get(from);
    if (on == null) return;
    for (String i : List.copyOf(on)) {
      IndexInfo old = currentIndexes.get(i);
      putIndex(i, at, new IndexInfo(old.name(), to, old.columns(), old.unique()));
    }
  }

  /** A table being changed by one statement. */
  private final class Mutable {
    final Map<String, Column> columns;
    final Map<String, Constraint> constraints;
    final boolean createdInChange;
    final String createdIn;

    Mutable(TableState t) {
      columns = new LinkedHashMap<>(t.columns());
      constraints = new LinkedHashMap<>(t.constraints());
      createdInChange = t.createdInChange();
      createdIn = t.createdIn();
    }

    TableState freeze(String name) {
      return new TableState(name, columns, constraints, createdInChange, createdIn);
    }

    void addColumn(ColumnDef c, String table) {
      String n = col(c.name());
      columns.put(n, new Column(n, c.type(), c.notNull() || c.primaryKey(), c.defaultExpr()));
      if (c.primaryKey()) put(new Constraint(table + "_pkey", "PRIMARY_KEY", List.of(n), null, true));
      if (c.unique()) put(new Constraint(table + "_" + n + "_key", "UNIQUE", List.of(n), null, true));
      if (c.check() != null) {
        put(new Constraint(table + "_" + n + "_check", "CHECK", List.of(n), c.check(), true));
      }
      if (c.references() != null) {
        put(new Constraint(table + "_" + n + "_fkey", "FOREIGN_KEY", List.of(n), null, true, key(c.references())));
      }
    }

    void addConstraint(ConstraintDef c, String table, boolean validated) {
      List<String> cs = cols(c.columns());
      String name = c.name() != null ? col(c.name()) : defaultName(table, c.kind(), cs);
      put(new Constraint(name, c.kind().name(), cs, c.expression(), validated,
          c.referencedTable() == null ? null : key(c.referencedTable())));
      if (c.kind() == ConstraintDef.Kind.PRIMARY_KEY || c.kind() == ConstraintDef.Kind.NOT_NULL) {
        for (String n : cs) {
          Column old = columns.get(n);
          if (old != null) columns.put(n, new Column(n, old.type(), true, old.defaultExpr()));
        }
      }
    }

    private void put(Constraint c) {
      constraints.put(c.name(), c);
    }

    void apply(AlterAction a, String table, int at) {
      if (a instanceof AlterAction.AddColumn ac) {
        if (!(ac.ifNotExists() && columns.containsKey(col(ac.column().name())))) {
          addColumn(ac.column(), table);
        }
      } else if (a instanceof AlterAction.DropColumn dc) {
        String n = col(dc.column());
        columns.remove(n);
        constraints.values().removeIf(k -> k.columns().contains(n));
      } else if (a instanceof AlterAction.AlterColumnType t) {
        Column old = columns.get(col(t.column()));
        String n = col(t.column());
        columns.put(n, old == null
            ? new Column(n, t.newType(), false, null)
            : new Column(n, t.newType(), old.notNull(), old.defaultExpr()));
      } else if (a instanceof AlterAction.SetNotNull s) {
        setNullability(col(s.column()), true);
      } else if (a instanceof AlterAction.DropNotNull s) {
        setNullability(col(s.column()), false);
      } else if (a instanceof AlterAction.SetDefault s) {
        Column old = columns.get(col(s.column()));
        if (old != null) columns.put(old.name(), new Column(old.name(), old.type(), old.notNull(), s.expression()));
      } else if (a instanceof AlterAction.DropDefault s) {
        Column old = columns.get(col(s.column()));
        if (old != null) columns.put(old.name(), new Column(old.name(), old.type(), old.notNull(), null));
      } else if (a instanceof AlterAction.AddConstraint ac) {
        addConstraint(ac.constraint(), table, !ac.notValid());
      } else if (a instanceof AlterAction.ValidateConstraint v) {
        Constraint old = constraints.get(col(v.name()));
        if (old != null) {
          put(new Constraint(old.name(), old.kind(), old.columns(), old.expression(), true, old.referencedTable()));
        }
      } else if (a instanceof AlterAction.DropConstraint d) {
        constraints.remove(col(d.name()));
      } else if (a instanceof AlterAction.RenameColumn r) {
        String from = col(r.from());
        String to = col(r.to());
        Column old = columns.remove(from);
        if (old != null) columns.put(to, new Column(to, old.type(), old.notNull(), old.defaultExpr()));
        for (Constraint k : List.copyOf(constraints.values())) {
          if (k.columns().contains(from)) {
            List<String> renamed = k.columns().stream().map(x -> x.equals(from) ? to : x).toList();
            put(new Constraint(k.name(), k.kind(), renamed, k.expression(), k.validated(), k.referencedTable()));
          }
        }
      } else if (a instanceof AlterAction.RenameConstraint r) {
        Constraint old = constraints.remove(col(r.from()));
        if (old != null) {
          put(new Constraint(col(r.to()), old.kind(), old.columns(), old.expression(), old.validated(),
              old.referencedTable()));
        }
      }
    }

    private void setNullability(String n, boolean notNull) {
      Column old = columns.get(n);
      if (old != null) columns.put(n, new Column(n, old.type(), notNull, old.defaultExpr()));
    }
  }

  private static String defaultName(String table, ConstraintDef.Kind kind, List<String> cs) {
    String first = cs.isEmpty() ? "" : "_" + String.join("_", cs);
    return switch (kind) {
      case PRIMARY_KEY -> table + "_pkey";
      case UNIQUE -> table + first + "_key";
      case FOREIGN_KEY -> table + first + "_fkey";
      case CHECK, NOT_NULL -> table + first + "_check";
      case EXCLUDE -> table + first + "_excl";
    };
  }

  private static String key(String name) {
    return Names.unqualified(Names.normalize(name));
  }

  /** Column and constraint names: already normalized by the parser; normalized again if not. */
  private static String col(String name) {
    return name == null ? "" : Names.normalize(name);
  }

  private static List<String> cols(List<String> names) {
    return names.stream().map(SchemaHistory::col).toList();
  }
}
