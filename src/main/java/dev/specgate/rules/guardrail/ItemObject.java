package dev.specgate.rules.guardrail;

import dev.specgate.core.Glob;
import java.util.List;
import java.util.Set;

/**
 * What a guardrail item is about, once its verb is taken off.
 *
 * @param identifiers names matched across naming styles in code, SQL and paths (backticked, or
 *     written snake/camel case, or a table/column the migrations know)
 * @param globs path globs ({@code src/reporting/**}, {@code Account.java})
 * @param nouns the remaining domain nouns, stemmed, in order ("billing status" → bill, status)
 * @param kind what sort of thing the nouns name: a schema (tables, columns), a model (classes and
 *     files of a domain object) or anything (matched by path and name)
 * @param exclusions stems of a qualifier ("unrelated to status reads" → status): lines naming one
 *     are exempt
 * @param phrase the object's words as the item writes them, for messages
 */
record ItemObject(List<Identifier> identifiers, List<Glob> globs, List<String> nouns, Kind kind,
    Set<String> exclusions, String phrase) {

  enum Kind { ANY, SCHEMA, MODEL }

  /**
   * One identifier: as written, and its words; {@code qualifier} holds the words of the table (or
   * schema) it was written with ({@code accounts.email}), else it is empty.
   */
  record Identifier(String written, List<String> words, List<String> qualifier) {
    Identifier(String written, List<String> words) {
      this(written, words, List.of());
    }

    Identifier {
      words = List.copyOf(words);
      qualifier = List.copyOf(qualifier);
    }

    boolean qualified() {
      return !qualifier.isEmpty();
    }

    boolean namedBy(String token) {
      return Words.tokenNames(token, words);
    }

    boolean referencedIn(String line) {
      return Words.references(line, words);
    }
  }

  ItemObject {
    identifiers = List.copyOf(identifiers);
    globs = List.copyOf(globs);
    nouns = List.copyOf(nouns);
    exclusions = Set.copyOf(exclusions);
  }

  boolean isEmpty() {
    return identifiers.isEmpty() && globs.isEmpty() && nouns.isEmpty() && kind == Kind.ANY;
  }

  /** Nouns read as one compound identifier when there are two or more (billing status → BillingStatus). */
  boolean hasCompound() {
    return nouns.size() >= 2;
  }

  /**
   * A path names the nouns when its words hold the first noun and, if there are more, at least
   * one of the others: "admin status editor" matches {@code admin/StatusPage.tsx} and
   * {@code AdminEditor.java}, not {@code StatusEditor.java}.
   */
  boolean pathNamesNouns(String path) {
    return stemsNameNouns(Words.pathStems(path));
  }

  /** {@link #pathNamesNouns} on the path's stems, already computed. */
  boolean stemsNameNouns(Set<String> stems) {
    if (nouns.isEmpty()) return true;
    if (!stems.contains(nouns.get(0))) return false;
    if (nouns.size() == 1) return true;
    for (int i = 1; i < nouns.size(); i++) if (stems.contains(nouns.get(i))) return true;
    return false;
  }

  /** A token names the compound when its word stems hold all nouns in order, adjacent. */
  boolean tokenNamesCompound(String token) {
    List<String> stems = Words.ofIdentifier(token).stream().map(Words::stem).toList();
    return Words.indexOf(stems, nouns) >= 0;
  }

  boolean lineNamesCompound(String line) {
    for (String t : Words.tokens(line)) if (tokenNamesCompound(t)) return true;
    return false;
  }

  /** A SQL name (table) names the nouns: same rule as paths. */
  boolean sqlNameNamesNouns(String name) {
    return name != null && pathNamesNouns(name);
  }

  boolean exempt(String line) {
    if (exclusions.isEmpty()) return false;
    for (String s : Words.lineStems(line)) if (exclusions.contains(s)) return true;
    return false;
  }

  String describe() {
    if (!identifiers.isEmpty()) {
      return String.join(", ", identifiers.stream().map(i -> "`" + i.written() + "`").toList());
    }
    if (!globs.isEmpty()) {
      return String.join(", ", globs.stream().map(g -> "`" + g.pattern() + "`").toList());
    }
    return "\"" + phrase + "\"";
  }
}
