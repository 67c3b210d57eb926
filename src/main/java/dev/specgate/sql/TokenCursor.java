package dev.specgate.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A read position over the tokens of one statement, with the small helpers the recogniser uses. */
final class TokenCursor {
  final String sql;
  final List<SqlToken> tokens;
  final Dialect dialect;
  int pos;

  TokenCursor(String sql, List<SqlToken> tokens, Dialect dialect) {
    this.sql = sql;
    this.tokens = tokens;
    this.dialect = dialect;
  }

  boolean mysql() {
    return dialect == Dialect.MYSQL;
  }

  boolean atEnd() {
    return pos >= tokens.size();
  }

  SqlToken peek() {
    return peek(0);
  }

  SqlToken peek(int k) {
    int j = pos + k;
    return j < tokens.size() ? tokens.get(j) : null;
  }

  /** The current token, moving past it; at the end an empty token, so callers fail on it cleanly. */
  SqlToken next() {
    if (pos >= tokens.size()) {
      pos++;
      return new SqlToken(SqlToken.Kind.OP, "", "", sql.length(), sql.length());
    }
    return tokens.get(pos++);
  }

  boolean isWord(String w) {
    return isWord(0, w);
  }

  boolean isWord(int k, String w) {
    SqlToken t = peek(k);
    return t != null && t.isWord(w);
  }

  boolean isOp(String op) {
    SqlToken t = peek();
    return t != null && t.isOp(op);
  }

  boolean isOp(int k, String op) {
    SqlToken t = peek(k);
    return t != null && t.isOp(op);
  }

  boolean accept(String w) {
    if (isWord(w)) {
      pos++;
      return true;
    }
    return false;
  }

  /** Accepts the whole sequence of words or nothing. */
  boolean accept(String... ws) {
    for (int k = 0; k < ws.length; k++) if (!isWord(k, ws[k])) return false;
    pos += ws.length;
    return true;
  }

  boolean acceptOp(String op) {
    if (isOp(op)) {
      pos++;
      return true;
    }
    return false;
  }

  void expect(String w) throws RecogniseException {
    if (!accept(w)) throw error("expected " + w);
  }

  void expectOp(String op) throws RecogniseException {
    if (!acceptOp(op)) throw error("expected '" + op + "'");
  }

  RecogniseException error(String what) {
    SqlToken t = peek();
    String found = t == null ? "end of statement" : "'" + shorten(t.text()) + "'";
    return new RecogniseException(what + " but found " + found, t == null ? sql.length() : t.start());
  }

  private static String shorten(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }

  boolean atIdentifier() {
    SqlToken t = peek();
    return t != null && t.isIdentifier();
  }

  /** A possibly qualified name, as written (parts joined with '.'). */
  String rawName() throws RecogniseException {
    if (!atIdentifier()) throw error("expected a name");
    StringBuilder b = new StringBuilder(next().text());
    while (isOp(".") && peek(1) != null && (peek(1).isIdentifier() || peek(1).isOp("*"))) {
      pos++;
      b.append('.').append(next().text());
    }
    return b.toString();
  }

  /** A possibly qualified name, normalized. */
  String name() throws RecogniseException {
    return Names.normalize(rawName());
  }

  /** A comma-separated list of names. */
  List<String> names() throws RecogniseException {
    List<String> out = new ArrayList<>();
    do {
      out.add(name());
    } while (acceptOp(","));
    return out;
  }

  /** At '(': moves past the matching ')' (or to the end). */
  void skipParens() {
    int depth = 0;
    while (!atEnd()) {
      SqlToken t = next();
      if (t.isOp("(")) depth++;
      else if (t.isOp(")") && --depth <= 0) return;
    }
  }

  /** Moves to the next ',' at depth 0 (not consuming it) or the end; returns the first token index. */
  int skipToComma() {
    int from = pos;
    int depth = 0;
    while (!atEnd()) {
      SqlToken t = peek();
      if (t.isOp("(") || t.isOp("[")) depth++;
      else if (t.isOp(")") || t.isOp("]")) {
        if (depth == 0) return from;
        depth--;
      } else if (depth == 0 && t.isOp(",")) return from;
      pos++;
    }
    return from;
  }

  /** The source text of tokens [from, to). */
  String text(int from, int to) {
    to = Math.min(to, tokens.size());
    if (to <= from) return "";
    return sql.substring(tokens.get(from).start(), tokens.get(to - 1).end());
  }

  /** The source text from token {@code from} to the end. */
  String textToEnd(int from) {
    return text(from, tokens.size());
  }

  /**
   * A type as written, lower-cased (quoted parts kept), with single spaces: tokens joined by one
   * space except around '(', ')', ',', '.', '[' and ']'.
   */
  String typeText(int from, int to) {
    to = Math.min(to, tokens.size());
    StringBuilder b = new StringBuilder();
    SqlToken prev = null;
    for (int k = from; k < to; k++) {
      SqlToken t = tokens.get(k);
      if (prev != null && !glued(prev, t)) b.append(' ');
      b.append(t.kind() == SqlToken.Kind.WORD ? t.text().toLowerCase(Locale.ROOT) : t.text());
      prev = t;
    }
    return b.toString();
  }

  private static boolean glued(SqlToken prev, SqlToken t) {
    if (t.kind() == SqlToken.Kind.OP) {
      String x = t.text();
      if (x.equals("(") || x.equals(")") || x.equals(",") || x.equals(".") || x.equals("[")
          || x.equals("]")) return true;
    }
    if (prev.kind() == SqlToken.Kind.OP) {
      String x = prev.text();
      return x.equals("(") || x.equals(".") || x.equals("[") || x.equals(",");
    }
    return false;
  }
}
