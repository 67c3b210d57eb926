package dev.specgate.sql;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Decides whether a WHERE clause bounds an UPDATE/DELETE to one batch: a key range
 * ({@code id BETWEEN a AND b}, {@code id >= a AND id < b}) or a sub-select with LIMIT / FETCH
 * ({@code id IN (SELECT id … LIMIT 1000)}, {@code ctid = ANY(ARRAY(SELECT ctid … LIMIT n))}), and
 * no OR at the top level. A heuristic: the bounds are not checked to be on a key.
 */
final class BatchPredicate {
  private BatchPredicate() {}

  static boolean isBatched(List<SqlToken> t, int from, int to) {
    // a top-level OR lets rows outside the bound through
    int depth = 0;
    for (int k = from; k < to; k++) {
      SqlToken tok = t.get(k);
      if (tok.isOp("(")) depth++;
      else if (tok.isOp(")")) depth--;
      else if (depth == 0 && tok.isWord("OR")) return false;
    }
    Set<String> lower = new HashSet<>();
    Set<String> upper = new HashSet<>();
    for (int k = from; k < to; k++) {
      SqlToken tok = t.get(k);
      if (tok.isWord("BETWEEN") && k > from && t.get(k - 1).isIdentifier()) return true;
      if (tok.isOp("(") && k + 1 < to && (t.get(k + 1).isWord("SELECT") || t.get(k + 1).isWord("WITH"))
          && subSelectLimited(t, k, to)) {
        return true;
      }
      if (tok.isIdentifier() && k + 1 < to) {
        SqlToken op = t.get(k + 1);
        if (op.isOp(">") || op.isOp(">=")) lower.add(tok.upper());
        else if (op.isOp("<") || op.isOp("<=")) upper.add(tok.upper());
      }
    }
    for (String col : lower) if (upper.contains(col)) return true;
    return false;
  }

  /** At '(' opening a sub-select: true when LIMIT or FETCH appears at that sub-select's level. */
  private static boolean subSelectLimited(List<SqlToken> t, int open, int to) {
    int depth = 0;
    for (int k = open; k < to; k++) {
      SqlToken tok = t.get(k);
      if (tok.isOp("(")) depth++;
      else if (tok.isOp(")")) {
        if (--depth == 0) return false;
      } else if (depth == 1 && (tok.isWord("LIMIT") || tok.isWord("FETCH") || tok.isWord("TOP"))) {
        return true;
      }
    }
    return false;
  }
}
