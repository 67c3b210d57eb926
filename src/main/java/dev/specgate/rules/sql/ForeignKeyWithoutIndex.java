package dev.specgate.rules.sql;

import dev.specgate.core.Severity;
import dev.specgate.rules.Family;
import dev.specgate.rules.Findings;
import dev.specgate.rules.Rule;
import dev.specgate.rules.RuleContext;
import dev.specgate.rules.RuleInfo;
import dev.specgate.rules.sql.SqlRuleSupport.At;
import dev.specgate.sql.AlterAction;
import dev.specgate.sql.LockLevel;
import dev.specgate.sql.Operation;
import java.util.Locale;
import dev.specgate.sql.ColumnDef;
import dev.specgate.sql.ConstraintDef;
import dev.specgate.sql.Names;
import dev.specgate.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;

/**
 * A foreign key whose referencing columns no index leads with (by the end of the file, or built by
 * another forward migration, as the safe order does in a migration of its own: an index
 * created later in the same file, the table's primary key or a unique constraint count). Every
 * DELETE or key UPDATE on the referenced table then scans the referencing table, under the row
 * locks of the parent's transaction. PostgreSQL only.
 */
@RuleInfo(
    id = "foreign-key-without-index",
    family = Family.SQL,
    severity = Severity.NOTICE,
    aliases = {"eugene:E15"},
    summary = "A foreign key with no index on its referencing columns")
public final class ForeignKeyWithoutIndex implements Rule {
  private record Fk(At at, String table, List<String> columns, String parent) {}

  /** An index a forward migration builds: its file and columns. */
  private record BuiltIndex(String path, List<String> columns) {}

  @Override
  public void check(RuleContext context, Findings out) {
    Map<String, List<BuiltIndex>> built = null; // computed once, when the first key needs it
    for (At at : SqlRuleSupport.statements(context, false)) {
      if (!at.postgres()) continue;
      for (Fk fk : foreignKeys(at)) {
        if (built == null) built = builtIndexes(context);
        if (indexed(context, fk, built)) continue;
        String table = SqlRuleSupport.name(fk.table());
        String cols = String.join(", ", fk.columns());
        out.report(SqlRuleSupport.location(at),
            "foreign key " + table + " (" + cols + ") → " + SqlRuleSupport.name(fk.parent())
                + " has no index leading with " + cols,
            "Each DELETE from " + SqlRuleSupport.name(fk.parent()) + " (and each update of its key) must"
                + " find the referencing rows of " + table + ": without an index that is a full scan of "
                + table + " per deleted row, run while the deleting transaction holds its locks.",
            "CREATE INDEX CONCURRENTLY " + Names.unqualified(fk.table()).replace("\"", "") + "_"
                + String.join("_", fk.columns()).replace("\"", "") + "_idx ON " + table + " (" + cols + ");");
      }
    }
  }

  private static List<Fk> foreignKeys(At at) {
    List<Fk> out = new ArrayList<>();
    if (at.op() instanceof Operation.CreateTable ct) {
      for (ColumnDef c : ct.columns()) {
        if (c.references() != null && !c.primaryKey() && !c.unique()) out.add(new Fk(at, ct.table(), List.of(c.name()), c.references()));
      }
      for (ConstraintDef k : ct.constraints()) {
        if (k.kind() == ConstraintDef.Kind.FOREIGN_KEY && !k.columns().isEmpty()) {
          out.add(new Fk(at, ct.table(), k.columns(), k.referencedTable()));
        }
      }
    } else if (at.op() instanceof Operation.AlterTable alter) {
      for (AlterAction a : alter.actions()) {
        if (a instanceof AlterAction.AddColumn ac && ac.column().references() != null
            && !ac.column().primaryKey() && !ac.column().unique()) {
          out.add(new Fk(at, alter.table(), List.of(ac.column().name()), ac.column().references()));
        } else if (a instanceof AlterAction.AddConstraint ac && ac.constraint().kind() == ConstraintDef.Kind.FOREIGN_KEY
            && !ac.constraint().columns().isEmpty()) {
          out.add(new Fk(at, alter.table(), ac.constraint().columns(), ac.constraint().referencedTable()));
        }
      }
    }
    return out;
  }

  /**
   * The indexes every forward migration builds, by table: looked up per foreign key instead of
   * scanning every statement of the history for each one (that scan was most of a corpus run).
   */
  private static Map<String, List<BuiltIndex>> builtIndexes(RuleContext c) {
    Map<String, List<BuiltIndex>> out = new HashMap<>();
    for (var m : c.migrations()) {
      if (m.isDown()) continue;
      for (Statement s : m.migration().statements()) {
        if (s.op() instanceof Operation.CreateIndex ci && ci.table() != null) {
          out.computeIfAbsent(Names.normalize(ci.table()), t -> new ArrayList<>()).add(new BuiltIndex(m.path(), ci.columns()));
        }
      }
    }
    return out;
  }

  /** An index or PK/UNIQUE leading with the key's columns exists by the end of the file. */
  private static boolean indexed(RuleContext c, Fk fk, Map<String, List<BuiltIndex>> built) {
    List<Statement> all = fk.at().file().migration().statements();
    Statement last = all.get(all.size() - 1);
    String table = Names.normalize(fk.table());
    for (var i : c.schema().indexesOn(fk.at().file(), last, fk.table())) {
      if (leads(i.columns(), fk.columns())) return true;
    }
    // the statement itself and later ones of the file (the history answers "before" a statement)
    for (Statement s : all) {
      if (s.index() < fk.at().statement().index()) continue;
      if (createsLeadingIndex(s, table, fk)) return true;
    }
    // the safe order builds the index CONCURRENTLY in a migration of its own after the NOT VALID
    // key: an index any other forward migration builds counts too
    String path = fk.at().file().path();
    for (BuiltIndex b : built.getOrDefault(table, List.of())) {
      if (!b.path().equals(path) && leads(b.columns(), fk.columns())) return true;
    }
    var state = c.schema().tableBefore(fk.at().file(), last, fk.table());
    if (state.isPresent()) {
      for (var k : state.get().constraints().values()) {
        if ((k.kind().equals("PRIMARY_KEY") || k.kind().equals("UNIQUE")) && leads(k.columns(), fk.columns())) return true;
      }
    }
    if (fk.at().op() instanceof Operation.CreateTable ct) {
      for (ConstraintDef k : ct.constraints()) {
        if ((k.kind() == ConstraintDef.Kind.PRIMARY_KEY || k.kind() == ConstraintDef.Kind.UNIQUE)
            && leads(k.columns(), fk.columns())) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean createsLeadingIndex(Statement s, String table, Fk fk) {
    return s.op() instanceof Operation.CreateIndex ci && Names.normalize(ci.table()).equals(table)
        && leads(ci.columns(), fk.columns());
  }

  private static boolean leads(List<String> indexColumns, List<String> key) {
    if (indexColumns.size() < key.size()) return false;
    List<String> lead = indexColumns.subList(0, key.size()).stream().map(ForeignKeyWithoutIndex::norm).sorted().toList();
    return lead.equals(key.stream().map(ForeignKeyWithoutIndex::norm).sorted().toList());
  }

  private static String norm(String c) {
    return c.replace("\"", "").trim().toLowerCase(Locale.ROOT);
  }
}
