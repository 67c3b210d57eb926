package dev.specgate.sql;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The tables a statement names, read from the SQL layer's model: the tables its operation acts
 * on, and — for any statement, SELECT included — the tables its FROM / JOIN clauses read (at the
 * top level or in a sub-select, not {@code EXTRACT(… FROM col)}). Names as written, normalized.
 */
public final class StatementTables {
  private StatementTables() {}

  /** The tables an operation creates, alters, drops, indexes or writes to. */
  public static Set<String> actedOn(Operation op) {
    Set<String> out = new LinkedHashSet<>();
    if (op instanceof Operation.CreateTable x) out.add(x.table());
    else if (op instanceof Operation.AlterTable x) out.add(x.table());
    else if (op instanceof Operation.DropTable x) out.addAll(x.tables());
    else if (op instanceof Operation.Truncate x) out.addAll(x.tables());
    else if (op instanceof Operation.CreateIndex x) out.add(x.table());
    else if (op instanceof Operation.Update x) out.add(x.table());
    else if (op instanceof Operation.Delete x) out.add(x.table());
    else if (op instanceof Operation.Insert x) out.add(x.table());
    out.remove(null);
    return out;
  }

  /** {@link #actedOn} plus the tables of FROM / JOIN clauses. */
  public static Set<String> named(Statement s, Dialect dialect) {
    Set<String> out = new LinkedHashSet<>(actedOn(s.op()));
    if (s.op() instanceof Operation.Unparsed || s.op() instanceof Operation.DoBlock) return out;
    List<SqlToken> t = SqlLexer.tokenize(s.sql(), dialect);
    // per open parenthesis: does it hold a sub-select (FROM counts) or a function call (it does not)
    Deque<Boolean> query = new ArrayDeque<>();
    for (int i = 0; i < t.size(); i++) {
      SqlToken k = t.get(i);
      if (k.isOp("(")) {
        SqlToken next = i + 1 < t.size() ? t.get(i + 1) : null;
        query.push(next != null && (next.isWord("SELECT") || next.isWord("WITH")));
      } else if (k.isOp(")")) {
        if (!query.isEmpty()) query.pop();
      } else if ((k.isWord("FROM") || k.isWord("JOIN")) && (query.isEmpty() || query.peek())) {
        int j = i + 1;
        while (j < t.size() && (t.get(j).isWord("ONLY") || t.get(j).isWord("LATERAL"))) j++;
        String name = qualifiedName(t, j);
        if (name != null) out.add(Names.normalize(name));
      }
    }
    return out;
  }

  /** {@code a} or {@code a.b} starting at token {@code i}; null when no identifier is there. */
  private static String qualifiedName(List<SqlToken> t, int i) {
    if (i >= t.size() || !t.get(i).isIdentifier()) return null;
    String name = t.get(i).text();
    if (i + 2 < t.size() && t.get(i + 1).isOp(".") && t.get(i + 2).isIdentifier()) {
      name = name + "." + t.get(i + 2).text();
    }
    return name;
  }
}
