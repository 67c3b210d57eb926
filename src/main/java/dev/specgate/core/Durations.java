package dev.specgate.core;

import java.util.Locale;

/** Durations in milliseconds as people read them: "3.1 ms", "84 ms", "2.1 s", "2.1 min", "4.0 h". */
public final class Durations {
  private Durations() {}

  public static String human(double ms) {
    if (ms < 10) return String.format(Locale.ROOT, "%.1f ms", ms);
    if (ms < 1000) return String.format(Locale.ROOT, "%.0f ms", ms);
    double s = ms / 1000;
    if (s < 60) return String.format(Locale.ROOT, "%.1f s", s);
    if (s < 3600) return String.format(Locale.ROOT, "%.1f min", s / 60);
    return String.format(Locale.ROOT, "%.1f h", s / 3600);
  }
}
