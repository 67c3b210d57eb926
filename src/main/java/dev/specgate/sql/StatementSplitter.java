package dev.specgate.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts a migration file into statements without parsing them. It understands single-quoted strings
 * ({@code ''} escape), {@code E'…'} strings with backslash escapes, double-quoted identifiers,
 * dollar-quoted bodies ({@code $$…$$}, {@code $fn$…$fn$}), {@code --} and nested {@code /* *}{@code /}
 * comments, and for MySQL backticks, {@code #} comments, backslash escapes in strings, {@code
 * DELIMITER} lines and {@code /*!40101 … *}{@code /} executable comments (kept as statement text).
 * {@code BEGIN … END} bodies of MySQL routines and PostgreSQL {@code BEGIN ATOMIC} bodies are kept
 * whole. psql meta-command lines ({@code \connect}) and the data of {@code COPY … FROM stdin} are
 * skipped. It never throws: an unterminated construct makes the statement run to the end of the
 * file and is described in {@link SplitStatement#problem()}.
 */
public final class StatementSplitter {
  private final String s;
  private final boolean mysql;
  private final SourceLines lines;
  private final List<SplitStatement> out = new ArrayList<>();
  private int i;
  private String delimiter = ";";

  // the statement being read
  private int start = -1;
  private int lastEnd = -1;
  private String problem;
  private int wordCount;
  private String firstWord;
  private String prevWord;
  private boolean routine;
  private int blockDepth;
  private boolean copyFromStdin;
  private boolean sawParen;
  /** psql does not end a statement at a ';' inside parentheses (CREATE RULE … DO (a; b)). */
  private int parenDepth;
  /** Inside goose's {@code -- +goose StatementBegin} … {@code StatementEnd}: one statement. */
  private boolean gooseBlock;
  private int gooseBlockFrom = -1;

  private StatementSplitter(String text, Dialect dialect) {
    this.s = text == null ? "" : text;
    this.mysql = dialect == Dialect.MYSQL;
    this.lines = new SourceLines(this.s);
  }

  /** The statements of {@code text}, in order; statements holding only comments are skipped. */
  public static List<SplitStatement> split(String text, Dialect dialect) {
    StatementSplitter sp = new StatementSplitter(text, dialect);
    sp.run();
    return sp.out;
  }

  /** Line/column mapping of a whole file, shared with the parser. */
  static SourceLines lines(String text) {
    return new SourceLines(text == null ? "" : text);
  }

  private void run() {
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (delimiter.length() > 0 && !";".equals(delimiter) && s.startsWith(delimiter, i)) {
        i += delimiter.length();
        endStatement();
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        i++;
      } else if (c == '-' && next(1) == '-' && !(mysql && Character.isDigit(next(2)))) {
        lineComment();
      } else if (c == '#' && mysql) {
        skipToLineEnd();
      } else if (c == '/' && next(1) == '*') {
        blockComment();
      } else if (c == '\'') {
        quoted('\'', mysql, "quoted string");
      } else if (c == '"') {
        quoted('"', mysql, mysql ? "quoted string" : "quoted identifier");
      } else if (c == '`' && mysql) {
        quoted('`', false, "backtick-quoted identifier");
      } else if (c == '$' && !mysql && dollarQuote()) {
        // consumed
      } else if (c == ';' && ";".equals(delimiter)) {
        if (gooseBlock) {
          i++; // not marked: the text ends before the block's last ';', as it does elsewhere
        } else if (blockDepth > 0 || parenDepth > 0) {
          mark(i, i + 1);
          i++;
        } else {
          i++;
          endStatement();
        }
      } else if (c == '\\' && start < 0 && !mysql && atLineStart(i)) {
        skipToLineEnd(); // psql meta-command such as \connect or \set
      } else if (isIdentStart(c)) {
        word();
      } else {
        if (c == '(') {
          sawParen = true;
          if (!mysql) parenDepth++;
        } else if (c == ')' && parenDepth > 0) {
          parenDepth--;
        }
        mark(i, i + 1);
        i++;
      }
    }
    if (gooseBlock && problem == null) {
      problem = "-- +goose StatementBegin at line " + lines.line(gooseBlockFrom)
          + " has no -- +goose StatementEnd: the statement runs to the end of the file";
    }
    if (start >= 0 && parenDepth > 0 && problem == null) {
      problem = "unclosed '(' : the statement runs to the end of the file";
    }
    endStatement();
  }

  /**
   * A {@code --} comment. goose's {@code -- +goose StatementBegin} and {@code -- +goose
   * StatementEnd} lines (alone on their line) make the text between them one statement, whatever
   * semicolons it holds, as goose sends it; any other comment is skipped.
   */
  private void lineComment() {
    int from = i;
    skipToLineEnd();
    if (!atLineStart(from)) return;
    String annotation = gooseAnnotation(from + 2, i);
    if ("STATEMENTBEGIN".equals(annotation) && !gooseBlock) {
      gooseBlock = true;
      gooseBlockFrom = from;
    } else if ("STATEMENTEND".equals(annotation) && gooseBlock) {
      gooseBlock = false;
      gooseBlockFrom = -1;
      endStatement();
    }
  }

  /** The upper-cased word after {@code +goose} in comment text {@code [from, to)}, or null. */
  private String gooseAnnotation(int from, int to) {
    int j = from;
    while (j < to && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) j++;
    if (!s.regionMatches(true, j, "+goose", 0, 6)) return null;
    j += 6;
    int blanks = j;
    while (j < to && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) j++;
    if (j == blanks) return null;
    int w = j;
    while (j < to && Character.isLetter(s.charAt(j)) && j - w < 20) j++;
    int end = j;
    while (j < to && Character.isWhitespace(s.charAt(j))) j++;
    if (j != to || end == w) return null;
    return s.substring(w, end).toUpperCase(Locale.ROOT);
  }

  private char next(int k) {
    int j = i + k;
    return j < s.length() ? s.charAt(j) : '\0';
  }

  private boolean atLineStart(int at) {
    for (int j = at - 1; j >= 0; j--) {
      char c = s.charAt(j);
      if (c == '\n' || c == '\r') return true;
      if (c != ' ' && c != '\t') return false;
    }
    return true;
  }

  private void mark(int from, int to) {
    if (start < 0) start = from;
    lastEnd = to;
  }

  private void skipToLineEnd() {
    while (i < s.length() && s.charAt(i) != '\n' && s.charAt(i) != '\r') i++;
  }

  private void unterminated(int from, String what) {
    if (problem == null) problem = "unterminated " + what + " starting at line " + lines.line(from);
    mark(from, s.length());
    i = s.length();
  }

  private void blockComment() {
    int from = i;
    boolean executable = mysql && (next(2) == '!' || next(2) == '+');
    int depth = 1;
    i += 2;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == '*' && next(1) == '/') {
        i += 2;
        if (--depth == 0) {
          if (executable) mark(from, i);
          return;
        }
      } else if (c == '/' && next(1) == '*' && !mysql) {
        depth++;
        i += 2;
      } else {
        i++;
      }
    }
    unterminated(from, "/* comment");
  }

  /** A quoted string or identifier; {@code backslash} makes a backslash escape the next char. */
  private void quoted(char q, boolean backslash, String what) {
    int from = i;
    i++;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (backslash && c == '\\') {
        i += 2;
      } else if (c == q) {
        if (i + 1 < n && s.charAt(i + 1) == q) {
          i += 2;
        } else {
          i++;
          mark(from, i);
          return;
        }
      } else {
        i++;
      }
    }
    unterminated(from, what);
  }

  /** At a '$': consumes a dollar-quoted string and returns true, or returns false (a $1 param). */
  private boolean dollarQuote() {
    int n = s.length();
    int j = i + 1;
    if (j < n && s.charAt(j) != '$') {
      if (!isIdentStart(s.charAt(j))) return false;
      while (j < n && isTagPart(s.charAt(j))) j++;
      if (j >= n || s.charAt(j) != '$') return false;
    }
    if (j >= n) return false;
    String tag = s.substring(i, j + 1);
    int from = i;
    int close = s.indexOf(tag, j + 1);
    if (close < 0) {
      unterminated(from, "dollar-quoted string");
      return true;
    }
    i = close + tag.length();
    mark(from, i);
    return true;
  }

  private void word() {
    int from = i;
    int n = s.length();
    boolean custom = !";".equals(delimiter);
    while (i < n && isIdentPart(s.charAt(i)) && !(custom && i > from && s.startsWith(delimiter, i))) i++;
    int len = i - from;
    if (len == 1 && (s.charAt(from) == 'E' || s.charAt(from) == 'e') && i < n && s.charAt(i) == '\'') {
      mark(from, i);
      quoted('\'', true, "quoted string");
      return;
    }
    if (start < 0 && len == 9 && s.regionMatches(true, from, "delimiter", 0, 9)
        && i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      delimiterLine();
      return;
    }
    mark(from, i);
    if (len > 9) {
      prevWord = null;
      wordCount++;
      return;
    }
    String upper = s.substring(from, i).toUpperCase(Locale.ROOT);
    wordCount++;
    if (wordCount == 1) firstWord = upper;
    if ("CREATE".equals(firstWord) && wordCount <= 10 && !routine && !sawParen) {
      routine = upper.equals("PROCEDURE") || upper.equals("FUNCTION") || upper.equals("TRIGGER")
          || upper.equals("EVENT");
    }
    if (routine && ";".equals(delimiter)) {
      if (upper.equals("BEGIN")) {
        if (mysql || "ATOMIC".equals(peekWord())) blockDepth++;
      } else if (blockDepth > 0 && upper.equals("CASE")) {
        blockDepth++;
      } else if (blockDepth > 0 && upper.equals("END")) {
        String nw = peekWord();
        if (!("IF".equals(nw) || "LOOP".equals(nw) || "WHILE".equals(nw) || "REPEAT".equals(nw))) {
          blockDepth--;
        }
      }
    }
    if ("COPY".equals(firstWord) && "FROM".equals(prevWord) && upper.equals("STDIN")) {
      copyFromStdin = true;
    }
    prevWord = upper;
  }

  /** The next word after whitespace, upper-cased, or null. Does not move. */
  private String peekWord() {
    int j = i;
    int n = s.length();
    while (j < n && Character.isWhitespace(s.charAt(j))) j++;
    int from = j;
    while (j < n && isIdentPart(s.charAt(j)) && j - from < 10) j++;
    return j > from ? s.substring(from, j).toUpperCase(Locale.ROOT) : null;
  }

  /** MySQL client DELIMITER line: changes the statement terminator; not a statement itself. */
  private void delimiterLine() {
    int n = s.length();
    while (i < n && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
    int from = i;
    while (i < n && !Character.isWhitespace(s.charAt(i))) i++;
    if (i > from) delimiter = s.substring(from, i);
    skipToLineEnd();
  }

  private void endStatement() {
    if (start >= 0) {
      out.add(new SplitStatement(s.substring(start, lastEnd), lines.span(start, lastEnd), problem));
    }
    boolean skipCopyData = copyFromStdin && start >= 0;
    start = -1;
    lastEnd = -1;
    problem = null;
    wordCount = 0;
    firstWord = null;
    prevWord = null;
    routine = false;
    blockDepth = 0;
    copyFromStdin = false;
    sawParen = false;
    parenDepth = 0;
    if (skipCopyData) skipCopyData();
  }

  /** COPY … FROM stdin is followed by data lines up to a line holding only a backslash-dot. */
  private void skipCopyData() {
    int n = s.length();
    int save = i;
    skipToLineEnd();
    int end = i;
    boolean found = false;
    while (end < n) {
      int nl = s.indexOf('\n', end + 1);
      int lineEnd = nl < 0 ? n : nl;
      int ls = end + 1;
      if (ls <= n && s.substring(Math.min(ls, n), lineEnd).trim().equals("\\.")) {
        found = true;
        break;
      }
      end = lineEnd;
    }
    if (!found) {
      i = save; // no data block follows: nothing to skip
      return;
    }
    while (i < n) {
      if (s.charAt(i) == '\r' || s.charAt(i) == '\n') {
        i++;
        continue;
      }
      int lineStart = i;
      skipToLineEnd();
      if (s.substring(lineStart, i).trim().equals("\\.")) return;
    }
  }

  static boolean isIdentStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'
        || (c > 127 && Character.isLetter(c));
  }

  static boolean isIdentPart(char c) {
    return isIdentStart(c) || (c >= '0' && c <= '9') || c == '$' || (c > 127 && Character.isLetterOrDigit(c));
  }

  private static boolean isTagPart(char c) {
    return isIdentStart(c) || (c >= '0' && c <= '9');
  }
}
