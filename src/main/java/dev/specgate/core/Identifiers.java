package dev.specgate.core;

/**
 * Whole-identifier search in text: a name found only where no letter, digit or underscore touches
 * it on either side ("email" in "users.email" and "`email`", not in "email_address"). Plain code,
 * so it is linear on any input and needs no regex built from the name.
 */
public final class Identifiers {
  private Identifiers() {}

  /** True when {@code name} occurs in {@code text} as a whole identifier (case-sensitive). */
  public static boolean contains(String text, String name) {
    return indexOf(text, name, 0, false) >= 0;
  }

  /**
   * Where {@code name} first occurs in {@code text} from {@code from} on as a whole identifier,
   * or -1; {@code ignoreCase} compares letters without regard to case.
   */
  public static int indexOf(String text, String name, int from, boolean ignoreCase) {
    if (name.isEmpty()) return -1;
    for (int i = next(text, name, from, ignoreCase); i >= 0; i = next(text, name, i + 1, ignoreCase)) {
      int end = i + name.length();
      boolean before = i == 0 || !isIdentifierChar(text.charAt(i - 1));
      boolean after = end == text.length() || !isIdentifierChar(text.charAt(end));
      if (before && after) return i;
    }
    return -1;
  }

  private static int next(String text, String name, int from, boolean ignoreCase) {
    if (!ignoreCase) return text.indexOf(name, Math.max(0, from));
    for (int i = Math.max(0, from); i <= text.length() - name.length(); i++) {
      if (text.regionMatches(true, i, name, 0, name.length())) return i;
    }
    return -1;
  }

  /** A letter, digit or underscore. */
  public static boolean isIdentifierChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
