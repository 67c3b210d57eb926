package dev.specgate.engine;

import dev.specgate.sql.Migration;
import dev.specgate.sql.Names;
import dev.specgate.sql.Operation;
import dev.specgate.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Set;

/** The tables a migration's statements act on (unqualified, normalized names). */
public final class TouchedTables {
  private TouchedTables() {}

  public static Set<String> of(Migration m) {
    Set<String> out = new LinkedHashSet<>();
    for (Statement s : m.statements()) {
      Operation op = s.op();
      if (op instanceof Operation.CreateTable x) out.add(x.table());
      else if (op instanceof Operation.AlterTable x) out.add(x.table());
      else if (op instanceof Operation.DropTable x) out.addAll(x.tables());
      else if (op instanceof Operation.Truncate x) out.addAll(x.tables());
      else if (op instanceof Operation.CreateIndex x) out.add(x.table());
      else if (op instanceof Operation.Update x) out.add(x.table());
      else if (op instanceof Operation.Delete x) out.add(x.table());
      else if (op instanceof Operation.Insert x) out.add(x.table());
    }
    Set<String> unqualified = new LinkedHashSet<>();
    for (String t : out) if (t != null) unqualified.add(Names.unqualified(t));
    return unqualified;
  }
}
