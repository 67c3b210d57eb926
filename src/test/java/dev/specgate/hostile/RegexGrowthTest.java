package dev.specgate.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every regular expression the product keeps in a static {@link Pattern} field (found by reflection,
 * so a new one is covered without being listed) runs on adversarial text of growing size — runs of
 * one or two characters, after the pattern's own literal words, with and without a character that
 * makes the match fail at the end. Work is counted in {@code charAt} calls, not wall time, so the
 * test is deterministic on a loaded machine: going from n to 4n characters must not multiply it by
 * more than {@value #MAX_GROWTH} (linear is 4, quadratic 16), and a long run must not overflow the
 * stack (Java's regex engine recurses for repeated groups).
 *
 * <p>{@link RegexUseTest} keeps regexes in static fields, so that this test sees them.
 */
class RegexGrowthTest {
  static final int SMALL = 200;
  static final int LARGE = 4 * SMALL;
  static final double MAX_GROWTH = 7.0;
  /**
   * The scan runs on a thread with a small stack ({@value #STACK_BYTES} bytes), where this many
   * characters overflow a regex that recurses once per repetition (as the listed-rows regex did at
   * about 550 IN items on a worker thread's default stack).
   */
  static final int STACK_PROBE = 5_000;

  static final long STACK_BYTES = 256 * 1024;

  /**
   * Patterns known to be super-linear today, each with the issue that must fix it. The test fails
   * when one of them is fixed (remove it here) or no longer exists.
   */
  static final Map<String, String> KNOWN_BAD = new TreeMap<>(Map.of(
      "packet.StatedLocks.SEPARATOR", "issue 9: runs of spaces (packets branch)"));

  private static final String[] UNITS = {
    " ", "a", "0", "[", ">", "-", "(", "'", "\"", ".", ",", "_", "\t", "`", "*", ":",
    "x ", "0.", "a.", "--", "''", "a,", ", ", "0 ", "<a", "\n", "a\n", "a(", "a b", "1a"
  };
  private static final String[] ENDS = {"", "!"};

  private static Map<String, Pattern> patterns;

  @BeforeAll
  static void findPatterns() throws Exception {
    patterns = staticPatterns();
  }

  /** Every static Pattern field of a product class (the main output folder), by "Class.FIELD". */
  static Map<String, Pattern> staticPatterns() throws Exception {
    Map<String, Pattern> out = new TreeMap<>();
    for (String name : productClassNames()) {
      Class<?> type = Class.forName(name, true, RegexGrowthTest.class.getClassLoader());
      for (Field f : type.getDeclaredFields()) {
        if (!Modifier.isStatic(f.getModifiers()) || f.getType() != Pattern.class) continue;
        f.setAccessible(true);
        Pattern p = (Pattern) f.get(null);
        if (p != null) out.put(name.replace("dev.specgate.", "") + "." + f.getName(), p);
      }
    }
    return out;
  }

  /** The classes compiled from src/main/java: those beside {@code dev.specgate.cli.Main}. */
  static List<String> productClassNames() throws Exception {
    Path root = Path.of(dev.specgate.cli.Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root.resolve("dev/specgate"))) {
      files.filter(f -> f.toString().endsWith(".class")).forEach(f -> {
        String rel = root.relativize(f).toString().replace('\\', '/');
        names.add(rel.substring(0, rel.length() - ".class".length()).replace('/', '.'));
      });
    }
    names.sort(null);
    return names;
  }

  @Test
  void findsThePatterns() {
    // a sanity floor: reflection that finds nothing would make the other tests pass vacuously
    assertThat(patterns).hasSizeGreaterThan(50);
  }

  @Test
  void noPatternGrowsFasterThanLinearlyOnItsInput() throws Exception {
    Map<String, String> superLinear = new TreeMap<>();
    Thread scan = new Thread(null, () -> {
      for (Map.Entry<String, Pattern> e : patterns.entrySet()) {
        String worst = worstCase(e.getValue());
        if (worst != null) superLinear.put(e.getKey(), worst);
      }
    }, "regex-scan", STACK_BYTES);
    scan.start();
    scan.join();
    Set<String> unexpected = new LinkedHashSet<>(superLinear.keySet());
    unexpected.removeAll(KNOWN_BAD.keySet());
    List<String> report = new ArrayList<>();
    for (String k : unexpected) report.add(k + ": " + superLinear.get(k));
    assertThat(report).as("patterns that backtrack super-linearly (make them possessive/atomic or plain code)")
        .isEmpty();
    Set<String> fixed = new LinkedHashSet<>(KNOWN_BAD.keySet());
    fixed.removeAll(superLinear.keySet());
    assertThat(fixed).as("known-bad patterns that are fixed or gone: remove them from KNOWN_BAD").isEmpty();
  }

  /** A description of the first input on which the pattern is super-linear or overflows, or null. */
  static String worstCase(Pattern p) {
    for (String prefix : prefixes(p)) {
      for (String unit : UNITS) {
        for (String end : ENDS) {
          long small;
          long large;
          try {
            small = steps(p, prefix, unit, SMALL, end);
            large = steps(p, prefix, unit, LARGE, end);
          } catch (StackOverflowError overflow) {
            return "stack overflow on " + describe(prefix, unit, LARGE, end);
          }
          if (large < 0) {
            return "over the step budget on " + describe(prefix, unit, LARGE, end);
          }
          double growth = (double) large / Math.max(1, small);
          if (growth > MAX_GROWTH && large > 20L * LARGE) {
            return "work x%.1f from %d to %d characters (%d to %d steps) on %s".formatted(
                growth, SMALL, LARGE, small, large, describe(prefix, unit, LARGE, end));
          }
          if (end.equals("!")) {
            try {
              steps(p, prefix, unit, STACK_PROBE, end);
            } catch (StackOverflowError overflow) {
              return "stack overflow on " + describe(prefix, unit, STACK_PROBE, end);
            }
          }
        }
      }
    }
    return null;
  }

  private static String describe(String prefix, String unit, int n, String end) {
    return "'" + escape(prefix) + "' + '" + escape(unit) + "' x " + n + " + '" + escape(end) + "'";
  }

  private static String escape(String s) {
    return s.replace("\n", "\\n").replace("\t", "\\t").replace("\u0000", "\\0");
  }

  /**
   * charAt calls for find() over the whole input and for matches(); -1 when over the budget (a
   * linear pattern needs a few hundred per character at most).
   */
  static long steps(Pattern p, String prefix, String unit, int n, String end) {
    String text = prefix + unit.repeat(Math.max(1, n / unit.length())) + end;
    CountingText counted = new CountingText(text, 2_000L * text.length() + 100_000);
    try {
      Matcher m = p.matcher(counted);
      while (m.find()) {
        if (m.end() == m.start() && m.end() >= text.length()) break;
      }
      p.matcher(counted).matches();
    } catch (CountingText.OverBudget over) {
      return -1;
    }
    return counted.count;
  }

  /**
   * Text that the pattern must plausibly reach: the empty prefix, and each literal word of the
   * pattern (so a run of spaces is tried after {@code specgate:ignore}, digits after {@code rows}).
   */
  static Set<String> prefixes(Pattern p) {
    Set<String> out = new LinkedHashSet<>();
    out.add("");
    String src = p.pattern().replaceAll("\\\\[a-zA-Z]", " ");
    Matcher words = Pattern.compile("[A-Za-z][A-Za-z:_-]{2,}").matcher(src);
    int added = 0;
    while (words.find() && added < 3) {
      String w = words.group();
      if (out.add(w + " ")) added++;
      out.add(w);
    }
    return out;
  }

  /** A CharSequence counting every character the regex engine reads. */
  static final class CountingText implements CharSequence {
    static final class OverBudget extends RuntimeException {
      OverBudget() {
        super(null, null, false, false);
      }
    }

    private final String text;
    private final long budget;
    long count;

    CountingText(String text, long budget) {
      this.text = text;
      this.budget = budget;
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public char charAt(int index) {
      if (++count > budget) throw new OverBudget();
      return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.subSequence(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }

  static Map<String, Pattern> patterns() {
    return new LinkedHashMap<>(patterns);
  }
}
