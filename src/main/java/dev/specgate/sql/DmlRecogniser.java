package dev.specgate.sql;

import java.util.ArrayList;
import java.util.List;

/** INSERT, UPDATE and DELETE: the target table, the SET columns and the WHERE clause as written. */
final class DmlRecogniser {
  private DmlRecogniser() {}

  /** After INSERT or REPLACE. */
  static Operation insert(TokenCursor c) throws RecogniseException {
    while (c.accept("IGNORE") || c.accept("LOW_PRIORITY") || c.accept("DELAYED")
        || c.accept("HIGH_PRIORITY")) {
      // MySQL modifiers
    }
    c.accept("INTO");
    String table = c.name();
    if (c.accept("AS") && c.atIdentifier()) c.pos++;
    if (c.isOp("(") && !(c.isWord(1, "SELECT") || c.isWord(1, "WITH") || c.isWord(1, "VALUES"))) c.skipParens();
    if (c.accept("OVERRIDING")) {
      c.pos += 2;
    }
    boolean fromSelect = c.isWord("SELECT") || c.isWord("WITH") || c.isWord("TABLE") || c.isOp("(");
    if (!fromSelect && !c.isWord("VALUES") && !c.isWord("VALUE") && !c.isWord("DEFAULT")
        && !c.isWord("SET")) {
      throw c.error("expected VALUES, SELECT, DEFAULT VALUES or SET");
    }
    return new Operation.Insert(table, fromSelect);
  }

  /** After UPDATE. */
  static Operation update(TokenCursor c) throws RecogniseException {
    c.accept("LOW_PRIORITY");
    c.accept("IGNORE");
    c.accept("ONLY");
    String table = c.name();
    c.acceptOp("*");
    // alias, MySQL joins: up to SET at depth 0
    int depth = 0;
    while (!c.atEnd() && !(depth == 0 && c.isWord("SET"))) {
      if (c.isOp("(")) depth++;
      else if (c.isOp(")")) depth--;
      c.pos++;
    }
    c.expect("SET");
    if (c.atEnd()) throw c.error("expected a column to set");
    List<String> columns = new ArrayList<>();
    while (!c.atEnd()) {
      if (c.isOp("(")) {
        c.pos++;
        while (!c.atEnd() && !c.isOp(")")) {
          columns.add(target(c));
          if (!c.acceptOp(",")) break;
        }
        c.expectOp(")");
      } else {
        columns.add(target(c));
      }
      if (!c.acceptOp("=")) throw c.error("expected '='");
      if (!skipExpression(c)) break;
    }
    Where w = whereOf(c);
    return new Operation.Update(table, columns, w.text(), limitedAfter(c, w));
  }

  /**
   * A SET target: a column with array subscripts and composite fields ({@code a[1:2]},
   * {@code f1[1].q2}); in MySQL a column may be table-qualified ({@code t.col}). The column's name
   * is returned.
   */
  private static String target(TokenCursor c) throws RecogniseException {
    if (!c.atIdentifier()) throw c.error("expected a column name");
    String name = Names.normalize(c.next().text());
    while (c.isOp("[") || (c.isOp(".") && c.peek(1) != null && c.peek(1).isIdentifier())) {
      if (c.acceptOp(".")) {
        String part = Names.normalize(c.next().text());
        if (c.mysql()) name = part;
      } else {
        while (!c.atEnd() && !c.isOp("]")) c.pos++;
        c.acceptOp("]");
      }
    }
    return name;
  }

  /** After DELETE. */
  static Operation delete(TokenCursor c) throws RecogniseException {
    while (c.accept("LOW_PRIORITY") || c.accept("QUICK") || c.accept("IGNORE")) {
      // MySQL modifiers
    }
    String table;
    if (c.accept("FROM")) {
      c.accept("ONLY");
      table = c.name();
    } else {
      table = c.name(); // MySQL: DELETE t FROM t JOIN …
    }
    c.acceptOp("*");
    int depth = 0;
    while (!c.atEnd() && !(depth == 0 && (c.isWord("WHERE") || c.isWord("LIMIT")
        || c.isWord("ORDER") || c.isWord("RETURNING")))) {
      if (c.isOp("(")) depth++;
      else if (c.isOp(")")) depth--;
      c.pos++;
    }
    Where w = whereOf(c);
    return new Operation.Delete(table, w.text(), limitedAfter(c, w));
  }

  /**
   * Skips one SET value to a ',' at depth 0 (consumed; returns true) or to WHERE, FROM, RETURNING,
   * ORDER BY, LIMIT or the end (returns false).
   */
  private static boolean skipExpression(TokenCursor c) {
    int depth = 0;
    while (!c.atEnd()) {
      SqlToken t = c.peek();
      if (t.isOp("(") || t.isOp("[") || t.isWord("CASE")) depth++;
      else if (t.isOp(")") || t.isOp("]") || t.isWord("END")) depth--;
      else if (depth == 0) {
        if (t.isOp(",")) {
          c.pos++;
          return true;
        }
        if (t.isWord("WHERE") || t.isWord("FROM") || t.isWord("RETURNING") || t.isWord("LIMIT")
            || (t.isWord("ORDER") && c.isWord(1, "BY"))) return false;
      }
      c.pos++;
    }
    return false;
  }

  /** A WHERE clause: its text as written (null when absent) and its token range. */
  private record Where(String text, int from, int to) {}

  /** Moves past FROM/USING to WHERE and reads the clause, leaving the cursor after it. */
  private static Where whereOf(TokenCursor c) throws RecogniseException {
    int depth = 0;
    while (!c.atEnd() && !(depth == 0 && (c.isWord("WHERE") || c.isWord("RETURNING")
        || c.isWord("LIMIT") || (c.isWord("ORDER") && c.isWord(1, "BY"))))) {
      if (c.isOp("(")) depth++;
      else if (c.isOp(")")) depth--;
      c.pos++;
    }
    if (!c.accept("WHERE")) return new Where(null, -1, -1);
    int from = c.pos;
    depth = 0;
    while (!c.atEnd()) {
      SqlToken t = c.peek();
      if (t.isOp("(")) depth++;
      else if (t.isOp(")")) depth--;
      else if (depth == 0 && (t.isWord("RETURNING") || t.isWord("LIMIT")
          || (t.isWord("ORDER") && c.isWord(1, "BY")))) break;
      c.pos++;
    }
    if (c.pos == from) throw c.error("expected a condition after WHERE");
    return new Where(c.text(from, c.pos), from, c.pos);
  }

  /** True when a LIMIT follows, or the WHERE clause bounds a batch. */
  private static boolean limitedAfter(TokenCursor c, Where w) {
    boolean batched = w.text() != null && BatchPredicate.isBatched(c.tokens, w.from(), w.to());
    int depth = 0;
    while (!c.atEnd()) {
      SqlToken t = c.next();
      if (t.isOp("(")) depth++;
      else if (t.isOp(")")) depth--;
      else if (depth == 0 && t.isWord("LIMIT")) return true;
    }
    return batched;
  }
}
