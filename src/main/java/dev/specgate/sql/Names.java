package dev.specgate.sql;

import java.util.Locale;

/** Identifier normalization shared by the parser, the schema model and the rules. */
public final class Names {
  private Names() {}

  /**
   * Normalizes one possibly-qualified identifier: quotes ("x", `x`, [x]) removed with case kept,
   * unquoted parts lower-cased, and a leading {@code public.} schema dropped.
   */
  public static String normalize(String identifier) {
    if (identifier == null) return null;
    if (isPlainLowerCase(identifier)) return identifier; // already normalized: most calls (speed)
    String[] parts = splitQualified(identifier.trim());
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      String p = normalizePart(parts[i]);
      if (i == 0 && parts.length > 1 && p.equals("public")) continue;
      if (out.length() > 0) out.append('.');
      out.append(p);
    }
    return out.toString();
  }

  /** Only a-z, 0-9, _ and $: no quotes, dots, blanks or capitals, so normalizing changes nothing. */
  private static boolean isPlainLowerCase(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '$')) return false;
    }
    return true;
  }

  /** The last part of a qualified name: {@code app.accounts} → {@code accounts}. */
  public static String unqualified(String normalized) {
    if (normalized == null) return null;
    int dot = normalized.lastIndexOf('.');
    return dot < 0 ? normalized : normalized.substring(dot + 1);
  }

  private static String normalizePart(String p) {
    if (p.length() >= 2) {
      char a = p.charAt(0);
      char z = p.charAt(p.length() - 1);
      if ((a == '"' && z == '"') || (a == '`' && z == '`') || (a == '[' && z == ']')) {
        return p.substring(1, p.length() - 1).replace("\"\"", "\"");
      }
    }
    return p.toLowerCase(Locale.ROOT);
  }

  private static String[] splitQualified(String s) {
    java.util.List<String> parts = new java.util.ArrayList<>();
    StringBuilder cur = new StringBuilder();
    char quote = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quote != 0) {
        cur.append(c);
        if (c == quote) quote = 0;
      } else if (c == '"' || c == '`') {
        quote = c;
        cur.append(c);
      } else if (c == '[') {
        quote = ']';
        cur.append(c);
      } else if (c == '.') {
        parts.add(cur.toString());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    parts.add(cur.toString());
    return parts.toArray(new String[0]);
  }
}
