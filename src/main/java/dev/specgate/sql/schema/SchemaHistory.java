package dev.specgate.sql.schema;

import dev.specgate.engine.MigrationFile;
import dev.specgate.sql.Names;
import dev.specgate.sql.Operation;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The forward migrations replayed in order, so a rule can ask what existed before a statement.
 * "Existing table" (DESIGN section 1): one not created earlier in the same file nor, when the
 * source is a change, anywhere in that change.
 */
public final class SchemaHistory {
  /** For each statement (by file and index): the tables that existed before it. */
  private final Map<String, Map<Integer, Set<String>>> tablesBefore = new HashMap<>();
  /** Tables created by migrations the change touched (for a PATHS analysis: by any file). */
  private final Set<String> createdInChange = new HashSet<>();

  private SchemaHistory() {}

  public static SchemaHistory replay(List<MigrationFile> ordered) {
    SchemaHistory h = new SchemaHistory();
    Set<String> tables = new HashSet<>();
    for (MigrationFile m : ordered) {
      if (m.isDown()) continue;
      Map<Integer, Set<String>> perStatement = new HashMap<>();
      for (Statement s : m.migration().statements()) {
        perStatement.put(s.index(), Set.copyOf(tables));
        apply(s.op(), tables, m.inChange() ? h.createdInChange : null);
      }
      h.tablesBefore.put(m.path(), perStatement);
    }
    return h;
  }

  /**
   * True when {@code table} is an existing table at {@code statement}: it existed before the
   * statement and was not created by the change itself.
   */
  public boolean isExistingTable(MigrationFile file, Statement statement, String table) {
    String t = Names.unqualified(Names.normalize(table));
    if (createdInChange.contains(t)) return false;
    Map<Integer, Set<String>> perStatement = tablesBefore.get(file.path());
    if (perStatement == null) return true;
    Set<String> before = perStatement.get(statement.index());
    // A table never created by any replayed migration predates them all: it exists.
    return before == null || before.contains(t) || !everCreated(t);
  }

  private boolean everCreated(String table) {
    for (Map<Integer, Set<String>> perStatement : tablesBefore.values()) {
      for (Set<String> s : perStatement.values()) if (s.contains(table)) return true;
    }
    return createdInChange.contains(table);
  }

  private static void apply(Operation op, Set<String> tables, Set<String> created) {
    if (op instanceof Operation.CreateTable ct) {
      String t = Names.unqualified(ct.table());
      tables.add(t);
      if (created != null) created.add(t);
    } else if (op instanceof Operation.DropTable dt) {
      for (String t : dt.tables()) tables.remove(Names.unqualified(t));
    } else if (op instanceof Operation.AlterTable at) {
      for (AlterAction a : at.actions()) {
        if (a instanceof AlterAction.RenameTable rt) {
          tables.remove(Names.unqualified(at.table()));
          tables.add(Names.unqualified(rt.newName()));
        }
      }
    }
  }
}
