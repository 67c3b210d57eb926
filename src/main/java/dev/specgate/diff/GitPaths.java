package dev.specgate.diff;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Paths as git writes them in diff headers: C-quoted when unusual, with {@code a/}, {@code b/} prefixes. */
final class GitPaths {
  static final String DEV_NULL = "/dev/null";

  private GitPaths() {}

  /** A value and the index just past it. */
  record Token(String value, int end) {}

  /**
   * Reads a C-quoted string starting at {@code start} (which holds the opening quote), undoing
   * git's escapes ({@code \t}, {@code \"}, {@code \\}, octal UTF-8 bytes such as {@code \303\251}).
   * Returns {@code null} when the closing quote is missing.
   */
  static Token unquote(String s, int start) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int i = start + 1;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '"') {
        return new Token(bytes.toString(StandardCharsets.UTF_8), i + 1);
      }
      if (c == '\\' && i + 1 < s.length()) {
        char e = s.charAt(i + 1);
        if (e >= '0' && e <= '7') {
          int j = i + 1;
          int v = 0;
          while (j < s.length() && j < i + 4 && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
            v = v * 8 + (s.charAt(j) - '0');
            j++;
          }
          bytes.write(v);
          i = j;
          continue;
        }
        char out = switch (e) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          case 'a' -> (char) 7;
          case 'b' -> '\b';
          case 'f' -> '\f';
          case 'v' -> (char) 11;
          default -> e;
        };
        bytes.write(out);
        i += 2;
        continue;
      }
      byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
      bytes.write(b, 0, b.length);
      i++;
    }
    return null;
  }

  /** A path after {@code ---}, {@code +++}, {@code rename from} …: quoted, or cut at a tab (timestamp). */
  static String pathField(String field) {
    if (field.startsWith("\"")) {
      Token t = unquote(field, 0);
      if (t != null) return t.value();
    }
    int tab = field.indexOf('\t');
    String p = tab >= 0 ? field.substring(0, tab) : field;
    return p.strip();
  }

  /** True when the timestamp of a plain {@code ---}/{@code +++} line says the file did not exist. */
  static boolean epochTimestamp(String field) {
    int tab = field.indexOf('\t');
    return tab >= 0 && field.substring(tab + 1).startsWith("1970-01-01");
  }

  /**
   * Splits what follows {@code diff --git }: two paths, each possibly quoted. Unquoted paths may
   * hold spaces; then the split that makes both sides equal after their prefix wins (git writes
   * such headers only when old and new name are equal), else the last {@code " b/"}.
   */
  static String[] splitGitHeader(String rest) {
    if (rest.startsWith("\"")) {
      Token a = unquote(rest, 0);
      if (a == null || a.end() >= rest.length()) return null;
      String tail = rest.substring(a.end()).stripLeading();
      if (tail.startsWith("\"")) {
        Token b = unquote(tail, 0);
        return b == null ? null : new String[] {a.value(), b.value()};
      }
      return new String[] {a.value(), tail};
    }
    int q = rest.indexOf(" \"");
    if (q > 0) {
      Token b = unquote(rest, q + 1);
      if (b != null) return new String[] {rest.substring(0, q), b.value()};
    }
    // The two paths are the same once a two-character prefix (a/, b/) is stripped, so the space
    // between them sits at the middle, give or take one prefix: only those three places are tried
    // (trying every space made a header of many spaces take quadratic time).
    int n = rest.length();
    for (int s = (n - 3) / 2; s <= (n + 1) / 2; s++) {
      if (s <= 0 || s >= n || rest.charAt(s) != ' ') continue;
      String a = rest.substring(0, s);
      String b = rest.substring(s + 1);
      if (stripOnePrefix(a).equals(stripOnePrefix(b))) return new String[] {a, b};
    }
    int b = rest.lastIndexOf(" b/");
    if (b > 0) return new String[] {rest.substring(0, b), rest.substring(b + 1)};
    int sp = rest.indexOf(' ');
    return sp > 0 ? new String[] {rest.substring(0, sp), rest.substring(sp + 1)} : null;
  }

  /**
   * True when the old and new header paths carry git's source/destination prefixes ({@code a/} and
   * {@code b/}, or the mnemonic ones such as {@code i/} and {@code w/}): two different one-letter
   * first segments.
   */
  static boolean hasPrefixes(String oldRaw, String newRaw) {
    if (oldRaw == null || newRaw == null) return false;
    boolean o = DEV_NULL.equals(oldRaw) || prefixed(oldRaw);
    boolean n = DEV_NULL.equals(newRaw) || prefixed(newRaw);
    if (!o || !n) return false;
    if (DEV_NULL.equals(oldRaw) || DEV_NULL.equals(newRaw)) return true;
    return oldRaw.charAt(0) != newRaw.charAt(0);
  }

  static String strip(String raw, boolean prefixes) {
    if (raw == null || DEV_NULL.equals(raw) || !prefixes) return raw;
    return prefixed(raw) ? raw.substring(2) : raw;
  }

  private static boolean prefixed(String p) {
    return p.length() > 2 && p.charAt(1) == '/' && Character.isLetterOrDigit(p.charAt(0));
  }

  private static String stripOnePrefix(String p) {
    return prefixed(p) ? p.substring(2) : p;
  }
}
