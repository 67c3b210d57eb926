package dev.specgate.dryrun;

import dev.specgate.engine.Config;
import dev.specgate.sql.MigrationFile;
import dev.specgate.engine.Workspace;
import dev.specgate.packet.Packet;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.ColumnDef;
import dev.specgate.sql.ConstraintDef;
import dev.specgate.sql.Migration;
import dev.specgate.sql.MigrationParser;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import dev.specgate.sql.StatementTables;
import dev.specgate.sql.schema.MigrationOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a dry run applies, read from the same {@link Workspace} the analysis uses (so files run in
 * their tool's order, with its transaction semantics): the schema dumps before the change (the
 * statements the Workspace parsed, loaded before anything else), the base history (forward
 * migrations the change did not touch), the change (forward migrations it touched; for a
 * directory, all of them), and the change's rollback scripts, latest first.
 */
record ChangePlan(
    List<Script> dumps,
    List<Script> base,
    List<Script> change,
    List<Script> rollback,
    List<Packet> packets) {
  private static final Pattern FLYWAY_VERSIONED = Pattern.compile("[Vv][0-9._]+__.*");
  private static final Pattern FLYWAY_UNDO = Pattern.compile("[Uu][0-9._]+__.*");
  /** An index column that is a plain column name, not an expression. */
  private static final Pattern PLAIN_COLUMN = Pattern.compile("[a-z_][a-z0-9_]*+");

  /** The plan of a change whose workspace the analysis of its report discovers too (one parse of its files). */
  static ChangePlan of(Workspace ws, Config config) {
    List<Script> dumps = new ArrayList<>();
    for (MigrationFile d : ws.schemaDumps()) {
      dumps.add(new Script(d.path() + " (schema dump)", d.path(), 0, d.migration().statements(), false, null));
    }
    List<Script> base = new ArrayList<>();
    List<Script> change = new ArrayList<>();
    List<MigrationFile> changedUps = new ArrayList<>();
    for (MigrationFile m : ws.migrations()) {
      if (m.isDown()) continue;
      Script up = upPart(m);
      if (m.inChange()) {
        change.add(up);
        changedUps.add(m);
      } else {
        base.add(up);
      }
    }
    List<Script> rollback = new ArrayList<>();
    for (int i = changedUps.size() - 1; i >= 0; i--) {
      Script down = downOf(changedUps.get(i), ws.migrations(), config);
      if (down != null) rollback.add(down);
    }
    return new ChangePlan(dumps, base, change, rollback, ws.packetsInScope());
  }

  /** The forward statements of a file (before a goose/dbmate down marker). */
  private static Script upPart(MigrationFile m) {
    int downAt = m.source().content() == null ? -1 : MigrationOrder.downSectionStart(m.source().content());
    List<Statement> up = new ArrayList<>();
    for (Statement s : m.migration().statements()) {
      if (downAt < 0 || s.span().startOffset() < downAt) up.add(s);
    }
    return new Script(m.path(), m.path(), 0, up, m.toolTransaction(), null);
  }

  /**
   * The rollback of a forward migration: the down section of a goose/dbmate file, else the down
   * file beside it (golang-migrate {@code x.down.sql}, diesel {@code down.sql}, sqitch
   * {@code revert/x.sql}, Flyway {@code U<version>__…}); null when there is none.
   */
  private static Script downOf(MigrationFile up, List<MigrationFile> all, Config config) {
    String text = up.source().content();
    int downAt = text == null ? -1 : MigrationOrder.downSectionStart(text);
    if (downAt >= 0) {
      List<Statement> down = new ArrayList<>();
      for (Statement s : up.migration().statements()) if (s.span().startOffset() >= downAt) down.add(s);
      return new Script(up.path() + " (down section)", up.path(), 0, down, up.toolTransaction(), null);
    }
    for (MigrationFile m : all) {
      if (m.isDown() && pairs(up.path(), m.path())) {
        return new Script(m.path(), m.path(), 0, m.migration().statements(), m.toolTransaction(), null);
      }
    }
    return null;
  }

  static boolean pairs(String upPath, String downPath) {
    String up = upPath.replace('\\', '/');
    String down = downPath.replace('\\', '/');
    String lower = up.toLowerCase(Locale.ROOT);
    if (lower.endsWith(".up.sql")) return down.equals(up.substring(0, up.length() - 7) + ".down.sql");
    if (lower.endsWith("_up.sql")) return down.equals(up.substring(0, up.length() - 7) + "_down.sql");
    if (lower.endsWith("/up.sql") || lower.equals("up.sql")) {
      return down.equals(up.substring(0, up.length() - 6) + "down.sql");
    }
    if (up.contains("/deploy/") || up.startsWith("deploy/")) {
      String revert = up.startsWith("deploy/") ? "revert/" + up.substring(7) : up.replace("/deploy/", "/revert/");
      return down.equals(revert);
    }
    String upName = up.substring(up.lastIndexOf('/') + 1);
    String downName = down.substring(down.lastIndexOf('/') + 1);
    String upDir = up.substring(0, up.lastIndexOf('/') + 1);
    String downDir = down.substring(0, down.lastIndexOf('/') + 1);
    if (FLYWAY_VERSIONED.matcher(upName).matches() && FLYWAY_UNDO.matcher(downName).matches() && upDir.equals(downDir)) {
      return upName.substring(1, upName.indexOf("__")).equals(downName.substring(1, downName.indexOf("__")));
    }
    return false;
  }

  /** Tables the change acts on that it does not create itself, in the order it first names them. */
  Set<String> touchedExistingTables() {
    Set<String> created = new LinkedHashSet<>();
    Set<String> out = new LinkedHashSet<>();
    for (Script s : change) {
      for (Statement st : s.statements()) {
        Operation op = st.op();
        if (op instanceof Operation.CreateTable ct) {
          created.add(ct.table());
          continue;
        }
        // a view, or a table renamed into a name, is made by the change too
        if (op instanceof Operation.CreateObject co && co.name() != null
            && co.objectKind().toUpperCase(Locale.ROOT).contains("VIEW")) {
          created.add(co.name());
        }
        for (String t : tablesOf(op)) if (!created.contains(t)) out.add(t);
        if (op instanceof Operation.AlterTable at) {
          for (AlterAction a : at.actions()) {
            if (a instanceof AlterAction.RenameTable r) created.add(dev.specgate.sql.Names.normalize(r.newName()));
          }
        }
      }
    }
    return out;
  }

  /** The tables a statement acts on ({@link StatementTables#actedOn}), and the table VACUUM or ANALYZE reads. */
  private static Set<String> tablesOf(Operation op) {
    if (op instanceof Operation.Maintenance m && m.target() != null
        && (m.kind() == Operation.Maintenance.Kind.VACUUM || m.kind() == Operation.Maintenance.Kind.ANALYZE)) {
      return Set.of(m.target());
    }
    return StatementTables.actedOn(op);
  }

  /**
   * The columns the change reads on a table without adding them: what a stand-in for a table no
   * migration creates must have for the change to run.
   */
  Set<String> columnsNamedOn(String table) {
    Set<String> added = new LinkedHashSet<>();
    Set<String> named = new LinkedHashSet<>();
    for (Script s : change) {
      for (Statement st : s.statements()) {
        Operation op = st.op();
        if (op instanceof Operation.AlterTable at && at.table().equals(table)) {
          for (AlterAction a : at.actions()) {
            if (a instanceof AlterAction.AddColumn ac) added.add(ac.column().name());
            else if (a instanceof AlterAction.DropColumn d) named.add(d.column());
            else if (a instanceof AlterAction.AlterColumnType t) named.add(t.column());
            else if (a instanceof AlterAction.SetNotNull n) named.add(n.column());
            else if (a instanceof AlterAction.DropNotNull n) named.add(n.column());
            else if (a instanceof AlterAction.SetDefault d) named.add(d.column());
            else if (a instanceof AlterAction.DropDefault d) named.add(d.column());
            else if (a instanceof AlterAction.RenameColumn r) named.add(r.from());
            else if (a instanceof AlterAction.AddConstraint c) named.addAll(c.constraint().columns());
          }
        } else if (op instanceof Operation.CreateIndex ci && ci.table().equals(table)) {
          for (String c : ci.columns()) if (PLAIN_COLUMN.matcher(c).matches()) named.add(c);
        } else if (op instanceof Operation.Update u && u.table().equals(table)) {
          named.addAll(u.columns());
        }
      }
    }
    named.removeAll(added);
    return named;
  }

  /** Foreign keys the change adds (single column): table.column → referenced table. */
  Map<String, String> plannedForeignKeys() {
    Map<String, String> out = new LinkedHashMap<>();
    for (Script s : change) {
      for (Statement st : s.statements()) {
        if (!(st.op() instanceof Operation.AlterTable at)) continue;
        for (AlterAction a : at.actions()) {
          if (a instanceof AlterAction.AddConstraint c && c.constraint().kind() == ConstraintDef.Kind.FOREIGN_KEY
              && c.constraint().columns().size() == 1 && c.constraint().referencedTable() != null) {
            out.put(at.table() + "." + c.constraint().columns().get(0), c.constraint().referencedTable());
          }
        }
      }
    }
    return out;
  }

  /**
   * The tables the change's foreign keys reference that it does not create, each with the columns
   * referenced (its primary key, {@code id}, when none is named) and their type: the referencing
   * column's type where the change declares it, else bigint. What a stand-in must have for the
   * constraint to be accepted.
   */
  Map<String, Map<String, String>> referencedTables() {
    Map<String, String> declared = new LinkedHashMap<>(); // table.column → type, as the change writes them
    Set<String> created = new LinkedHashSet<>();
    List<Map.Entry<String, ConstraintDef>> keys = new ArrayList<>();
    for (Script s : change) {
      for (Statement st : s.statements()) {
        if (st.op() instanceof Operation.CreateTable ct) {
          created.add(ct.table());
          for (ColumnDef c : ct.columns()) declared.put(ct.table() + "." + c.name(), c.type());
          for (ConstraintDef c : ct.constraints()) keys.add(Map.entry(ct.table(), c));
        } else if (st.op() instanceof Operation.AlterTable at) {
          for (AlterAction a : at.actions()) {
            if (a instanceof AlterAction.AddColumn ac) declared.put(at.table() + "." + ac.column().name(), ac.column().type());
            else if (a instanceof AlterAction.AddConstraint c) keys.add(Map.entry(at.table(), c.constraint()));
          }
        }
      }
    }
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (Map.Entry<String, ConstraintDef> k : keys) {
      ConstraintDef c = k.getValue();
      if (c.kind() != ConstraintDef.Kind.FOREIGN_KEY || c.referencedTable() == null) continue;
      String target = dev.specgate.sql.Names.normalize(c.referencedTable());
      if (created.contains(target)) continue;
      List<String> referenced = c.referencedColumns().isEmpty() ? List.of("id") : c.referencedColumns();
      Map<String, String> columns = out.computeIfAbsent(target, t -> new LinkedHashMap<>());
      for (int i = 0; i < referenced.size(); i++) {
        String from = i < c.columns().size() ? declared.get(k.getKey() + "." + c.columns().get(i)) : null;
        columns.putIfAbsent(referenced.get(i), from != null ? from : "bigint");
      }
    }
    return out;
  }

  /** The CHECK expressions the change adds, per table: the seeder leaves the columns they read NULL. */
  Map<String, List<String>> newCheckExpressions() {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (Script s : change) {
      for (Statement st : s.statements()) {
        if (!(st.op() instanceof Operation.AlterTable at)) continue;
        for (AlterAction a : at.actions()) {
          if (a instanceof AlterAction.AddConstraint c && c.constraint().kind() == ConstraintDef.Kind.CHECK
              && c.constraint().expression() != null) {
            out.computeIfAbsent(at.table(), k -> new ArrayList<>()).add(c.constraint().expression());
          }
        }
      }
    }
    return out;
  }
}
