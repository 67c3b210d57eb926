package dev.specgate.engine;

import dev.specgate.sql.Migration;
import dev.specgate.sql.Names;
import dev.specgate.sql.Statement;
import dev.specgate.sql.StatementTables;
import java.util.LinkedHashSet;
import java.util.Set;

/** The tables a migration's statements act on (unqualified, normalized names). */
public final class TouchedTables {
  private TouchedTables() {}

  public static Set<String> of(Migration m) {
    Set<String> unqualified = new LinkedHashSet<>();
    for (Statement s : m.statements()) {
      for (String t : StatementTables.actedOn(s.op())) unqualified.add(Names.unqualified(t));
    }
    return unqualified;
  }
}
