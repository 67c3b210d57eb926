package dev.specgate.sql;

import dev.specgate.core.Spaces;
import dev.specgate.sql.AlterAction.AddColumn;
import dev.specgate.sql.AlterAction.AddConstraint;
import dev.specgate.sql.AlterAction.DropConstraint;
import dev.specgate.sql.AlterAction.ValidateConstraint;
import dev.specgate.sql.ConstraintDef.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PostgreSQL lock table: for one statement, every relation it locks and the mode it takes on
 * each (PostgreSQL manual, "Explicit Locking" table 13.2, and the lock notes of ALTER TABLE, CREATE
 * TRIGGER, REINDEX, DROP INDEX, REFRESH MATERIALIZED VIEW, …). The altered table, the parent a
 * foreign key references (also from CREATE TABLE), the table under a trigger, policy, rule or index,
 * views, materialized views, sequences and partitions are each listed with their own mode.
 *
 * <p>Statements that create a relation list no lock on it (nobody else can see it yet); rules
 * decide whether a locked relation existed before. What the statement text alone cannot tell (the
 * table of a dropped index, the parent of a dropped foreign key) comes from {@link Schema}.
 */
public final class LockModel {
  private LockModel() {}

  /** What a relation is; a TYPE lock is on the type object, not on any table. */
  public enum RelationKind { TABLE, INDEX, VIEW, MATERIALIZED_VIEW, SEQUENCE, TYPE }

  /**
   * One lock a statement takes.
   *
   * @param relation the normalized name (see {@link Names})
   * @param cause what in the statement takes it, e.g. "ADD CONSTRAINT … FOREIGN KEY (referenced
   *     table)"
   */
  public record RelationLock(String relation, RelationKind kind, LockLevel level, String cause) {
    /** True for a lock that makes the application's reads or writes of a table or view wait. */
    public boolean blocksTraffic() {
      return kind != RelationKind.TYPE && kind != RelationKind.SEQUENCE && level.blocksWrites();
    }
  }

  /** What the lock model needs to know about the schema before the statement. */
  public interface Schema {
    /** The table an index is on, when known. */
    Optional<String> tableOfIndex(String index);

    /** The table a foreign-key constraint of {@code table} references, when known. */
    Optional<String> referencedTable(String table, String constraint);

    /** The tables the foreign keys of {@code table} reference (for DROP TABLE), when known. */
    List<String> foreignKeyTargets(String table);

    /**
     * The indexes on {@code table} (created ones, and the ones its primary key and unique
     * constraints imply), when known.
     */
    default List<String> indexesOf(String table) {
      return List.of();
    }

    /** Nothing known. */
    Schema NONE = new Schema() {
      @Override
      public Optional<String> tableOfIndex(String index) {
        return Optional.empty();
      }

      @Override
      public Optional<String> referencedTable(String table, String constraint) {
        return Optional.empty();
      }

      @Override
      public List<String> foreignKeyTargets(String table) {
        return List.of();
      }
    };
  }

  /** The locks of one statement, strongest per relation, in the order the relations appear. */
  public static List<RelationLock> locks(Operation op, Schema schema) {
    Locks out = new Locks();
    add(op, schema == null ? Schema.NONE : schema, out);
    return out.list();
  }

  /** The strongest lock the statement takes on {@code relation}, or NONE. */
  public static LockLevel levelOn(Operation op, Schema schema, String relation) {
    String key = Names.normalize(relation);
    for (RelationLock l : locks(op, schema)) if (Names.normalize(l.relation()).equals(key)) return l.level();
    return LockLevel.NONE;
  }

  private static final Pattern ATTACH = Pattern.compile("(?is)^\\s*attach\\s+partition\\s+(\\S+).*");
  private static final Pattern DETACH = Pattern.compile("(?is)^\\s*detach\\s+partition\\s+(\\S+).*");

  private static void add(Operation op, Schema schema, Locks out) {
    if (op instanceof Operation.AlterTable at) {
      alterTable(at, schema, out);
    } else if (op instanceof Operation.CreateTable ct) {
      String self = Names.normalize(ct.table());
      for (ColumnDef c : ct.columns()) {
        if (c.references() != null && !Names.normalize(c.references()).equals(self)) {
          out.add(c.references(), RelationKind.TABLE, LockLevel.SHARE_ROW_EXCLUSIVE,
              "REFERENCES " + c.references() + " (foreign key of the new table)");
        }
      }
      for (ConstraintDef k : ct.constraints()) {
        if (k.kind() == Kind.FOREIGN_KEY && k.referencedTable() != null
            && !Names.normalize(k.referencedTable()).equals(self)) {
          out.add(k.referencedTable(), RelationKind.TABLE, LockLevel.SHARE_ROW_EXCLUSIVE,
              "FOREIGN KEY … REFERENCES " + k.referencedTable() + " (of the new table)");
        }
      }
      if (ct.partitionOf() != null) {
        out.add(ct.partitionOf(), RelationKind.TABLE, LockLevel.ACCESS_EXCLUSIVE, "PARTITION OF " + ct.partitionOf());
      }
      for (String p : ct.inherits()) {
        out.add(p, RelationKind.TABLE, LockLevel.SHARE_UPDATE_EXCLUSIVE, "INHERITS (" + p + ")");
      }
    } else if (op instanceof Operation.CreateIndex ci) {
      out.add(ci.table(), RelationKind.TABLE,
          ci.concurrently() ? LockLevel.SHARE_UPDATE_EXCLUSIVE : LockLevel.SHARE,
          ci.concurrently() ? "CREATE INDEX CONCURRENTLY" : "CREATE INDEX");
    } else if (op instanceof Operation.DropIndex di) {
      LockLevel onTable = di.concurrently() ? LockLevel.SHARE_UPDATE_EXCLUSIVE : LockLevel.ACCESS_EXCLUSIVE;
      String cause = di.concurrently() ? "DROP INDEX CONCURRENTLY" : "DROP INDEX";
      for (String idx : di.names()) {
        String table = di.table() != null ? di.table() : schema.tableOfIndex(idx).orElse(null);
        if (table != null) out.add(table, RelationKind.TABLE, onTable, cause);
        // CONCURRENTLY: the index is marked invalid and waited out before it is removed, so no
        // query is using it when it is finally locked.
        out.add(idx, RelationKind.INDEX,
            di.concurrently() ? LockLevel.SHARE_UPDATE_EXCLUSIVE : LockLevel.ACCESS_EXCLUSIVE, cause);
      }
    } else if (op instanceof Operation.DropTable dt) {
      for (String t : dt.tables()) {
        out.add(t, RelationKind.TABLE, LockLevel.ACCESS_EXCLUSIVE, "DROP TABLE");
        // Dropping the table drops its foreign keys' triggers on each referenced table.
        for (String parent : schema.foreignKeyTargets(t)) {
          out.add(parent, RelationKind.TABLE, LockLevel.ACCESS_EXCLUSIVE,
              "DROP TABLE " + t + " (its foreign key's triggers on " + parent + ")");
        }
      }
    } else if (op instanceof Operation.Truncate tr) {
      for (String t : tr.tables()) out.add(t, RelationKind.TABLE, LockLevel.ACCESS_EXCLUSIVE, "TRUNCATE");
    } else if (op instanceof Operation.Update u) {
      out.add(u.table(), RelationKind.TABLE, LockLevel.ROW_EXCLUSIVE, "UPDATE");
    } else if (op instanceof Operation.Delete d) {
      out.add(d.table(), RelationKind.TABLE, LockLevel.ROW_EXCLUSIVE, "DELETE");
    } else if (op instanceof Operation.Insert i) {
      out.add(i.table(), RelationKind.TABLE, LockLevel.ROW_EXCLUSIVE, "INSERT");
    } else if (op instanceof Operation.LockTable lt) {
      for (String t : lt.tables()) out.add(t, RelationKind.TABLE, lt.mode(), "LOCK TABLE");
    } else if (op instanceof Operation.Maintenance m) {
      maintenance(m, schema, out);
    } else if (op instanceof Operation.RenameObject r) {
      rename(r, schema, out);
    } else if (op instanceof Operation.CreateObject co) {
      createObject(co, out);
    } else if (op instanceof Operation.DropObject d) {
      dropObject(d, out);
    } else if (op instanceof Operation.AlterObject ao) {
      alterObject(ao, schema, out);
    }
  }

  private static void alterTable(Operation.AlterTable at, Schema schema, Locks out) {
    if (at.actions().isEmpty()) {
      out.add(at.table(), RelationKind.TABLE, LockLevel.ACCESS_EXCLUSIVE, "ALTER TABLE");
      return;
    }
    for (AlterAction a : at.actions()) {
      LockLevel level = onAlteredTable(a);
      out.add(at.table(), RelationKind.TABLE, level, actionName(a));
      if (a instanceof AddConstraint ac && ac.constraint().kind() == Kind.FOREIGN_KEY
          && ac.constraint().referencedTable() != null) {
        out.addOther(at.table(), ac.constraint().referencedTable(), LockLevel.SHARE_ROW_EXCLUSIVE,
            "ADD FOREIGN KEY … REFERENCES " + ac.constraint().referencedTable());
      } else if (a instanceof AddColumn ac && ac.column().references() != null) {
        out.addOther(at.table(), ac.column().references(), LockLevel.SHARE_ROW_EXCLUSIVE,
            "ADD COLUMN " + ac.column().name() + " … REFERENCES " + ac.column().references());
      } else if (a instanceof ValidateConstraint v) {
        // Validating a foreign key reads the referenced table under ROW SHARE.
        schema.referencedTable(at.table(), v.name()).ifPresent(parent ->
            out.addOther(at.table(), parent, LockLevel.ROW_SHARE, "VALIDATE CONSTRAINT " + v.name()));
      } else if (a instanceof DropConstraint d) {
        schema.referencedTable(at.table(), d.name()).ifPresent(parent ->
            out.addOther(at.table(), parent, LockLevel.ACCESS_EXCLUSIVE,
                "DROP CONSTRAINT " + d.name() + " (the foreign key's triggers on " + parent + ")"));
      } else if (a instanceof AlterAction.OtherAction o) {
        Matcher m = ATTACH.matcher(o.text());
        if (m.matches()) {
          out.add(m.group(1), RelationKind.TABLE, LockLevel.ACCESS_EXCLUSIVE, "ATTACH PARTITION (the partition)");
        }
        m = DETACH.matcher(o.text());
        if (m.matches()) {
          // CONCURRENTLY too: its second transaction takes ACCESS EXCLUSIVE on the partition (the
          // manual, ALTER TABLE; the dry run's proof saw it queue for that mode)
          out.add(m.group(1), RelationKind.TABLE, LockLevel.ACCESS_EXCLUSIVE, "DETACH PARTITION (the partition)");
        }
      }
    }
  }

  /** The lock one ALTER TABLE action takes on the altered table. */
  public static LockLevel onAlteredTable(AlterAction action) {
    if (action instanceof ValidateConstraint) return LockLevel.SHARE_UPDATE_EXCLUSIVE;
    if (action instanceof AddConstraint ac && ac.constraint().kind() == Kind.FOREIGN_KEY) {
      return LockLevel.SHARE_ROW_EXCLUSIVE;
    }
    if (action instanceof AlterAction.OtherAction o) {
      String t = Spaces.collapse(o.text().toLowerCase(Locale.ROOT));
      // "ALTER TABLE" in the PostgreSQL manual: these subforms take SHARE UPDATE EXCLUSIVE.
      if (t.contains("set statistics") || t.contains("cluster on") || t.contains("set without cluster")
          || STORAGE_PARAMETER.matcher(t).find() || COLUMN_STORAGE_PARAMETER.matcher(t).find()) {
        return LockLevel.SHARE_UPDATE_EXCLUSIVE;
      }
      if (TRIGGER.matcher(t).lookingAt()) return LockLevel.SHARE_ROW_EXCLUSIVE;
      if (t.contains("detach partition") && t.contains("concurrently")) return LockLevel.SHARE_UPDATE_EXCLUSIVE;
      if (t.contains("attach partition")) return LockLevel.SHARE_UPDATE_EXCLUSIVE;
      return LockLevel.ACCESS_EXCLUSIVE;
    }
    // ADD/DROP/ALTER COLUMN, SET/DROP NOT NULL and DEFAULT, ADD CHECK/UNIQUE/PK, DROP CONSTRAINT,
    // RENAME, SET LOGGED: all ACCESS EXCLUSIVE.
    return LockLevel.ACCESS_EXCLUSIVE;
  }

  private static final Pattern TRIGGER = Pattern.compile("(enable|disable)( always| replica)? trigger\\b");
  private static final Pattern STORAGE_PARAMETER = Pattern.compile(
      "\\b(set|reset) ?\\( ?(autovacuum|toast\\.|fillfactor|n_distinct"
          + "|parallel_workers|vacuum_|log_autovacuum|toast_tuple_target)");
  private static final Pattern COLUMN_STORAGE_PARAMETER = Pattern.compile("^alter (column )?\\S++ (set|reset) ?\\(");

  private static void maintenance(Operation.Maintenance m, Schema schema, Locks out) {
    if (m.target() == null) return; // whole database: every table in turn, each briefly
    switch (m.kind()) {
      case VACUUM -> out.add(m.target(), RelationKind.TABLE,
          m.full() ? LockLevel.ACCESS_EXCLUSIVE : LockLevel.SHARE_UPDATE_EXCLUSIVE,
          m.full() ? "VACUUM FULL" : "VACUUM");
      case ANALYZE -> out.add(m.target(), RelationKind.TABLE, LockLevel.SHARE_UPDATE_EXCLUSIVE, "ANALYZE");
      case CLUSTER -> out.add(m.target(), RelationKind.TABLE, LockLevel.ACCESS_EXCLUSIVE, "CLUSTER");
      case REFRESH_MATERIALIZED_VIEW -> out.add(m.target(), RelationKind.MATERIALIZED_VIEW,
          m.concurrently() ? LockLevel.EXCLUSIVE : LockLevel.ACCESS_EXCLUSIVE,
          m.concurrently() ? "REFRESH MATERIALIZED VIEW CONCURRENTLY" : "REFRESH MATERIALIZED VIEW");
      case REINDEX -> {
        // REINDEX: SHARE on the table (writes wait), ACCESS EXCLUSIVE on each index rebuilt (reads
        // that would use it wait too). CONCURRENTLY: SHARE UPDATE EXCLUSIVE on both.
        LockLevel onTable = m.concurrently() ? LockLevel.SHARE_UPDATE_EXCLUSIVE : LockLevel.SHARE;
        LockLevel onIndex = m.concurrently() ? LockLevel.SHARE_UPDATE_EXCLUSIVE : LockLevel.ACCESS_EXCLUSIVE;
        String cause = m.concurrently() ? "REINDEX CONCURRENTLY" : "REINDEX";
        if ("INDEX".equals(m.targetKind())) {
          schema.tableOfIndex(m.target()).ifPresent(t -> out.add(t, RelationKind.TABLE, onTable, cause));
          out.add(m.target(), RelationKind.INDEX, onIndex, cause);
        } else if ("TABLE".equals(m.targetKind()) || m.targetKind() == null) {
          out.add(m.target(), RelationKind.TABLE, onTable, cause);
          for (String idx : schema.indexesOf(m.target())) {
            out.add(idx, RelationKind.INDEX, onIndex, cause + " (an index of " + m.target() + ")");
          }
        }
      }
    }
  }

  private static void rename(Operation.RenameObject r, Schema schema, Locks out) {
    String kind = r.objectKind() == null ? "" : r.objectKind().toUpperCase(Locale.ROOT);
    switch (kind) {
      case "TABLE" -> out.add(r.from(), RelationKind.TABLE, LockLevel.ACCESS_EXCLUSIVE, "RENAME TO");
      // PostgreSQL 12+: renaming an index takes SHARE UPDATE EXCLUSIVE on it.
      case "INDEX" -> out.add(r.from(), RelationKind.INDEX, LockLevel.SHARE_UPDATE_EXCLUSIVE, "ALTER INDEX … RENAME");
      case "VIEW" -> out.add(r.from(), RelationKind.VIEW, LockLevel.ACCESS_EXCLUSIVE, "ALTER VIEW … RENAME");
      case "MATERIALIZED VIEW" -> out.add(r.from(), RelationKind.MATERIALIZED_VIEW, LockLevel.ACCESS_EXCLUSIVE,
          "ALTER MATERIALIZED VIEW … RENAME");
      case "SEQUENCE" -> out.add(r.from(), RelationKind.SEQUENCE, LockLevel.ACCESS_EXCLUSIVE, "ALTER SEQUENCE … RENAME");
      default -> { }
    }
  }

  private static void createObject(Operation.CreateObject co, Locks out) {
    String kind = co.objectKind() == null ? "" : co.objectKind();
    switch (kind) {
      case "TRIGGER" -> {
        if (co.on() != null) out.add(co.on(), RelationKind.TABLE, LockLevel.SHARE_ROW_EXCLUSIVE, "CREATE TRIGGER");
      }
      case "POLICY", "RULE" -> {
        if (co.on() != null) out.add(co.on(), RelationKind.TABLE, LockLevel.ACCESS_EXCLUSIVE, "CREATE " + kind);
      }
      case "VIEW" -> {
        // OR REPLACE on an existing view takes ACCESS EXCLUSIVE on it; a new view locks nothing
        // anyone uses (rules tell the two apart by whether the view existed).
        if (co.orReplace() && co.name() != null) {
          out.add(co.name(), RelationKind.VIEW, LockLevel.ACCESS_EXCLUSIVE, "CREATE OR REPLACE VIEW");
        }
      }
      default -> { }
    }
  }

  private static void dropObject(Operation.DropObject d, Locks out) {
    String kind = d.objectKind() == null ? "" : d.objectKind();
    RelationKind rk = switch (kind) {
      case "VIEW" -> RelationKind.VIEW;
      case "MATERIALIZED VIEW" -> RelationKind.MATERIALIZED_VIEW;
      case "SEQUENCE" -> RelationKind.SEQUENCE;
      default -> null;
    };
    if (rk != null) {
      for (String n : d.names()) out.add(n, rk, LockLevel.ACCESS_EXCLUSIVE, "DROP " + kind);
    } else if ((kind.equals("TRIGGER") || kind.equals("POLICY") || kind.equals("RULE")) && d.on() != null) {
      out.add(d.on(), RelationKind.TABLE, LockLevel.ACCESS_EXCLUSIVE, "DROP " + kind);
    }
  }

  private static void alterObject(Operation.AlterObject ao, Schema schema, Locks out) {
    String kind = ao.objectKind() == null ? "" : ao.objectKind();
    String action = ao.action() == null ? "" : ao.action();
    switch (kind) {
      case "TYPE" -> {
        // ADD VALUE locks the enum type itself (EXCLUSIVE, against concurrent ADD VALUE); tables
        // using the type are not locked.
        if (action.startsWith("ADD VALUE")) {
          out.add(ao.name(), RelationKind.TYPE, LockLevel.EXCLUSIVE, "ALTER TYPE … ADD VALUE");
        }
      }
      case "VIEW" -> out.add(ao.name(), RelationKind.VIEW, LockLevel.ACCESS_EXCLUSIVE, "ALTER VIEW");
      case "MATERIALIZED VIEW" -> out.add(ao.name(), RelationKind.MATERIALIZED_VIEW,
          action.startsWith("SET (") || action.startsWith("RESET (") || action.startsWith("CLUSTER ON")
              || action.startsWith("SET WITHOUT CLUSTER") || action.contains("SET STATISTICS")
              ? LockLevel.SHARE_UPDATE_EXCLUSIVE : LockLevel.ACCESS_EXCLUSIVE,
          "ALTER MATERIALIZED VIEW");
      // PostgreSQL 10+: ALTER SEQUENCE takes SHARE ROW EXCLUSIVE (nextval() continues).
      case "SEQUENCE" -> out.add(ao.name(), RelationKind.SEQUENCE, LockLevel.SHARE_ROW_EXCLUSIVE, "ALTER SEQUENCE");
      case "INDEX" -> {
        boolean light = action.startsWith("SET (") || action.startsWith("RESET (")
            || action.contains("SET STATISTICS") || action.startsWith("ATTACH PARTITION");
        out.add(ao.name(), RelationKind.INDEX,
            light ? LockLevel.SHARE_UPDATE_EXCLUSIVE : LockLevel.ACCESS_EXCLUSIVE, "ALTER INDEX");
      }
      case "TRIGGER" -> {
        if (ao.on() != null) out.add(ao.on(), RelationKind.TABLE, LockLevel.ACCESS_EXCLUSIVE, "ALTER TRIGGER");
      }
      case "POLICY" -> {
        if (ao.on() != null) out.add(ao.on(), RelationKind.TABLE, LockLevel.ACCESS_EXCLUSIVE, "ALTER POLICY");
      }
      default -> { }
    }
  }

  /** The ALTER TABLE action as a short name for "what takes the lock". */
  public static String actionName(AlterAction a) {
    if (a instanceof AlterAction.OtherAction o) {
      String t = Spaces.collapse(o.text().trim());
      String[] w = t.split(" ");
      return (w.length >= 2 ? w[0] + " " + w[1] : t).toUpperCase(Locale.ROOT);
    }
    String n = a.getClass().getSimpleName();
    return Spaces.betweenCamelWords(n).toUpperCase(Locale.ROOT);
  }

  /** Strongest lock per relation, first-seen order. */
  private static final class Locks {
    private final Map<String, RelationLock> byRelation = new LinkedHashMap<>();

    void add(String relation, RelationKind kind, LockLevel level, String cause) {
      if (relation == null || level == LockLevel.NONE) return;
      String key = Names.normalize(relation);
      RelationLock old = byRelation.get(key);
      if (old == null || level.compareTo(old.level()) > 0) {
        byRelation.put(key, new RelationLock(key, old == null ? kind : old.kind(), level, cause));
      }
    }

    /** A lock on a table other than {@code self} (a self-referencing key adds nothing). */
    void addOther(String self, String table, LockLevel level, String cause) {
      if (Names.normalize(self).equals(Names.normalize(table))) return;
      add(table, RelationKind.TABLE, level, cause);
    }

    List<RelationLock> list() {
      return new ArrayList<>(byRelation.values());
    }
  }
}
