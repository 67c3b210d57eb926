package dev.specgate.sql.schema;

import dev.specgate.core.Lines;

/**
 * What diesel reads from the {@code metadata.toml} beside a migration's {@code up.sql} and
 * {@code down.sql}: whether it runs them in a transaction. Diesel 2.x (migrations_internals'
 * {@code TomlMetadata}) behaves so, and this reader follows it:
 *
 * <ul>
 *   <li>no metadata.toml: a transaction (the struct's {@code Default} says {@code true});
 *   <li>a file TOML can read: {@code run_in_transaction} as written; when the key is missing it is
 *       {@code false}, because the field's {@code #[serde(default)]} takes bool's default, not the
 *       struct's;
 *   <li>a file TOML cannot read (a value that is not a TOML boolean such as {@code maybe},
 *       {@code "false"} or {@code False}; a key given twice; a line that is no TOML): diesel drops
 *       the error ({@code unwrap_or_default}) and runs the migration in a transaction. This reader
 *       then returns {@code true} with the line and what was expected, so the silent fallback is
 *       reported.
 * </ul>
 *
 * Only top-level keys count: a {@code run_in_transaction} under a {@code [table]} header is another
 * key. Comments, blank lines, quoted keys and multi-line arrays, tables and strings are read as TOML
 * has them.
 *
 * @param problemLine the 1-based line of the problem, 0 when the file was read
 * @param problem what is wrong and what was expected, or null
 */
public record DieselMetadata(boolean runInTransaction, int problemLine, String problem) {
  public static final String FILE_NAME = "metadata.toml";
  private static final java.util.regex.Pattern TABLE_HEADER =
      java.util.regex.Pattern.compile("^\\[\\[?[^\\[\\]]+]]?[ \\t]*(#.*)?$");
  /** A bare or dotted key (dotted parts may be quoted). */
  private static final java.util.regex.Pattern KEY = java.util.regex.Pattern.compile("[A-Za-z0-9_.\\-\\s\"']+");

  /** No metadata.toml beside the migration: diesel runs it in a transaction. */
  public static final DieselMetadata ABSENT = new DieselMetadata(true, 0, null);

  /** The metadata.toml beside a migration file (its folder's). */
  public static String pathBeside(String migrationPath) {
    String p = migrationPath.replace('\\', '/');
    int slash = p.lastIndexOf('/');
    return slash < 0 ? FILE_NAME : p.substring(0, slash + 1) + FILE_NAME;
  }

  public boolean readable() {
    return problem == null;
  }

  /** Reads the text of a metadata.toml. */
  public static DieselMetadata read(String text) {
    String t = text == null ? "" : text;
    if (t.startsWith("\uFEFF")) t = t.substring(1);
    String[] lines = Lines.of(t);
    Boolean value = null;
    int valueLine = 0;
    boolean topLevel = true;
    Scan open = null; // a value still open (array, inline table, multi-line string) from an earlier line
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int n = i + 1;
      if (open != null) {
        String bad = open.feed(line);
        if (bad != null) return malformed(n, bad);
        if (open.done()) open = null;
        continue;
      }
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#")) continue;
      if (s.startsWith("[")) {
        if (!TABLE_HEADER.matcher(s).matches()) {
          return malformed(n, "expected a table header such as [name], found " + quote(s));
        }
        topLevel = false;
        continue;
      }
      int eq = keyEnd(s);
      if (eq < 0) return malformed(n, "expected key = value, a [table] header or a # comment, found " + quote(s));
      String key = unquoteKey(s.substring(0, eq).strip());
      if (key == null) return malformed(n, "expected a key before '=', found " + quote(s.substring(0, eq).strip()));
      String raw = s.substring(eq + 1);
      if (topLevel && key.equals("run_in_transaction")) {
        String v = stripComment(raw).strip();
        if (value != null) {
          return malformed(n, "run_in_transaction is set twice (lines " + valueLine + " and " + n
              + "); TOML forbids a key given twice");
        }
        if (v.equals("true") || v.equals("false")) {
          value = v.equals("true");
          valueLine = n;
          continue;
        }
        return malformed(n, "run_in_transaction = " + v + ": expected true or false (a TOML boolean:"
            + " lower case, not quoted)");
      }
      Scan scan = new Scan();
      String bad = scan.feed(raw);
      if (bad != null) return malformed(n, bad);
      if (scan.empty) return malformed(n, "expected a value after " + quote(key + " ="));
      if (!scan.done()) open = scan;
    }
    if (open != null) return malformed(lines.length, "a value is not closed at the end of the file");
    // the key missing from a readable file means false (serde's bool default), see the class comment
    return new DieselMetadata(value != null && value, 0, null);
  }

  private static DieselMetadata malformed(int line, String what) {
    return new DieselMetadata(true, line, what);
  }

  private static String quote(String s) {
    String c = s.length() > 60 ? s.substring(0, 60) + "…" : s;
    return "'" + c + "'";
  }

  /** The offset of the '=' that ends the key (outside quotes), or -1. */
  private static int keyEnd(String s) {
    char q = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (q != 0) {
        if (c == q) q = 0;
      } else if (c == '"' || c == '\'') {
        q = c;
      } else if (c == '=') {
        return i;
      } else if (c == '#') {
        return -1;
      }
    }
    return -1;
  }

  /** A bare, "basic" or 'literal' key; a dotted key keeps its dots (it is then never ours); null when empty or invalid. */
  private static String unquoteKey(String k) {
    if (k.isEmpty()) return null;
    if (k.length() >= 2 && (k.charAt(0) == '"' || k.charAt(0) == '\'') && k.charAt(k.length() - 1) == k.charAt(0)) {
      return k.substring(1, k.length() - 1);
    }
    return KEY.matcher(k).matches() ? k : null;
  }

  private static String stripComment(String v) {
    int hash = v.indexOf('#');
    return hash < 0 ? v : v.substring(0, hash);
  }

  /** Reads a value across lines: string quoting, bracket depth, comments. */
  private static final class Scan {
    int depth;
    String multi; // the open multi-line string's delimiter, or null
    boolean empty = true;

    boolean done() {
      return depth == 0 && multi == null;
    }

    /** Feeds one line; returns what is wrong, or null. */
    String feed(String line) {
      int i = 0;
      while (i < line.length()) {
        if (multi != null) {
          int close = line.indexOf(multi, i);
          if (close < 0) return null;
          i = close + 3;
          multi = null;
          continue;
        }
        char c = line.charAt(i);
        if (c == '#') break;
        if (!Character.isWhitespace(c)) empty = false;
        if (line.startsWith("\"\"\"", i) || line.startsWith("'''", i)) {
          multi = line.substring(i, i + 3);
          i += 3;
          continue;
        }
        if (c == '"' || c == '\'') {
          int j = i + 1;
          while (j < line.length() && line.charAt(j) != c) {
            if (c == '"' && line.charAt(j) == '\\') j++;
            j++;
          }
          if (j >= line.length()) return "a string is not closed on its line: " + quote(line.strip());
          i = j + 1;
          continue;
        }
        if (c == '[' || c == '{') depth++;
        if (c == ']' || c == '}') {
          if (--depth < 0) return "an unmatched '" + c + "': " + quote(line.strip());
        }
        i++;
      }
      return null;
    }
  }
}
