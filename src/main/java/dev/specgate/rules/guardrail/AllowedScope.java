package dev.specgate.rules.guardrail;

import dev.specgate.core.Glob;
import dev.specgate.core.Spaces;
import dev.specgate.diff.DiffLine;
import dev.specgate.diff.FileChange;
import dev.specgate.rules.RuleSettings;
import java.util.regex.Pattern;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one "Allowed:" item lets a change touch. Its words name categories — migration, backfill,
 * tests, docs, flag, parity — each a set of paths (defaults below, replaced by
 * {@code guardrails.categories} in {@code .specgate.yml}, which may also add categories of its
 * own); an item naming none covers the paths its globs, identifiers or nouns name.
 */
final class AllowedScope {
  private static final Pattern CODE_SPAN = Pattern.compile("`[^`]*+`");
  /** A built-in category: the item words (stems) that select it. */
  enum Category {
    MIGRATION(Set.of("migration", "ddl")),
    BACKFILL(Set.of("backfill")),
    TESTS(Set.of("test")),
    DOCS(Set.of("doc", "documentation", "document", "readme", "runbook", "changelog")),
    FLAG(Set.of("flag", "toggle")),
    PARITY(Set.of("parity"));

    final Set<String> words;

    Category(Set<String> words) {
      this.words = words;
    }

    String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private static final List<Glob> DOC_GLOBS =
      Glob.all(List.of("docs/**", "doc/**", "*.md", "*.markdown", "*.rst", "*.adoc", "*.txt"));

  final GuardrailItem item;
  private final RuleSettings config;
  private final Set<Category> categories;
  private final Map<String, List<Glob>> custom;
  private final List<Glob> globs;
  private final List<List<String>> identifiers;
  private final List<String> nouns;
  private final List<Glob> migrationGlobs;
  private final Map<Category, List<Glob>> overrides = new java.util.EnumMap<>(Category.class);

  private AllowedScope(GuardrailItem item, RuleSettings config, Set<Category> categories,
      Map<String, List<Glob>> custom, List<Glob> globs, List<List<String>> identifiers,
      List<String> nouns) {
    this.item = item;
    this.config = config;
    this.categories = categories;
    this.custom = custom;
    this.globs = globs;
    this.identifiers = identifiers;
    this.nouns = nouns;
    this.migrationGlobs = Glob.all(config.migrations());
    for (Category c : categories) {
      List<Glob> o = configured(c);
      if (o != null) overrides.put(c, o);
    }
  }

  /** The scope of an item, or {@code null} when its words name nothing specgate can match. */
  static AllowedScope of(GuardrailItem item, RuleSettings config) {
    Set<String> stems = new LinkedHashSet<>();
    for (String part : Words.ofIdentifiersIn(item.text())) stems.add(Words.stem(part));
    Set<Category> cats = new LinkedHashSet<>();
    for (Category c : Category.values()) {
      for (String w : c.words) if (stems.contains(w)) cats.add(c);
    }
    Map<String, List<Glob>> custom = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : config.guardrailCategories().entrySet()) {
      if (builtIn(e.getKey()) != null) continue;
      List<String> keyStems = Words.ofIdentifier(e.getKey()).stream().map(Words::stem).toList();
      if (!keyStems.isEmpty() && stems.containsAll(keyStems)) {
        custom.put(e.getKey(), Glob.all(e.getValue()));
      }
    }
    List<Glob> globs = new ArrayList<>();
    List<List<String>> ids = new ArrayList<>();
    List<String> nouns = new ArrayList<>();
    if (cats.isEmpty() && custom.isEmpty()) {
      for (String c : item.code()) {
        if (c.contains("/") || c.contains("*")) globs.add(Glob.of(c.strip()));
        else if (!c.isBlank()) ids.add(Words.ofIdentifier(c));
      }
      String rest = CODE_SPAN.matcher(item.text()).replaceAll(" ");
      for (String w : Spaces.split(rest)) {
        String t = trimPunctuation(w);
        String lower = t.toLowerCase(Locale.ROOT);
        if (t.isEmpty()) continue;
        if (t.contains("/") || t.contains("*")) globs.add(Glob.of(t));
        else if (Words.looksLikeIdentifier(t)) ids.add(Words.ofIdentifier(t));
        else if (!ItemMapper.STOPWORDS.contains(lower) && Verb.of(lower).isEmpty()
            && lower.chars().anyMatch(Character::isLetter)) {
          nouns.add(Words.stem(lower));
        }
      }
      if (globs.isEmpty() && ids.isEmpty() && nouns.isEmpty()) return null;
    }
    return new AllowedScope(item, config, cats, custom, globs, ids, nouns);
  }

  private static Category builtIn(String key) {
    String s = Words.stem(key.toLowerCase(Locale.ROOT));
    for (Category c : Category.values()) if (Words.stem(c.key()).equals(s)) return c;
    return null;
  }

  private List<Glob> configured(Category c) {
    for (Map.Entry<String, List<String>> e : config.guardrailCategories().entrySet()) {
      if (builtIn(e.getKey()) == c) return Glob.all(e.getValue());
    }
    return null;
  }

  boolean covers(FileChange f, GuardChange change) {
    String path = f.path();
    Set<String> stems = change.pathStems(path);
    for (Category c : categories) {
      List<Glob> override = overrides.get(c);
      if (override != null) {
        if (Glob.anyMatches(override, path)) return true;
        continue;
      }
      boolean hit = switch (c) {
        case MIGRATION -> Glob.anyMatches(migrationGlobs, path);
        case BACKFILL -> stems.contains("backfill");
        case TESTS -> stems.contains("test") || path.contains(".spec.") || path.endsWith("_spec.rb")
            || path.startsWith("spec/") || path.contains("/spec/");
        case DOCS -> Glob.anyMatches(DOC_GLOBS, path);
        case FLAG -> stems.contains("flag") || stems.contains("toggle") || addsFlag(f, change);
        case PARITY -> stems.contains("parity");
      };
      if (hit) return true;
    }
    for (List<Glob> g : custom.values()) if (Glob.anyMatches(g, path)) return true;
    if (Glob.anyMatches(globs, path)) return true;
    for (List<String> id : identifiers) {
      if (Words.indexOf(Words.ofIdentifier(path), id) >= 0) return true;
    }
    if (!nouns.isEmpty()) {
      if (!stems.contains(nouns.get(0))) return false;
      if (nouns.size() == 1) return true;
      for (int i = 1; i < nouns.size(); i++) if (stems.contains(nouns.get(i))) return true;
    }
    return false;
  }

  /** The file's added lines add a feature flag: a token with the word flag or toggle. */
  private static boolean addsFlag(FileChange f, GuardChange change) {
    for (DiffLine l : f.added()) {
      Set<String> s = change.stems(l);
      if (s.contains("flag") || s.contains("toggle")) return true;
    }
    return false;
  }

  String describe() {
    List<String> parts = new ArrayList<>();
    for (Category c : categories) parts.add(c.key());
    parts.addAll(custom.keySet());
    return parts.isEmpty() ? "paths named by \"" + item.text() + "\"" : String.join(", ", parts);
  }

  /**
   * The word without leading characters other than word characters, / * and . and without
   * trailing ones other than word characters, / and *; plain code (the regex form was quadratic
   * on a long run of punctuation).
   */
  static String trimPunctuation(String w) {
    int from = 0;
    int to = w.length();
    while (from < to && !keeps(w.charAt(from), true)) from++;
    while (to > from && !keeps(w.charAt(to - 1), false)) to--;
    return w.substring(from, to);
  }

  private static boolean keeps(char c, boolean leading) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'
        || c == '/' || c == '*' || (leading && c == '.');
  }
}
