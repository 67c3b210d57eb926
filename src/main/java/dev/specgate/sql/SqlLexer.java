package dev.specgate.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Tokenises one statement for {@link DdlRecogniser}. Comments are dropped; never throws. */
final class SqlLexer {
  private static final String[] OPS3 = {"->>", "#>>"};
  private static final String[] OPS2 = {
    "::", "<=", ">=", "<>", "!=", "||", "->", "#>", "@>", "<@", ":=", "=>", "&&", "<<", ">>", "~~", "!~"
  };

  private SqlLexer() {}

  static List<SqlToken> tokenize(String s, Dialect dialect) {
    boolean mysql = dialect == Dialect.MYSQL;
    List<SqlToken> out = new ArrayList<>();
    int n = s.length();
    int i = 0;
    int openExecutable = 0;
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && s.charAt(i + 1) == '-'
          && !(mysql && i + 2 < n && Character.isDigit(s.charAt(i + 2)))) {
        while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') i++;
      } else if (c == '#' && mysql) {
        while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') i++;
      } else if (mysql && c == '/' && i + 2 < n && s.charAt(i + 1) == '*' && s.charAt(i + 2) == '!') {
        // MySQL executable comment: its content is code; the opening and the closing are dropped
        i += 3;
        while (i < n && Character.isDigit(s.charAt(i))) i++;
        openExecutable++;
      } else if (mysql && openExecutable > 0 && c == '*' && i + 1 < n && s.charAt(i + 1) == '/') {
        i += 2;
        openExecutable--;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        i = skipComment(s, i, !mysql);
      } else if (c == '\'') {
        int e = endQuoted(s, i, '\'', mysql);
        out.add(tok(SqlToken.Kind.STRING, s, i, e));
        i = e;
      } else if (c == '"') {
        int e = endQuoted(s, i, '"', mysql);
        out.add(tok(mysql ? SqlToken.Kind.STRING : SqlToken.Kind.QUOTED_IDENT, s, i, e));
        i = e;
      } else if (c == '`') {
        int e = endQuoted(s, i, '`', false);
        out.add(tok(SqlToken.Kind.QUOTED_IDENT, s, i, e));
        i = e;
      } else if (c == '$' && !mysql && dollarEnd(s, i) > 0) {
        int e = dollarEnd(s, i);
        out.add(tok(SqlToken.Kind.STRING, s, i, e));
        i = e;
      } else if (c == '$' && i + 1 < n && Character.isDigit(s.charAt(i + 1))) {
        int e = i + 1;
        while (e < n && Character.isDigit(s.charAt(e))) e++;
        out.add(tok(SqlToken.Kind.PARAM, s, i, e));
        i = e;
      } else if (StatementSplitter.isIdentStart(c)) {
        int e = i;
        while (e < n && StatementSplitter.isIdentPart(s.charAt(e))) e++;
        int len = e - i;
        if (e < n && s.charAt(e) == '\'' && len <= 2 && isStringPrefix(s.substring(i, e))) {
          boolean backslash = mysql || Character.toUpperCase(c) == 'E';
          int q = endQuoted(s, e, '\'', backslash);
          out.add(tok(SqlToken.Kind.STRING, s, i, q));
          i = q;
        } else if (mysql && c == '_' && e < n && s.charAt(e) == '\'') {
          out.add(tok(SqlToken.Kind.WORD, s, i, e)); // charset introducer such as _utf8'x'
          i = e;
        } else {
          out.add(tok(SqlToken.Kind.WORD, s, i, e));
          i = e;
        }
      } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
        int e = i + 1;
        while (e < n && (Character.isLetterOrDigit(s.charAt(e)) || s.charAt(e) == '.'
            || s.charAt(e) == '_'
            || ((s.charAt(e) == '+' || s.charAt(e) == '-') && (s.charAt(e - 1) == 'e' || s.charAt(e - 1) == 'E')))) {
          if (s.charAt(e) == '.' && e + 1 < n && s.charAt(e + 1) == '.') break;
          e++;
        }
        out.add(tok(SqlToken.Kind.NUMBER, s, i, e));
        i = e;
      } else {
        int len = opLength(s, i);
        out.add(tok(SqlToken.Kind.OP, s, i, i + len));
        i += len;
      }
    }
    return out;
  }

  private static boolean isStringPrefix(String p) {
    switch (p.toUpperCase(Locale.ROOT)) {
      case "E": case "N": case "B": case "X": case "U": case "R": case "BX":
        return true;
      default:
        return false;
    }
  }

  private static SqlToken tok(SqlToken.Kind kind, String s, int from, int to) {
    String text = s.substring(from, to);
    String upper = kind == SqlToken.Kind.WORD ? text.toUpperCase(Locale.ROOT) : text;
    return new SqlToken(kind, text, upper, from, to);
  }

  private static int opLength(String s, int i) {
    for (String op : OPS3) if (s.startsWith(op, i)) return 3;
    for (String op : OPS2) if (s.startsWith(op, i)) return 2;
    return 1;
  }

  private static int skipComment(String s, int i, boolean nested) {
    int n = s.length();
    int depth = 1;
    i += 2;
    while (i < n) {
      if (s.charAt(i) == '*' && i + 1 < n && s.charAt(i + 1) == '/') {
        i += 2;
        if (--depth == 0) return i;
      } else if (nested && s.charAt(i) == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        depth++;
        i += 2;
      } else {
        i++;
      }
    }
    return n;
  }

  /** End offset (exclusive) of the quoted token starting at {@code i}. */
  static int endQuoted(String s, int i, char q, boolean backslash) {
    int n = s.length();
    i++;
    while (i < n) {
      char c = s.charAt(i);
      if (backslash && c == '\\') {
        i += 2;
      } else if (c == q) {
        if (i + 1 < n && s.charAt(i + 1) == q) i += 2;
        else return i + 1;
      } else {
        i++;
      }
    }
    return n;
  }

  /** End of a dollar-quoted string at {@code i}, or -1 when '$' does not open one. */
  private static int dollarEnd(String s, int i) {
    int n = s.length();
    int j = i + 1;
    if (j < n && s.charAt(j) != '$') {
      if (!StatementSplitter.isIdentStart(s.charAt(j))) return -1;
      while (j < n && (StatementSplitter.isIdentStart(s.charAt(j)) || Character.isDigit(s.charAt(j)))) j++;
      if (j >= n || s.charAt(j) != '$') return -1;
    }
    if (j >= n) return -1;
    String tag = s.substring(i, j + 1);
    int close = s.indexOf(tag, j + 1);
    return close < 0 ? n : close + tag.length();
  }
}
