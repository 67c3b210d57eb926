package dev.specgate.rules.guardrail;

import dev.specgate.sql.AlterAction;
import dev.specgate.sql.ColumnDef;
import dev.specgate.sql.Names;
import dev.specgate.sql.Operation;
import java.util.ArrayList;
import java.util.List;

/**
 * What one migration statement does to one named object, in the guardrail verbs: a DROP COLUMN is
 * a REMOVE of the column, a RENAME COLUMN a RENAME of its old name, ALTER COLUMN TYPE a CHANGE, …
 *
 * @param table the table the statement works on (unqualified), or {@code null}
 * @param name the column, index, type or table the event is about
 */
record SqlEvent(Verb verb, String table, String name, String what) {

  static List<SqlEvent> of(Operation op) {
    List<SqlEvent> out = new ArrayList<>();
    if (op instanceof Operation.CreateTable ct) {
      String t = base(ct.table());
      out.add(new SqlEvent(Verb.ADD, t, t, "creates table `" + t + "`"));
      for (ColumnDef c : ct.columns()) {
        out.add(new SqlEvent(Verb.ADD, t, c.name(), "creates column `" + t + "." + c.name() + "`"));
      }
    } else if (op instanceof Operation.AlterTable at) {
      String t = base(at.table());
      for (AlterAction a : at.actions()) out.add(alter(t, a));
    } else if (op instanceof Operation.DropTable dt) {
      for (String t0 : dt.tables()) {
        String t = base(t0);
        out.add(new SqlEvent(Verb.REMOVE, t, t, "drops table `" + t + "`"));
      }
    } else if (op instanceof Operation.Truncate tr) {
      for (String t0 : tr.tables()) {
        String t = base(t0);
        out.add(new SqlEvent(Verb.CHANGE, t, t, "truncates table `" + t + "`"));
      }
    } else if (op instanceof Operation.CreateIndex ci) {
      String t = base(ci.table());
      String n = ci.name() == null ? t : base(ci.name());
      out.add(new SqlEvent(Verb.ADD, t, n, "creates index `" + n + "` on `" + t + "`"));
      for (String c : ci.columns()) {
        out.add(new SqlEvent(Verb.CHANGE, t, c, "indexes column `" + t + "." + c + "`"));
      }
    } else if (op instanceof Operation.DropIndex di) {
      for (String n0 : di.names()) {
        String n = base(n0);
        out.add(new SqlEvent(Verb.REMOVE, null, n, "drops index `" + n + "`"));
      }
    } else if (op instanceof Operation.RenameObject ro) {
      String from = base(ro.from());
      out.add(new SqlEvent(Verb.RENAME, from, from,
          "renames " + ro.objectKind().toLowerCase(java.util.Locale.ROOT) + " `" + from + "` to `"
              + base(ro.to()) + "`"));
    } else if (op instanceof Operation.CreateObject co) {
      String n = base(co.name());
      out.add(new SqlEvent(Verb.ADD, null, n, "creates " + kind(co.objectKind()) + " `" + n + "`"));
    } else if (op instanceof Operation.DropObject d) {
      for (String n0 : d.names()) {
        String n = base(n0);
        out.add(new SqlEvent(Verb.REMOVE, null, n, "drops " + kind(d.objectKind()) + " `" + n + "`"));
      }
    } else if (op instanceof Operation.Update u) {
      String t = base(u.table());
      out.add(new SqlEvent(Verb.CHANGE, t, t, "updates rows of `" + t + "`"));
      for (String c : u.columns()) {
        out.add(new SqlEvent(Verb.CHANGE, t, c, "updates column `" + t + "." + c + "`"));
      }
    } else if (op instanceof Operation.Delete d) {
      String t = base(d.table());
      out.add(new SqlEvent(Verb.CHANGE, t, t, "deletes rows of `" + t + "`"));
    }
    return out;
  }

  private static SqlEvent alter(String t, AlterAction a) {
    if (a instanceof AlterAction.AddColumn ac) {
      return new SqlEvent(Verb.ADD, t, ac.column().name(),
          "adds column `" + t + "." + ac.column().name() + "`");
    }
    if (a instanceof AlterAction.DropColumn dc) {
      return new SqlEvent(Verb.REMOVE, t, dc.column(), "drops column `" + t + "." + dc.column() + "`");
    }
    if (a instanceof AlterAction.RenameColumn rc) {
      return new SqlEvent(Verb.RENAME, t, rc.from(),
          "renames column `" + t + "." + rc.from() + "` to `" + rc.to() + "`");
    }
    if (a instanceof AlterAction.RenameTable rt) {
      return new SqlEvent(Verb.RENAME, t, t, "renames table `" + t + "` to `" + base(rt.newName()) + "`");
    }
    if (a instanceof AlterAction.AlterColumnType act) {
      return new SqlEvent(Verb.CHANGE, t, act.column(),
          "changes the type of `" + t + "." + act.column() + "` to " + act.newType());
    }
    if (a instanceof AlterAction.SetNotNull s) return colChange(t, s.column(), "sets NOT NULL on");
    if (a instanceof AlterAction.DropNotNull s) return colChange(t, s.column(), "drops NOT NULL on");
    if (a instanceof AlterAction.SetDefault s) return colChange(t, s.column(), "sets the default of");
    if (a instanceof AlterAction.DropDefault s) return colChange(t, s.column(), "drops the default of");
    return new SqlEvent(Verb.CHANGE, t, t, "alters table `" + t + "`");
  }

  private static SqlEvent colChange(String t, String c, String what) {
    return new SqlEvent(Verb.CHANGE, t, c, what + " `" + t + "." + c + "`");
  }

  private static String kind(String k) {
    return k == null ? "object" : k.toLowerCase(java.util.Locale.ROOT);
  }

  private static String base(String name) {
    return name == null ? null : Names.unqualified(name);
  }
}
