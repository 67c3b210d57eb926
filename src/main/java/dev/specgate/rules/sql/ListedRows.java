package dev.specgate.rules.sql;

/**
 * Whether a WHERE clause only compares columns with literal values ({@code id = 42},
 * {@code name = 'legacy' AND kind IN (1, 2)}): a fix-up of listed rows, not a pass over the whole
 * table. Join predicates, NULL tests, ranges and sub-selects are not.
 *
 * <p>Plain code, one pass: the regular expression this replaces recursed once per list item and
 * overflowed the stack on an {@code IN} list of about 550 values (issue 9).
 *
 * <pre>
 * clause  := term (("AND" | "OR") term)*
 * term    := "("? column ("=" literal | "IN" "(" literal ("," literal)* ")") ")"?
 * column  := (name ".")? '"'? name '"'?
 * literal := -?digits(.digits)? | 'text'('::' type words)? | TRUE | FALSE
 * </pre>
 */
final class ListedRows {
  private final String s;
  private int i;

  private ListedRows(String s) {
    this.s = s;
  }

  static boolean matches(String where) {
    if (where == null) return false;
    ListedRows p = new ListedRows(where.trim());
    return p.clause();
  }

  private boolean clause() {
    if (!term()) return false;
    while (true) {
      int before = i;
      if (!space()) break;
      if (!keyword("and") && !keyword("or")) {
        i = before;
        break;
      }
      if (!space()) return false;
      if (!term()) return false;
    }
    skipSpaces();
    return i == s.length();
  }

  private boolean term() {
    accept('(');
    skipSpaces();
    if (!column()) return false;
    skipSpaces();
    if (accept('=')) {
      skipSpaces();
      if (!literal()) return false;
    } else if (keyword("in")) {
      skipSpaces();
      if (!accept('(')) return false;
      skipSpaces();
      if (!literal()) return false;
      while (true) {
        int before = i;
        skipSpaces();
        if (!accept(',')) {
          i = before;
          break;
        }
        skipSpaces();
        if (!literal()) return false;
      }
      skipSpaces();
      if (!accept(')')) return false;
    } else {
      return false;
    }
    // a closing parenthesis is optional either way, as it was in the regular expression this replaces
    int before = i;
    skipSpaces();
    if (!accept(')')) i = before;
    return true;
  }

  private boolean column() {
    if (!name()) {
      return quotedName();
    }
    if (accept('.')) {
      return name() || quotedName();
    }
    return true;
  }

  private boolean quotedName() {
    if (!accept('"')) return false;
    if (!name()) return false;
    return accept('"');
  }

  private boolean name() {
    if (i >= s.length() || !nameStart(s.charAt(i))) return false;
    i++;
    while (i < s.length() && namePart(s.charAt(i))) i++;
    return true;
  }

  private boolean literal() {
    if (i >= s.length()) return false;
    char c = s.charAt(i);
    if (c == '-' || Character.isDigit(c)) return number();
    if (c == '\'') {
      if (!string()) return false;
      int before = i;
      skipSpaces();
      if (s.startsWith("::", i)) {
        i += 2;
        skipSpaces();
        if (!typeWords()) return false;
      } else {
        i = before;
      }
      return true;
    }
    return keyword("true") || keyword("false");
  }

  private boolean number() {
    accept('-');
    if (!digits()) return false;
    int before = i;
    if (accept('.') && !digits()) i = before;
    return true;
  }

  private boolean digits() {
    int start = i;
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
    return i > start;
  }

  private boolean string() {
    i++; // opening quote
    while (i < s.length()) {
      if (s.charAt(i) == '\'') {
        if (i + 1 < s.length() && s.charAt(i + 1) == '\'') {
          i += 2;
          continue;
        }
        i++;
        return true;
      }
      i++;
    }
    return false;
  }

  /** A cast's type: words such as {@code text} or {@code character varying}, up to AND / OR. */
  private boolean typeWords() {
    int start = i;
    while (true) {
      int wordStart = i;
      while (i < s.length() && (Character.toLowerCase(s.charAt(i)) >= 'a' && Character.toLowerCase(s.charAt(i)) <= 'z'
          || s.charAt(i) == '_')) {
        i++;
      }
      String word = s.substring(wordStart, i).toLowerCase(java.util.Locale.ROOT);
      if (word.isEmpty() || word.equals("and") || word.equals("or")) {
        i = wordStart;
        break;
      }
      int before = i;
      skipSpaces();
      if (i == before) break;
    }
    // trailing spaces belong to what follows
    while (i > start && Character.isWhitespace(s.charAt(i - 1))) i--;
    return i > start;
  }

  private boolean keyword(String word) {
    int end = i + word.length();
    if (end > s.length() || !s.regionMatches(true, i, word, 0, word.length())) return false;
    if (end < s.length() && namePart(s.charAt(end))) return false;
    i = end;
    return true;
  }

  private boolean accept(char c) {
    if (i < s.length() && s.charAt(i) == c) {
      i++;
      return true;
    }
    return false;
  }

  private boolean space() {
    int start = i;
    skipSpaces();
    return i > start;
  }

  private void skipSpaces() {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
  }

  private static boolean nameStart(char c) {
    char l = Character.toLowerCase(c);
    return (l >= 'a' && l <= 'z') || c == '_';
  }

  private static boolean namePart(char c) {
    return nameStart(c) || (c >= '0' && c <= '9');
  }
}
