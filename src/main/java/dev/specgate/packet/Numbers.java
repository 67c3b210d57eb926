package dev.specgate.packet;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/** Numbers as people write them in specs: "18M", "1.2 million", "18,000,000", "nine", "a". */
final class Numbers {
  private Numbers() {}

  /** A number written in digits or words, as a regex fragment (one capturing group). */
  static final String NUMBER =
      "(\\d{1,3}+(?:[,_]\\d{3})++(?:\\.\\d++)?|\\d++(?:\\.\\d++)?|"
          + "zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
          + "fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|"
          + "sixty|ninety|a|an|a few|half an|half a)";

  private static final Map<String, Double> WORDS = Map.ofEntries(
      Map.entry("zero", 0d), Map.entry("one", 1d), Map.entry("two", 2d), Map.entry("three", 3d),
      Map.entry("four", 4d), Map.entry("five", 5d), Map.entry("six", 6d), Map.entry("seven", 7d),
      Map.entry("eight", 8d), Map.entry("nine", 9d), Map.entry("ten", 10d),
      Map.entry("eleven", 11d), Map.entry("twelve", 12d), Map.entry("thirteen", 13d),
      Map.entry("fourteen", 14d), Map.entry("fifteen", 15d), Map.entry("sixteen", 16d),
      Map.entry("seventeen", 17d), Map.entry("eighteen", 18d), Map.entry("nineteen", 19d),
      Map.entry("twenty", 20d), Map.entry("thirty", 30d), Map.entry("forty", 40d),
      Map.entry("fifty", 50d), Map.entry("sixty", 60d), Map.entry("ninety", 90d),
      Map.entry("a", 1d), Map.entry("an", 1d), Map.entry("half an", 0.5d),
      Map.entry("half a", 0.5d));

  /** The value of a {@link #NUMBER} match; empty for "a few" (not a number). */
  static OptionalDouble value(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    Double w = WORDS.get(t);
    if (w != null) return OptionalDouble.of(w);
    try {
      return OptionalDouble.of(Double.parseDouble(t.replace(",", "").replace("_", "")));
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }

  /** The multiplier of a magnitude suffix: k/thousand, m/mn/million, b/bn/billion. */
  static double magnitude(String suffix) {
    if (suffix == null || suffix.isBlank()) return 1;
    return switch (suffix.trim().toLowerCase(Locale.ROOT)) {
      case "k", "thousand" -> 1_000d;
      case "m", "mm", "mn", "mil", "million", "millions" -> 1_000_000d;
      case "b", "bn", "billion", "billions" -> 1_000_000_000d;
      default -> 1;
    };
  }
}
