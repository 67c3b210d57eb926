package dev.specgate.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Two questions about how a data change is batched, answered from the statement's tokens: does an
 * UPDATE / DELETE carry its own {@code LIMIT} clause (MySQL syntax PostgreSQL rejects), and what
 * does a {@code DO} block's body run (its UPDATE / DELETE / INSERT statements parsed like any
 * statement, whether it loops, whether it commits between iterations).
 */
public final class BatchingSyntax {
  private BatchingSyntax() {}

  /** What a DO block runs. {@code dml} statements carry lines of the file the DO block is in. */
  public record DoBody(List<Statement> dml, boolean loops, boolean commits) {
    public DoBody {
      dml = List.copyOf(dml);
    }
  }

  /** True when an UPDATE or DELETE has a top-level {@code LIMIT} clause of its own. */
  public static boolean hasOwnLimit(Statement s, Dialect dialect) {
    List<SqlToken> t = SqlLexer.tokenize(s.sql(), dialect);
    int first = firstWord(t);
    if (first < 0 || !(t.get(first).isWord("UPDATE") || t.get(first).isWord("DELETE"))) return false;
    int depth = 0;
    for (int i = first; i < t.size(); i++) {
      SqlToken k = t.get(i);
      if (k.isOp("(")) depth++;
      else if (k.isOp(")")) depth--;
      else if (depth == 0 && k.isWord("LIMIT")) return true;
    }
    return false;
  }

  /**
   * True when an UPDATE / DELETE is bounded to one batch: by its own WHERE / LIMIT (as the
   * recogniser reads it) or by a keyset CTE it joins to.
   */
  public static boolean isBatched(Statement s, Dialect dialect) {
    boolean limited = s.op() instanceof Operation.Update u && u.limited()
        || s.op() instanceof Operation.Delete d && d.limited();
    return limited || batchedByCte(s, dialect);
  }

  /**
   * True for {@code WITH batch AS (SELECT id … ORDER BY id LIMIT 1000) UPDATE t … FROM batch …}
   * (or {@code … WHERE id IN (SELECT id FROM batch)}): the keys come from a CTE with its own LIMIT
   * or FETCH, and the main UPDATE / DELETE reads that CTE, so it touches one batch of rows.
   */
  public static boolean batchedByCte(Statement s, Dialect dialect) {
    List<SqlToken> t = SqlLexer.tokenize(s.sql(), dialect);
    int i = firstWord(t);
    if (i < 0 || !t.get(i).isWord("WITH")) return false;
    i++;
    if (i < t.size() && t.get(i).isWord("RECURSIVE")) i++;
    java.util.Set<String> limitedCtes = new java.util.HashSet<>();
    while (i < t.size() && t.get(i).isIdentifier()) {
      String name = t.get(i).upper();
      i++;
      if (i < t.size() && t.get(i).isOp("(")) i = afterParens(t, i);
      if (i >= t.size() || !t.get(i).isWord("AS")) return false;
      i++;
      while (i < t.size() && (t.get(i).isWord("NOT") || t.get(i).isWord("MATERIALIZED"))) i++;
      if (i >= t.size() || !t.get(i).isOp("(")) return false;
      int close = afterParens(t, i);
      if (limitedAtTopLevel(t, i, close)) limitedCtes.add(name);
      i = close;
      if (i < t.size() && t.get(i).isOp(",")) i++;
      else break;
    }
    if (limitedCtes.isEmpty() || i >= t.size()
        || !(t.get(i).isWord("UPDATE") || t.get(i).isWord("DELETE"))) {
      return false;
    }
    for (int k = i + 1; k < t.size(); k++) {
      if (t.get(k).isIdentifier() && limitedCtes.contains(t.get(k).upper())) return true;
    }
    return false;
  }

  /** The index after the ')' that closes the '(' at {@code open}. */
  private static int afterParens(List<SqlToken> t, int open) {
    int depth = 0;
    for (int k = open; k < t.size(); k++) {
      if (t.get(k).isOp("(")) depth++;
      else if (t.get(k).isOp(")") && --depth == 0) return k + 1;
    }
    return t.size();
  }

  /** LIMIT or FETCH directly inside the parentheses from {@code open} to {@code close}. */
  private static boolean limitedAtTopLevel(List<SqlToken> t, int open, int close) {
    int depth = 0;
    for (int k = open; k < close; k++) {
      SqlToken tok = t.get(k);
      if (tok.isOp("(")) depth++;
      else if (tok.isOp(")")) depth--;
      else if (depth == 1 && (tok.isWord("LIMIT") || tok.isWord("FETCH"))) return true;
    }
    return false;
  }

  /** The body of a {@code DO $$ … $$} statement; empty when it is not one or has no body. */
  public static DoBody doBody(Statement s, Dialect dialect) {
    String sql = s.sql();
    List<SqlToken> t = SqlLexer.tokenize(sql, dialect);
    int first = firstWord(t);
    if (first < 0 || !t.get(first).isWord("DO")) return new DoBody(List.of(), false, false);
    SqlToken body = null;
    for (SqlToken k : t) {
      if (k.kind() == SqlToken.Kind.STRING && k.text().startsWith("$")) {
        body = k;
        break;
      }
    }
    if (body == null) return new DoBody(List.of(), false, false);
    int tagEnd = body.text().indexOf('$', 1) + 1;
    int from = body.start() + tagEnd;
    int to = Math.max(from, body.end() - tagEnd);
    String text = sql.substring(from, Math.min(to, sql.length()));
    List<SqlToken> inner = SqlLexer.tokenize(text, dialect);
    boolean loops = false;
    boolean commits = false;
    List<Statement> dml = new ArrayList<>();
    for (int i = 0; i < inner.size(); i++) {
      SqlToken k = inner.get(i);
      if (k.isWord("LOOP")) loops = true;
      if (k.isWord("COMMIT")) commits = true;
      boolean starts = i == 0 || inner.get(i - 1).isOp(";") || startsBlock(inner.get(i - 1));
      if (!starts || !(k.isWord("UPDATE") || k.isWord("DELETE") || k.isWord("INSERT")
          || k.isWord("WITH"))) {
        continue;
      }
      int end = text.length();
      int depth = 0;
      for (int j = i + 1; j < inner.size(); j++) {
        SqlToken e = inner.get(j);
        if (e.isOp("(")) depth++;
        else if (e.isOp(")")) depth--;
        else if (depth == 0 && e.isOp(";")) {
          end = e.start();
          break;
        }
      }
      int offsetInStatement = from + k.start();
      int line = s.span().startLine() + newlines(sql, offsetInStatement);
      String padded = "\n".repeat(Math.max(0, line - 1)) + text.substring(k.start(), end);
      for (Statement p : MigrationParser.parse("", padded, dialect).statements()) dml.add(p);
    }
    return new DoBody(dml, loops, commits);
  }

  private static boolean startsBlock(SqlToken k) {
    return k.isWord("BEGIN") || k.isWord("LOOP") || k.isWord("THEN") || k.isWord("ELSE");
  }

  private static int firstWord(List<SqlToken> t) {
    for (int i = 0; i < t.size(); i++) if (t.get(i).isWord()) return i;
    return -1;
  }

  private static int newlines(String s, int upTo) {
    int n = 0;
    for (int i = 0; i < upTo && i < s.length(); i++) if (s.charAt(i) == '\n') n++;
    return n;
  }
}
