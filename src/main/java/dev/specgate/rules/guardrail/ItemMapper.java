package dev.specgate.rules.guardrail;

import dev.specgate.core.Identifiers;
import dev.specgate.core.Glob;
import dev.specgate.core.Spaces;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a "Do not" item into a {@link ForbiddenCheck}, or says why it cannot. */
final class ItemMapper {
  private static final Pattern QUALIFIER = Pattern.compile(
      "\\b(?:unrelated to|not related to|except(?: for)?|other than|apart from|outside(?: of)?|beyond)\\b",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern LEADING_NEGATION = Pattern.compile(
      "^(?:do not|don't|don’t|must not|never|no)\\s+", Pattern.CASE_INSENSITIVE);
  private static final Pattern CODE = Pattern.compile("`([^`]*)`");

  static final Set<String> STOPWORDS = Set.of(
      "a", "an", "the", "any", "new", "existing", "old", "current", "file", "files", "for", "of",
      "to", "in", "on", "with", "and", "or", "from", "into", "this", "that", "these", "those",
      "its", "it", "their", "our", "release", "yet", "anything", "everything", "all", "other",
      "some", "more", "during", "before", "after", "same", "only", "just", "whole", "entire",
      "per", "own", "than", "be", "is", "are", "was", "were", "not", "no", "without", "unless",
      "until", "via", "by", "as", "at", "up", "field", "fields", "attribute", "attributes", "logic",
      "code", "behavior", "behaviour", "thing", "things", "stuff", "implementation", "part",
      "parts", "state");
  /** Too general to exempt a line on their own ("unrelated to status reads" exempts status lines). */
  private static final Set<String> GENERIC = Set.of(
      "read", "write", "use", "usage", "change", "update", "call", "work", "related");
  private static final Set<String> SCHEMA_WORDS = Set.of("schema", "table", "column", "ddl");
  private static final Set<String> MODEL_WORDS = Set.of("model", "entity", "domain");

  private ItemMapper() {}

  /** A check, or the reason the item cannot become one. */
  record Mapping(ForbiddenCheck check, String unmappedReason) {}

  static Mapping forbidden(GuardrailItem item, Set<String> knownNames) {
    String text = item.text();
    List<ItemObject.Identifier> identifiers = new ArrayList<>();
    List<Glob> globs = new ArrayList<>();
    for (String c : item.code()) addCode(c.strip(), identifiers, globs, knownNames);
    String rest = CODE.matcher(text).replaceAll(" ");
    rest = LEADING_NEGATION.matcher(rest.strip()).replaceFirst("");

    String exclusionText = "";
    Matcher q = QUALIFIER.matcher(rest);
    if (q.find()) {
      exclusionText = rest.substring(q.end());
      rest = rest.substring(0, q.start());
    }
    List<String> words = new ArrayList<>();
    for (String w : Spaces.split(rest)) {
      String t = trimPunct(w);
      if (!t.isEmpty()) words.add(t);
    }
    Verb verb = null;
    String lower0 = words.isEmpty() ? "" : words.get(0).toLowerCase(Locale.ROOT);
    if (words.size() >= 2 && lower0.startsWith("clean")
        && words.get(1).equalsIgnoreCase("up")) {
      verb = Verb.REWRITE;
      words = words.subList(2, words.size());
    } else {
      for (int i = 0; i < words.size(); i++) {
        Optional<Verb> v = Verb.of(words.get(i).toLowerCase(Locale.ROOT));
        if (v.isPresent()) {
          verb = v.get();
          List<String> left = new ArrayList<>(words);
          left.remove(i);
          words = left;
          break;
        }
      }
    }
    if (verb == null) {
      return new Mapping(null, "it names no verb specgate checks (remove/drop/delete, rename,"
          + " change/modify/rewrite/redesign/clean up, add/introduce/create)");
    }
    List<String> nouns = new ArrayList<>();
    List<ItemObject.Identifier> known = new ArrayList<>();
    ItemObject.Kind kind = ItemObject.Kind.ANY;
    for (String w : words) {
      String lower = w.toLowerCase(Locale.ROOT);
      Optional<ItemObject.Identifier> qualified = qualified(w, knownNames);
      if (qualified.isPresent()) {
        identifiers.add(qualified.get());
      } else if (w.contains("/") || w.contains("*") || isFileName(w)) {
        globs.add(Glob.of(w));
      } else if (Words.looksLikeIdentifier(w)) {
        identifiers.add(new ItemObject.Identifier(w, Words.ofIdentifier(w)));
      } else if (knownNames.contains(lower)) {
        known.add(new ItemObject.Identifier(w, Words.ofIdentifier(w)));
        nouns.add(Words.stem(lower));
      } else if (!STOPWORDS.contains(lower) && lower.chars().anyMatch(Character::isLetter)) {
        String s = Words.stem(lower);
        if (SCHEMA_WORDS.contains(s)) {
          kind = ItemObject.Kind.SCHEMA;
        } else if (MODEL_WORDS.contains(s)) {
          kind = ItemObject.Kind.MODEL;
        } else {
          nouns.add(s);
        }
      }
    }
    Set<String> exclusions = new LinkedHashSet<>();
    for (String part : Words.ofIdentifiersIn(exclusionText)) {
      String s = Words.stem(part);
      if (!s.isEmpty() && !STOPWORDS.contains(part) && !GENERIC.contains(s)) exclusions.add(s);
    }
    // A table or column name of the migrations is an identifier when it is the whole object
    // ("drop accounts table"); among other nouns it stays a noun ("redesign billing status").
    if (identifiers.isEmpty() && globs.isEmpty() && !known.isEmpty() && known.size() == nouns.size()) {
      identifiers.addAll(known);
    }
    if (!identifiers.isEmpty() || !globs.isEmpty()) {
      nouns = List.of();
      kind = ItemObject.Kind.ANY;
    }
    String phrase = String.join(" ", words).strip();
    ItemObject object = new ItemObject(identifiers, globs, nouns, kind, exclusions, phrase);
    if (object.isEmpty()) {
      return new Mapping(null, "after its verb \"" + verb.label() + "\" it names nothing specgate"
          + " can find: no identifier, path glob, table, column or domain noun");
    }
    return new Mapping(new ForbiddenCheck(item, verb, object), null);
  }

  private static void addCode(String c, List<ItemObject.Identifier> ids, List<Glob> globs, Set<String> knownNames) {
    if (c.isEmpty()) return;
    Optional<ItemObject.Identifier> qualified = qualified(c, knownNames);
    if (qualified.isPresent()) {
      ids.add(qualified.get());
    } else if (c.contains("/") || c.contains("*") || isFileName(c)) {
      globs.add(Glob.of(c));
    } else {
      List<String> words = Words.ofIdentifier(c);
      if (!words.isEmpty()) ids.add(new ItemObject.Identifier(c, words));
    }
  }

  /** Extensions that make {@code name.ext} a file rather than {@code table.column}. */
  private static final Set<String> FILE_EXTENSIONS = Set.of(
      "sql", "md", "txt", "rb", "py", "java", "kt", "kts", "scala", "go", "rs", "js", "jsx", "ts", "tsx",
      "mjs", "cjs", "php", "cs", "swift", "ex", "exs", "erb", "sh", "bash", "yml", "yaml", "json", "toml",
      "xml", "html", "htm", "css", "scss", "ini", "cfg", "conf", "env", "lock", "gradle", "properties",
      "mod", "sum", "proto", "graphql", "csv", "c", "h", "cpp", "hpp", "vue", "svelte", "dart", "lua",
      "pl", "r", "jsonc", "tf", "hcl", "dockerfile", "mdx", "rst", "adoc", "sbt", "clj", "fs", "vb");

  /**
   * {@code accounts.email} (or {@code public.accounts}): two identifiers joined by one dot, read as
   * a column of a table (or a table of a schema) rather than a file unless the part after the dot
   * is a file extension that no migration uses as a column name ({@code accounts.rb} is a file).
   */
  static Optional<ItemObject.Identifier> qualified(String w, Set<String> knownNames) {
    int dot = w.indexOf('.');
    if (dot <= 0 || dot != w.lastIndexOf('.') || dot == w.length() - 1) return Optional.empty();
    String table = w.substring(0, dot);
    String name = w.substring(dot + 1);
    // two characters a side at least: "e.g" and "i.e" are no table and column
    if (table.length() < 2 || name.length() < 2 || !isSqlName(table) || !isSqlName(name)) return Optional.empty();
    String lower = name.toLowerCase(Locale.ROOT);
    if (FILE_EXTENSIONS.contains(lower) && !knownNames.contains(lower)) return Optional.empty();
    List<String> words = Words.ofIdentifier(name);
    List<String> qualifier = Words.ofIdentifier(table);
    if (words.isEmpty() || qualifier.isEmpty()) return Optional.empty();
    return Optional.of(new ItemObject.Identifier(w, words, qualifier));
  }

  private static boolean isSqlName(String s) {
    if (s.isEmpty() || Character.isDigit(s.charAt(0))) return false;
    for (int i = 0; i < s.length(); i++) if (!Identifiers.isIdentifierChar(s.charAt(i))) return false;
    return true;
  }

  private static String trimPunct(String w) {
    int a = 0;
    int b = w.length();
    while (a < b && ",.;:!?()\"'[]{}".indexOf(w.charAt(a)) >= 0) a++;
    while (b > a && ",.;:!?()\"'[]{}".indexOf(w.charAt(b - 1)) >= 0) b--;
    return w.substring(a, b);
  }

  /**
   * {@code name.ext}: word characters, dots and dashes, ending in a dot and one to five letters.
   * Plain code: the regex form backtracked quadratically when searched in a long word.
   */
  static boolean isFileName(String w) {
    int dot = w.lastIndexOf('.');
    int ext = w.length() - dot - 1;
    if (dot < 1 || ext < 1 || ext > 5) return false;
    for (int i = 0; i < w.length(); i++) {
      char c = w.charAt(i);
      boolean word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      if (i > dot ? !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) : !(word || c == '.' || c == '-')) {
        return false;
      }
    }
    return true;
  }
}
