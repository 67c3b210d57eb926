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
 * rows", "0 mismatches". Knowingly NOT thresholds: "elevated write latency", "high lag", "the
 * threshold named in the spec" — no number to compare against.
 */
public final class ThresholdExtractor {
  private ThresholdExtractor() {}

  /**
   * One threshold: the words before the comparison (the metric, lower-case), the comparison as
   * written, the value and its unit ("%", "ms", "s", "rows", …; "" when none).
   */
  public record Threshold(String metric, String comparison, double value, String unit) {}

  private static final String CMP =
      "(>=|<=|≥|≤|>|<|=|above|over|exceeds?|exceeding|greater than|more than|higher than"
          + "|less than|below|under|at least|at most|reaches|hits|crosses|beyond|of|is|of at most)";
  private static final Pattern COMPARISON = Pattern.compile(
      "([A-Za-z][A-Za-z0-9_ /-]{0,40}?)\\s*" + CMP + "\\s*(?:~\\s*)?"
          + "(\\d+(?:\\.\\d+)?)\\s*(%|percent|ms|milliseconds?|seconds?|secs?|s|minutes?|mins?"
          + "|hours?|rows?|errors?|mismatch(?:es|ed)?)?(?![\\w.])",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern ZERO = Pattern.compile(
      "\\b(zero|0|no)\\s+(mismatch(?:es|ed)?(?:\\s+rows)?|mismatched rows|differences?"
          + "|diffs?|divergent rows)\\b",
      Pattern.CASE_INSENSITIVE);

  public static List<Threshold> findAll(String text) {
    List<Threshold> out = new ArrayList<>();
    Matcher m = COMPARISON.matcher(text);
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
    Matcher z = ZERO.matcher(text);
    while (z.find()) {
      // "no mismatch" is only a threshold when it reads as a gate, not as a hope
      if (z.group(1).equalsIgnoreCase("no")) continue;
      out.add(new Threshold(z.group(2).toLowerCase(Locale.ROOT), "=", 0, "rows"));
    }
    return out;
  }
}
