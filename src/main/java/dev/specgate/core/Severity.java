package dev.specgate.core;

import java.util.Locale;
import java.util.Optional;

/** How serious a finding is. Ordered from most to least severe. */
public enum Severity {
  ERROR, WARNING, NOTICE;

  /** The lower-case name used in config files, JSON and on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** True when this severity is at least as serious as {@code threshold}. */
  public boolean atLeast(Severity threshold) {
    return ordinal() <= threshold.ordinal();
  }

  public static Optional<Severity> parse(String text) {
    if (text == null) return Optional.empty();
    for (Severity s : values()) {
      if (s.label().equals(text.trim().toLowerCase(Locale.ROOT))) return Optional.of(s);
    }
    return Optional.empty();
  }
}
