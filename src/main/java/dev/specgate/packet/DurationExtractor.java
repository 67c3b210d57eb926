package dev.specgate.packet;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations written in prose: "7 days", "25 hours", "nine days", "a week", "24h", "100ms",
 * "7-day window", "1.5 hours". Deliberately NOT durations: "two releases", "one deploy cycle",
 * "a sprint", "until stable", "next quarter" — they cannot be checked against a clock.
 */
public final class DurationExtractor {
  private DurationExtractor() {}

  private static final Pattern DURATION = Pattern.compile(
      "(?<![\\w.])" + Numbers.NUMBER + "\\s{0,3}(?:-\\s{0,3})?"
          + "(milliseconds?|millis|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h"
          + "|days?|d|weeks?|wks?|w|months?)(?![\\w])",
      Pattern.CASE_INSENSITIVE);

  /** One duration found in a text, with where it starts. */
  public record Found(Duration duration, int start, int end) {}

  public static List<Found> findAll(String text) {
    List<Found> out = new ArrayList<>();
    Matcher m = DURATION.matcher(text);
    while (m.find()) {
      String unit = m.group(2).toLowerCase(Locale.ROOT);
      String num = m.group(1);
      boolean word = !Character.isDigit(num.charAt(0));
      // single-letter units only after digits ("24h", "5 s"), never after words ("a m")
      if (word && unit.length() == 1) continue;
      OptionalDouble v = Numbers.value(num);
      if (v.isEmpty()) continue;
      out.add(new Found(toDuration(v.getAsDouble(), unit), m.start(), m.end()));
    }
    return out;
  }

  public static java.util.Optional<Duration> first(String text) {
    List<Found> all = findAll(text);
    return all.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(all.get(0).duration());
  }

  static Duration toDuration(double v, String unit) {
    double millis;
    if (unit.startsWith("ms") || unit.startsWith("milli")) millis = v;
    else if (unit.startsWith("s")) millis = v * 1000;
    else if (unit.startsWith("mo")) millis = v * 30 * 86_400_000d;
    else if (unit.startsWith("m")) millis = v * 60_000;
    else if (unit.startsWith("h")) millis = v * 3_600_000;
    else if (unit.startsWith("d")) millis = v * 86_400_000d;
    else millis = v * 7 * 86_400_000d; // weeks
    return Duration.ofMillis(Math.round(millis));
  }
}
