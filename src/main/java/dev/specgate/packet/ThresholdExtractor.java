package dev.specgate.packet;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Numeric thresholds: "mismatch > 0.1%", "above 0.05% of rows", "lock wait above 5 seconds",
 * "replica lag over 10 s", "error rate >= 1%", "p99 latency exceeds 250ms", "zero mismatched
 * rows", "0 mismatches"; the comparison before the noun too ("More than 0.05% mismatched rows
 * blocks the switch"); a gate on a query's result ("must return 0", "returns zero rows",
 * "Expected: 0", "any non-zero count blocks"). Knowingly NOT thresholds: "elevated write
 * latency", "high lag", "the threshold named in the spec" — no number to compare against.
 *
 * <p>Every pattern starts at a word boundary and uses bounded or possessive repetition, so a
 * hostile line costs linear time.
 */
public final class ThresholdExtractor {
  private ThresholdExtractor() {}

  /**
   * One threshold: the metric words (lower-case), the comparison as written, the value and its
   * unit ("%", "ms", "s", "rows", …; "" when none).
   */
  public record Threshold(String metric, String comparison, double value, String unit) {}

  private static final String CMP =
      "(>=|<=|≥|≤|>|<|=|above|over|exceeds?|exceeding|greater than|more than|higher than"
          + "|less than|below|under|at least|at most|reaches|hits|crosses|beyond|of|is|of at most)";
  private static final String UNIT =
      "(%|percent|ms|milliseconds?|seconds?|secs?|s|minutes?|mins?|hours?|rows?|errors?"
          + "|mismatch(?:es|ed)?)";
  private static final String VALUE = "(\\d{1,9}+(?:\\.\\d{1,9}+)?)";
  private static final Pattern COMPARISON = Pattern.compile(
      "(?<![A-Za-z0-9_])([A-Za-z][A-Za-z0-9_ /-]{0,40}?)\\s{0,5}:?\\s{0,5}" + CMP + "\\s{0,5}(?:~\\s{0,3})?"
          + VALUE + "\\s{0,3}" + UNIT + "?(?![\\w.])",
      Pattern.CASE_INSENSITIVE);
  // "More than 0.05% mismatched rows", "over 10 seconds of replica lag"
  private static final Pattern COMPARISON_FIRST = Pattern.compile(
      "(?<![A-Za-z0-9_])(more than|greater than|higher than|above|over|exceeding|at least)"
          + "\\s{0,5}" + VALUE + "\\s{0,3}" + UNIT + "?\\s{1,5}(?:of\\s+)?(?:the\\s+)?"
          + "((?:[A-Za-z][A-Za-z0-9_-]{0,30}+\\s?){1,2})",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ZERO = Pattern.compile(
      "(?<![A-Za-z0-9_])(zero|0|no)\\s{1,5}(mismatch(?:es|ed)?(?:\\s+rows)?|mismatched rows"
          + "|differences?|diffs?|divergent rows|orphan(?:ed|s)?(?: \\w+)?)\\b",
      Pattern.CASE_INSENSITIVE);
  // "must return 0", "returns zero rows", "should return 0 rows", "Expected: 0", "must be 0"
  private static final Pattern RESULT_ZERO = Pattern.compile(
      "(?<![A-Za-z0-9_])(?:must|should|has to|needs to|expected to)?\\s{0,3}"
          + "(?:returns?|be|equal|equals)\\s{1,5}(?:exactly\\s+)?(?:0|zero)(?![\\w.%])"
          + "|(?<![A-Za-z0-9_])expected(?: result)?\\s{0,3}[:=]\\s{0,3}(?:0|zero)(?![\\w.%])"
          + "|(?<![A-Za-z0-9_])any non-?zero (?:count|result|row|value|number)",
      Pattern.CASE_INSENSITIVE);

  public static List<Threshold> findAll(String text) {
    List<Threshold> out = new ArrayList<>();
    boolean digits = text.chars().anyMatch(Character::isDigit);
    Matcher m = COMPARISON.matcher(digits ? text : "");
    while (m.find()) {
      String cmp = m.group(2).toLowerCase(Locale.ROOT);
      String unit = m.group(4) == null ? "" : m.group(4).toLowerCase(Locale.ROOT);
      // "is 5" / "of 5" with no unit is too weak to be a threshold ("phase 1 of 3")
      if ((cmp.equals("is") || cmp.equals("of") || cmp.equals("=")) && unit.isEmpty()) continue;
      OptionalDouble v = Numbers.value(m.group(3));
      if (v.isEmpty()) continue;
      out.add(new Threshold(m.group(1).trim().toLowerCase(Locale.ROOT), cmp,
          v.getAsDouble(), unit.equals("percent") ? "%" : unit));
    }
    m = COMPARISON_FIRST.matcher(digits ? text : "");
    while (m.find()) {
      OptionalDouble v = Numbers.value(m.group(2));
      if (v.isEmpty()) continue;
      String unit = m.group(3) == null ? "" : m.group(3).toLowerCase(Locale.ROOT);
      out.add(new Threshold(m.group(4).trim().toLowerCase(Locale.ROOT),
          m.group(1).toLowerCase(Locale.ROOT), v.getAsDouble(), unit.equals("percent") ? "%" : unit));
    }
    Matcher z = ZERO.matcher(text);
    while (z.find()) {
      // "no mismatch" is only a threshold when it reads as a gate, not as a hope
      if (z.group(1).equalsIgnoreCase("no")) continue;
      out.add(new Threshold(z.group(2).toLowerCase(Locale.ROOT), "=", 0, "rows"));
    }
    Matcher r = RESULT_ZERO.matcher(text);
    while (r.find()) out.add(new Threshold("result", "=", 0, "rows"));
    return out;
  }
}
