package dev.specgate.rules.guardrail;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Words of identifiers, paths and guardrail items, compared across naming styles:
 * {@code billing_pause_until}, {@code billingPauseUntil}, {@code BillingPauseUntil} and
 * {@code BILLING-PAUSE-UNTIL} all have the words {@code billing pause until}.
 */
final class Words {
  private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_$]+");
  private static final Pattern NOT_IDENTIFIER = Pattern.compile("[^A-Za-z0-9_]+");

  private Words() {}

  /** The lower-case words of each identifier in {@code text} (runs of letters, digits and {@code _}). */
  static List<String> ofIdentifiersIn(String text) {
    List<String> out = new ArrayList<>();
    for (String identifier : NOT_IDENTIFIER.split(text)) out.addAll(ofIdentifier(identifier));
    return out;
  }

  /** The lower-case words of one identifier, split at {@code _ - . $}, camel humps and acronyms. */
  static List<String> ofIdentifier(String identifier) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int n = identifier.length();
    for (int i = 0; i < n; i++) {
      char c = identifier.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(cur, out);
        continue;
      }
      if (cur.length() > 0 && Character.isUpperCase(c)) {
        char prev = identifier.charAt(i - 1);
        boolean nextLower = i + 1 < n && Character.isLowerCase(identifier.charAt(i + 1));
        if (Character.isLowerCase(prev) || Character.isDigit(prev)
            || (Character.isUpperCase(prev) && nextLower)) {
          flush(cur, out);
        }
      }
      cur.append(Character.toLowerCase(c));
    }
    flush(cur, out);
    return out;
  }

  private static void flush(StringBuilder cur, List<String> out) {
    if (cur.length() > 0) out.add(cur.toString());
    cur.setLength(0);
  }

  /** The identifier-like tokens of a line of code or SQL. */
  static List<String> tokens(String line) {
    List<String> out = new ArrayList<>();
    Matcher m = TOKEN.matcher(line);
    while (m.find()) out.add(m.group());
    return out;
  }

  /**
   * True when some token of {@code line} names the identifier whose words are {@code words}: a
   * one-word identifier must be the whole token; a longer one may sit inside a token
   * ({@code getClosedAt} names {@code closed_at}).
   */
  static boolean references(String line, List<String> words) {
    for (String t : tokens(line)) {
      if (tokenNames(t, words)) return true;
    }
    return false;
  }

  static boolean tokenNames(String token, List<String> words) {
    List<String> tw = ofIdentifier(token);
    if (words.size() == 1) return tw.size() == 1 && tw.get(0).equals(words.get(0));
    return indexOf(tw, words) >= 0;
  }

  static int indexOf(List<String> hay, List<String> needle) {
    outer:
    for (int i = 0; i + needle.size() <= hay.size(); i++) {
      for (int j = 0; j < needle.size(); j++) {
        if (!hay.get(i + j).equals(needle.get(j))) continue outer;
      }
      return i;
    }
    return -1;
  }

  /** Stems of every word of a repository path: {@code src/reporting/Exports.java} → src report export java. */
  static Set<String> pathStems(String path) {
    Set<String> out = new LinkedHashSet<>();
    for (String w : ofIdentifier(path)) out.add(stem(w));
    return out;
  }

  /** Stems of every word of every token in a line. */
  static Set<String> lineStems(String line) {
    Set<String> out = new LinkedHashSet<>();
    for (String t : tokens(line)) for (String w : ofIdentifier(t)) out.add(stem(w));
    return out;
  }

  /**
   * A deliberately small stemmer, applied to both sides of every comparison: plural {@code s},
   * {@code ies}, and {@code ing} (reporting → report, billing → bill).
   */
  static String stem(String word) {
    String w = word.toLowerCase(Locale.ROOT);
    if (w.length() > 4 && w.endsWith("ies")) return w.substring(0, w.length() - 3) + "y";
    if (w.length() > 5 && w.endsWith("ing")) return w.substring(0, w.length() - 3);
    if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us")
        && !w.endsWith("is")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  /** True for an identifier written in a code style: snake_case, kebab-case or camelCase. */
  static boolean looksLikeIdentifier(String word) {
    if (word.contains("_")) return true;
    for (int i = 1; i < word.length(); i++) {
      if (Character.isUpperCase(word.charAt(i)) && Character.isLowerCase(word.charAt(i - 1))) {
        return true;
      }
    }
    return false;
  }
}
